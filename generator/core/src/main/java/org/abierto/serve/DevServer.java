package org.abierto.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.abierto.Workspace;
import org.abierto.model.OutputFile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>It answers only requests addressed to it by name ({@code Host: localhost:PORT},
 * {@code 127.0.0.1:PORT}, {@code [::1]:PORT}, or the address it was told to bind to): a web page whose
 * own name an attacker points at this computer (DNS rebinding) sends its own name, and is refused, so
 * it cannot read drafts. A fixed number of threads answers, however many connections arrive, and
 * the event streams of open tabs hold none.
 */
public final class DevServer implements AutoCloseable {
    static final String EVENTS = "/__abierto/events";
    static final String RELOAD_SCRIPT = "/__abierto/reload.js";
    static final String SCRIPT_TAG = "<script src=\"" + RELOAD_SCRIPT + "\"></script>";
    /**
     * The policy of every page served: docs/hosting's (the site's own style sheets, images and fonts,
     * nothing inline), plus what the reload script needs, which every page here has: {@code script-src
     * 'self'} for it (and for the search script) and {@code connect-src 'self'} for its event stream. So
     * an inline style or script fails in the preview as it will on the host.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Threads answering requests: a preview has a few tabs, each asking for a page and its files at once. */
    static final int THREADS = 8;
    /** Requests waiting for a thread; beyond them, a connection is closed at once rather than queued without end. */
    static final int WAITING = 256;
    /** Open tabs told to reload; one more is answered 503. */
    static final int MAX_TABS = 64;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final Workspace workspace;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService keepAlive;
    private final Set<Tab> tabs = ConcurrentHashMap.newKeySet();
    private final Set<InetAddress> ownAddresses;
    private final Set<String> ownNames;
    private final ContentWatcher watcher;
    private final Object builds = new Object(); // one build at a time: the first one, then each edit's
    private final Consumer<Workspace.Snapshot> onRebuild;
    private final Path projectRoot;
    private volatile Workspace.Snapshot snapshot;
    /** Why the preview stopped, once an error of the Java machine ended its watcher; null while it runs. */
    private volatile String stopped;

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
        InetSocketAddress address = new InetSocketAddress(bind, port);
        this.ownAddresses = ownAddresses(address.getAddress());
        this.ownNames = ownNames(bind);
        String threads = "abierto-serve-" + SERVERS.incrementAndGet();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING),
                daemon(threads), new ThreadPoolExecutor.AbortPolicy()); // the server closes a connection it cannot hand over
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(daemon(threads + "-keep-alive"));
        // The port first: a port in use is told at once, not after a build of the whole site.
        try {
            this.server = HttpServer.create(address, 64);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            keepAlive.shutdownNow();
            throw e;
        }
        server.setExecutor(executor);
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
            // The JDK's server gives its port back only from its own thread: a server never started kept the
            // port bound in this JVM, and a second preview started in it failed with "Address already in use".
            // It has no handler yet, so for this instant it answers only 404.
            server.start();
            server.stop(0);
            executor.shutdownNow();
            keepAlive.shutdownNow();
            throw e;
        }
        this.watcher = watching;
        server.createContext("/", this::handle);
        // Proxies and browsers close a stream silent for long; a comment every 15 s keeps it open.
        keepAlive.scheduleAtFixedRate(() -> tell(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
        server.start();
    }

    private static ThreadFactory daemon(String name) {
        var count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Why listening on {@code bind} shows the preview beyond this computer, or empty when it stays on
     * it (a loopback address). Drafts are served too, so anyone who can reach the address reads them.
     */
    public static Optional<String> exposure(String bind) {
        InetAddress address = new InetSocketAddress(bind, 0).getAddress();
        if (address == null || address.isLoopbackAddress()) {
            return Optional.empty();
        }
        String where = address.isAnyLocalAddress() ? "every network address of this computer (" + bind + ")" : bind;
        return Optional.of("the preview listens on " + where + ", beyond this computer: anyone who can reach it "
                + "on the network can read the site, drafts included");
    }

    /** The addresses a request may name in Host: the loopback ones and the one bound (all of this computer's for 0.0.0.0). */
    private static Set<InetAddress> ownAddresses(InetAddress bound) throws IOException {
        Set<InetAddress> own = new HashSet<>(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")));
        if (bound != null && bound.isAnyLocalAddress()) {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                own.addAll(Collections.list(nic.getInetAddresses()));
            }
        } else if (bound != null) {
            own.add(bound);
        }
        return Set.copyOf(own);
    }

    /** The names a request may give in Host: localhost, and the name it was told to bind to. */
    private static Set<String> ownNames(String bind) {
        return Set.of("localhost", bind.strip().toLowerCase(Locale.ROOT)).stream()
                .filter(n -> !n.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a request's Host header names this server: one of its names or addresses, with its port
     * (or none for port 80). An address is compared as an address, so [::1] and [0:0:0:0:0:0:0:1] are one.
     */
    static boolean isOwnHost(String host, Set<String> names, Set<InetAddress> addresses, int port) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        String name;
        String rest;
        boolean ipv6 = h.startsWith("[");
        if (ipv6) {
            int end = h.indexOf(']');
            if (end < 0) {
                return false;
            }
            name = h.substring(1, end);
            rest = h.substring(end + 1);
        } else {
            int colon = h.indexOf(':');
            if (colon != h.lastIndexOf(':')) {
                return false;
            }
            name = colon < 0 ? h : h.substring(0, colon);
            rest = colon < 0 ? "" : h.substring(colon);
        }
        boolean portMatches = rest.isEmpty() ? port == 80 : rest.matches(":[0-9]{1,5}") && Integer.parseInt(rest.substring(1)) == port;
        if (!portMatches) {
            return false;
        }
        // Only literals are parsed as addresses, so a name never makes a DNS query.
        if (ipv6 ? name.contains(":") && name.matches("[0-9a-f:.]+") : name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            try {
                return addresses.contains(InetAddress.getByName(name));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return !ipv6 && names.contains(name);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The latest build. */
    public Workspace.Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Rebuilds after an edit. A build that fails becomes the error page ({@link Workspace#update} never
     * throws); should the report of a build throw, the new build is served all the same, and the watcher
     * goes on. Only an error of the Java machine itself stops the preview, and every page then says so.
     */
    private void rebuild(List<Path> changed) {
        try {
            synchronized (builds) {
                snapshot = workspace.update(changed);
                onRebuild.accept(snapshot);
            }
        } catch (Throwable e) {
            if (Failures.isFatal(e)) {
                stopped = e.toString();
            }
            throw e; // the watcher reads everything again on the next save
        } finally {
            Workspace.Snapshot served = snapshot;
            tell("event: reload\ndata: " + (served == null ? 0 : served.version()) + "\n\n");
        }
    }

    /** Sends an event to every open tab, and forgets the tabs that were closed. */
    private void tell(String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        for (Tab tab : tabs) {
            if (!tab.send(bytes)) {
                tabs.remove(tab);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        if (hosts == null || hosts.size() != 1 || !isOwnHost(hosts.get(0), ownNames, ownAddresses, port())) {
            try (exchange) {
                send(exchange, 421, "text/plain; charset=utf-8", ("This preview answers only at http://127.0.0.1:" + port()
                        + "/ or http://localhost:" + port() + "/ (or the address given to --bind), not at the address this request "
                        + "names: that keeps web pages from reading drafts by pointing their own name at this computer.\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        String method = exchange.getRequestMethod();
        String raw = exchange.getRequestURI().getRawPath();
        if (raw.equals(EVENTS) && method.equals("GET")) {
            events(exchange); // stays open, without a thread
            return;
        }
        try (exchange) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD.".getBytes(StandardCharsets.UTF_8));
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
            if (stopped != null) {
                send(exchange, 500, "text/html; charset=utf-8", withReload(ErrorPage.stopped(stopped)));
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
                found = workspace.onDemand(file).orElse(null); // the PDF: made when asked for, not on every save
            }
            if (found == null) {
                OutputFile notFound = files.get(path.language().map(l -> l + "/404.html").filter(files::containsKey).orElse("404.html"));
                byte[] body = notFound == null ? "Not found.".getBytes(StandardCharsets.UTF_8) : bytes(notFound);
                send(exchange, 404, notFound == null ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
                        notFound == null ? body : withReload(new String(body, StandardCharsets.UTF_8)));
                return;
            }
            String type = MediaTypes.of(file);
            if (found instanceof OutputFile.Copied copied && !type.startsWith("text/html")) {
                sendFile(exchange, type, copied.source());
                return;
            }
            byte[] body = bytes(found);
            send(exchange, 200, type, type.startsWith("text/html") ? withReload(new String(body, StandardCharsets.UTF_8)) : body);
        }
    }

    /**
     * Opens a tab's event stream and returns at once: the stream stays open, and {@link #tell} writes
     * to it from the thread that rebuilt, so an open tab holds no thread of the server.
     */
    private void events(HttpExchange exchange) throws IOException {
        Tab tab = new Tab(exchange);
        synchronized (tabs) {
            if (tabs.size() >= MAX_TABS) {
                try (exchange) {
                    send(exchange, 503, "text/plain; charset=utf-8", ("More than " + MAX_TABS + " tabs are open on this preview; "
                            + "close some and reload.\n").getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            tabs.add(tab);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        if (!tab.send(": connected\n\n".getBytes(StandardCharsets.UTF_8))) {
            tabs.remove(tab);
        }
    }

    /** An open tab's event stream. Sends are one at a time: a reload and a keep-alive may come together. */
    private static final class Tab {
        private final HttpExchange exchange;
        private boolean closed;

        Tab(HttpExchange exchange) {
            this.exchange = exchange;
        }

        /** Sends an event; false, and the stream closed, when the tab has gone. */
        synchronized boolean send(byte[] event) {
            if (closed) {
                return false;
            }
            try {
                exchange.getResponseBody().write(event);
                exchange.getResponseBody().flush();
                return true;
            } catch (IOException e) {
                close();
                return false;
            }
        }

        synchronized void close() {
            closed = true;
            exchange.close();
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

    /** A file copied as it is (perhaps a large PDF or video), sent as a stream, never read whole. */
    private static void sendFile(HttpExchange exchange, String type, java.nio.file.Path source) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        long size = Files.size(source);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head || size == 0 ? -1 : size);
        if (!head && size > 0) {
            Files.copy(source, exchange.getResponseBody());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (type.startsWith("text/html")) {
            exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
        }
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
        keepAlive.shutdownNow();
        tabs.forEach(Tab::close);
        tabs.clear();
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
