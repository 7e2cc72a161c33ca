package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing is lost: a failed build changes nothing, and the build never replaces what is not its own. */
class OutputSafetyTest {
    @TempDir
    Path dir;

    @Test
    void failedBuildLeavesThePreviousOutputByteForByte() throws IOException {
        var site = MiniSite.create(dir);
        assertTrue(site.build().succeeded());
        Map<String, byte[]> before = snapshot(site.out());

        site.file("content/es/diagnostico.md", "---\ntitle: [roto\n---\n\nTexto.\n");
        BuildResult failed = site.build();

        assertFalse(failed.succeeded());
        assertFalse(failed.written());
        Map<String, byte[]> after = snapshot(site.out());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (Stream<Path> siblings = Files.list(site.out().getParent())) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".abierto")).toList(),
                    "no staging folder is left behind");
        }
    }

    @Test
    void successfulBuildReplacesTheWholeOutput() {
        var site = MiniSite.create(dir);
        assertTrue(site.build().succeeded());
        site.delete("content/es/diagnostico.md").delete("content/en/diagnosis.md");
        assertTrue(site.build().succeeded());
        assertFalse(Files.exists(site.out().resolve("es/diagnostico/index.html")), "a page removed from the content is removed from the site");
    }

    @Test
    void refusesAnOutputThatContainsTheContent() {
        var site = MiniSite.create(dir);
        var r = site.request();
        BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), site.root(), null, false));
        assertEquals(List.of(". error: refusing to write the site to " + site.root()
                        + ": it is, or contains, " + site.root().resolve("content")
                        + ", which the build would replace; use a folder such as site/target/site"),
                site.errors(result).stream().map(e -> e.replaceFirst("^.*?: error", ". error")).toList());
        assertTrue(Files.exists(site.root().resolve("content/site.yaml")));
    }

    @Test
    void refusesTheRepositoryRoot() {
        var site = MiniSite.create(dir);
        var r = site.request();
        BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), site.root().getParent(), null, false));
        assertFalse(result.succeeded());
        assertTrue(site.errors(result).get(0).contains("refusing to write the site to"), site.errors(result).toString());
    }

    @Test
    void refusesAFolderHoldingFilesAbiertoDidNotWrite() throws IOException {
        var site = MiniSite.create(dir);
        Path notes = site.out().resolve("notas.txt");
        Files.createDirectories(site.out());
        Files.writeString(notes, "importante");
        BuildResult result = site.build();
        assertEquals(List.of("out: error: refusing to replace the output: the output folder " + site.out()
                + " holds files that Abierto did not write (no abierto-manifest.json); choose an empty or new folder, or empty it yourself"),
                site.errors(result));
        assertEquals("importante", Files.readString(notes));
    }

    @Test
    void checkWritesNothing() {
        var site = MiniSite.create(dir);
        BuildResult result = new Abierto().check(site.request());
        assertTrue(result.succeeded());
        assertFalse(result.written());
        assertFalse(Files.exists(site.out()));
    }

    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String path : MiniSite.files(root)) {
            files.put(path, Files.readAllBytes(root.resolve(path)));
        }
        return files;
    }
}
