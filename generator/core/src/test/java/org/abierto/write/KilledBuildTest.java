package org.abierto.write;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.abierto.testing.BuildInAnotherJvm;
import org.abierto.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds of the real report killed (SIGKILL, in a JVM of their own) at moments spread over a whole
 * build, as a CI runner cancelled or a machine out of memory would: after each kill the output is
 * a whole build, every file as its manifest lists it and nothing else (or, killed during the swap, no
 * output and a whole previous one beside it); and the next build succeeds and leaves nothing behind.
 * {@link InterruptedSwapTest} makes the states of the swap by hand; this meets them where they come.
 */
class KilledBuildTest {
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    private static final int KILLS = 8;

    @TempDir
    Path project;

    @Test
    void aBuildKilledAtAnyMomentLeavesAWholeOutputAndTheNextBuildSucceeds() throws Exception {
        Folders.copy(PROJECT.resolve("content"), project.resolve("content"));
        Folders.copy(PROJECT.resolve("templates"), project.resolve("templates"));
        Path out = project.resolve("out");
        Path page = project.resolve("content/es/vision-a-futuro.md");
        String original = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(build().written());
        assertWhole(out);

        // How long a build takes here, start to end, so that the kills spread over all of it.
        Path log = project.resolve("build.log");
        long started = System.nanoTime();
        assertEquals(0, BuildInAnotherJvm.run(project, log), () -> read(log));
        long whole = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertWhole(out);

        List<String> states = new ArrayList<>();
        boolean published = true;
        for (int k = 0; k < KILLS; k++) {
            // Each build writes something new, so a mix of two builds would not match either manifest.
            Files.writeString(page, original + "\n\nEdición " + k + ".\n", StandardCharsets.UTF_8);
            Process build = BuildInAnotherJvm.start(project, log);
            Thread.sleep(whole * (2L * k + 1) / (2L * KILLS));
            build.destroyForcibly();
            assertTrue(build.waitFor(1, TimeUnit.MINUTES));
            String state = k + ": " + (build.exitValue() == 0 ? "finished" : "killed") + ", ";
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                assertWhole(out);
                state += "output whole";
                published = true;
            } else {
                state += assertBeside(out, published, states);
            }
            states.add(state);
            if (k == KILLS / 2 && Files.exists(out)) {
                SiteWriter.deleteTree(out); // and an editor deletes the output by hand
                published = false;
                states.add(k + ": output deleted by hand");
            }
        }

        Files.writeString(page, original + "\n\nEdición final.\n", StandardCharsets.UTF_8);
        BuildResult last = build();
        assertEquals(List.of(), last.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(project)).toList(),
                states::toString);
        assertTrue(last.written());
        assertWhole(out);
        assertTrue(Files.readString(out.resolve("es/vision-a-futuro/index.html"), StandardCharsets.UTF_8).contains("Edición final."));
        try (Stream<Path> beside = Files.list(project)) {
            assertEquals(Set.of("build.log", "content", "out", "templates", ".out.abierto-lock"),
                    beside.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), states::toString);
        }
    }

    private BuildResult build() {
        return new Abierto().build(new BuildRequest(project.resolve("content"), project.resolve("templates"), project.resolve("out"),
                null, false, true));
    }

    /**
     * No output: killed during the swap, the previous output lies whole beside it; or there was none
     * to keep (deleted by hand, and no build finished since).
     */
    private static String assertBeside(Path out, boolean published, List<String> states) throws IOException {
        List<Path> retired = new OutputFolder(out).siblings(OutputFolder.RETIRED);
        if (retired.isEmpty() && !published) {
            return "no output yet";
        }
        assertEquals(1, retired.size(), () -> "no output, and not one previous output beside it: " + retired + " " + states);
        assertWhole(retired.get(0));
        return "output beside (" + retired.get(0).getFileName() + ")";
    }

    /** Every file the manifest lists, with its size and SHA-256, and nothing else. */
    private static void assertWhole(Path folder) throws IOException {
        Map<String, ManifestEntry> manifest = ManifestEntry.parse(Files.readString(folder.resolve(SiteWriter.MANIFEST)));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                found.add(folder.relativize(f).toString().replace('\\', '/'));
            }
        }
        found.remove(SiteWriter.MANIFEST);
        assertEquals(new TreeSet<>(manifest.keySet()), found, folder.toString());
        for (ManifestEntry e : manifest.values()) {
            Path file = folder.resolve(e.path());
            assertEquals(e.size(), Files.size(file), e.path());
            assertEquals(e.sha256(), SiteWriter.sha256(file), e.path());
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
