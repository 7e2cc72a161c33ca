package org.abierto.pipelines;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Running the host's commands: with a time limit, no input, and their output kept. */
final class Commands {
    private Commands() {
    }

    /** Where the lines of a command's output also go, besides its log file (the rehearsal's summary). */
    static volatile Consumer<String> echo = line -> {
    };

    /** Runs a command with the rehearsal's own environment; fails when it exits with anything but 0. */
    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("rehearsal-", ".log");
        try {
            int code = run(command, null, output, timeout);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (code != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + code + ":\n" + tail(text, 40));
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Runs a command, its output (standard error included) appended to {@code output}; kills it and
     * everything it started when {@code timeout} passes.
     *
     * @param env exactly the environment of the command, or null for the rehearsal's own
     * @return the exit code
     */
    static int run(List<String> command, Map<String, String> env, Path output, Duration timeout)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        if (env != null) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        Thread copier = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(output, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    echo.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "output of " + command.get(0));
        copier.setDaemon(true);
        copier.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            copier.join(5_000);
            Files.writeString(output, "\n[rehearsal] stopped after " + timeout.toMinutes() + " minutes\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            return 124;
        }
        copier.join();
        return process.exitValue();
    }

    /** The last {@code n} lines of a text. */
    static String tail(String text, int n) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /**
     * Deletes a folder and everything in it, staying on its file system: a folder mounted inside is never
     * entered.
     */
    static void deleteTree(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            run(List.of("rm", "-rf", "--one-file-system", "--", dir.toString()), Duration.ofMinutes(10));
        }
    }

    /** Copies a file or a folder (contents, modes and symbolic links kept) to {@code to}. */
    static void copy(Path from, Path to) throws IOException, InterruptedException {
        Files.createDirectories(to.getParent());
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            run(List.of("cp", "-a", "--", from + "/.", to.toString()), Duration.ofMinutes(10));
        } else {
            run(List.of("cp", "-a", "--", from.toString(), to.toString()), Duration.ofMinutes(10));
        }
    }
}
