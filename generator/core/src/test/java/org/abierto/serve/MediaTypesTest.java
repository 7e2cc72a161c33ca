package org.abierto.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The media type the preview sends with a file, by its extension. */
class MediaTypesTest {

    @Test
    void textIsSentAsUtf8() {
        assertEquals("text/html; charset=utf-8", DevServer.MediaTypes.of("es/index.html"));
        assertEquals("text/css; charset=utf-8", DevServer.MediaTypes.of("estilos/sitio.css"));
        assertEquals("text/javascript; charset=utf-8", DevServer.MediaTypes.of("es/buscar/meta.js"));
        assertEquals("text/csv; charset=utf-8", DevServer.MediaTypes.of("datos/entregables.csv"));
        assertEquals("application/json; charset=utf-8", DevServer.MediaTypes.of("abierto-manifest.json"));
        assertEquals("application/ld+json; charset=utf-8", DevServer.MediaTypes.of("catalogo.jsonld"));
        assertEquals("application/xml; charset=utf-8", DevServer.MediaTypes.of("sitemap.xml"));
        assertEquals("text/plain; charset=utf-8", DevServer.MediaTypes.of("robots.txt"));
    }

    @Test
    void aTableSchemaIsNotPlainJson() {
        assertEquals("application/csvm+json; charset=utf-8", DevServer.MediaTypes.of("datos/entregables.csv-metadata.json"));
    }

    @Test
    void binaryFilesByExtensionWhateverItsCase() {
        assertEquals("image/png", DevServer.MediaTypes.of("figuras/A.PNG"));
        assertEquals("image/jpeg", DevServer.MediaTypes.of("figuras/a.jpg"));
        assertEquals("image/jpeg", DevServer.MediaTypes.of("figuras/a.JPEG"));
        assertEquals("image/svg+xml", DevServer.MediaTypes.of("logo.svg"));
        assertEquals("image/webp", DevServer.MediaTypes.of("a.webp"));
        assertEquals("application/pdf", DevServer.MediaTypes.of("es/informe.pdf"));
        assertEquals("image/x-icon", DevServer.MediaTypes.of("favicon.ico"));
        assertEquals("application/gzip", DevServer.MediaTypes.of("datos.csv.gz"));
    }

    @Test
    void anythingElseIsAnOctetStream() {
        assertEquals("application/octet-stream", DevServer.MediaTypes.of("LICENCIA"));
        assertEquals("application/octet-stream", DevServer.MediaTypes.of("datos/tabla.xlsx"));
        assertEquals("application/octet-stream", DevServer.MediaTypes.of("carpeta.d/archivo"), "a dot in a folder is no extension");
    }
}
