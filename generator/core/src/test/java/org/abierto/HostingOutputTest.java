package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a web host needs from the output: 404 pages, cacheable asset names, precompressed copies, a manifest. */
class HostingOutputTest {
    @TempDir
    Path dir;

    private MiniSite site() {
        return MiniSite.create(dir)
                .file("templates/assets/style.css", "body { color: #111; }\n")
                .file("templates/404.ftlh", """
                        <!DOCTYPE html><html lang="${site.language.code}"><head><meta charset="utf-8"><title>${page.title}</title>
                        <link rel="stylesheet" href="/assets/style.css"></head>
                        <body><p>${page.title}</p><a href="${(site.home.url)!"/"}">${i18n.next}</a></body></html>
                        """)
                .file("templates/page.ftlh", """
                        <!DOCTYPE html><html lang="${site.language.code}"><head><meta charset="utf-8"><title>${page.title}</title>
                        <link rel="stylesheet" href="/assets/style.css"></head><body>${content}</body></html>
                        """)
                .file("content/i18n/es.yaml", "next: Siguiente\nnotFound:\n  title: Página no encontrada\n")
                .file("content/i18n/en.yaml", "next: Next\nnotFound:\n  title: Page not found\n");
    }

    @Test
    void themeAssetsGetFingerprintedNamesAndPagesLinkThem() {
        var site = site();
        assertEquals(List.of(), site.errors(site.build()));
        List<String> assets = site.outputFiles().stream().filter(f -> f.startsWith("assets/")).toList();
        assertEquals(1, assets.size());
        assertTrue(assets.get(0).matches("assets/style\\.[0-9a-f]{10}\\.css"), assets.get(0));
        assertTrue(site.output("es/diagnostico/index.html").contains("href=\"../../" + assets.get(0) + "\""));

        site.file("templates/assets/style.css", "body { color: #000; }\n");
        site.build();
        String changed = site.outputFiles().stream().filter(f -> f.startsWith("assets/")).findFirst().orElseThrow();
        assertTrue(!changed.equals(assets.get(0)), "a changed stylesheet gets a new name");
    }

    @Test
    void notFoundPagesPerLanguageAndAtTheRootLinkFromTheBasePath() {
        var site = site();
        var r = site.request();
        BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), r.outputDir(),
                "https://example.gob.mx/transparencia/informe/", false));
        assertEquals(List.of(), site.errors(result));
        assertTrue(site.outputFiles().containsAll(List.of("404.html", "es/404.html", "en/404.html")), site.outputFiles().toString());
        String spanish = site.output("es/404.html");
        assertTrue(spanish.contains("<p>Página no encontrada</p>"), spanish);
        assertTrue(spanish.contains("href=\"/transparencia/informe/assets/style."), spanish);
        assertTrue(spanish.contains("<a href=\"/transparencia/informe/es/\">Siguiente</a>"), spanish);
        assertTrue(site.output("en/404.html").contains("<a href=\"/transparencia/informe/en/\">Next</a>"));
        assertTrue(site.output("es/diagnostico/index.html").contains("href=\"../../assets/style."), "ordinary pages stay relative");
    }

    @Test
    void gzipCopiesAreIdenticalWhenDecompressedAndDeterministic() throws IOException {
        var site = site();
        var r = site.request();
        var request = new BuildRequest(r.contentDir(), r.templatesDir(), r.outputDir(), null, false, true);
        assertEquals(List.of(), site.errors(new Abierto().build(request)));
        Path page = site.out().resolve("es/diagnostico/index.html");
        byte[] compressed = Files.readAllBytes(Path.of(page + ".gz"));
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertArrayEquals(Files.readAllBytes(page), in.readAllBytes());
        }
        new Abierto().build(request);
        assertArrayEquals(compressed, Files.readAllBytes(Path.of(page + ".gz")));
        assertTrue(site.output("abierto-manifest.json").contains("\"path\": \"es/diagnostico/index.html.gz\""));
    }

    @Test
    void manifestListsEveryFileWithSizeAndHash() throws IOException {
        var site = site();
        site.build();
        String manifest = site.output("abierto-manifest.json");
        for (String file : site.outputFiles()) {
            if (!file.equals("abierto-manifest.json")) {
                long size = Files.size(site.out().resolve(file));
                assertTrue(manifest.contains("\"path\": \"" + file + "\",\n      \"size\": " + size + ",\n      \"sha256\": \""),
                        file + " is not listed with its size " + size);
            }
        }
    }
}
