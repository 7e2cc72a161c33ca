package org.abierto.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar abierto.jar build} on a large site runs again in a JVM sized for the site (issue 15:
 * peak memory within 1 GB at 20,000 pages with plain {@code java -jar} too), and only then.
 */
class HeapForSiteTest {
    @TempDir
    static Path dir;

    private static final Optional<String> JAVA = Optional.of("/opt/java/bin/java");

    /** A content folder of so many one-line pages (and a file that is not a page). */
    private static Path content(int pages) throws IOException {
        Path content = dir.resolve("content-" + pages);
        if (!Files.isDirectory(content)) {
            for (int i = 0; i < pages; i++) {
                Path page = content.resolve("es/c" + i / 500 + "/p" + i + ".md");
                Files.createDirectories(page.getParent());
                Files.writeString(page, "---\ntitle: P\n---\n");
            }
            Files.createDirectories(content.resolve("static/notas.md")); // a folder, not a page
            Files.writeString(content.resolve("static/nota.txt"), "not a page\n");
        }
        return content;
    }

    private static Optional<List<String>> sized(List<String> jvm, String... args) {
        return HeapForSite.command(args, false, () -> jvm, JAVA, "/opt/abierto/abierto.jar", dir);
    }

    @Test
    void theHeapGrowsWithThePagesNotTheMachine() {
        assertEquals(256, HeapForSite.heapMiB(0));
        assertEquals(321, HeapForSite.heapMiB(2_500));
        assertEquals(776, HeapForSite.heapMiB(20_000));
        assertEquals(1_036, HeapForSite.heapMiB(30_000));
    }

    @Test
    void aLargeSitesBuildRunsAgainWithTheSerialCollectorItsHeapAndC1() throws IOException {
        Path content = content(2_500);
        assertEquals(2_500, HeapForSite.pages(content));
        var command = sized(List.of("-Dfile.encoding=UTF-8", "-javaagent:/x.jar"), "build", "--content", content.toString(), "--strict");
        assertEquals(List.of("/opt/java/bin/java", "-Dfile.encoding=UTF-8", "-javaagent:/x.jar", "-XX:+UseSerialGC", "-Xmx321m",
                "-XX:TieredStopAtLevel=1", "-D" + HeapForSite.STARTED_AGAIN + "=true", "-cp", "/opt/abierto/abierto.jar",
                "org.abierto.cli.AbiertoCommand", "build", "--content", content.toString(), "--strict"), command.orElseThrow());
        // check too, and --content=DIR, relative to the working folder
        assertTrue(sized(List.of(), "check", "--content=content-2500").isPresent());
    }

    @Test
    void aSmallSiteAnotherCommandOrAJvmSizedByItsUserIsLeftAsItIs() throws IOException {
        String large = content(2_500).toString();
        assertFalse(sized(List.of(), "build", "--content", content(2_499).toString()).isPresent());
        assertFalse(sized(List.of(), "build").isPresent(), "no content folder in the working folder: nothing to size");
        assertFalse(sized(List.of(), "serve", "--content", large).isPresent());
        assertFalse(sized(List.of(), "pdf", "--content", large).isPresent());
        assertFalse(sized(List.of()).isPresent());
        for (String option : List.of("-Xmx2g", "-Xms1g", "-XX:MaxHeapSize=2g", "-XX:InitialHeapSize=1g", "-XX:MaxRAMPercentage=10",
                "-XX:MaxRAM=4g", "-XX:+UseG1GC", "-XX:+UseParallelGC", "-D" + HeapForSite.STARTED_AGAIN + "=true",
                // a JVM that records itself: two JVMs would write one file (a corrupt recording, a class archive of the waiting JVM)
                "-XX:StartFlightRecording=filename=/tmp/p.jfr,settings=profile", "-XX:ArchiveClassesAtExit=/tmp/a.jsa")) {
            assertFalse(sized(List.of("-Dx=y", option), "build", "--content", large).isPresent(), option);
        }
        assertTrue(sized(List.of("-XX:+UseCompressedOops", "-XX:-UseLargePages"), "build", "--content", large).isPresent(),
                "options that neither size the heap nor choose a collector");
        assertFalse(HeapForSite.command(new String[]{"build", "--content", large}, false, List::of, Optional.empty(), "a.jar", dir).isPresent(),
                "no java executable known");
        assertFalse(HeapForSite.command(new String[]{"build", "--content", large}, false, List::of, JAVA, "", dir).isPresent());
        assertFalse(HeapForSite.command(new String[]{"build", "--content", large}, true, () -> {
            throw new AssertionError("a JVM that says it is sized is not asked its options");
        }, JAVA, "a.jar", dir).isPresent(), "started by the launcher (or by this class) with -D" + HeapForSite.STARTED_AGAIN);
    }

    @Test
    void thirtyThousandPagesKeepBothCompilers() throws IOException {
        var command = sized(List.of(), "build", "--content", content(30_000).toString()).orElseThrow();
        assertTrue(command.contains("-Xmx1036m"), command.toString());
        assertFalse(command.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")), command.toString());
    }

    /** The real thing: a JVM started as a user starts it, and what the JVM it starts was given. */
    @Test
    void theJvmStartedAgainHasTheHeapAndItsExitCodeIsTheBuilds() throws Exception {
        Path content = content(2_500);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+PrintCommandLineFlags", "-cp",
                System.getProperty("java.class.path"), AbiertoCommand.class.getName(), "check", "--content", content.toString(),
                "--templates", dir.resolve("no-templates").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.waitFor(), out); // the check's errors: the second JVM's exit code
        assertTrue(out.contains("-XX:MaxHeapSize=336592896 ") && out.contains("-XX:+UseSerialGC"), out); // 321 MiB
        assertTrue(out.contains("the templates folder does not exist"), out);

        command.add(1, "-Xmx400m"); // sized by its user: no second JVM, so no serial collector
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.waitFor(), out);
        assertFalse(out.contains("-XX:+UseSerialGC"), out);
        assertTrue(out.contains("-XX:MaxHeapSize=419430400 "), out);
    }
}
