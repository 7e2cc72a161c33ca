package org.abierto.testing;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.abierto.diagnostic.Diagnostic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small bilingual site written into a temporary folder, for behaviour tests: a test changes the
 * files it is about, builds, and asserts on the output and the diagnostics.
 *
 * <p>Layout: {@code project/content}, {@code project/templates}, output {@code project/out}.
 * The default templates print just enough (title, body, alternates) to test the pipeline without the theme.
 */
public final class MiniSite {
    private final Path root;

    private MiniSite(Path root) {
        this.root = root;
    }

    /** A site with a Spanish and an English home, one translated page each, and minimal templates. */
    public static MiniSite create(Path dir) {
        var site = new MiniSite(dir.resolve("project"));
        site.file("pom.xml", "<project/>\n"); // marks the repository root
        site.file("content/site.yaml", """
                title:
                  es: Informe de prueba
                  en: Test report
                baseUrl: /
                languages:
                  - code: es
                    locale: es-MX
                    name: Español
                  - code: en
                    locale: en-US
                    name: English
                organisation:
                  name: Coalición de prueba
                licence:
                  name: CC BY 4.0
                  url: https://creativecommons.org/licenses/by/4.0/
                """);
        site.file("content/i18n/es.yaml", "next: Siguiente\nformat:\n  month: MMMM 'de' y\n");
        site.file("content/i18n/en.yaml", "next: Next\nformat:\n  month: MMMM y\n");
        site.file("content/es/_index.md", "---\ntitle: Inicio\ntranslationKey: home\n---\n\nBienvenida.\n");
        site.file("content/en/_index.md", "---\ntitle: Home\ntranslationKey: home\n---\n\nWelcome.\n");
        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto del diagnóstico.\n");
        site.file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\n---\n\nDiagnosis text.\n");
        String page = """
                <!DOCTYPE html>
                <html lang="${site.language.code}">
                <head><meta charset="utf-8"><title>${page.title}</title></head>
                <body>
                <#list page.alternates as a><a href="${a.page.url}" hreflang="${a.language.code}">${a.language.name}</a></#list>
                <main><h1>${page.title}</h1>
                ${content}
                </main>
                </body>
                </html>
                """;
        site.file("templates/page.ftlh", page);
        site.file("templates/home.ftlh", page);
        site.file("templates/section.ftlh", page);
        site.file("templates/landing.ftlh", """
                <!DOCTYPE html>
                <html lang="es"><head><meta charset="utf-8"><title>${site.title}</title></head>
                <body><#list page.children as home><a href="${home.url}">${home.title}</a></#list></body></html>
                """);
        site.file("templates/directives/table.ftlh", """
                <#assign t = site.tables[args.data]>
                <table><caption>${t.title}</caption>
                <tr><#list t.columns as c><th>${c.label}</th></#list></tr>
                <#list t.rows as r><tr><#list r.cells as cell><td>${cell.text}</td></#list></tr></#list>
                <#if t.totals??><tr><th>Total</th><#list t.totals.cells[1..] as cell><td>${cell.text}</td></#list></tr></#if>
                </table>
                """);
        new Abierto().translations(site.request(), true, List.of(), true); // start with current translations
        return site;
    }

    /** Writes (or replaces) a file of the project. */
    public MiniSite file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MiniSite delete(String path) {
        try {
            Files.delete(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path out() {
        return root.resolve("out");
    }

    public BuildRequest request() {
        return new BuildRequest(root.resolve("content"), root.resolve("templates"), out(), null, false);
    }

    public BuildResult build() {
        return new Abierto().build(request());
    }

    public BuildResult buildStrict() {
        var r = request();
        return new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), r.outputDir(), null, true));
    }

    /** A file of the output, as text. */
    public String output(String path) {
        try {
            return Files.readString(out().resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every diagnostic formatted as the CLI prints it, relative to the project folder. */
    public List<String> report(BuildResult result) {
        return result.diagnostics().stream().map(d -> d.format(root)).toList();
    }

    /** Every diagnostic but those about translations going stale, for tests that edit an original. */
    public List<String> reportIgnoringTranslations(BuildResult result) {
        return result.diagnostics().stream().filter(d -> !d.code().endsWith("-translation") || d.code().equals("missing-translation"))
                .map(d -> d.format(root)).toList();
    }

    /** Only the errors, formatted. */
    public List<String> errors(BuildResult result) {
        return result.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.format(root)).toList();
    }

    /** Every output file path, sorted, with '/' separators. */
    public List<String> outputFiles() {
        return files(out());
    }

    public static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
