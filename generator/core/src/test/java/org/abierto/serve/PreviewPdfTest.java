package org.abierto.serve;

import org.abierto.BuildRequest;
import org.abierto.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live preview of the real report and its PDF (issue 17): an update makes the pages, which link
 * the PDF, but not the PDF itself; the PDF is laid out when a reader asks for it, once per update.
 */
class PreviewPdfTest {
    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    static final String PDF = "/es/haciendo-transparencia-proactiva-en-nuevo-leon.pdf";

    @Test
    void thePdfIsMadeWhenAskedForNotOnEverySave(@TempDir Path out) throws Exception {
        var request = new BuildRequest(PROJECT.resolve("content"), PROJECT.resolve("templates"), out.resolve("site"), null, false)
                .withDownloads(true, false);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (var server = new DevServer(new Workspace(request), "127.0.0.1", 0, snapshot -> { })) {
            Workspace.Snapshot snapshot = server.snapshot();
            assertEquals(0, snapshot.result().errors(), () -> snapshot.diagnostics().toString());
            assertTrue(snapshot.files().keySet().stream().noneMatch(f -> f.endsWith(".pdf")), "an update made a PDF: " + snapshot.files().keySet());

            String home = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/es/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(home.contains("href=\"haciendo-transparencia-proactiva-en-nuevo-leon.pdf\""), "the page links the PDF");
            assertTrue(home.contains("<span class=\"document-meta\">(PDF)</span>"), "before it is made, its size is not known");

            var ask = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + PDF)).timeout(Duration.ofSeconds(120)).build();
            HttpResponse<byte[]> first = http.send(ask, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, first.statusCode());
            assertEquals("application/pdf", first.headers().firstValue("Content-Type").orElse(""));
            assertEquals("%PDF-", new String(Arrays.copyOf(first.body(), 5), StandardCharsets.US_ASCII));
            HttpResponse<byte[]> again = http.send(ask, HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(first.body(), again.body());
            assertTrue(server.snapshot().files().keySet().stream().noneMatch(f -> f.endsWith(".pdf")), "the PDF is not kept as a file of the update");

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/es/otro.pdf")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
        }
    }
}
