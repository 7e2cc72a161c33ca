package org.abierto.cli;

import org.abierto.BuildRequest;
import org.abierto.BuildSummary;
import org.abierto.Workspace;
import org.abierto.serve.DevServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code abierto serve}: the live preview, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Preview the site at http://127.0.0.1:PORT/, rebuilt and reloaded in the browser on every save.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    AbiertoCommand.Inputs inputs = new AbiertoCommand.Inputs();

    @Option(names = "--port", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this computer only). Another address shows "
                    + "the preview, drafts included, to anyone who can reach it; requests must then name that address.")
    String bind;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final int MAX_PORT = 65_535;

    private final Path workingDir;

    ServeCommand(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() throws Exception {
        // Options the system would refuse with an exception: usage errors, said in the user's terms.
        if (port < 0 || port > MAX_PORT) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": a port is a number from 1 to "
                    + MAX_PORT + " (or 0 for any free one), such as the default 8080");
        }
        if (bind.isBlank() || new java.net.InetSocketAddress(bind, 0).isUnresolved()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind " + bind + ": not an address of this computer; "
                    + "leave it out to keep the preview on this computer (127.0.0.1), or give one of its addresses");
        }
        var request = new BuildRequest(workingDir.resolve(inputs.content).normalize(), workingDir.resolve(inputs.templates).normalize(),
                workingDir.resolve("site/target/site"), inputs.baseUrl(spec.commandLine()), inputs.strict);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DevServer.exposure(bind).ifPresent(why -> {
            err.println("abierto: warning: " + why + "; leave out --bind (or give 127.0.0.1) to keep it on this computer");
            err.flush();
        });
        var stopped = new CountDownLatch(1);
        DevServer started;
        try {
            started = new DevServer(new Workspace(request), bind, port, snapshot -> {
                snapshot.diagnostics().forEach(d -> err.println(d.format(workingDir)));
                out.println(BuildSummary.line(snapshot.result(), true, snapshot.took(), "memory"));
                out.flush();
                err.flush();
            });
        } catch (java.net.SocketException e) {
            // The machine's situation, not a bug: another program has the port, or the address is not this computer's.
            err.println("abierto: cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + "; choose another port with --port (or stop the program using it)");
            return AbiertoCommand.USAGE_ERRORS;
        }
        try (var server = started) {
            out.println("Serving the site at http://" + bind + ":" + server.port() + "/ — edit content/ or templates/ and the page reloads; Ctrl-C stops.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }

}
