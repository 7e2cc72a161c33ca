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
