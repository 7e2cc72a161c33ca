package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A data table's own rules, which its schema cannot state: keys and ids unique, one document per row and
 * a column to show it, values of each column's type, totals only of numbers. Each mistake is one error
 * at its value.
 */
class DataTableTest {
    @TempDir
    Path dir;

    private List<String> errors(String table) {
        var site = MiniSite.create(dir).file("content/static/guia.pdf", "%PDF-1.4\n").file("content/data/ejemplares.yaml", table);
        return site.errors(site.build());
    }

    @Test
    void columnsWithTheSameKeyAReservedKeyAndASecondLinkColumn() {
        assertEquals(List.of(
                "content/data/ejemplares.yaml:4:11: error: two columns have the key 'institucion'",
                "content/data/ejemplares.yaml:5:11: error: 'url' is reserved for rows (id, phase, page, url, file); name the column differently",
                "content/data/ejemplares.yaml:6:56: error: only one column can link to the row's document"),
                errors("""
                title: {es: Ejemplares, en: Copies}
                columns:
                  - {key: institucion, label: {es: Institución, en: Institution}, link: true}
                  - {key: institucion, label: {es: Otra, en: Other}}
                  - {key: url, label: {es: Dirección, en: Address}}
                  - {key: nombre, label: {es: Nombre, en: Name}, link: true}
                rows: []
                """));
    }

    @Test
    void aTotalOfTextAndLanguagesThatTheSiteDoesNotHave() {
        assertEquals(List.of(
                "content/data/ejemplares.yaml:1:37: error: 'fr' is not a language of site.yaml (es, en)",
                "content/data/ejemplares.yaml:2:13: error: 'fr' is not a language of site.yaml",
                "content/data/ejemplares.yaml:4:74: error: only integer or decimal columns can have a total",
                "content/data/ejemplares.yaml:4:86: error: 'de' is not a language of site.yaml"),
                errors("""
                title: {es: Ejemplares, en: Copies, fr: Exemplaires}
                sourceLang: fr
                columns:
                  - {key: institucion, label: {es: Institución, en: Institution}, total: true, lang: de}
                rows: []
                """));
    }

    @Test
    void rowIdsThatRepeatOrAreNoSlug() {
        assertEquals(List.of(
                "content/data/ejemplares.yaml:6:10: error: another row already has the id 'info-nl'",
                "content/data/ejemplares.yaml:7:10: error: a row id may use only lower-case letters, digits and hyphens, e.g. 'info-nl'"),
                errors("""
                title: {es: Ejemplares, en: Copies}
                columns:
                  - {key: institucion, label: {es: Institución, en: Institution}}
                rows:
                  - {id: info-nl, institucion: INFO NL}
                  - {id: info-nl, institucion: Otra}
                  - {id: Info NL, institucion: Tercera}
                """));
    }

    @Test
    void valuesOfTheWrongTypeForTheirColumn() {
        assertEquals(List.of(
                "content/data/ejemplares.yaml:9:13: error: the column 'texto' holds a text, or one text per language, not keys and values",
                "content/data/ejemplares.yaml:9:40: error: the column 'entero' holds a whole number, not the number 2.5",
                "content/data/ejemplares.yaml:9:54: error: the column 'decimal' holds a number, not the text 'mucho'",
                "content/data/ejemplares.yaml:9:68: error: the column 'fecha' holds a date written 2024-02-28, not the text '2024-02-30'",
                "content/data/ejemplares.yaml:9:85: error: the column 'mes' holds a month written 2024-07 (in quotes), not the text '2024-13'",
                "content/data/ejemplares.yaml:10:13: error: the column 'texto' holds a text, or one text per language, not a list",
                "content/data/ejemplares.yaml:11:13: error: the column 'texto' holds a text, or one text per language, not keys and values",
                "content/data/ejemplares.yaml:12:14: error: the column 'entero' holds a whole number, not an empty text (''); "
                        + "to leave the cell empty, leave its key out (or write ~)",
                "content/data/ejemplares.yaml:12:27: error: the column 'decimal' holds a number, not the text ' '; "
                        + "to leave the cell empty, leave its key out (or write ~)"),
                // 'fecha:' with nothing after it, on lines 12 and 15, is an empty cell, as ~ is: YAML's null.
                errors("""
                title: {es: Ejemplares, en: Copies}
                columns:
                  - {key: texto, label: {es: Texto, en: Text}}
                  - {key: entero, label: {es: Entero, en: Whole}, type: integer}
                  - {key: decimal, label: {es: Decimal, en: Decimal}, type: decimal}
                  - {key: fecha, label: {es: Fecha, en: Date}, type: date}
                  - {key: mes, label: {es: Mes, en: Month}, type: month}
                rows:
                  - {texto: {es: Sí, fr: Oui}, entero: 2.5, decimal: mucho, fecha: 2024-02-30, mes: 2024-13}
                  - {texto: [a], entero: 3, decimal: 2, fecha: "2024-02-28", mes: "2024-07"}
                  - {texto: {}, decimal: 2.75}
                  - {entero: '', decimal: ' ', fecha: }
                  - texto:
                    entero: ~
                    fecha:
                  - {texto: a}
                """));
    }

    @Test
    void aRowsDocumentNeedsALinkColumnOneAddressAFileThatExistsAndAWebAddress() {
        assertEquals(List.of(
                "content/data/ejemplares.yaml:5:28: error: a row links to one document: keep 'url' or 'file', not both",
                "content/data/ejemplares.yaml:6:29: error: the file content/static/no-existe.pdf does not exist; add it, or correct the path (relative to content/static/)",
                "content/data/ejemplares.yaml:7:28: error: 'ftp://example.org/guia.pdf' is not a web address; write it in full, starting with https://",
                "content/data/ejemplares.yaml:8:28: error: 'https://localhost/guia.pdf' is not a web address; write it in full, starting with https://",
                "content/data/ejemplares.yaml:9:28: error: 'https://exa mple.org/' is not a web address; write it in full, starting with https://"),
                errors("""
                title: {es: Ejemplares, en: Copies}
                columns:
                  - {key: documento, label: {es: Documento, en: Document}, link: true}
                rows:
                  - {documento: Guía, url: "https://example.org/guia.pdf", file: guia.pdf}
                  - {documento: Guía, file: no-existe.pdf}
                  - {documento: Guía, url: "ftp://example.org/guia.pdf"}
                  - {documento: Guía, url: "https://localhost/guia.pdf"}
                  - {documento: Guía, url: "https://exa mple.org/"}
                  - {documento: Guía, file: guia.pdf}
                  - {documento: Guía, url: "http://example.org/guia.pdf"}
                """));
    }

    @Test
    void aDocumentWithoutALinkColumn() {
        assertEquals(List.of(
                "content/data/ejemplares.yaml:5:28: error: this row has a document, but no column of the table has 'link: true' to show it",
                "content/data/ejemplares.yaml:6:29: error: this row has a document, but no column of the table has 'link: true' to show it"),
                errors("""
                title: {es: Ejemplares, en: Copies}
                columns:
                  - {key: documento, label: {es: Documento, en: Document}}
                rows:
                  - {documento: Guía, url: "https://example.org/guia.pdf"}
                  - {documento: Guía, file: guia.pdf}
                """));
    }

    @Test
    void aTableShownInEachLanguageWithItsTotalsDocumentsAndTheLanguageOfItsTexts() {
        var site = MiniSite.create(dir).file("content/static/docs/guia.pdf", "%PDF-1.4\n".repeat(300))
                .file("content/static/LEEME", "texto\n")
                .file("content/data/ejemplares.yaml", """
                        title: {es: Ejemplares, en: Copies}
                        sourceLang: es
                        source: Coalición
                        columns:
                          - {key: institucion, label: {es: Institución, en: Institution}, lang: es, link: true}
                          - {key: nota, label: {es: Nota, en: Note}}
                          - {key: ejemplares, label: {es: Ejemplares, en: Copies}, type: integer, total: true}
                          - {key: monto, label: {es: Monto, en: Amount}, type: decimal, total: true}
                          - {key: vacio, label: {es: Vacío, en: Empty}, type: integer, total: true}
                        rows:
                          - {institucion: INFO NL, nota: {es: Entregado, en: Delivered}, ejemplares: 40, monto: 2.5, file: docs/guia.pdf}
                          - {institucion: Congreso, ejemplares: 1200, url: "https://www.hcnl.gob.mx/informe"}
                          - {institucion: Sin documento, nota: Texto, monto: 1}
                          - {institucion: Sin extensión, file: LEEME}
                        """)
                .file("templates/directives/table.ftlh", """
                        <#assign t = site.tables[args.data]>
                        <p>source ${t.source} in ${t.sourceLang!'-'}</p>
                        <#list t.columns as c><p>column ${c.key} ${c.label} lang ${c.lang!'-'} numeric ${c.numeric?c} total ${c.total?c} link ${c.link?c}</p></#list>
                        <#list t.rows as r><p>row <#list r.cells as cell>[${cell.text}|${cell.lang!'-'}]</#list> document ${r.document.href!'-'} ${r.document.file?c} ${r.document.format!'-'} ${r.document.size!'-'} ${r.document.host!'-'}</p></#list>
                        <p>totals <#list t.totals.cells as cell>[${cell.text}]</#list></p>
                        """)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\n::table{data=ejemplares}\n")
                .file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\n---\n\n::table{data=ejemplares}\n");
        new Abierto().translations(site.request(), true, List.of(), true);
        BuildResult result = site.build();
        assertEquals(List.of(), site.errors(result));
        String es = site.output("es/diagnostico/index.html");
        String en = site.output("en/diagnosis/index.html");
        // The source's language is told only where it differs from the page's, as the column's.
        assertContains(es, "<p>source Coalición in -</p>");
        assertContains(en, "<p>source Coalición in es</p>");
        assertContains(es, "<p>column institucion Institución lang - numeric false total false link true</p>");
        assertContains(en, "<p>column institucion Institution lang es numeric false total false link true</p>");
        assertContains(en, "<p>column nota Note lang - numeric false total false link false</p>");
        assertContains(en, "<p>column ejemplares Copies lang - numeric true total true link false</p>");
        // A cell of a column in Spanish says so on the English page; a text given per language is the page's own.
        assertContains(es, "<p>row [INFO NL|-][Entregado|-][40|-][2.5|-][|-] document /docs/guia.pdf true PDF 2.7 KB -</p>");
        assertContains(en, "<p>row [INFO NL|es][Delivered|-][40|-][2.5|-][|-] document /docs/guia.pdf true PDF 2.7 KB -</p>");
        assertContains(en, "<p>row [Congreso|es][|-][1,200|-][|-][|-] document https://www.hcnl.gob.mx/informe false - - www.hcnl.gob.mx</p>");
        assertContains(en, "<p>row [Sin documento|es][Texto|-][|-][1|-][|-] document - false - - -</p>");
        assertContains(en, "<p>row [Sin extensión|es][|-][|-][|-][|-] document /LEEME true - 6 B -</p>");
        // Totals of numbers only, empty cells left out, and a column with no value at all totals 0.
        assertContains(es, "<p>totals [][][1,240][3.5][0]</p>");
        assertContains(en, "<p>totals [][][1,240][3.5][0]</p>");
    }

    private static void assertContains(String html, String expected) {
        org.junit.jupiter.api.Assertions.assertTrue(html.contains(expected), "no " + expected + " in\n" + html);
    }
}
