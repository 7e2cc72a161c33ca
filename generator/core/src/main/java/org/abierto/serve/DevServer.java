package org.abierto.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.abierto.Workspace;
import org.abierto.model.OutputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The editor's preview: serves the site from memory, rebuilds what an edit affects as soon as a file
 * under {@code content/} or {@code templates/} changes, and tells open browser tabs to reload
 * (server-sent events; the reload script is added to pages here, never to built output). While the
 * content has errors, every page shows them with their file, line and column.
 *
 * <p>It binds to the loopback interface unless told otherwise, and serves only the files of the
 * built site: a request is answered from the in-memory output, never from the disk, so no address
 * (with {@code ..}, encoded dots or slashes, or through a symbolic link) can reach another file.
 */
public final class DevServer implements AutoCloseable {
    static final String EVENTS = "/__abierto/events";
    static final String RELOAD_SCRIPT = "/__abierto/reload.js";
    static final String SCRIPT_TAG = "<script src=\"" + RELOAD_SCRIPT + "\"></script>";

    private final Workspace workspace;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "abierto-serve");
        t.setDaemon(true);
        return t;
    });
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final ContentWatcher watcher;
    private final Object builds = new Object(); // one build at a time: the first one, then each edit's
    private final Consumer<Workspace.Snapshot> onRebuild;
    private final Path projectRoot;
    private volatile Workspace.Snapshot snapshot;

    /**
     * Builds the site and starts serving it.
     *
     * @param bind      the address to listen on ("127.0.0.1" unless the user asks otherwise)
     * @param port      the port, or 0 for any free one
     * @param onRebuild told after every build (the first one included), to print its report
     */
    public DevServer(Workspace workspace, String bind, int port, Consumer<Workspace.Snapshot> onRebuild) throws IOException {
        this.workspace = workspace;
        this.onRebuild = onRebuild;
        Path content = workspace.request().contentDir();
        this.projectRoot = content.getParent() == null ? content : content.getParent();
        // The JDK's server writes a response's headers and body separately; without TCP_NODELAY a reused
        // connection waits for the browser's delayed acknowledgement, 40 ms on every request after the first.
        // Read once, when the first server is made, so it is set before.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The port first: a port in use is told at once, not after a build of the whole site.
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        // Watching starts before the first build: a file saved while it runs, or in the moment before
        // the watch would otherwise begin, makes a rebuild once the first build is done, never a lost edit.
        ContentWatcher watching = null;
        try {
            synchronized (builds) {
                watching = new ContentWatcher(List.of(content, workspace.request().templatesDir()), this::rebuild);
                this.snapshot = workspace.update(List.of());
                onRebuild.accept(snapshot);
            }
        } catch (IOException | RuntimeException e) {
            if (watching != null) {
                watching.close();
            }
            server.stop(0);
            executor.shutdownNow();
            throw e;
        }
        this.watcher = watching;
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The latest build. */
    public Workspace.Snapshot snapshot() {
        return snapshot;
    }

    private void rebuild(List<Path> changed) {
        synchronized (builds) {
            snapshot = workspace.update(changed);
            onRebuild.accept(snapshot);
        }
        byte[] event = ("event: reload\ndata: " + snapshot.version() + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream listener : listeners) {
            try {
                listener.write(event);
                listener.flush();
            } catch (IOException e) {
                listeners.remove(listener); // the tab was closed
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (raw.equals(EVENTS)) {
                events(exchange);
                return;
            }
            if (raw.equals(RELOAD_SCRIPT)) {
                send(exchange, 200, "text/javascript; charset=utf-8", ReloadScript.TEXT.getBytes(StandardCharsets.UTF_8));
                return;
            }
            SitePath path = SitePath.of(raw);
            if (path.refused()) {
                send(exchange, 400, "text/plain; charset=utf-8", "Bad request.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Workspace.Snapshot current = snapshot;
            if (!current.result().succeeded()) {
                send(exchange, 500, "text/html; charset=utf-8", withReload(ErrorPage.html(current, projectRoot)));
                return;
            }
            Map<String, OutputFile> files = current.files();
            String file = path.file();
            if (!files.containsKey(file) && files.containsKey(file + "/index.html")) {
                exchange.getResponseHeaders().set("Location", raw + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            OutputFile found = files.get(file);
            if (found == null) {
                OutputFile notFound = files.get(path.language().map(l -> l + "/404.html").filter(files::containsKey).orElse("404.html"));
                byte[] body = notFound == null ? "Not found.".getBytes(StandardCharsets.UTF_8) : bytes(notFound);
                send(exchange, 404, notFound == null ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
                        notFound == null ? body : withReload(new String(body, StandardCharsets.UTF_8)));
                return;
            }
            String type = MediaTypes.of(file);
            byte[] body = bytes(found);
            send(exchange, 200, type, type.startsWith("text/html") ? withReload(new String(body, StandardCharsets.UTF_8)) : body);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write((": connected\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        listeners.add(out);
        try {
            // Keep the stream open until the browser goes away or the server stops.
            while (listeners.contains(out)) {
                Thread.sleep(15_000);
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            listeners.remove(out);
        }
    }

    private static byte[] bytes(OutputFile file) throws IOException {
        return file instanceof OutputFile.Generated g ? g.bytes() : Files.readAllBytes(((OutputFile.Copied) file).source());
    }

    private static byte[] withReload(String html) {
        int end = html.lastIndexOf("</body>");
        String injected = end < 0 ? html + SCRIPT_TAG : html.substring(0, end) + SCRIPT_TAG + html.substring(end);
        return injected.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Stops watching and serving; open event streams end. */
    @Override
    public void close() {
        watcher.close();
        for (OutputStream listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                // the browser is gone already
            }
        }
        listeners.clear();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Media types by extension, with charset=utf-8 for text. */
    static final class MediaTypes {
        private static final Map<String, String> TYPES = Map.ofEntries(
                Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
                Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
                Map.entry("jsonld", "application/ld+json; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"),
                Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
                Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
                Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
                Map.entry("ico", "image/x-icon"), Map.entry("gz", "application/gzip"));

        static String of(String path) {
            int dot = path.lastIndexOf('.');
            String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (path.endsWith(".csv-metadata.json")) {
                return "application/csvm+json; charset=utf-8";
            }
            return TYPES.getOrDefault(extension, "application/octet-stream");
        }
    }
}
