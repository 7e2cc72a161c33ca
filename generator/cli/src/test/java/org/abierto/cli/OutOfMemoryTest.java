package org.abierto.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that needs more memory than Java was given: a CI runner with little memory, a page at the
 * limits. It says what to do, with its own exit code, and leaves the output as it was; no stack trace.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aBuildThatRunsOutOfMemorySaysWhatToDoAndLeavesTheOutputAsItWas() throws Exception {
        Path project = dir.resolve("informe");
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, AbiertoCommand.run(new String[]{"new", "site", project.toString()}, sink, sink, dir));
        Path out = project.resolve("publicado");
        assertEquals(0, AbiertoCommand.run(new String[]{"build", "--content", project.resolve("content").toString(),
                "--templates", project.resolve("templates").toString(), "--out", out.toString()}, sink, sink, dir));
        List<String> before = files(out);
        // A page just under the 3 MiB limit: its parse alone needs far more than 32 MiB of heap.
        StringBuilder page = new StringBuilder("---\ntitle: Largo\n---\n\n");
        for (int i = 0; page.length() < 3_000_000; i++) {
            page.append("Párrafo ").append(i).append(" con **negritas** y *cursivas*, largo como los del informe.\n\n");
        }
        Files.writeString(project.resolve("content/es/largo.md"), page);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx32m", "-D" + HeapForSite.STARTED_AGAIN + "=true",
                "-cp", System.getProperty("java.class.path"), AbiertoCommand.class.getName(), "build",
                "--content", project.resolve("content").toString(), "--templates", project.resolve("templates").toString(),
                "--out", out.toString()).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(AbiertoCommand.OUT_OF_MEMORY, process.waitFor(), said);
        assertTrue(said.contains("abierto: out of memory: this run needed more than the "), said);
        assertTrue(said.contains("ABIERTO_JAVA_OPTS=-Xmx2g"), said);
        assertFalse(said.contains("\tat ") || said.contains("Exception in thread"), "no stack trace: " + said);
        assertEquals(before, files(out), "the output is as it was");
    }

    @Test
    void theMessageNamesTheHeapJavaWasGiven() {
        assertTrue(AbiertoCommand.outOfMemory(512L * 1024 * 1024).contains("more than the 512 MiB Java was given"));
    }

    private static List<String> files(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f) + " " + f.toFile().length()).sorted().toList();
        }
    }
}
