package org.abierto.write;

import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output folder is Abierto's alone: a build replaces it only when every entry in it is a file its
 * manifest lists with the recorded size, and otherwise names the first foreign one and changes nothing.
 */
class OutputOwnershipTest {
    private static final String MOVE_ASIDE = "; move what you need out of the folder (a file the site needs, such as CNAME, "
            + "belongs in content/static/) or delete it, or choose an empty or new folder; then build again";

    @TempDir
    Path tmp;

    private static OutputFile page(String path, String text) {
        return new OutputFile.Generated(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path built() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>uno"), page("es/index.html", "<p>dos"), page("assets/style.css", "p{}"),
                page("es/ruta/fase/index.html", "<p>tres")), out, false);
        return out;
    }

    /** Tries to replace {@code out}; returns the refusal, after checking that nothing changed. */
    private OutputRefused refusedToReplace(Path out) throws IOException {
        Map<String, byte[]> before = snapshot(tmp);
        OutputRefused refused = assertThrows(OutputRefused.class,
                () -> new SiteWriter().write(List.of(page("index.html", "<p>otra")), out, false));
        Map<String, byte[]> after = snapshot(tmp);
        assertEquals(before.keySet(), after.keySet(), "nothing is added or removed beside or in the output");
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        return refused;
    }

    @Test
    void aFileAddedByHandIsNamedAndKept() throws IOException {
        Path out = built();
        Files.writeString(out.resolve("CNAME"), "x\n");

        OutputRefused refused = refusedToReplace(out);

        assertEquals(out.resolve("CNAME"), refused.at());
        assertEquals("unsafe-output", refused.code());
        assertEquals("refusing to replace the output folder: Abierto did not write this file (its abierto-manifest.json does not list it)"
                + MOVE_ASIDE, refused.getMessage());
        assertEquals("x\n", Files.readString(out.resolve("CNAME")));
    }

    @Test
    void theFirstForeignFileIsNamedAndTheOthersCounted() throws IOException {
        Path out = built();
        Files.writeString(out.resolve("b.txt"), "b");
        Files.writeString(out.resolve("es/a.txt"), "a");
        Files.writeString(out.resolve("a.txt"), "a");

        OutputRefused refused = refusedToReplace(out);

        assertEquals(out.resolve("a.txt"), refused.at());
        assertTrue(refused.getMessage().contains("(and 2 more entries it did not write)"), refused.getMessage());
    }

    @Test
    void aStrayManifestDoesNotMakeAFolderAbiertos() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("Documents"));
        Files.writeString(home.resolve("Documents/carta.txt"), "importante");
        Files.writeString(home.resolve(SiteWriter.MANIFEST), "{\"files\": []}");

        OutputRefused refused = refusedToReplace(home);

        assertEquals(home.resolve("Documents/carta.txt"), refused.at(), "a file is named before the folder holding it");
        assertTrue(refused.getMessage().startsWith("refusing to replace the output folder: Abierto did not write this file"), refused.getMessage());
        assertTrue(refused.getMessage().contains("(and 1 more entry it did not write)"), refused.getMessage());
    }

    @Test
    void aManifestAnyProgramCouldHaveLeftIsRefused() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("Documents"));
        for (String manifest : List.of("{}", "{not json", "[]", "{\"files\": [{\"path\": \"a\"}]}")) {
            Files.writeString(home.resolve(SiteWriter.MANIFEST), manifest);
            OutputRefused refused = refusedToReplace(home);
            assertEquals(home.resolve(SiteWriter.MANIFEST), refused.at(), manifest);
            assertTrue(refused.getMessage().startsWith("refusing to replace the output folder: this is not a manifest that Abierto wrote ("),
                    refused.getMessage());
        }
        Files.write(home.resolve(SiteWriter.MANIFEST), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertTrue(refusedToReplace(home).getMessage().contains("(it is not UTF-8 text)"));
    }

    @Test
    void aFolderOfAValidManifestThatHoldsNoListedFileIsForeign() throws IOException {
        Path out = built();
        Files.createDirectories(out.resolve("Documents"));

        OutputRefused refused = refusedToReplace(out);

        assertEquals(out.resolve("Documents"), refused.at());
        assertEquals("refusing to replace the output folder: Abierto did not make this folder (no file of its abierto-manifest.json "
                + "is in it)" + MOVE_ASIDE, refused.getMessage());
    }

    @Test
    void aManifestThatIsNoFileIsRefused() throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(out.resolve(SiteWriter.MANIFEST));
        OutputRefused refused = refusedToReplace(out);
        assertEquals(out.resolve(SiteWriter.MANIFEST), refused.at());
        assertEquals("refusing to replace the output folder: its abierto-manifest.json is not a file that Abierto wrote" + MOVE_ASIDE,
                refused.getMessage());
    }

    @Test
    void theWaitIsSaidInUnitsAPersonReads() {
        assertEquals("100 ms", SiteWriter.minutes(java.time.Duration.ofMillis(100)));
        assertEquals("59999 ms", SiteWriter.minutes(java.time.Duration.ofMillis(59_999)));
        assertEquals("1 minute", SiteWriter.minutes(java.time.Duration.ofMinutes(1)));
        assertEquals("5 minutes", SiteWriter.minutes(SiteWriter.LOCK_WAIT));
    }

    @Test
    void aFileWhoseSizeChangedIsNotAbiertos() throws IOException {
        Path out = built();
        Files.writeString(out.resolve("es/index.html"), "<p>dos, corregido a mano");

        OutputRefused refused = refusedToReplace(out);

        assertEquals(out.resolve("es/index.html"), refused.at());
        assertEquals("refusing to replace the output folder: this file was changed after Abierto wrote it (24 bytes, not the 6 its "
                + "abierto-manifest.json records)" + MOVE_ASIDE, refused.getMessage());
    }

    @Test
    void aFolderWithoutManifestIsNamedByItsFirstFile() throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(out.resolve("a"));
        Files.writeString(out.resolve("a/z.txt"), "z");
        Files.writeString(out.resolve("b.txt"), "b");

        OutputRefused refused = refusedToReplace(out);

        assertEquals(out.resolve("a/z.txt"), refused.at());
        assertEquals("refusing to replace the output folder: it has no abierto-manifest.json, so Abierto did not write this "
                + "(and 2 more entries it did not write)" + MOVE_ASIDE, refused.getMessage());
    }

    @Test
    void aFolderWithoutManifestHoldingOnlyFoldersIsNamedByItsFirstFolder() throws IOException {
        Path out = tmp.resolve("site");
        Files.createDirectories(out.resolve("b"));
        Files.createDirectories(out.resolve("a/vacía"));

        OutputRefused refused = refusedToReplace(out);

        assertEquals(out.resolve("a"), refused.at(), "no file to name, so the first folder");
        assertEquals("refusing to replace the output folder: it has no abierto-manifest.json, so Abierto did not write this "
                + "(and 2 more entries it did not write)" + MOVE_ASIDE, refused.getMessage());
    }

    @Test
    void symbolicLinksAreNeverAbiertos() throws IOException {
        Path out = built();
        Files.writeString(tmp.resolve("secreto.txt"), "s");
        Files.createSymbolicLink(out.resolve("enlace.txt"), tmp.resolve("secreto.txt"));
        OutputRefused inside = refusedToReplace(out);
        assertEquals(out.resolve("enlace.txt"), inside.at());
        assertTrue(inside.getMessage().startsWith("refusing to replace the output folder: Abierto did not make this symbolic link"),
                inside.getMessage());
        Files.delete(out.resolve("enlace.txt"));

        Path link = tmp.resolve("enlace");
        Files.createSymbolicLink(link, out);
        OutputRefused itself = refusedToReplace(link);
        assertEquals(link, itself.at());
        assertTrue(itself.getMessage().contains("it is a symbolic link"), itself.getMessage());
    }

    @Test
    void aFileIsNotAnOutputFolder() throws IOException {
        Path file = tmp.resolve("site");
        Files.writeString(file, "no es carpeta");
        OutputRefused refused = refusedToReplace(file);
        assertEquals(file, refused.at());
        assertTrue(refused.getMessage().contains("it is a file, not a folder"), refused.getMessage());
    }

    @Test
    void theRootOfTheFileSystemIsNeverAnOutput() {
        Path root = tmp.getRoot();
        OutputRefused refused = assertThrows(OutputRefused.class, () -> new SiteWriter().open(root, false));
        assertEquals(root, refused.at());
    }

    @Test
    void aMissingOrEmptyFolderOrAPreviousBuildIsReplaced() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), empty, false);
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), tmp.resolve("missing/site"), false);
        Path out = built();
        Files.writeString(out.resolve("index.html"), "<p>UNO"); // same size: a size check cannot tell, and the file is rewritten

        new SiteWriter().write(List.of(page("otra.html", "<p>otra"), page("es/ruta/otra/index.html", "<p>otra")), out, false);

        assertEquals(List.of("abierto-manifest.json", "es/ruta/otra/index.html", "otra.html"), MiniSite.files(out));
        new SiteWriter().write(List.of(page("otra.html", "<p>otra")), out, false); // its nested folders are its own
        assertEquals(List.of("abierto-manifest.json", "index.html"), MiniSite.files(empty));
    }

    @Test
    void aFileMissingFromAPreviousBuildIsNoReasonToRefuse() throws IOException {
        Path out = built();
        Files.delete(out.resolve("es/index.html"));
        Files.delete(out.resolve("es/ruta/fase/index.html"));
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), out, false);
        assertEquals(List.of("abierto-manifest.json", "index.html"), MiniSite.files(out));
    }

    /** Every file under {@code root} by relative path, with its bytes. */
    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String name = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(name, ("-> " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p)) {
                    files.put(name, Files.readAllBytes(p));
                } else if (!p.equals(root)) {
                    files.put(name + "/", new byte[0]);
                }
            }
        }
        return files;
    }

    @Test
    void aRefusedBuildLeavesNoLockHeld() throws IOException {
        Path out = built();
        Files.writeString(out.resolve("CNAME"), "x");
        refusedToReplace(out);
        Files.delete(out.resolve("CNAME"));
        new SiteWriter(java.time.Duration.ZERO).write(List.of(page("index.html", "<p>uno")), out, false);
        assertFalse(Files.exists(out.resolve("CNAME")));
    }
}
