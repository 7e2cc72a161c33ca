package org.abierto;

import org.abierto.json.Json;
import org.abierto.testing.Folders;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds into one output folder, started so that they overlap (threads of this process and other
 * processes, at staggered moments): each waits for the one before, none breaks another's work, and
 * the output is always one whole build, exactly as its manifest lists it.
 */
class ConcurrentBuildsTest {
    private static final int ROUNDS = 5;
    private static final int STATIC_FILES = 150;

    @TempDir
    Path dir;

    @Test
    void overlappingBuildsEachWriteAWholeOutputAndNoneBreaksAnother() throws Exception {
        var site = MiniSite.create(dir);
        Random random = new Random(13);
        for (int i = 0; i < STATIC_FILES; i++) {
            byte[] bytes = new byte[40_000];
            random.nextBytes(bytes);
            Files.createDirectories(site.root().resolve("content/static/datos"));
            Files.write(site.root().resolve("content/static/datos/archivo-" + i + ".bin"), bytes);
        }
        // Three versions of the content, each built once alone for reference.
        List<BuildRequest> versions = new ArrayList<>();
        List<Map<String, byte[]>> expected = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            Path content = site.root().resolve("content-" + v);
            Folders.copy(site.root().resolve("content"), content);
            Files.writeString(content.resolve("es/diagnostico.md"), "---\ntitle: Diagnóstico\norder: 1\n---\n\nVersión " + v + ".\n");
            Files.write(content.resolve("static/datos/archivo-" + v + ".bin"), ("versión " + v).getBytes(StandardCharsets.UTF_8));
            var alone = new BuildRequest(content, site.root().resolve("templates"), site.root().resolve("alone-" + v), null, false);
            assertTrue(new Abierto().build(alone).written());
            expected.add(OutputSafetyTest.snapshot(alone.outputDir()));
            versions.add(new BuildRequest(content, site.root().resolve("templates"), site.out(), null, false));
        }

        for (int round = 0; round < ROUNDS; round++) {
            List<CompletableFuture<String>> builds = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                BuildRequest request = versions.get(random.nextInt(versions.size()));
                long delay = random.nextInt(400);
                boolean inAnotherProcess = b == 2;
                builds.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        Thread.sleep(delay);
                        if (inAnotherProcess) {
                            Process process = BuildInAnotherProcess.start(request);
                            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                            return process.waitFor() == 0 ? "" : "another process: " + said;
                        }
                        BuildResult result = new Abierto().build(request);
                        return result.written() ? "" : "a thread: " + result.diagnostics();
                    } catch (IOException | InterruptedException e) {
                        return e.toString();
                    }
                }));
            }
            for (var build : builds) {
                assertEquals("", build.get(5, TimeUnit.MINUTES), "round " + round + ": every build succeeds");
            }
            Map<String, byte[]> out = OutputSafetyTest.snapshot(site.out());
            assertEquals(manifest(site.out()), listing(out), "round " + round + ": the output is exactly what its manifest lists");
            assertTrue(expected.stream().anyMatch(e -> e.keySet().equals(out.keySet())), "round " + round + ": the files of one build");
            Map<String, byte[]> whole = expected.stream().filter(e -> e.get("es/diagnostico/index.html") != null
                    && java.util.Arrays.equals(e.get("es/diagnostico/index.html"), out.get("es/diagnostico/index.html"))).findFirst().orElseThrow();
            String at = "round " + round + ": ";
            whole.forEach((path, bytes) -> assertArrayEquals(bytes, out.get(path), at + path));
            try (var siblings = Files.list(site.root())) {
                assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".abierto-")).toList(),
                        "round " + round + ": nothing is left beside the output");
            }
        }
    }

    /** The manifest of an output as path → size and SHA-256. */
    private static Map<String, String> manifest(Path out) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        var root = (Map<?, ?>) Json.read(Files.readString(out.resolve("abierto-manifest.json")));
        for (Object o : (List<?>) root.get("files")) {
            var f = (Map<?, ?>) o;
            entries.put((String) f.get("path"), f.get("size") + " " + f.get("sha256"));
        }
        return entries;
    }

    /** Files as the manifest records them (the manifest itself aside). */
    private static Map<String, String> listing(Map<String, byte[]> files) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        for (var e : files.entrySet()) {
            if (!e.getKey().equals("abierto-manifest.json")) {
                entries.put(e.getKey(), e.getValue().length + " "
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())));
            }
        }
        return entries;
    }
}
