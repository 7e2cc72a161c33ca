package org.abierto.maven;

import org.abierto.BuildSummary;
import org.abierto.Workspace;
import org.abierto.serve.DevServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** {@code abierto:serve}: the live preview at http://127.0.0.1:PORT/, until Ctrl-C. */
@Mojo(name = "serve", threadSafe = true, requiresProject = false)
public class ServeMojo extends AbstractAbiertoMojo {

    /** The port; 0 for any free one. */
    @Parameter(property = "abierto.port", defaultValue = "8080")
    int port;

    /**
     * The address to listen on; this computer only by default. Another address shows the preview,
     * drafts included, to anyone who can reach it.
     */
    @Parameter(property = "abierto.bind", defaultValue = "127.0.0.1")
    String bind;

    @Override
    void run() throws MojoExecutionException {
        if (port < 0 || port > 65535) {
            throw new MojoExecutionException("abierto.port is " + port + ": give a port from 1 to 65535, or 0 for any free one");
        }
        DevServer.exposure(bind).ifPresent(why -> getLog().warn(why + "; leave out abierto.bind (or give 127.0.0.1) to keep it on this computer"));
        var stopped = new CountDownLatch(1);
        DevServer started;
        try {
            started = new DevServer(new Workspace(request()), bind, port, snapshot -> {
                snapshot.diagnostics().forEach(this::log);
                getLog().info(BuildSummary.line(snapshot.result(), true, snapshot.took(), "memory"));
            });
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start the preview server on " + bind + ":" + port + ": " + e.getMessage()
                    + "; choose another port with -Dabierto.port (or stop the program using it)", e);
        }
        try (var server = started) {
            getLog().info("Serving the site at http://" + bind + ":" + server.port() + "/ — Ctrl-C stops.");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                stopped.countDown();
            }));
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
