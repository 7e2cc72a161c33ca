package org.abierto.write;

import org.abierto.model.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteWriterTest {

    @TempDir
    Path tmp;

    private static OutputFile page(String path, String text) {
        return new OutputFile.Generated(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static String html(int i) {
        return "<!doctype html><title>page " + i + "</title><p>" + "texto ".repeat(200) + i;
    }

    @Test
    void unchangedFilesAreLinkedFromThePreviousOutputAndChangedOnesWritten() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("es/a/index.html", html(1)), page("es/b/index.html", html(2))), out, true);
        Object a = inode(out.resolve("es/a/index.html"));
        Object aGz = inode(out.resolve("es/a/index.html.gz"));
        Object b = inode(out.resolve("es/b/index.html"));

        SiteWriter.Staging staging = new SiteWriter().open(out, true);
        staging.add(page("es/a/index.html", html(1)));
        staging.add(page("es/b/index.html", html(3)));
        staging.add(page("es/c/index.html", html(4)));
        List<ManifestEntry> manifest = staging.commit();
        staging.close();

        assertEquals(a, inode(out.resolve("es/a/index.html")), "an unchanged page is carried over, not written");
        assertEquals(aGz, inode(out.resolve("es/a/index.html.gz")), "so is its gzip copy");
        assertEquals(2, staging.reused());
        assertNotEquals(b, inode(out.resolve("es/b/index.html")));
        assertEquals(html(3), Files.readString(out.resolve("es/b/index.html")));
        assertEquals(html(3), gunzip(out.resolve("es/b/index.html.gz")));
        assertEquals(html(1), gunzip(out.resolve("es/a/index.html.gz")));
        assertEquals(6, manifest.size());
        Map<String, ManifestEntry> recorded = ManifestEntry.parse(Files.readString(out.resolve(SiteWriter.MANIFEST)));
        for (ManifestEntry e : manifest) {
            byte[] bytes = Files.readAllBytes(out.resolve(e.path()));
            assertEquals(e, recorded.get(e.path()));
            assertEquals(SiteWriter.sha256(bytes), e.sha256(), e.path());
        }
    }

    @Test
    void theManifestListsEveryFileInPathOrder() throws IOException {
        Path out = tmp.resolve("site");
        List<ManifestEntry> written = new SiteWriter().write(List.of(page("z.html", "z"), page("a/b.html", "ab"), page("m.css", "m")), out, false);
        List<String> paths = List.of("a/b.html", "m.css", "z.html");
        assertEquals(paths, written.stream().map(ManifestEntry::path).toList());
        String json = Files.readString(out.resolve(SiteWriter.MANIFEST));
        assertTrue(json.indexOf("a/b.html") < json.indexOf("m.css") && json.indexOf("m.css") < json.indexOf("z.html"), json);
        assertEquals(new ManifestEntry("a/b.html", 2, SiteWriter.sha256("ab".getBytes(StandardCharsets.UTF_8))), written.get(0));
    }

    @Test
    void aPublishedFileChangedByHandIsWrittenAgainNotCarriedOver() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", html(1))), out, false);
        Files.writeString(out.resolve("index.html"), html(9)); // same size, other bytes; the manifest is now stale

        new SiteWriter().write(List.of(page("index.html", html(1))), out, false);

        assertEquals(html(1), Files.readString(out.resolve("index.html")));
    }

    @Test
    void aStaleGzipCopyIsCompressedAgain() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", html(1))), out, true);
        Path gz = out.resolve("index.html.gz");
        Files.write(gz, new byte[(int) Files.size(gz)]); // same size, other bytes: the manifest's hash no longer matches

        new SiteWriter().write(List.of(page("index.html", html(1))), out, true);

        assertEquals(html(1), gunzip(out.resolve("index.html.gz")));
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputAndItsFilesIntact() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", html(1))), out, false);
        byte[] before = Files.readAllBytes(out.resolve("index.html"));

        try (SiteWriter.Staging staging = new SiteWriter().open(out, false)) {
            staging.add(page("index.html", html(1))); // linked to the published file
            staging.add(page("other.html", html(2)));
            // closed without commit: the build failed
        }

        assertArrayEquals(before, Files.readAllBytes(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("other.html")));
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve(".site.abierto-lock"), out), siblings.sorted().toList(), "no staging folder is left behind");
        }
    }

    @Test
    void refusesToWriteOutsideTheOutput() throws IOException {
        try (SiteWriter.Staging staging = new SiteWriter().open(tmp.resolve("site"), false)) {
            assertThrows(IllegalArgumentException.class, () -> staging.add(page("../escape.html", "x")));
        }
        assertTrue(Files.notExists(tmp.resolve("escape.html")));
    }

    private static String gunzip(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
