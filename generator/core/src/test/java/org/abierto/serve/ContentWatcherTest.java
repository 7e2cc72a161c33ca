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

    /** A watcher of {@code roots} whose every report is queued. */
    private static ContentWatcher watching(List<Path> roots, BlockingQueue<List<Path>> reports) throws java.io.IOException {
        return new ContentWatcher(roots, reports::add);
    }

    @Test
    void aSavedFileAndADeletedOneAreReported() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path page = Files.writeString(content.resolve("a.md"), "a");
        BlockingQueue<List<Path>> reports = new LinkedBlockingQueue<>();
        var watcher = watching(List.of(content), reports);
        try (watcher) {
            Path other = content.resolve("b.md");
            Files.writeString(other, "b");
            assertNotNull(reportWith(reports, other), "a new file was not reported");
            Files.delete(page);
            assertNotNull(reportWith(reports, page), "a deleted file was not reported");
        }
    }

    @Test
    void aFolderMovedInIsReportedWithTheFilesItHoldsAndWatchedFromThen() throws Exception {
        // Its files were written before it was watched: no event tells of them but the folder's own.
        Path content = Files.createDirectories(dir.resolve("content"));
        Path elsewhere = Files.createDirectories(dir.resolve("preparado/capitulo/figuras"));
        Files.writeString(elsewhere.resolve("a.svg"), "<svg/>");
        Files.writeString(elsewhere.getParent().resolve("capitulo.md"), "c");
        BlockingQueue<List<Path>> reports = new LinkedBlockingQueue<>();
        var watcher = watching(List.of(content), reports);
        try (watcher) {
            Files.move(dir.resolve("preparado/capitulo"), content.resolve("capitulo"));
            Path inner = content.resolve("capitulo/figuras/a.svg");
            List<Path> report = reportWith(reports, inner);
            assertNotNull(report, "the files of a folder moved in were not reported");
            assertTrue(report.contains(content.resolve("capitulo/capitulo.md").toAbsolutePath().normalize()), report.toString());
            Path later = content.resolve("capitulo/figuras/b.svg");
            Files.writeString(later, "<svg/>");
            assertNotNull(reportWith(reports, later), "a file saved in the folder moved in was not seen");
        }
    }

    @Test
    void aRootThatIsNoFolderIsNotWatchedAndTheOthersAre() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path file = Files.writeString(dir.resolve("notas.txt"), "n");
        BlockingQueue<List<Path>> reports = new LinkedBlockingQueue<>();
        var watcher = watching(List.of(dir.resolve("no-existe"), file, content), reports);
        try (watcher) {
            Path page = content.resolve("a.md");
            Files.writeString(page, "a");
            assertNotNull(reportWith(reports, page));
        }
    }

    @Test
    void whatTheListenerThrowsMakesTheNextReportReadEverythingOnce() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        BlockingQueue<List<Path>> reports = new LinkedBlockingQueue<>();
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        var watcher = new ContentWatcher(List.of(content), changed -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("a rebuild failed half way");
            }
            reports.add(changed);
        });
        try (watcher) {
            Files.writeString(content.resolve("a.md"), "a");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // the first burst over
            Files.writeString(content.resolve("b.md"), "b");
            assertEquals(List.of(), reports.poll(10, TimeUnit.SECONDS), "after a failure, everything is read again (an empty list)");
            Path c = content.resolve("c.md");
            Files.writeString(c, "c");
            assertNotNull(reportWith(reports, c), "once only: after that, reports name the files again");
        }
    }

    @Test
    void anErrorOfTheJavaMachineEndsTheWatcher() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        var watcher = new ContentWatcher(List.of(content), changed -> {
            calls.incrementAndGet();
            throw new InternalError("the machine is broken");
        });
        try (watcher) {
            Files.writeString(content.resolve("a.md"), "a");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, calls.get());
            Thread.sleep(100);
            Files.writeString(content.resolve("b.md"), "b");
            Thread.sleep(1000);
            assertEquals(1, calls.get(), "the watcher went on after an internal error of the machine");
        }
    }

    @Test
    void closingEndsTheReports() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        BlockingQueue<List<Path>> reports = new LinkedBlockingQueue<>();
        var watcher = watching(List.of(content), reports);
        watcher.close();
        Files.writeString(content.resolve("a.md"), "a");
        assertEquals(null, reports.poll(1, TimeUnit.SECONDS), "a closed watcher reported");
    }
}
