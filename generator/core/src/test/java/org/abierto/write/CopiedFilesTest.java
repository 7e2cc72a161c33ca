package org.abierto.write;

import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files copied as they are (images, PDFs, data dumps) are streamed into the output, hashed as they are
 * written, compressed when they are text, and carried over by a hard link when their bytes did not change.
 */
class CopiedFilesTest {
    @TempDir
    Path tmp;

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** A source file of the content, outside the output. */
    private Path source(String name, String text) throws IOException {
        Path file = tmp.resolve("content").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String csv(int rows) {
        var text = new StringBuilder("año,municipio,monto\n");
        for (int i = 0; i < rows; i++) {
            text.append(2000 + i % 24).append(",Monterrey,").append(i * 37).append('\n');
        }
        return text.toString();
    }

    /** What the manifest on disk records, by path. */
    private static Map<String, ManifestEntry> recorded(Path out) throws IOException {
        return ManifestEntry.parse(Files.readString(out.resolve(SiteWriter.MANIFEST)));
    }

    @Test
    void aCopiedFileIsWrittenWithItsSizeAndHashInTheManifest() throws IOException {
        Path data = source("datos.csv", csv(50));
        Path out = tmp.resolve("site");

        List<ManifestEntry> manifest = new SiteWriter().write(List.of(new OutputFile.Copied("es/datos.csv", data)), out, false);

        byte[] bytes = Files.readAllBytes(data);
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("es/datos.csv")));
        assertEquals(List.of(new ManifestEntry("es/datos.csv", bytes.length, SiteWriter.sha256(bytes))), manifest);
        assertEquals(Map.of("es/datos.csv", manifest.get(0)), recorded(out));
        assertFalse(Files.exists(out.resolve("es/datos.csv.gz")), "no gzip copy unless asked for");
    }

    @Test
    void aCopiedTextFileGetsAGzipCopyThatReadsBackAsTheFile() throws IOException {
        Path data = source("datos.csv", csv(400));
        Path photo = tmp.resolve("content/foto.jpg");
        Files.write(photo, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
        Path out = tmp.resolve("site");

        List<ManifestEntry> manifest = new SiteWriter().write(List.of(new OutputFile.Copied("datos.csv", data),
                new OutputFile.Copied("foto.jpg", photo)), out, true);

        byte[] bytes = Files.readAllBytes(data);
        assertArrayEquals(bytes, gunzip(out.resolve("datos.csv.gz")));
        byte[] gz = Files.readAllBytes(out.resolve("datos.csv.gz"));
        assertArrayEquals(Compression.gzip(bytes), gz, "streamed, it compresses as a generated file does");
        assertTrue(gz.length < bytes.length / 3, "repetitive text compresses well: " + gz.length + " of " + bytes.length);
        assertFalse(Files.exists(out.resolve("foto.jpg.gz")), "an image is not worth compressing");
        assertEquals(List.of("abierto-manifest.json", "datos.csv", "datos.csv.gz", "foto.jpg"), MiniSite.files(out));
        assertEquals(new ManifestEntry("datos.csv.gz", gz.length, SiteWriter.sha256(gz)), manifest.get(1));
        assertEquals(manifest.get(1), recorded(out).get("datos.csv.gz"));
    }

    @Test
    void anUnchangedCopiedFileAndItsGzipCopyAreLinkedFromThePreviousOutput() throws IOException {
        Path data = source("datos.csv", csv(100));
        Path out = tmp.resolve("site");
        List<ManifestEntry> first = new SiteWriter().write(List.of(new OutputFile.Copied("datos.csv", data)), out, true);
        Object file = inode(out.resolve("datos.csv"));
        Object gz = inode(out.resolve("datos.csv.gz"));

        List<ManifestEntry> second;
        int reused;
        try (SiteWriter.Staging staging = new SiteWriter().open(out, true)) {
            staging.add(new OutputFile.Copied("datos.csv", data));
            second = staging.commit();
            reused = staging.reused();
        }

        assertEquals(2, reused, "the file and its gzip copy");
        assertEquals(file, inode(out.resolve("datos.csv")), "carried over, not copied again");
        assertEquals(gz, inode(out.resolve("datos.csv.gz")));
        assertEquals(first, second, "the manifest is the same");
        assertArrayEquals(Files.readAllBytes(data), gunzip(out.resolve("datos.csv.gz")));
    }

    @Test
    void aChangedCopiedFileIsCopiedAgainAndCompressedAgain() throws IOException {
        Path data = source("datos.csv", csv(100));
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Copied("datos.csv", data)), out, true);
        Object before = inode(out.resolve("datos.csv"));
        Files.writeString(data, csv(120));

        int reused;
        try (SiteWriter.Staging staging = new SiteWriter().open(out, true)) {
            staging.add(new OutputFile.Copied("datos.csv", data));
            staging.commit();
            reused = staging.reused();
        }

        assertEquals(0, reused);
        assertNotEquals(before, inode(out.resolve("datos.csv")));
        assertEquals(csv(120), Files.readString(out.resolve("datos.csv")));
        assertEquals(csv(120), new String(gunzip(out.resolve("datos.csv.gz")), StandardCharsets.UTF_8));
        assertEquals(Files.size(out.resolve("datos.csv")), recorded(out).get("datos.csv").size());
    }

    @Test
    void aCopiedFileOfTheSameSizeButOtherBytesIsCopiedAgain() throws IOException {
        Path data = source("informe.txt", "versión uno");
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Copied("informe.txt", data)), out, false);
        Files.writeString(data, "versión dos"); // same length: only the hash tells them apart

        new SiteWriter().write(List.of(new OutputFile.Copied("informe.txt", data)), out, false);

        assertEquals("versión dos", Files.readString(out.resolve("informe.txt")));
        assertEquals(SiteWriter.sha256(Files.readAllBytes(data)), recorded(out).get("informe.txt").sha256());
    }

    @Test
    void aPublishedCopyChangedByHandIsCopiedAgainNotCarriedOver() throws IOException {
        Path data = source("informe.txt", "versión uno");
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Copied("informe.txt", data)), out, false);
        // Same size, so the folder is still Abierto's; the source still matches the manifest, but not the published bytes.
        Files.writeString(out.resolve("informe.txt"), "versión UNO");

        int reused;
        try (SiteWriter.Staging staging = new SiteWriter().open(out, false)) {
            staging.add(new OutputFile.Copied("informe.txt", data));
            staging.commit();
            reused = staging.reused();
        }

        assertEquals(0, reused);
        assertEquals("versión uno", Files.readString(out.resolve("informe.txt")));
    }

    @Test
    void aPublishedCopyDeletedByHandIsCopiedAgain() throws IOException {
        Path data = source("informe.txt", "versión uno");
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Copied("informe.txt", data)), out, false);
        Files.delete(out.resolve("informe.txt"));

        new SiteWriter().write(List.of(new OutputFile.Copied("informe.txt", data)), out, false);

        assertEquals("versión uno", Files.readString(out.resolve("informe.txt")));
    }

    @Test
    void aStaleGzipCopyOfAnUnchangedCopiedFileIsCompressedAgain() throws IOException {
        Path data = source("datos.csv", csv(100));
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Copied("datos.csv", data)), out, true);
        Path gz = out.resolve("datos.csv.gz");
        Files.write(gz, new byte[(int) Files.size(gz)]); // same size, other bytes: its recorded hash no longer matches

        int reused;
        try (SiteWriter.Staging staging = new SiteWriter().open(out, true)) {
            staging.add(new OutputFile.Copied("datos.csv", data));
            staging.commit();
            reused = staging.reused();
        }

        assertEquals(1, reused, "only the file itself is carried over");
        assertArrayEquals(Files.readAllBytes(data), gunzip(gz));
    }

    @Test
    void anUnchangedCopiedFileFirstBuiltWithoutGzipGetsItsGzipCopyNow() throws IOException {
        Path data = source("datos.csv", csv(100));
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Copied("datos.csv", data)), out, false);

        List<ManifestEntry> manifest = new SiteWriter().write(List.of(new OutputFile.Copied("datos.csv", data)), out, true);

        assertArrayEquals(Files.readAllBytes(data), gunzip(out.resolve("datos.csv.gz")));
        assertEquals(List.of("datos.csv", "datos.csv.gz"), manifest.stream().map(ManifestEntry::path).toList());
    }

    @Test
    void theSamePathCopiedTwiceIntoOneOutputIsAnErrorEvenWhenItCouldBeLinked() throws IOException {
        // A copy never overwrites a file of the new output; when the path is already there the link fails too.
        Path data = source("informe.txt", "versión uno");
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Copied("informe.txt", data)), out, false);

        try (SiteWriter.Staging staging = new SiteWriter().open(out, false)) {
            staging.add(new OutputFile.Copied("informe.txt", data));
            FileNotWritten twice = assertThrows(FileNotWritten.class, () -> staging.add(new OutputFile.Copied("informe.txt", data)));
            assertEquals(out.toAbsolutePath().resolve("informe.txt"), twice.at(), "it names the output file, not the source");
            assertEquals(1, staging.reused());
        }
        assertEquals("versión uno", Files.readString(out.resolve("informe.txt")), "the failed build changed nothing");
    }

    @Test
    void theSamePathWrittenTwiceIntoOneOutputIsAnErrorAndNeverWritesThroughALinkIntoThePublishedOutput() throws IOException {
        // The first page is the same as the published one, so it is a hard link to it: a second write of
        // that path must not go through the link into the output that a failed build leaves as it was.
        byte[] published = "<p>publicado</p>".getBytes(StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(new OutputFile.Generated("index.html", published)), out, true);

        try (SiteWriter.Staging staging = new SiteWriter().open(out, true)) {
            staging.add(new OutputFile.Generated("index.html", published));
            assertEquals(2, staging.reused(), "the page and its .gz linked");
            FileNotWritten twice = assertThrows(FileNotWritten.class,
                    () -> staging.add(new OutputFile.Generated("index.html", "<p>otro</p>".getBytes(StandardCharsets.UTF_8))));
            assertEquals(out.toAbsolutePath().resolve("index.html"), twice.at());
        }
        assertArrayEquals(published, Files.readAllBytes(out.resolve("index.html")), "the published page is as it was");
        assertArrayEquals(published, gunzip(out.resolve("index.html.gz")));
    }
}
