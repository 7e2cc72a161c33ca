package org.abierto.testing;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A build in a JVM of its own, with the options a test gives it (a small heap, to prove that a
 * stage streams what it reads): {@link #run} starts it, {@link #main} is what it runs.
 */
public final class BuildInAnotherJvm {
    private BuildInAnotherJvm() {
    }

    /** Builds {@code project} (content, templates) into {@code project/out}, with gzip copies; exits 0 when written. */
    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        BuildResult result = new Abierto().build(new BuildRequest(project.resolve("content"), project.resolve("templates"),
                project.resolve("out"), null, false, true));
        result.diagnostics().stream().filter(org.abierto.diagnostic.Diagnostic::isError).forEach(d -> System.err.println(d.format(project)));
        System.exit(result.written() ? 0 : 1);
    }

    /** Runs {@link #main} on {@code project} with these JVM options; gives its exit code (its output goes to {@code log}). */
    public static int run(Path project, Path log, String... jvmOptions) throws IOException, InterruptedException {
        Process process = start(project, log, jvmOptions);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** Starts {@link #main} on {@code project} with these JVM options, and returns at once (its output goes to {@code log}). */
    public static Process start(Path project, Path log, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BuildInAnotherJvm.class.getName(), project.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
