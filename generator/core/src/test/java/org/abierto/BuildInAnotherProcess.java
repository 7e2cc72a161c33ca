package org.abierto;

import org.abierto.diagnostic.Diagnostic;

import java.nio.file.Path;

/**
 * A build in another process, for {@link ConcurrentBuildsTest}: builds CONTENT with TEMPLATES into
 * OUT; exits 0 when the output was written, 1 otherwise (its errors on standard error).
 */
public final class BuildInAnotherProcess {
    private BuildInAnotherProcess() {
    }

    public static void main(String[] args) {
        BuildResult result = new Abierto().build(new BuildRequest(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), null, false));
        result.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> System.err.println(d.format(null)));
        System.exit(result.written() ? 0 : 1);
    }

    /** Starts it with this JVM and class path. */
    static Process start(BuildRequest request) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BuildInAnotherProcess.class.getName(),
                request.contentDir().toString(), request.templatesDir().toString(), request.outputDir().toString())
                .redirectErrorStream(true).start();
    }
}
