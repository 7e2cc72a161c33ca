package org.abierto.serve;

import org.abierto.Workspace;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview, driven over HTTP on the loopback interface as a browser would. */
class DevServerTest {
    @TempDir
    Path dir;
    MiniSite site;
    DevServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        site = MiniSite.create(dir);
        server = new DevServer(new Workspace(site.request()), "127.0.0.1", 0, snapshot -> { });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the event stream and queues every line the server sends. */
    private BlockingQueue<String> events() throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + DevServer.EVENTS)).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertEquals(": connected", lines.poll(5, TimeUnit.SECONDS));
        return lines;
    }

    private String nextEvent(BlockingQueue<String> lines, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        String line;
        while ((line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (line.startsWith("event: ")) {
                return line;
            }
        }
        return null;
    }

    @Test
    void servesPagesWithTheReloadScriptOnlyHere() throws Exception {
        HttpResponse<String> page = get("/es/diagnostico/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().contains("Texto del diagnóstico."));
        assertTrue(page.body().contains(DevServer.SCRIPT_TAG), "the preview adds the reload script");
        site.build();
        assertFalse(site.output("es/diagnostico/index.html").contains("__abierto"), "built output never has it");
        assertEquals(200, get(DevServer.RELOAD_SCRIPT).statusCode());
        HttpResponse<String> redirect = get("/es/diagnostico");
        assertEquals(301, redirect.statusCode());
        assertEquals("/es/diagnostico/", redirect.headers().firstValue("Location").orElse(""));
    }

    @Test
    void anEditIsServedAndTabsAreToldToReloadWithinOneSecond() throws Exception {
        BlockingQueue<String> lines = events();
        long written = System.nanoTime();
        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto corregido por la editora.\n");
        String event = nextEvent(lines, 1000);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written);
        assertEquals("event: reload", event, "no reload event within one second");
        assertTrue(get("/es/diagnostico/").body().contains("Texto corregido por la editora."));
        assertTrue(elapsed < 1000, "reload after " + elapsed + " ms");
    }

    @Test
    void anEditSavedWhileTheServerStartsIsNotLost() throws Exception {
        // The edit lands after the first build and before the server answers: with a watch begun only
        // then (the server's state until this test), a large site's first edits were never rebuilt.
        var builds = new java.util.concurrent.atomic.AtomicInteger();
        try (DevServer starting = new DevServer(new Workspace(site.request()), "127.0.0.1", 0, snapshot -> {
            if (builds.getAndIncrement() == 0) {
                site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nGuardado durante el arranque.\n");
            }
        })) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (builds.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, builds.get(), "the edit made no rebuild");
            var page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + starting.port() + "/es/diagnostico/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("Guardado durante el arranque."));
        }
    }

    @Test
    void contentErrorsShowOnEveryPageAndFixingThemRecovers() throws Exception {
        BlockingQueue<String> lines = events();
        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: [1\n---\n\nTexto.\n");
        assertNotNull(nextEvent(lines, 2000));
        HttpResponse<String> broken = get("/es/");
        assertEquals(500, broken.statusCode());
        assertTrue(broken.body().contains("content/es/diagnostico.md:3:10: error: invalid front matter"), broken.body());
        assertTrue(broken.body().contains(DevServer.SCRIPT_TAG), "the error page reloads by itself too");

        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto arreglado.\n");
        assertNotNull(nextEvent(lines, 2000));
        HttpResponse<String> fixed = get("/es/diagnostico/");
        assertEquals(200, fixed.statusCode());
        assertTrue(fixed.body().contains("Texto arreglado."));
    }

    @Test
    void neverServesAFileOutsideTheSite() throws Exception {
        Files.writeString(dir.resolve("secreto.txt"), "contraseña");
        for (String attempt : List.of("/../secreto.txt", "/es/../../secreto.txt", "/%2e%2e/secreto.txt", "/%2E%2E/%2E%2E/secreto.txt",
                "/es/%2f..%2f..%2fsecreto.txt", "/es/..%5c..%5csecreto.txt", "/..\\secreto.txt", "//etc/passwd",
                "/es/%00.html", "/content/site.yaml", "/project/content/site.yaml", "/templates/page.ftlh")) {
            int status = raw(attempt);
            assertTrue(status == 400 || status == 404, attempt + " answered " + status);
        }
        Path link = site.root().resolve("content/static/enlace.txt");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, dir.resolve("secreto.txt"));
        Thread.sleep(300);
        int status = raw("/enlace.txt");
        assertTrue(status == 404 || status == 500, "a symbolic link out of the content answered " + status);
    }

    /** A request sent byte for byte, so no client normalises the path first. */
    private int raw(String path) throws IOException {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            return status == null ? -1 : Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void bindsToLoopbackByDefaultAndAnswersOnlyGetAndHead() throws Exception {
        assertTrue(java.net.InetAddress.getByName("127.0.0.1").isLoopbackAddress());
        var post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/es/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }
}
