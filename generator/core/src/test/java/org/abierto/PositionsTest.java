package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 8: the messages that named only a file (or only the output folder) say where:
 * invalid UTF-8 at its first bad byte, a symbolic link and a file that cannot be copied at the file's
 * start, a link written in raw HTML at its tag.
 */
class PositionsTest {
    @TempDir
    Path dir;

    @Test
    void invalidUtf8IsReportedAtItsFirstBadByte() throws IOException {
        var site = MiniSite.create(dir);
        // "Visión" in UTF-8 on line 5; on line 6, "Peñasco" saved in Latin-1: ñ is the lone byte 0xF1, after 4 characters.
        byte[] head = "---\ntitle: Diagnóstico\n---\n\nVisión general.\nLa Pe".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "asco.\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        file[head.length] = (byte) 0xF1;
        System.arraycopy(tail, 0, file, head.length + 1, tail.length);
        Files.write(site.root().resolve("content/es/diagnostico.md"), file);
        assertEquals(List.of("content/es/diagnostico.md:6:6: error: the byte 0xF1 is not valid UTF-8 (the file was saved in another "
                + "encoding, such as Latin-1 or Windows-1252); save it as UTF-8"), site.errors(site.build()));
    }

    @Test
    void aSymbolicLinkLeadingOutsideIsReportedAtTheLink() throws IOException {
        var site = MiniSite.create(dir);
        Files.writeString(dir.resolve("secreto.txt"), "clave");
        Files.createDirectories(site.root().resolve("content/static"));
        Files.createSymbolicLink(site.root().resolve("content/static/secreto.txt"), dir.resolve("secreto.txt"));
        assertEquals(List.of("content/static/secreto.txt:1:1: error: this symbolic link leads outside content/; copy the file in instead"),
                site.errors(site.build()));
    }

    @Test
    void aLinkWrittenInRawHtmlIsReportedAtItsTag() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\nTexto.\n\n"
                + "<p title=\"<a href\">Ver <a href=\"/es/no-existe/\">el plan</a>.</p>\n\n"
                + "Y en línea: <img src=\"/falta.png\" alt=\"Falta\"> aquí.\n");
        BuildResult result = site.build();
        assertEquals(List.of("content/es/diagnostico.md:7:24: error: the link '/es/no-existe/' leads to /es/no-existe/index.html, which the "
                        + "site does not have",
                "content/es/diagnostico.md:9:13: error: the link '/falta.png' leads to /falta.png, which the site does not have"),
                site.errors(result));
        var quiet = MiniSite.create(dir.resolve("otra")).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n"
                + "<p title=\"<a href\">Ver <a href=\"https://www.opengovpartnership.org/\">la OGP</a>.</p>\n");
        BuildResult built = quiet.build();
        assertTrue(built.written(), quiet.errors(built).toString());
        String html = quiet.output("es/diagnostico/index.html");
        assertTrue(html.contains("<p title=\"&lt;a href\">Ver <a href=\"https://www.opengovpartnership.org/\">la OGP</a>.</p>"), html);
        assertFalse(html.contains("data-src"), "where a tag was written is never published: " + html);
    }

    @Test
    void aReferenceLinkIsReportedWhereItIsUsed() {
        // [text][name] with "[name]: address" elsewhere: each use is a link of its own, reported where it is.
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n"
                + "Ver [el plan][plan] y, más abajo, [el plan] otra vez.\n\n"
                + "Y la ![imagen][foto], y [un script][js].\n\n"
                + "[js]: JaVa&#115;cript:alert(1)\n"
                + "[plan]: /es/no-existe/\n"
                + "[el plan]: #sin-ancla\n"
                + "[foto]: /falta.png\n");
        assertEquals(List.of(
                "content/es/diagnostico.md:5:5: error: the link '/es/no-existe/' leads to /es/no-existe/index.html, which the site does not have",
                "content/es/diagnostico.md:5:35: error: the link '#sin-ancla' points at the anchor #sin-ancla, which /es/diagnostico/ does not have",
                "content/es/diagnostico.md:7:6: error: the link '/falta.png' leads to /falta.png, which the site does not have",
                "content/es/diagnostico.md:7:25: error: the link 'JaVascript:alert(1)' runs code or embeds data; link to a page or file instead"),
                site.errors(site.build()));
    }

    @Test
    void aReferenceLinkToAPageLeadsWhereTheSameInlineLinkLeads() {
        // Before reference links were read as Markdown links, [x][d] with "[d]: diagnostico.md" kept the
        // address diagnostico.md, a file the site does not publish.
        var site = MiniSite.create(dir).file("content/es/_index.md", "---\ntitle: Inicio\ntranslationKey: home\n---\n\n"
                + "Ver [el diagnóstico](diagnostico.md) y [el mismo][d].\n\n[d]: diagnostico.md\n");
        BuildResult built = site.build();
        assertTrue(built.written(), site.errors(built).toString());
        var hrefs = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\">(el diagnóstico|el mismo)</a>")
                .matcher(site.output("es/index.html")).results().map(m -> m.group(1)).toList();
        assertEquals(2, hrefs.size(), hrefs.toString());
        assertEquals(hrefs.get(0), hrefs.get(1));
        assertFalse(hrefs.get(1).endsWith(".md"), hrefs.toString());
    }

    @Test
    void tablesAndHeadingsOfRawHtmlAreReportedAtTheirTags() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n"
                + "Texto.\n\n"
                + "<table><tr><th>Fase</th></tr><tr><td>Uno</td></tr></table>\n\n"
                + "<div><p>Y</p><h1>Otro título</h1>\n<H3 id=\"tres\">Tres</H3></div>\n");
        assertEquals(List.of(
                "content/es/diagnostico.md:7:1: error: a table has no caption; in Markdown, write [Its title] on the line right after the table",
                "content/es/diagnostico.md:9:14: error: the page has a second level-1 heading ('Otro título'); the title is the only one: "
                        + "start the page's headings with ## in Markdown",
                "content/es/diagnostico.md:10:1: error: the heading 'Tres' is level 3 right after a level 1; use level 2 (## in Markdown)"),
                site.errors(site.build()));
        var quiet = MiniSite.create(dir.resolve("otra")).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n"
                + "<table><caption>Fases</caption><tr><th>Fase</th></tr><tr><td>Uno</td></tr></table>\n\n<h2>Dos</h2>\n\nTexto.\n");
        BuildResult built = quiet.build();
        assertTrue(built.written(), quiet.errors(built).toString());
        String html = quiet.output("es/diagnostico/index.html");
        assertTrue(html.contains("<table><caption>Fases</caption>") && html.contains("<h2>Dos</h2>"), html);
        assertFalse(html.contains("data-src"), "where a tag was written is never published: " + html);
    }

    @Test
    void aPositionWrittenByHandInRawHtmlIsNoCrash() {
        // data-src is how Markdown's own elements carry their position; raw HTML may hold one that is not a position.
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n"
                + "<p><a data-src=\"uno:dos\" href=\"/es/no-existe/\">x</a> <a data-src-html=\"99999999999:1\" href=\"#nada\">y</a></p>\n");
        List<String> errors = site.errors(site.build());
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.startsWith("content/es/diagnostico.md")), errors.toString());
    }

    @Test
    void aFileThatCannotBeCopiedIsNamedWithTheContentFileNotTheOutputFolder() throws IOException {
        var site = MiniSite.create(dir);
        Path pdf = site.root().resolve("content/static/guia.pdf");
        Files.createDirectories(pdf.getParent());
        Files.writeString(pdf, "%PDF-1.4");
        assertTrue(site.build().written());
        String before = site.output("es/index.html");
        // Gone after it was read and before it is copied, as when an editor deletes it during the build.
        var deleted = new AtomicBoolean();
        BuildResult result = new Abierto().build(site.request(), (stage, done, total) -> {
            if (stage.equals("building pages") && deleted.compareAndSet(false, true)) {
                try {
                    Files.delete(pdf);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertEquals(List.of("content/static/guia.pdf:1:1: error: cannot copy this file into the site: it no longer exists; the previous "
                + "output is unchanged"), site.errors(result));
        assertEquals(before, site.output("es/index.html"));
        assertTrue(Files.exists(site.out().resolve("guia.pdf")));
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsReportedAtTheFileInTheWay() throws IOException {
        var site = MiniSite.create(dir);
        Files.writeString(site.root().resolve("publicar"), "un archivo, no una carpeta");
        var r = site.request();
        BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), site.root().resolve("publicar/sitio"),
                null, false));
        assertEquals(List.of("publicar:1:1: error: cannot prepare the output folder sitio: this is a file, where the output's path needs a folder; "
                + "the previous output is unchanged"), site.errors(result));
        assertFalse(result.written());
    }
}
