package org.abierto.write;

import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A build killed between the two renames of its swap leaves no output and the previous one beside it:
 * the next build puts it back before anything else, and never deletes it.
 */
class InterruptedSwapTest {
    @TempDir
    Path tmp;

    private static OutputFile page(String path, String text) {
        return new OutputFile.Generated(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The state a build killed between the renames leaves: the output renamed aside, a new output half written. */
    private Path crashed(Path out, String retiredName) throws IOException {
        Path retired = tmp.resolve(retiredName);
        Files.move(out, retired);
        Files.createDirectories(tmp.resolve(".abierto-new-site.77/es"));
        Files.writeString(tmp.resolve(".abierto-new-site.77/es/index.html"), "<p>a medias");
        return retired;
    }

    @Test
    void aFailedBuildAfterACrashPutsThePreviousOutputBackAndDeletesNothing() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>uno"), page("es/index.html", "<p>dos")), out, false);
        Map<String, byte[]> before = OutputOwnershipTest.snapshot(out);
        Path retired = crashed(out, ".abierto-old-site.123");

        try (SiteWriter.Staging failing = new SiteWriter().open(out, false)) {
            assertEquals(Optional.of(retired), failing.restoredFrom());
            assertEquals(before.keySet(), OutputOwnershipTest.snapshot(out).keySet(), "put back before anything else");
            failing.add(page("index.html", "<p>nueva"));
            // closed without commit: this build failed
        }

        Map<String, byte[]> after = OutputOwnershipTest.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        assertEquals(List.of(".site.abierto-lock", "site"), siblings(), "nothing else is left beside it");
    }

    @Test
    void anEmptyFolderInPlaceOfTheOutputIsReplacedByThePreviousOutput() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), out, false);
        Path retired = crashed(out, ".abierto-old-site.5");
        Files.createDirectory(out);

        try (SiteWriter.Staging next = new SiteWriter().open(out, false)) {
            assertEquals(Optional.of(retired), next.restoredFrom());
        }
        assertEquals("<p>uno", Files.readString(out.resolve("index.html")));
    }

    @Test
    void theNewestOfSeveralPreviousOutputsIsPutBack() throws IOException {
        Path out = tmp.resolve("site");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        new SiteWriter().write(List.of(page("index.html", "<p>vieja")), elsewhere.resolve("a"), false);
        new SiteWriter().write(List.of(page("index.html", "<p>reciente")), elsewhere.resolve("b"), false);
        Path older = Files.move(elsewhere.resolve("a"), tmp.resolve(".abierto-old-site.9"));
        Path newer = Files.move(elsewhere.resolve("b"), tmp.resolve(".abierto-old-site.1"));
        Files.setLastModifiedTime(older.resolve(SiteWriter.MANIFEST), FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer.resolve(SiteWriter.MANIFEST), FileTime.fromMillis(2_000_000));

        try (SiteWriter.Staging next = new SiteWriter().open(out, false)) {
            assertEquals(Optional.of(newer), next.restoredFrom());
        }
        assertEquals("<p>reciente", Files.readString(out.resolve("index.html")));
        assertEquals(List.of(".site.abierto-lock", "elsewhere", "site"), siblings(), "the older copy goes once the output is whole again");
    }

    @Test
    void whatAFinishedSwapLeftIsRemovedAndNothingIsPutBack() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), out, false);
        for (String leftover : List.of(".abierto-old-site.1", ".abierto-del-site.2", ".abierto-new-site.3")) {
            Files.createDirectories(tmp.resolve(leftover));
            Files.writeString(tmp.resolve(leftover).resolve("index.html"), "<p>resto");
        }
        try (SiteWriter.Staging next = new SiteWriter().open(out, false)) {
            assertEquals(Optional.empty(), next.restoredFrom());
            assertEquals(List.of(".site.abierto-lock", "site"), siblings().stream().filter(n -> !n.startsWith(".abierto-new-")).toList());
        }
        assertEquals("<p>uno", Files.readString(out.resolve("index.html")));
    }

    @Test
    void anotherOutputsFoldersAndLookAlikesAreLeftAlone() throws IOException {
        Path out = tmp.resolve("site");
        List<String> others = List.of(".abierto-old-site-2.5", ".abierto-new-site-2.6", ".abierto-old-site.x", ".abierto-old-sites.7",
                ".abierto-old-.8", "abierto-old-site.9");
        for (String other : others) {
            Files.createDirectories(tmp.resolve(other));
        }
        Files.writeString(tmp.resolve(".abierto-old-site.10"), "a file, not a folder of Abierto's");
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), out, false);
        new SiteWriter().write(List.of(page("index.html", "<p>dos")), out, false);
        for (String other : others) {
            assertEquals(true, Files.isDirectory(tmp.resolve(other)), other);
        }
        assertEquals(true, Files.isRegularFile(tmp.resolve(".abierto-old-site.10")));
        assertEquals(List.of("abierto-manifest.json", "index.html"), MiniSite.files(out));
    }

    @Test
    void aPreviousOutputIsKeptWhileAFileIsInItsPlace() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), out, false);
        Path retired = crashed(out, ".abierto-old-site.4");
        Files.writeString(out, "un archivo");

        OutputRefused refused = assertThrows(OutputRefused.class, () -> new SiteWriter().open(out, false));

        assertEquals(out, refused.at());
        assertEquals("un archivo", Files.readString(out));
        assertEquals("<p>uno", Files.readString(retired.resolve("index.html")));
    }

    @Test
    void aPreviousOutputIsKeptWhileTheFolderInItsPlaceIsNotAbiertos() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>uno")), out, false);
        Path retired = crashed(out, ".abierto-old-site.4");
        Files.createDirectory(out);
        Files.writeString(out.resolve("notas.txt"), "mías");

        OutputRefused refused = assertThrows(OutputRefused.class, () -> new SiteWriter().open(out, false));

        assertEquals(out.resolve("notas.txt"), refused.at());
        assertEquals("<p>uno", Files.readString(retired.resolve("index.html")), "the only copy of the previous output is kept");
        assertEquals("mías", Files.readString(out.resolve("notas.txt")));
    }
}
