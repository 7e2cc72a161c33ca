package org.abierto.pipelines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The web host the rehearsed pipelines publish to: the publishing test's own (site/publish/test/host.sh):
 * sshd and nginx on 127.0.0.1 with throwaway keys, configured from docs/hosting/. It runs on the machine,
 * outside the jobs' roots, which reach it over the loopback as a runner reaches a server.
 */
final class PublishHost implements AutoCloseable {
    private final Process process;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Path dir;

    private PublishHost(Process process, Path dir) throws IOException {
        this.process = process;
        this.dir = dir;
        for (String line : Files.readAllLines(dir.resolve("host.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    /** Starts the host in the new folder {@code dir}; returns once it answers. */
    static PublishHost start(Path repository, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", repository.resolve("site/publish/test/host.sh").toString(), "serve", dir.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + ".log").toFile()))
                .start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IOException("the publishing host did not start (" + dir.resolveSibling(dir.getFileName() + ".log") + ")");
        }
        return new PublishHost(process, dir);
    }

    /** The site's public address there: what an administrator sets as SITE_BASE_URL. */
    String baseUrl() {
        return "https://127.0.0.1:" + env.get("HTTPS_PORT") + env.get("PREFIX");
    }

    /**
     * The value of each setting the README tells a person to set (Publishing, step 4) for this host; a
     * setting absent here is left unset, as the README allows for the optional ones.
     */
    Map<String, String> settings() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SITE_BASE_URL", baseUrl());
        values.put("PUBLISH_HOST", "127.0.0.1");
        values.put("PUBLISH_PORT", env.get("SSH_PORT"));
        values.put("PUBLISH_USER", env.get("USER"));
        values.put("PUBLISH_DIR", env.get("SERVER_DIR"));
        values.put("PUBLISH_SSH_KEY", Files.readString(Path.of(env.get("DEPLOY_KEY"))));
        values.put("PUBLISH_KNOWN_HOSTS", Files.readString(Path.of(env.get("KNOWN_HOSTS"))));
        return values;
    }

    /** The TLS certificate the host's nginx presents (self-signed, for 127.0.0.1). */
    Path certificate() {
        return Path.of(env.get("CERTIFICATE"));
    }

    /** The release {@code current} points at, on the host: what nginx serves. */
    String currentRelease() throws IOException {
        Path current = Path.of(env.get("SERVER_DIR")).resolve("current");
        return Files.isSymbolicLink(current) ? Files.readSymbolicLink(current).getFileName().toString() : null;
    }

    Path dir() {
        return dir;
    }

    /** Stops sshd and nginx: the host script stops them when its input closes. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            // as DebianRoot.close: the interruption stays on the thread, close() throws no InterruptedException
            process.destroy();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the publishing host");
        }
    }
}
