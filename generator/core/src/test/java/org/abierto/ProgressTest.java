package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    @Test
    void aBuildReportsEachStageAndCountsEveryPage(@TempDir Path dir) {
        var site = MiniSite.create(dir);
        List<String> updates = new CopyOnWriteArrayList<>();
        BuildResult result = new Abierto().build(site.request(), (stage, done, total) -> updates.add(stage + " " + done + "/" + total));
        assertTrue(result.succeeded());
        assertEquals("reading 0/1", updates.get(0));
        assertTrue(updates.contains("building pages 5/5"), updates.toString());
        assertEquals(5, updates.stream().filter(u -> u.startsWith("building pages ")).count());
        assertTrue(updates.get(updates.size() - 1).startsWith("writing "), updates.toString());
        assertEquals(List.of("reading", "making the downloads", "building pages", "writing"),
                updates.stream().map(u -> u.substring(0, u.lastIndexOf(' '))).distinct().toList());
        assertEquals(List.of("1/5", "2/5", "3/5", "4/5", "5/5"), updates.stream().filter(u -> u.startsWith("building pages "))
                .map(u -> u.substring("building pages ".length())).sorted().toList(), "each page counted once");
    }

    @Test
    void aCheckReportsTheSameStagesButWritesNothing(@TempDir Path dir) {
        var site = MiniSite.create(dir);
        List<String> updates = new CopyOnWriteArrayList<>();
        BuildResult result = new Abierto().check(site.request(), (stage, done, total) -> updates.add(stage + " " + done + "/" + total));
        assertTrue(result.succeeded());
        assertEquals(List.of("reading", "making the downloads", "building pages"),
                updates.stream().map(u -> u.substring(0, u.lastIndexOf(' '))).distinct().toList());
        assertTrue(java.nio.file.Files.notExists(site.out()));
        BuildResult build = site.build();
        assertEquals(build.files(), result.files() + 1, "a check counts every file the build writes but its manifest");
        assertEquals(build.pages(), result.pages());
    }

    @Test
    void aBuildWaitingForAnotherOnesOutputSaysWhoseAndThenBuilds(@TempDir Path dir) throws Exception {
        var site = MiniSite.create(dir);
        List<String> updates = new CopyOnWriteArrayList<>();
        var waiting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<BuildResult> second;
        try (var first = new org.abierto.write.SiteWriter().open(site.out(), false)) {
            second = java.util.concurrent.CompletableFuture.supplyAsync(() -> new Abierto().build(site.request(), (stage, done, total) -> {
                updates.add(stage + " " + done + "/" + total);
                if (stage.startsWith("waiting")) {
                    waiting.countDown();
                }
            }));
            assertTrue(waiting.await(20, java.util.concurrent.TimeUnit.SECONDS), "not told it waits: " + updates);
            first.commit();
        }
        assertTrue(second.get(60, java.util.concurrent.TimeUnit.SECONDS).written());
        assertEquals("waiting for the build of process " + ProcessHandle.current().pid() + " to finish writing the output 0/1", updates.get(0));
    }
}
