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
    void refusesTheRepositoryRootAndAnyFolderAboveItForTheContentTheyHold() {
        // The repository (here the folder with pom.xml) holds the content: the refusal names the content.
        var site = MiniSite.create(dir);
        var r = site.request();
        for (Path out : List.of(site.root(), site.root().getParent())) {
            BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), out, null, false));
            assertFalse(result.written(), out.toString());
            assertEquals(List.of(out + ": error: refusing to write the site to " + out + ": it is, or contains, " + r.contentDir()
                            + ", which the build would replace; use a folder such as site/target/site"),
                    result.diagnostics().stream().map(d -> d.format(null)).toList());
        }
        assertTrue(Files.exists(site.root().resolve("pom.xml")));
        assertTrue(Files.exists(site.root().resolve("content/site.yaml")));
    }

    private static final String MOVE_ASIDE = "; move what you need out of the folder (a file the site needs, such as CNAME, "
            + "belongs in content/static/) or delete it, or choose an empty or new folder; then build again";

    @Test
    void refusesAFolderHoldingFilesAbiertoDidNotWrite() throws IOException {
        var site = MiniSite.create(dir);
        Path notes = site.out().resolve("notas.txt");
        Files.createDirectories(site.out());
        Files.writeString(notes, "importante");
        BuildResult result = site.build();
        assertEquals(List.of("out/notas.txt:1:1: error: refusing to replace the output folder: it has no abierto-manifest.json, "
                + "so Abierto did not write this" + MOVE_ASIDE), site.errors(result));
        assertEquals("importante", Files.readString(notes));
        assertEquals(List.of("out", "pom.xml", "content", "templates").stream().sorted().toList(), siblings(site),
                "no lock file is left beside a folder that is not Abierto's");
    }

    @Test
    void aFileAddedToAPreviousBuildIsNamedAndKept() throws IOException {
        // Issue 13, item 3: `echo x > out/CNAME; build --out out` deleted CNAME without a word.
        var site = MiniSite.create(dir);
        assertTrue(site.build().succeeded());
        Files.writeString(site.out().resolve("CNAME"), "x\n");
        Map<String, byte[]> before = snapshot(site.out());

        BuildResult result = site.build();

        assertFalse(result.written());
        assertEquals(List.of("out/CNAME:1:1: error: refusing to replace the output folder: Abierto did not write this file "
                + "(its abierto-manifest.json does not list it)" + MOVE_ASIDE), site.errors(result));
        Map<String, byte[]> after = snapshot(site.out());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    @Test
    void aFolderWithAStrayManifestIsNotAbiertos() throws IOException {
        // Issue 13, item 3: a folder holding Documents/ and a stray abierto-manifest.json was wiped.
        var site = MiniSite.create(dir);
        Path home = site.root().resolve("home");
        Files.createDirectories(home.resolve("Documents"));
        Files.writeString(home.resolve("Documents/carta.txt"), "importante");
        Files.writeString(home.resolve("abierto-manifest.json"), "{}");
        var r = site.request();

        BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), home, null, false));

        assertEquals(List.of("home/abierto-manifest.json:1:1: error: refusing to replace the output folder: this is not a manifest that "
                + "Abierto wrote (it has no list of files)" + MOVE_ASIDE), site.errors(result));
        Files.writeString(home.resolve("abierto-manifest.json"), "{\"files\": []}");
        result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), home, null, false));
        assertEquals(List.of("home/Documents/carta.txt:1:1: error: refusing to replace the output folder: Abierto did not write this file "
                + "(its abierto-manifest.json does not list it) (and 1 more entry it did not write)" + MOVE_ASIDE), site.errors(result));
        assertEquals("importante", Files.readString(home.resolve("Documents/carta.txt")));
    }

    @Test
    void aRefusedOutputStillReportsTheContentsProblems() throws IOException {
        var site = MiniSite.create(dir);
        Files.createDirectories(site.out());
        Files.writeString(site.out().resolve("notas.txt"), "importante");
        site.file("content/es/diagnostico.md", "---\ntitle: [roto\n---\n\nTexto.\n");
        List<String> errors = site.errors(site.build());
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("content/es/diagnostico.md:2:"), errors.toString());
        assertTrue(errors.get(1).startsWith("out/notas.txt:1:1: error: refusing to replace the output folder"), errors.toString());
    }

    @Test
    void anOutputInsideTheContentOrTheTemplatesIsRefused() {
        // Issue 13, item 6: --out content/static wrote the site into the content, and every later build failed.
        var site = MiniSite.create(dir);
        var r = site.request();
        for (String inside : List.of("content/static", "content", "templates/site", "content/es/x")) {
            Path out = site.root().resolve(inside);
            BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), out, null, false));
            assertFalse(result.written(), inside);
            assertEquals(1, site.errors(result).size(), inside + ": " + site.errors(result));
            assertTrue(site.errors(result).get(0).startsWith(inside + ": error: refusing to write the site to " + out + ": it "), inside);
        }
        assertFalse(Files.exists(site.root().resolve("content/static")), "nothing was written into the content");
        assertFalse(Files.exists(site.root().resolve("templates/site")));
        assertEquals(java.util.Optional.of("it is inside " + r.templatesDir() + ", where the next build would read the site as templates; "
                        + "use a folder outside it, such as site/target/site"),
                new BuildRequest(r.contentDir(), r.templatesDir(), r.templatesDir().resolve("x"), null, false).outputConflict());
        assertEquals(java.util.Optional.of("it is inside " + r.contentDir() + ", where the next build would read the site as content; "
                        + "use a folder outside it, such as site/target/site"),
                new BuildRequest(r.contentDir(), r.templatesDir(), r.contentDir().resolve("static"), null, false).outputConflict());
        assertEquals(java.util.Optional.empty(), r.outputConflict());
        assertEquals(java.util.Optional.empty(), new BuildRequest(r.contentDir(), r.templatesDir(), site.root().resolve("contents"),
                null, false).outputConflict(), "a sibling whose name starts alike is outside");
    }

    @Test
    void aBuildAfterACrashDuringTheSwapPutsThePreviousOutputBackEvenWhenItFails() throws IOException {
        // Issue 13, item 5: the next failing build deleted the previous output, then said it "was left as it was".
        var site = MiniSite.create(dir);
        assertTrue(site.build().succeeded());
        Map<String, byte[]> before = snapshot(site.out());
        Files.move(site.out(), site.root().resolve(".abierto-old-out.4242")); // killed between the two renames
        site.file("content/es/diagnostico.md", "---\ntitle: [roto\n---\n\nTexto.\n");

        BuildResult failed = site.build();

        assertFalse(failed.succeeded());
        assertTrue(site.report(failed).contains("out: warning: a build was stopped while it replaced this folder, and left only the "
                + "previous output beside it; that output was put back from .abierto-old-out.4242 before this build"), site.report(failed).toString());
        Map<String, byte[]> after = snapshot(site.out());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        assertFalse(Files.exists(site.root().resolve(".abierto-old-out.4242")));

        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto corregido.\n");
        BuildResult fixed = site.build();
        assertTrue(fixed.written());
        assertTrue(site.output("es/diagnostico/index.html").contains("Texto corregido."));
        assertFalse(site.report(fixed).stream().anyMatch(d -> d.contains("put back")), "said once");
    }

    private static List<String> siblings(MiniSite site) throws IOException {
        try (Stream<Path> entries = Files.list(site.root())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
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
