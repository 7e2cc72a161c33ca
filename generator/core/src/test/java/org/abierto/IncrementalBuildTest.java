package org.abierto;

import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dev server's incremental rebuilds give exactly what a fresh build gives, after any sequence of
 * edits: body text, titles and order (navigation changes), data, interface words, templates, new and
 * deleted pages. Each seed is one random sequence, repeatable.
 */
class IncrementalBuildTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void afterRandomEditsTheWorkspaceEqualsAFreshBuild(long seed) throws IOException {
        var site = MiniSite.create(dir)
                .file("content/data/ejemplares.yaml", "title: {es: Ejemplares, en: Copies}\ncolumns:\n"
                        + "  - {key: n, label: {es: Número, en: Number}, type: integer, total: true}\nrows:\n  - {n: 1}\n  - {n: 2}\n")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto del diagnóstico.\n\n## Hallazgos\n\nTexto.\n")
                .file("templates/directives/table.ftlh", "<table><caption>${site.tables[args.data].title}</caption>"
                        + "<#list site.tables[args.data].rows as r><tr><th>${r.cells[0].text}</th></tr></#list></table>\n");
        for (int i = 1; i <= 4; i++) {
            site.file("content/es/p" + i + ".md", "---\ntitle: Página " + i + "\norder: " + i + "\ntranslationKey: p" + i
                    + "\n---\n\nTexto " + i + ". Ver [el diagnóstico](diagnostico.md) y [sus hallazgos](diagnostico.md#hallazgos)."
                    + "\n\n::table{data=ejemplares}\n");
            site.file("content/en/p" + i + ".md", "---\ntitle: Page " + i + "\norder: " + i + "\ntranslationKey: p" + i
                    + "\n---\n\nText " + i + ". See [the diagnosis](diagnosis.md).\n");
        }
        var workspace = new Workspace(site.request());
        workspace.update(List.of());
        Random random = new Random(seed);
        for (int step = 0; step < 16; step++) {
            Path changed = edit(site, random, step);
            Workspace.Snapshot snapshot = workspace.update(List.of(changed));
            var fresh = new Workspace(site.request()).update(List.of());
            assertEquals(fresh.result().diagnostics(), snapshot.result().diagnostics(), "seed " + seed + ", step " + step);
            assertEquals(fresh.files().keySet(), snapshot.files().keySet(), "seed " + seed + ", step " + step);
            for (var file : fresh.files().entrySet()) {
                assertArrayEquals(bytes(file.getValue()), bytes(snapshot.files().get(file.getKey())),
                        "seed " + seed + ", step " + step + ": " + file.getKey());
            }
        }
    }

    /**
     * Issue 14, item 1: a template that reads a value under another name (a macro parameter, an
     * {@code #assign}, a {@code #list} variable) kept showing the old value after an edit, because
     * what a template reads was guessed from its text ({@code site.menu}) instead of recorded.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "<#macro nav s><#list s.menu as item><li>${item.title}</li></#list></#macro><ul><@nav s=site/></ul>",
            "<#assign s = site><ul><#list s.menu as item><li>${item.title}</li></#list></ul>",
            "<#list [site] as s><ul><#list s.menu as item><li>${item.title}</li></#list></ul></#list>",
            "<#function titles s><#return s.menu?map(i -> i.title)?join(\", \")></#function><ul><li>${titles(site)}</li></ul>",
            "<#macro show p><li>${p.title}</li></#macro><ul><#list editions?values as e><#list e.menu as item><@show p=item/></#list></#list></ul>"})
    void aValueReadUnderAnotherNameFollowsAnEdit(String navigation) throws IOException {
        var site = MiniSite.create(dir);
        for (int i = 1; i <= 3; i++) {
            site.file("content/es/p" + i + ".md", "---\ntitle: Página " + i + "\norder: " + (i + 1) + "\n---\n\nTexto " + i + ".\n");
        }
        site.file("templates/page.ftlh", read(site, "templates/page.ftlh").replace("<main>", navigation + "<main>"));
        var workspace = new Workspace(site.request());
        assertEquals(List.of(), workspace.update(List.of()).result().diagnostics().stream().filter(d -> d.isError()).toList());

        // The last page's new title changes the menu, and nothing else of the first page.
        site.file("content/es/p3.md", "---\ntitle: Página final\norder: 4\n---\n\nTexto 3.\n");
        Workspace.Snapshot snapshot = workspace.update(List.of(site.root().resolve("content/es/p3.md")));
        var fresh = new Workspace(site.request()).update(List.of());
        String page = new String(bytes(fresh.files().get("es/diagnostico/index.html")), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(page.contains("Página final"), page);
        assertEquals(page, new String(bytes(snapshot.files().get("es/diagnostico/index.html")), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** One random edit of the kinds an editor makes; returns the file changed, as the dev server's watcher reports it. */
    private static Path edit(MiniSite site, Random random, int step) throws IOException {
        int page = 1 + random.nextInt(4);
        String es = "content/es/p" + page + ".md";
        String changed = switch (random.nextInt(10)) {
            case 0 -> write(site, es, read(site, es).replaceFirst("Texto \\d+[^.]*\\.", "Texto " + page + " revisado en el paso " + step + "."));
            case 1 -> write(site, es, read(site, es).replaceFirst("title: .*", "title: Página " + page + " (" + step + ")"));
            case 2 -> write(site, es, read(site, es).replaceFirst("order: \\d+", "order: " + random.nextInt(10)));
            case 3 -> write(site, "content/data/ejemplares.yaml", read(site, "content/data/ejemplares.yaml")
                    .replaceFirst("\\{n: \\d+}", "{n: " + (step + 10) + "}"));
            case 4 -> write(site, "content/i18n/es.yaml", "next: Siguiente " + step + "\nformat:\n  month: MMMM 'de' y\n");
            case 5 -> write(site, "templates/page.ftlh", read(site, "templates/page.ftlh").replace("</main>", "<!-- " + step + " --></main>"));
            case 6 -> write(site, "content/es/nueva-" + step + ".md", "---\ntitle: Nueva " + step + "\n---\n\nPágina nueva.\n");
            // Links whose target comes and goes: a page that may have been deleted, an anchor that may be renamed.
            case 7 -> write(site, es, read(site, es).replaceFirst("( \\[la nueva]\\(nueva-\\d+\\.md\\)\\.)?\n\n::table",
                    (random.nextBoolean() ? "" : " [la nueva](nueva-" + random.nextInt(step + 1) + ".md).") + "\n\n::table"));
            case 8 -> write(site, "content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto del diagnóstico.\n\n## "
                    + (random.nextBoolean() ? "Hallazgos" : "Resultados") + "\n\nTexto.\n");
            default -> {
                List<String> extra = new ArrayList<>(MiniSite.files(site.root().resolve("content/es")).stream()
                        .filter(f -> f.startsWith("nueva-")).map(f -> "es/" + f.replace(".md", "/index.html")).toList());
                if (extra.isEmpty()) {
                    yield write(site, "templates/directives/table.ftlh", read(site, "templates/directives/table.ftlh") + "<!-- " + step + " -->\n");
                }
                String name = extra.get(0).replace("/index.html", "");
                site.delete("content/" + name + ".md");
                yield "content/" + name + ".md";
            }
        };
        // The file the watcher would report: an edit of a known file is read alone, anything else makes a full walk.
        return site.root().resolve(changed);
    }

    private static String write(MiniSite site, String path, String text) {
        site.file(path, text);
        return path;
    }

    private static String read(MiniSite site, String path) throws IOException {
        return Files.readString(site.root().resolve(path));
    }

    private static byte[] bytes(OutputFile file) throws IOException {
        return file instanceof OutputFile.Generated g ? g.bytes() : Files.readAllBytes(((OutputFile.Copied) file).source());
    }

}
