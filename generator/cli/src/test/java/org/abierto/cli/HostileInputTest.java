package org.abierto.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hostile input of the reviews so far (issues 13 and 14), through the command as a user runs it:
 * each ends in exit 1 (the content's or the theme's error) or 2 (a wrong option) — never 3, "a bug
 * in Abierto" — with a message that says where (a file with its line and column, or the option), and
 * no stack trace. Inputs Abierto accepts once made harmless (event handlers in Markdown attributes)
 * end in 0, with a warning where they are written.
 */
// A guard, not a timing assertion: were an option accepted again, `serve` would start a server and never
// return; the test then fails instead of hanging the build.
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputTest {
    @TempDir
    Path dir;

    /** What a case does to a fresh bilingual report before running the command. */
    @FunctionalInterface
    interface Setup {
        void apply(Project project) throws IOException;
    }

    /**
     * @param name     what the input is (and where it was reported)
     * @param setup    how the report is made hostile
     * @param args     the command
     * @param exit     the exit code
     * @param located  how the message starts: the file with line and column, or the option
     */
    record Case(String name, Setup setup, List<String> args, int exit, String located) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The report being made hostile. */
    record Project(Path root) {
        void write(String path, String text) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        void append(String path, String text) throws IOException {
            write(path, Files.readString(root.resolve(path)) + text);
        }

        void bytes(String path, byte[] bytes) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }

        void sparse(String path, long size) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            try (var f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(size);
            }
        }
    }

    private static final String PAGE_TEMPLATE = """
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

    private static Project report(Path dir) throws IOException {
        var p = new Project(dir);
        p.write("pom.xml", "<project/>\n");
        p.write("content/site.yaml", """
                title: {es: Informe, en: Report}
                baseUrl: /
                languages:
                  - {code: es, locale: es-MX, name: Español}
                  - {code: en, locale: en-US, name: English}
                organisation: {name: Coalición}
                licence: {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}
                """);
        p.write("content/i18n/es.yaml", "hola: Hola\n");
        p.write("content/i18n/en.yaml", "hola: Hello\n");
        p.write("content/es/_index.md", "---\ntitle: Inicio\ntranslationKey: home\n---\n\nBienvenida.\n");
        p.write("content/en/_index.md", "---\ntitle: Home\ntranslationKey: home\n---\n\nWelcome.\n");
        p.write("content/es/ruta/_index.md", "---\ntitle: Ruta\ntranslationKey: ruta\n---\n\nLa ruta.\n");
        p.write("content/en/roadmap/_index.md", "---\ntitle: Roadmap\ntranslationKey: ruta\n---\n\nThe roadmap.\n");
        p.write("content/es/ruta/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n");
        p.write("content/en/roadmap/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: ruta/diagnostico\n---\n\nText.\n");
        p.write("content/data/fases.yaml", """
                title: {es: Fases, en: Phases}
                columns:
                  - {key: nombre, label: {es: Fase, en: Phase}}
                rows:
                  - {id: diagnostico, nombre: {es: Diagnóstico, en: Diagnosis}}
                """);
        p.write("content/data/entregables.yaml", """
                title: {es: Entregables, en: Deliverables}
                columns:
                  - {key: entregable, label: {es: Entregable, en: Deliverable}, link: true}
                rows:
                  - {id: informe, phase: diagnostico, entregable: {es: Informe, en: Report}, url: https://example.org/informe.pdf}
                """);
        for (String t : List.of("page", "home", "section")) {
            p.write("templates/" + t + ".ftlh", PAGE_TEMPLATE);
        }
        p.write("templates/landing.ftlh", "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>${site.title}</title></head>"
                + "<body><#list page.children as home><a href=\"${home.url}\">${home.title}</a></#list></body></html>\n");
        p.write("templates/directives/deliverables.ftlh", "<ul><#list site.tables[args.data].rows as row><li>${row.cells[0].text}</li>"
                + "</#list></ul>\n");
        return p;
    }

    private static String page(String body) {
        return "---\ntitle: Hondo\n---\n\n" + body + "\n";
    }

    /** A PNG whose header says 2000 × 1000 pixels and whose picture is missing: readable size, unreadable image. */
    private static byte[] truncatedPng() {
        var png = new java.io.ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = java.nio.ByteBuffer.allocate(13).putInt(2000).putInt(1000).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array();
        var crc = new java.util.zip.CRC32();
        crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
        crc.update(header);
        png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        png.writeBytes("IHDR".getBytes(StandardCharsets.US_ASCII));
        png.writeBytes(header);
        png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return png.toByteArray();
    }

    static Stream<Case> cases() {
        var nestedLists = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            nestedLists.append("  ".repeat(i)).append("- punto\n");
        }
        return Stream.of(
                // Issue 14, item 4: limits.
                new Case("1,000 nested quotes", p -> p.write("content/es/hondo.md", page(">".repeat(1000) + " x")),
                        List.of("build", "--out", "out"), 1, "content/es/hondo.md:5:51: error: quotes, lists"),
                new Case("1,000 nested list levels", p -> p.write("content/es/hondo.md", page(nestedLists.toString())),
                        List.of("check", "--format", "json"), 1, "\"file\": \"content/es/hondo.md\",\n      \"line\": 55,"),
                new Case("emphasis nested past the parser's stack", p -> p.write("content/es/hondo.md",
                        page("*a ".repeat(20_000) + "x" + "*".repeat(20_000))), List.of("build", "--out", "out"), 1, "content/es/hondo.md:5:"),
                new Case("a macro that calls itself", p -> p.append("templates/page.ftlh", "<#macro m><@m/></#macro><@m/>\n"),
                        List.of("build", "--out", "out"), 1, "templates/page.ftlh:11:11: error: the templates nest more than 200"),
                new Case("a function that calls itself", p -> p.append("templates/page.ftlh",
                        "<#function f n><#return f(n + 1)></#function>${f(0)}\n"), List.of("check"), 1, "templates/page.ftlh:11:16: error:"),
                new Case("a template that includes itself", p -> p.append("templates/page.ftlh", "<#include \"page.ftlh\">\n"),
                        List.of("check"), 1, "templates/page.ftlh:11:1: error: the templates nest"),
                new Case("a static file of 2.3 GB", p -> p.sparse("content/static/video.mp4", 2_300_000_000L),
                        List.of("build", "--out", "out"), 1, "content/static/video.mp4:1:1: error: the file is 2.1 GiB"),
                new Case("a page of more than 3 MiB", p -> p.write("content/es/largo.md", page("x".repeat(3 << 20))),
                        List.of("check"), 1, "content/es/largo.md:1:1: error: the file is 3.0 MiB"),
                new Case("a data file of more than 3 Mi characters", p -> p.write("content/data/grande.yaml",
                        "title: x\nitems:\n" + "  - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".repeat(100_000)), List.of("check"), 1,
                        "content/data/grande.yaml:1:1: error: the file is 3.7 MiB"),
                new Case("YAML nested 2,000 levels", p -> p.write("content/data/hondo.yaml", "items: " + "[".repeat(2000) + "]".repeat(2000)),
                        List.of("check"), 1, "content/data/hondo.yaml:1:107: error: lists and mappings are nested"),
                new Case("a figure whose image cannot be read", p -> {
                    p.bytes("content/static/figuras/roto.png", truncatedPng());
                    p.write("content/data/figuras.yaml", "roto:\n  image: figuras/roto.png\n  alt: {es: Roto, en: Broken}\n"
                            + "  caption: {es: Roto, en: Broken}\n");
                    p.write("content/es/ruta/diagnostico.md", page("::figure{id=roto}"));
                    p.write("templates/directives/figure.ftlh", "<img src=\"/${site.figures[args.id].image}\" alt=\"x\">\n");
                }, List.of("build", "--out", "out"), 1, "content/static/figuras/roto.png:1:1: error: this image cannot be resized"),
                // Issue 14, item 5: options the system refuses.
                new Case("serve --port 99999", p -> { }, List.of("serve", "--port", "99999"), 2, "--port 99999: a port is a number"),
                new Case("serve --port -1", p -> { }, List.of("serve", "--port", "-1"), 2, "--port -1: a port is a number"),
                new Case("serve --base-url with a quote", p -> { }, List.of("serve", "--base-url", "https://example.org/\"x/"), 2,
                        "--base-url https://example.org/\"x/: an address may not hold the character '\"'"),
                new Case("build --base-url with a quote", p -> { }, List.of("build", "--base-url", "https://example.org/\"x/"), 2,
                        "--base-url https://example.org/\"x/:"),
                new Case("serve --bind that is no address", p -> { }, List.of("serve", "--port", "0", "--bind", "no-such-host.invalid"), 2,
                        "--bind no-such-host.invalid: not an address of this computer"),
                // Issue 14, items 6 to 8.
                new Case("a YAML alias", p -> p.write("content/data/cifras.yaml", "title: &f Cifras\nitems:\n  - *f\n"),
                        List.of("check"), 1, "content/data/cifras.yaml:3:5: error: '*f' is a YAML alias"),
                new Case("a phase that no phase has", p -> p.write("content/data/entregables.yaml",
                        Files.readString(p.root().resolve("content/data/entregables.yaml")).replace("phase: diagnostico", "phase: diagnostic")),
                        List.of("check"), 1, "content/data/entregables.yaml:5:26: error: no phase of data/fases.yaml has the id 'diagnostic'; "
                                + "did you mean 'diagnostico'?"),
                new Case("::deliverables of a phase that no phase has", p -> p.write("content/es/ruta/diagnostico.md",
                        page("## Entregables de esta fase\n\n::deliverables{data=entregables phase=diagnostik}")),
                        List.of("build", "--out", "out"), 1, "content/es/ruta/diagnostico.md:7:1: error: no phase of data/fases.yaml has "
                                + "the id 'diagnostik'; did you mean 'diagnostico'?"),
                new Case("invalid UTF-8", p -> {
                    byte[] text = "---\ntitle: Pe?a\n---\n\nx\n".getBytes(StandardCharsets.US_ASCII);
                    text[13] = (byte) 0xF1; // ñ saved in Latin-1
                    p.bytes("content/es/latin1.md", text);
                }, List.of("check"), 1, "content/es/latin1.md:2:10: error: the byte 0xF1"),
                new Case("a symbolic link leading outside", p -> {
                    p.write("../secreto.txt", "clave");
                    Files.createDirectories(p.root().resolve("content/static"));
                    Files.createSymbolicLink(p.root().resolve("content/static/secreto.txt"), p.root().resolve("../secreto.txt"));
                }, List.of("check"), 1, "content/static/secreto.txt:1:1: error: this symbolic link leads outside content/"),
                new Case("a broken link in raw HTML", p -> p.write("content/es/ruta/diagnostico.md",
                        page("<p>Ver <a href=\"/es/no-existe/\">el plan</a>.</p>")), List.of("check"), 1,
                        "content/es/ruta/diagnostico.md:5:8: error: the link '/es/no-existe/'"),
                new Case("raw HTML with a position written by hand", p -> p.write("content/es/ruta/diagnostico.md",
                        page("<p><a data-src=\"uno:dos\" href=\"/es/no-existe/\">x</a></p>")), List.of("check"), 1,
                        "content/es/ruta/diagnostico.md:5:4: error: the link '/es/no-existe/'"),
                new Case("new page without a name for the translation", p -> { }, List.of("new", "page", "content/es/ruta/evaluacion.md",
                        "--title", "2024"), 1, "content/es/ruta/evaluacion.md: error: the English page needs a file name in English"),
                // Issue 13: templates that reach for Java, Markdown that carries scripts, the output folder, new site.
                new Case("a template reaching the file system through a Path", p -> p.append("templates/page.ftlh",
                        "<#if page.source??>${page.source.getFileSystem()}</#if>\n"), List.of("build", "--out", "out"), 1,
                        "templates/page.ftlh:11:"),
                new Case("a template using ?api", p -> p.append("templates/page.ftlh", "${page?api}\n"), List.of("check"), 1,
                        "templates/page.ftlh:11:"),
                new Case("a template using ?new", p -> p.append("templates/page.ftlh",
                        "<#assign e = \"freemarker.template.utility.Execute\"?new()>${e(\"id\")}\n"), List.of("check"), 1,
                        "templates/page.ftlh:11:"),
                new Case("a template using statics", p -> p.append("templates/page.ftlh", "${statics[\"java.lang.System\"].getenv()}\n"),
                        List.of("check"), 1, "templates/page.ftlh:11:"),
                new Case("a file added to the output by hand", p -> {
                    assertEquals(0, AbiertoCommand.run(new String[] {"build", "--out", "out"}, quiet(), quiet(), p.root()));
                    p.write("out/CNAME", "informe.example.org\n");
                }, List.of("build", "--out", "out"), 1, "out/CNAME:1:1: error: refusing to replace the output folder"),
                new Case("a folder with a stray manifest", p -> {
                    p.write("home/Documents/carta.txt", "Querida…");
                    p.write("home/abierto-manifest.json", "{\"files\": []}");
                }, List.of("build", "--out", "home"), 1, "home/Documents/carta.txt:1:1: error: refusing to replace the output folder"),
                new Case("--out inside the content", p -> { }, List.of("build", "--out", "content/static"), 2,
                        "--out content/static: refusing to write the site there"),
                new Case("--out that is the report", p -> { }, List.of("build", "--out", "."), 2, "--out .: refusing to write the site there"),
                new Case("new site inside the content", p -> { }, List.of("new", "site", "content/anexo"), 1,
                        "content/anexo: error: refusing to make a report inside the content folder"),
                new Case("a wrong --format", p -> { }, List.of("check", "--format", "xml"), 2, "--format is text or json, not xml"));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileInputIsAnErrorThatSaysWhereNeverACrash(Case c) throws IOException {
        Project project = report(dir.resolve("informe"));
        c.setup().apply(project);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = AbiertoCommand.run(c.args().toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), project.root());
        String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(c.exit(), exit, said);
        assertTrue(said.contains(c.located()), "expected a message starting " + c.located() + " in:\n" + said);
        assertFalse(said.contains("\tat "), said);
        assertFalse(said.contains("Exception"), said);
        assertFalse(said.contains("Error:") || said.contains("a bug in Abierto"), said);
        String first = c.located().lines().findFirst().orElseThrow().strip();
        assertTrue(said.lines().map(String::strip).anyMatch(line -> line.startsWith(first)), "the message starts a line:\n" + said);
    }

    @org.junit.jupiter.api.Test
    void eventHandlersInMarkdownAttributesAreRemovedWithAWarningWhereTheyAreWritten() throws IOException {
        // Issue 13, item 2: published as they were. Made harmless, they are a warning (exit 0), not an error.
        Project project = report(dir.resolve("informe"));
        project.write("content/es/ruta/diagnostico.md", page("P. {onclick=\"alert(1)\"}\n\n## S {onmouseover=\"alert(1)\" style=\"color:red\"}\n\nTexto."));
        var err = new ByteArrayOutputStream();
        int exit = AbiertoCommand.run(new String[] {"build", "--out", "out"}, quiet(), new PrintStream(err, true, StandardCharsets.UTF_8),
                project.root());
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, said);
        assertTrue(said.contains("content/es/ruta/diagnostico.md:5:5: warning: attributes in braces: removed the onclick attribute of <p>"),
                said);
        String html;
        try {
            html = Files.readString(project.root().resolve("out/es/ruta/diagnostico/index.html"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(html.contains("onclick") || html.contains("onmouseover") || html.contains("style="), html);
    }
}
