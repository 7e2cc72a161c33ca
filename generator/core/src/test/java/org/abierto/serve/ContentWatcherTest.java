package org.abierto.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watcher alone: what it reports when events are lost. */
class ContentWatcherTest {
    @TempDir
    Path dir;

    /** Waits (generously) for a report that holds {@code file}; null when none came. */
    private static List<Path> reportWith(BlockingQueue<List<Path>> reports, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Path> report;
        while ((report = reports.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (report.contains(file.toAbsolutePath().normalize())) {
                return report;
            }
        }
        return null;
    }

    @Test
    void lostEventsMakeAFullRescanThatWatchesTheFoldersMadeMeanwhile() throws Exception {
        // Issue 14, item 2: when events overflowed, the watcher reported only the folder, and a folder
        // made while events were lost was never watched, so edits in it were never seen.
        Path content = Files.createDirectories(dir.resolve("content"));
        BlockingQueue<List<Path>> reports = new LinkedBlockingQueue<>();
        var busy = new CountDownLatch(1);
        var first = new CountDownLatch(1);
        var watcher = new ContentWatcher(List.of(content), changed -> {
            reports.add(changed);
            if (first.getCount() > 0) {
                first.countDown();
                try {
                    busy.await(); // a long rebuild: meanwhile the events pile up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (watcher) {
            Files.writeString(content.resolve("a.md"), "a");
            assertTrue(first.await(10, TimeUnit.SECONDS), "the first save was not reported");
            // More events than the JDK keeps for one folder (512): the rest are lost, the new folder's too.
            for (int i = 0; i < 1000; i++) {
                Files.writeString(content.resolve("p" + i + ".md"), "p");
            }
            Path made = Files.createDirectories(content.resolve("nueva"));
            busy.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<Path> report = null;
            while (System.nanoTime() < deadline && (report == null || !report.isEmpty())) {
                report = reports.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (report == null) {
                    break;
                }
            }
            assertNotNull(report, "no report after the events were lost");
            assertEquals(List.of(), report, "lost events must say 'read everything again' (an empty list)");
            Path inside = made.resolve("b.md");
            Files.writeString(inside, "b");
            assertNotNull(reportWith(reports, inside), "a file saved in a folder made while events were lost was never seen");
        }
    }
}
