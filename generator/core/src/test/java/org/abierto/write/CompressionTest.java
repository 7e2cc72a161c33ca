package org.abierto.write;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Precompressed copies: text only, at the best compression, the same bytes every time. */
class CompressionTest {
    /** Words in a varied order: on such text the default level and the best one give other bytes. */
    private static byte[] variedText() {
        String[] words = {"transparencia", "proactiva", "Nuevo", "León", "informe", "datos", "abiertos", "<p>", "</p>", "institución",
                "2023", "ejemplares", "consejo", "ciudadanía", "guía"};
        var random = new java.util.Random(7);
        var html = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            html.append(words[random.nextInt(words.length)]).append(i % 13 == 0 ? "\n" : " ");
        }
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTextIsWorthCompressing() {
        for (String text : List.of("index.html", "es/datos.CSV", "a.b/style.css", "x.js", "m.json", "s.xml", "r.txt", "i.svg", "d.jsonld", ".txt")) {
            assertTrue(Compression.worthIt(text), text);
        }
        for (String other : List.of("foto.jpg", "informe.pdf", "LICENSE", "html", "a.html/b", "archivo.gz", "x.")) {
            assertFalse(Compression.worthIt(other), other);
        }
    }

    @Test
    void compressesAtTheBestLevelAndReadsBack() throws IOException {
        byte[] text = variedText();
        byte[] compressed = Compression.gzip(text);
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            assertArrayEquals(text, in.readAllBytes());
        }
        var best = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(best) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(text);
        }
        assertArrayEquals(best.toByteArray(), compressed);
        var usual = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(usual)) {
            gz.write(text);
        }
        assertFalse(java.util.Arrays.equals(usual.toByteArray(), compressed), "the sample tells the levels apart");
        assertArrayEquals(compressed, Compression.gzip(text), "the same bytes every time");
        assertEquals(20, Compression.gzip(new byte[0]).length, "an empty file is a bare gzip header and trailer");
    }

    @Test
    void aStreamCompressesToTheSameBytesAsAnArrayAndClosesItsOutput() throws IOException {
        byte[] text = variedText(); // where the default level and the best one differ
        boolean[] closed = {false};
        var streamed = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        Compression.gzip(new java.io.ByteArrayInputStream(text), streamed);

        assertArrayEquals(Compression.gzip(text), streamed.toByteArray(), "a copied file compresses as a generated one");
        assertTrue(closed[0], "the output is closed, so a file's gzip copy is complete");
    }
}
