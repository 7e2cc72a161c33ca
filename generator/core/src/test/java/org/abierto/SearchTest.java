package org.abierto;

import org.abierto.testing.MiniSite;
import org.abierto.testing.SearchIndexFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search page of each language and the index written beside it (org.abierto.search). */
class SearchTest {
    @TempDir
    Path dir;

    /** A search page that prints what the theme's search page uses: its link, and every page under its section. */
    static final String SEARCH_TEMPLATE = """
            <!DOCTYPE html><html lang="${site.language.code}"><head><meta charset="utf-8"><title>${page.title}</title></head><body>
            <main><h1>${page.title}</h1>${content}<pre>
            search=${site.search.url}
            <#list site.sections as s>${s.depth} ${s.section.url}:<#list s.pages as p> ${p.url}</#list>
            </#list></pre></main></body></html>
            """;

    private MiniSite site() {
        return MiniSite.create(dir)
                .file("templates/search.ftlh", SEARCH_TEMPLATE)
                .file("content/es/buscar.md", "---\ntitle: Buscar\nlayout: search\nlisted: false\n---\n\nTodas las páginas.\n");
    }

    private SearchIndexFiles index(MiniSite site, String folder) {
        return new SearchIndexFiles(site.out().resolve(folder));
    }

    @Test
    void aSiteWithoutSearchPageHasNoIndex() {
        var site = MiniSite.create(dir).file("templates/search.ftlh", SEARCH_TEMPLATE);
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals(List.of(), site.outputFiles().stream().filter(f -> f.endsWith(".js")).toList());
    }

    @Test
    void theIndexIsWrittenBesideEachSearchPageOnly() {
        var site = site();
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals(List.of("es/buscar/index.html", "es/buscar/meta.js", "es/buscar/positions-0.js", "es/buscar/terms-0.js", "es/buscar/texts-0.js"),
                site.outputFiles().stream().filter(f -> f.startsWith("es/buscar/")).toList());
        assertTrue(site.outputFiles().stream().noneMatch(f -> f.startsWith("en/") && f.endsWith(".js")),
                "English has no search page, so no index");
        assertTrue(site.output("es/buscar/index.html").contains("search=/es/buscar/"));
        var index = index(site, "es/buscar");
        assertEquals("../../", index.meta.get("root"));
        assertEquals(true, index.meta.get("portable"));
        assertEquals("es", index.meta.get("stemmer"));
        assertTrue(((List<?>) index.meta.get("stop")).contains("de"));
    }

    @Test
    void everyPageOfTheLanguageIsIndexedButTheSearchPageAndThePagesForUnknownAddresses() {
        var site = site().file("templates/404.ftlh", """
                <!DOCTYPE html><html lang="${site.language.code}"><head><meta charset="utf-8"><title>${page.title}</title></head>
                <body><main><h1>${page.title}</h1></main></body></html>
                """);
        assertEquals(List.of(), site.errors(site.build()));
        var index = index(site, "es/buscar");
        assertEquals(List.of("es/", "es/diagnostico/"), index.texts.stream().map(t -> (String) t.get(0)).toList());
        assertEquals(2, ((Number) index.meta.get("docs")).intValue());
    }

    @Test
    void textIsFoldedAndStemmedAndStopWordsKeepTheirPlace() {
        var site = site().file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nLos talleres de la Guía.\n");
        assertEquals(List.of(), site.errors(site.build()));
        var index = index(site, "es/buscar");
        assertEquals(List.of("es/diagnostico/"), index.pages("diagnostic"));
        assertEquals(List.of("es/diagnostico/"), index.pages("taller"));
        assertEquals(List.of("es/diagnostico/"), index.pages("gui"));
        assertFalse(index.terms.containsKey("de") || index.terms.containsKey("la") || index.terms.containsKey("los"));
        // "Diagnóstico" ‖ "Los talleres de la Guía": the title, a gap, then the words with the stop words counted.
        assertEquals(List.of(0), index.posting("diagnostic", "es/diagnostico/").positions());
        assertEquals(List.of(3), index.posting("taller", "es/diagnostico/").positions());
        assertEquals(List.of(6), index.posting("gui", "es/diagnostico/").positions());
    }

    @Test
    void tableRowsAreFoundWithTheirAnchor() {
        var site = site()
                .file("content/data/entregables.yaml", """
                        title: {es: Entregables, en: Deliverables}
                        columns:
                          - {key: entregable, label: {es: Entregable, en: Deliverable}, type: text}
                        rows:
                          - id: mapeo
                            entregable: {es: Mapeo de materiales, en: Mapping of materials}
                          - id: formato-carta-compromiso
                            entregable: {es: Formato carta compromiso, en: Commitment letter template}
                        """)
                .file("templates/directives/table.ftlh", """
                        <#assign t = site.tables[args.data]>
                        <table id="table-${args.data}"><caption>${t.title}</caption>
                        <#list t.rows as r><tr id="${r.id}"><#list r.cells as cell><th scope="row">${cell.text}</th></#list></tr></#list>
                        </table>
                        """)
                .file("content/es/anexo.md", "---\ntitle: Anexo\norder: 2\n---\n\n::table{data=entregables}\n")
                .file("content/en/annex.md", "---\ntitle: Annex\norder: 2\ntranslationKey: anexo\n---\n\n::table{data=entregables}\n");
        assertEquals(List.of(), site.errors(site.build()));
        var index = index(site, "es/buscar");
        assertEquals(List.of("es/anexo/"), index.phrase("cart", "compromis"));
        assertEquals(List.of("table-entregables: Entregables", "mapeo: Mapeo de materiales",
                "formato-carta-compromiso: Formato carta compromiso"), index.blocks("es/anexo/"));
        assertEquals(List.of(), index.phrase("materiales", "formato"), "a phrase does not run from one cell into the next");
    }

    @Test
    void acronymsWrittenApartAreAlsoFoundWrittenTogether() {
        var site = site().file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nCon el INFO NL y el INFONL.\n");
        assertEquals(List.of(), site.errors(site.build()));
        var index = index(site, "es/buscar");
        var together = index.posting("infonl", "es/diagnostico/");
        assertNotNull(together);
        assertEquals(List.of(4, 8), together.positions(), "at the place of INFO, and of INFONL");
        assertEquals(List.of(4), index.posting("inf", "es/diagnostico/").positions());
        assertEquals(List.of(5), index.posting("nl", "es/diagnostico/").positions());
    }

    @Test
    void aTitleOutweighsHeadingsAndHeadingsOutweighText() {
        var site = site()
                .file("content/es/a.md", "---\ntitle: Talleres\norder: 2\n---\n\nOtra cosa.\n")
                .file("content/es/b.md", "---\ntitle: Bravo\norder: 3\n---\n\n## Talleres\n\nOtra cosa.\n")
                .file("content/es/c.md", "---\ntitle: Charlie\norder: 4\n---\n\n" + "Un taller. ".repeat(40) + "\n");
        assertEquals(List.of(), site.errors(site.build()));
        var index = index(site, "es/buscar");
        int title = index.posting("taller", "es/a/").weight();
        int heading = index.posting("taller", "es/b/").weight();
        int text = index.posting("taller", "es/c/").weight();
        assertTrue(title > heading && heading > text, title + " > " + heading + " > " + text);
        assertEquals(List.of("talleres: Talleres\nOtra cosa."), index.blocks("es/b/"),
                "the text under a heading is found at the heading, in one block of the same anchor");
    }

    @Test
    void sectionsGroupEveryPageOfTheLanguage() {
        var site = site()
                .file("content/es/ruta/_index.md", "---\ntitle: Ruta\norder: 2\n---\n")
                .file("content/es/ruta/a.md", "---\ntitle: A\norder: 1\n---\n")
                .file("content/es/ruta/sub/_index.md", "---\ntitle: Sub\norder: 2\n---\n")
                .file("content/es/ruta/sub/b.md", "---\ntitle: B\n---\n")
                .file("content/es/aparte.md", "---\ntitle: Aparte\nlisted: false\n---\n");
        assertEquals(List.of(), site.errors(site.build()));
        String html = site.output("es/buscar/index.html");
        assertEquals("""
                search=/es/buscar/
                0 /es/: /es/diagnostico/ /es/aparte/
                1 /es/ruta/: /es/ruta/a/
                2 /es/ruta/sub/: /es/ruta/sub/b/""", html.substring(html.indexOf("<pre>") + 5, html.indexOf("</pre>")).strip());
    }

    @Test
    void aLargeIndexIsSplitSoThatAQueryLoadsOnlyWhatItNeeds() {
        var site = site();
        var words = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            words.setLength(0);
            for (int w = 0; w < 300; w++) { // 60,000 postings: more than one file of terms, and of positions
                words.append("palabra").append(Integer.toString((i * 7 + w * 13) % 2000, 36)).append(w % 10 == 9 ? "\n\n" : " ");
            }
            site.file("content/es/p" + i + ".md", "---\ntitle: Página " + i + "\n---\n\n" + words + "clave" + Integer.toString(i, 36) + "q\n");
        }
        assertEquals(List.of(), site.errors(site.build()));
        var index = index(site, "es/buscar");
        assertTrue(index.files.stream().filter(f -> f.startsWith("terms-")).count() > 2, index.files.toString());
        assertTrue(index.files.stream().filter(f -> f.startsWith("positions-")).count() > 2, index.files.toString());
        assertTrue(index.files.stream().filter(f -> f.startsWith("texts-")).count() > 2, index.files.toString());
        assertEquals(202, index.texts.size()); // the home, the diagnosis and the 200 pages
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) index.meta.get("terms");
        assertEquals(first.stream().sorted().toList(), first);
        assertEquals(List.of("es/p0/"), index.pages("clave0q"));
        assertEquals(List.of("es/p199/"), index.pages("clave5jq"));
        // Words 9 and 10 of page 3 are apart (another paragraph), 10 and 11 side by side.
        String[] word = new String[301];
        for (int w = 0; w < 300; w++) {
            word[w] = "palabra" + Integer.toString((3 * 7 + w * 13) % 2000, 36);
        }
        assertTrue(index.phrase(word[10], word[11]).contains("es/p3/"), index.phrase(word[10], word[11]).toString());
        assertFalse(index.phrase(word[9], word[10]).contains("es/p3/"), index.phrase(word[9], word[10]).toString());
    }

    @Test
    void theTextsKeepTheStartOfEachBlockForItsSnippetAndTheTermsAllOfIt() {
        var paragraph = new StringBuilder();
        for (int w = 0; w < 150; w++) {
            paragraph.append("relleno").append(Integer.toString(w, 36)).append(' ');
        }
        var site = site().file("content/es/largo.md", "---\ntitle: Largo\n---\n\nprincipio " + paragraph + "final\n");
        assertEquals(List.of(), site.errors(site.build()));
        var index = index(site, "es/buscar");
        String block = index.blocks("es/largo/").get(0);
        assertTrue(block.startsWith(": principio relleno0 relleno1 "), block);
        assertTrue(block.endsWith(" …") && block.length() < 300, "a window, cut after a word: " + block);
        assertFalse(block.contains("final"), block);
        assertEquals(List.of("es/largo/"), index.pages("final"), "the terms hold the whole text");
    }

    @Test
    void theIndexKnowsWhetherAddressesNameIndexHtml() throws java.io.IOException {
        var site = site();
        Path yaml = site.root().resolve("content/site.yaml");
        site.file("content/site.yaml", java.nio.file.Files.readString(yaml).replace("baseUrl: /", "baseUrl: https://example.org/informe/"));
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals(false, index(site, "es/buscar").meta.get("portable"));
    }

    @Test
    void searchFalseInSiteYamlLeavesTheSearchPagesOutWithTheirIndex() throws java.io.IOException {
        var site = site();
        Path yaml = site.root().resolve("content/site.yaml");
        site.file("content/site.yaml", java.nio.file.Files.readString(yaml) + "\nsearch: false\n");
        assertEquals(List.of(), site.errors(site.build()));
        assertTrue(site.outputFiles().stream().noneMatch(f -> f.startsWith("es/buscar/")), site.outputFiles().toString());
        assertTrue(site.outputFiles().stream().noneMatch(f -> f.endsWith(".js")), site.outputFiles().toString());
    }

    @Test
    void searchMustBeTrueOrFalse() throws java.io.IOException {
        var site = site();
        Path yaml = site.root().resolve("content/site.yaml");
        site.file("content/site.yaml", java.nio.file.Files.readString(yaml) + "\nsearch: no thanks\n");
        var errors = site.errors(site.build());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("site.yaml:") && errors.get(0).contains("'search' must be true or false"), errors.get(0));
    }
}
