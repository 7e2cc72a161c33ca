package org.abierto.metadata;

import org.abierto.BuildResult;
import org.abierto.json.Json;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A data table as someone who downloads it reads it: CSV, JSON rows, and the CSV on the Web description. */
class OpenDataTest {
    @TempDir
    Path dir;

    private MiniSite site(String table) {
        MiniSite site = MiniSite.create(dir);
        site.file("templates/datasets.ftlh", "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>${page.title}</title></head>"
                + "<body><main><h1>${page.title}</h1>${content}</main></body></html>\n");
        site.file("content/es/datos.md", "---\ntitle: Datos\nlayout: datasets\ntranslationKey: datos\n---\n\nLos datos.\n");
        site.file("content/en/data.md", "---\ntitle: Data\nlayout: datasets\ntranslationKey: datos\n---\n\nThe data.\n");
        site.file("content/data/entregas.yaml", table);
        return site;
    }

    private static void built(MiniSite site, BuildResult result) {
        assertTrue(result.written(), String.valueOf(site.errors(result)));
    }

    @Test
    void aTableWithoutIdsOrDocumentsHasOnlyItsColumnsAndTheirTypes() {
        MiniSite site = site("""
                title: {es: Entregas, en: Deliveries}
                columns:
                  - {key: nombre, label: {es: Nombre, en: Name}}
                  - {key: mes, label: {es: Mes, en: Month}, type: month}
                  - {key: dia, label: {es: Día, en: Day}, type: date}
                  - {key: monto, label: {es: Monto, en: Amount}, type: decimal}
                  - {key: piezas, label: {es: Piezas, en: Pieces}, type: integer}
                rows:
                  - {nombre: {es: Uno, en: One}, mes: 2024-07, dia: 2024-07-15, monto: 1.5, piezas: 3}
                  - {nombre: {es: Dos, en: Two}, mes: 2024-08, dia: 2024-08-01, monto: 2}
                """);
        built(site, site.build());
        assertEquals(OpenData.BYTE_ORDER_MARK + "nombre,mes,dia,monto,piezas\r\nUno,2024-07,2024-07-15,1.5,3\r\nDos,2024-08,2024-08-01,2,\r\n",
                site.output("es/datos/entregas.csv"), "dates stay ISO, whatever the page shows; an empty cell is empty");
        assertEquals(List.of(Json.object("nombre", "One", "mes", "2024-07", "dia", "2024-07-15", "monto", 1.5, "piezas", 3),
                        Json.object("nombre", "Two", "mes", "2024-08", "dia", "2024-08-01", "monto", 2, "piezas", null)),
                Json.read(site.output("en/data/entregas.json")), "texts are the edition's language, numbers stay numbers");
        Map<?, ?> metadata = (Map<?, ?>) Json.read(site.output("en/data/entregas.csv-metadata.json"));
        Map<?, ?> schema = (Map<?, ?>) metadata.get("tableSchema");
        assertEquals(List.of("nombre string", "mes gYearMonth", "dia date", "monto decimal", "piezas integer"), columns(schema));
        assertFalse(schema.containsKey("primaryKey"), "rows without ids have no key");
    }

    @Test
    void rowsWithIdsHaveAPrimaryKeyAndALinkColumnPublishesEachDocumentsAddress() {
        MiniSite site = site("""
                title: {es: Entregas, en: Deliveries}
                columns:
                  - {key: documento, label: {es: Documento, en: Document}, link: true}
                rows:
                  - {id: a, documento: Guía, url: "https://example.org/guia.pdf"}
                  - {id: b, documento: Pendiente}
                """);
        built(site, site.build());
        assertEquals(OpenData.BYTE_ORDER_MARK + "id,documento,url\r\na,Guía,\"https://example.org/guia.pdf\"\r\nb,Pendiente,\r\n",
                site.output("es/datos/entregas.csv"));
        Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) Json.read(site.output("es/datos/entregas.csv-metadata.json"))).get("tableSchema");
        assertEquals(List.of("id string", "documento string", "url anyURI"), columns(schema));
        assertEquals("id", schema.get("primaryKey"));
    }

    @Test
    void aDocumentKeptInTheContentIsPublishedAtItsFullAddress() {
        MiniSite site = site("""
                title: {es: Entregas, en: Deliveries}
                columns:
                  - {key: documento, label: {es: Documento, en: Document}, link: true}
                rows:
                  - {documento: Guía, file: guia.pdf}
                """);
        site.file("content/static/guia.pdf", "%PDF-1.4\n");
        site.file("content/site.yaml", read(site.root().resolve("content/site.yaml")).replace("baseUrl: /", "baseUrl: https://example.org/informe/"));
        built(site, site.build());
        assertEquals(OpenData.BYTE_ORDER_MARK + "documento,url\r\nGuía,\"https://example.org/informe/guia.pdf\"\r\n",
                site.output("es/datos/entregas.csv"), "a downloaded CSV is read away from the site: its addresses must be whole");
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> columns(Map<?, ?> schema) {
        return ((List<?>) schema.get("columns")).stream().map(c -> ((Map<?, ?>) c).get("name") + " " + ((Map<?, ?>) c).get("datatype")).toList();
    }
}
