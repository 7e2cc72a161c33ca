package org.abierto;

import com.sun.net.httpserver.HttpServer;
import org.abierto.check.ExternalLinks;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --check-external against a real HTTP server on the loopback interface. */
class ExternalLinksTest {
    @TempDir
    Path dir;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            int status = exchange.getRequestURI().getPath().equals("/ok") ? 200
                    : exchange.getRequestURI().getPath().equals("/no-head") ? ("HEAD".equals(exchange.getRequestMethod()) ? 405 : 200)
                    : exchange.getRequestURI().getPath().equals("/error") ? 500 : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private BuildResult build(MiniSite site, Instant now) {
        var r = site.request();
        var options = new ExternalLinks.Options(site.root().resolve("link-cache.json"), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofSeconds(5), 2);
        return new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), r.outputDir(), null, false, false, options));
    }

    @Test
    void brokenExternalLinksAreErrorsWhereTheyAreWritten() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n"
                + "Ver [la guía](" + base + "/ok), [el formulario](" + base + "/no-head),\n"
                + "[el informe anterior](" + base + "/gone) y [el portal](" + base + "/error).\n");
        BuildResult result = build(site, Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(List.of(
                "content/es/diagnostico.md:6:" + (("[el informe anterior](" + base + "/gone) y ").length() + 1)
                        + ": warning: the external address '" + base + "/error' answered HTTP 500; check it again later",
                "content/es/diagnostico.md:6:1: error: the external address '" + base + "/gone' answered HTTP 404; update or remove the link")
                        .stream().sorted().toList(),
                site.reportIgnoringTranslations(result).stream().sorted().toList());
    }

    @Test
    void answersThatWorkedAreRememberedForAWeek() throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\nVer [la guía](" + base + "/ok).\n");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(build(site, start).succeeded());
        int first = requests.get();
        assertEquals(1, first);
        assertTrue(Files.readString(site.root().resolve("link-cache.json")).contains(base + "/ok"));
        build(site, start.plus(Duration.ofDays(6)));
        assertEquals(first, requests.get(), "within a week the cache answers");
        build(site, start.plus(Duration.ofDays(8)));
        assertEquals(first + 1, requests.get(), "after a week the server is asked again");
    }

    @Test
    void offlineByDefault() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\nVer [el informe anterior](http://127.0.0.1:"
                + server.getAddress().getPort() + "/gone).\n");
        assertTrue(site.build().succeeded());
        assertEquals(0, requests.get());
    }
}
