package org.abierto.write;

import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One build at a time writes an output folder; the others wait, or are told which process holds it. */
class OutputLockTest {
    private static final long SELF = ProcessHandle.current().pid();

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

    private List<String> stagingFolders() throws IOException {
        return siblings().stream().filter(n -> n.startsWith(".abierto-new-")).toList();
    }

    @Test
    void aSecondBuildWaitsForTheFirstAndNeverTouchesItsWork() throws Exception {
        Path out = tmp.resolve("site");
        SiteWriter.Staging first = new SiteWriter().open(out, false);
        first.add(page("index.html", "<p>primera"));
        List<String> firstStaging = stagingFolders();
        assertEquals(1, firstStaging.size());

        List<Long> waitedFor = new CopyOnWriteArrayList<>();
        var waiting = new CountDownLatch(1);
        CompletableFuture<SiteWriter.Staging> second = CompletableFuture.supplyAsync(() -> {
            try {
                return new SiteWriter(Duration.ofMinutes(1)).open(out, false, holder -> {
                    waitedFor.add(holder);
                    waiting.countDown();
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(waiting.await(30, TimeUnit.SECONDS), "the second build did not wait");
        assertFalse(second.isDone());
        assertEquals(firstStaging, stagingFolders(), "the waiting build leaves the first one's new output alone");
        assertEquals(SELF, waitedFor.get(0), "it names the process that holds the folder");

        first.add(page("es/index.html", "<p>primera, es"));
        first.commit();
        first.close();
        try (SiteWriter.Staging taken = second.get(30, TimeUnit.SECONDS)) {
            taken.add(page("index.html", "<p>primera"));
            taken.commit();
            assertEquals(1, taken.reused(), "the second build starts from the first one's output");
        }
        assertEquals(List.of("abierto-manifest.json", "index.html"), MiniSite.files(out));
    }

    @Test
    void aBuildThatWaitedLongEnoughIsRefusedNamingTheHolder() throws Exception {
        Path out = tmp.resolve("site");
        try (SiteWriter.Staging first = new SiteWriter().open(out, false)) {
            first.add(page("index.html", "<p>primera"));
            List<String> before = siblings();
            OutputRefused refused = CompletableFuture.supplyAsync(() -> assertThrows(OutputRefused.class,
                    () -> new SiteWriter(Duration.ofMillis(100)).open(out, false))).get(30, TimeUnit.SECONDS);
            assertEquals("output-busy", refused.code());
            assertEquals(out, refused.at());
            assertEquals("another build (process " + SELF + ") is writing this output folder and did not finish within 100 ms; "
                    + "wait for it to finish, or stop it, then build again", refused.getMessage());
            assertEquals(before, siblings(), "the refused build changed nothing");
            first.commit();
        }
        assertEquals(List.of("abierto-manifest.json", "index.html"), MiniSite.files(out));
    }

    @Test
    void anotherProcessHoldsTheFolderUntilItIsKilledAndLeavesNoStaleLock() throws Exception {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>antes")), out, false);
        Process other = HoldOutput.start(out);
        try {
            var said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", said.readLine());
            assertEquals(1, stagingFolders().size(), "the other process writes its new output");

            OutputRefused refused = assertThrows(OutputRefused.class, () -> new SiteWriter(Duration.ofMillis(200)).open(out, false));
            assertTrue(refused.getMessage().startsWith("another build (process " + other.pid() + ") is writing this output folder"),
                    refused.getMessage());
            assertEquals(1, stagingFolders().size(), "a refused build leaves the other one's new output alone");
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
        // Killed: the system released its lock; what it left is removed by the next build.
        try (SiteWriter.Staging next = new SiteWriter(Duration.ofSeconds(30)).open(out, false)) {
            assertEquals(1, stagingFolders().size(), "only this build's new output is left");
            next.add(page("index.html", "<p>después"));
            next.commit();
        }
        assertEquals("<p>después", Files.readString(out.resolve("index.html")));
        assertEquals(List.of(".site.abierto-lock", "site"), siblings());
        assertEquals(String.valueOf(SELF), Files.readString(tmp.resolve(".site.abierto-lock")).strip(), "the last holder's process id");
    }

    @Test
    void anotherProcessThatCommitsHandsTheFolderOver() throws Exception {
        Path out = tmp.resolve("site");
        Process other = HoldOutput.start(out);
        try {
            var said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", said.readLine());
            List<Long> waitedFor = new CopyOnWriteArrayList<>();
            var waiting = new CountDownLatch(1);
            CompletableFuture<SiteWriter.Staging> mine = CompletableFuture.supplyAsync(() -> {
                try {
                    return new SiteWriter(Duration.ofMinutes(1)).open(out, false, holder -> {
                        waitedFor.add(holder);
                        waiting.countDown();
                    });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(waiting.await(30, TimeUnit.SECONDS));
            assertEquals(other.pid(), waitedFor.get(0), "the lock file holds the holder's process id");
            other.getOutputStream().write("commit\n".getBytes(StandardCharsets.UTF_8));
            other.getOutputStream().close();
            assertEquals(0, other.waitFor());
            try (SiteWriter.Staging staging = mine.get(30, TimeUnit.SECONDS)) {
                assertEquals("<p>otro proceso", Files.readString(out.resolve("index.html")), "the other process's output is in place");
                staging.add(page("index.html", "<p>mía"));
                staging.commit();
            }
        } finally {
            other.destroyForcibly();
        }
        assertEquals("<p>mía", Files.readString(out.resolve("index.html")));
        assertEquals(String.valueOf(SELF), Files.readString(tmp.resolve(".site.abierto-lock")).strip());
    }

    @Test
    void aBuildInterruptedWhileAnotherOneHereHoldsTheFolderIsRefusedAndStaysInterrupted() throws IOException {
        Path out = tmp.resolve("site");
        try (SiteWriter.Staging first = new SiteWriter().open(out, false)) {
            first.add(page("index.html", "<p>primera"));
            OutputRefused refused;
            boolean interrupted;
            Thread.currentThread().interrupt(); // as a build being stopped while it waits
            try {
                refused = assertThrows(OutputRefused.class, () -> new SiteWriter(Duration.ofMinutes(1)).open(out, false));
            } finally {
                interrupted = Thread.interrupted(); // cleared again, for the rest of the test
            }
            assertTrue(interrupted, "the interrupt is kept for the code that stops the build");
            assertEquals("output-busy", refused.code());
            assertTrue(refused.getMessage().startsWith("another build (process " + SELF + ") is writing this output folder"),
                    refused.getMessage());
            first.commit();
        }
        assertEquals("<p>primera", Files.readString(out.resolve("index.html")), "the holder was not disturbed");
    }

    @Test
    void aBuildInterruptedWhileWaitingForTheLockFileGivesUpAndLetsTheNextOneIn() throws IOException {
        // Two paths to one lock file (through a symbolic link) queue apart in this process, and then wait on the file itself.
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        List<Long> waitedFor = new java.util.ArrayList<>();
        OutputLock.Busy busy;
        OutputLock held = OutputLock.take(real.resolve(".site.abierto-lock"), Duration.ZERO, holder -> { });
        try {
            boolean interrupted;
            try {
                busy = assertThrows(OutputLock.Busy.class, () -> OutputLock.take(link.resolve(".site.abierto-lock"), Duration.ofSeconds(10),
                        holder -> {
                            waitedFor.add(holder);
                            Thread.currentThread().interrupt(); // stopped while it waits
                        }));
            } finally {
                interrupted = Thread.interrupted();
            }
            assertTrue(interrupted, "the interrupt is kept");
        } finally {
            held.close();
        }
        assertEquals(List.of(SELF), waitedFor, "told once who holds the file, then it stopped waiting at once");
        assertEquals(-1, busy.holder());
        assertEquals("interrupted while waiting", busy.getMessage());
        // It let go of its turn: the next build through the same path takes the lock without waiting.
        OutputLock.take(link.resolve(".site.abierto-lock"), Duration.ZERO, holder -> waitedFor.add(holder)).close();
        assertEquals(List.of(SELF), waitedFor, "it did not wait");
    }

    @Test
    void buildsOfTwoOutputsInOneFolderLeaveEachOthersWorkAlone() throws IOException {
        Path site = tmp.resolve("site");
        Path publish = tmp.resolve("publish");
        try (SiteWriter.Staging first = new SiteWriter(Duration.ZERO).open(site, false)) {
            first.add(page("index.html", "<p>sitio"));
            new SiteWriter(Duration.ZERO).write(List.of(page("index.html", "<p>publicación")), publish, false);
            first.add(page("es/index.html", "<p>sitio, es"));
            first.commit();
        }
        assertEquals(List.of("abierto-manifest.json", "es/index.html", "index.html"), MiniSite.files(site));
        assertEquals("<p>publicación", Files.readString(publish.resolve("index.html")));
    }
}
