package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Texts kept per language outside the pages: the interface words of i18n/, and the texts of data files.
 * A language without its text is reported at the text, and readers get the original meanwhile.
 */
class TextsPerLanguageTest {
    @TempDir
    Path dir;

    @Test
    void aLanguageWithoutItsInterfaceWordsAndAFileOfNoLanguage() throws java.io.IOException {
        var site = MiniSite.create(dir).delete("content/i18n/en.yaml").file("content/i18n/fr.yaml", "next: Suivant\n");
        assertEquals(List.of("content/i18n/en.yaml: error: the interface words of English are missing; create i18n/en.yaml "
                        + "with the same keys as the other languages",
                "content/i18n/fr.yaml: warning: i18n/fr.yaml is not the file of a language of site.yaml, so it is not used"),
                site.report(site.build()));
    }

    @Test
    void anInterfaceWordThatIsNoText() {
        var site = MiniSite.create(dir).file("content/i18n/en.yaml", "next: [Next, Forward]\nformat:\n  month: MMMM y\n");
        assertEquals(List.of("content/i18n/en.yaml:1:7: error: 'next' must be text, a number or keys and values, not a list"),
                site.report(site.build()));
    }

    @Test
    void anInterfaceWordLeftEmptyIsReportedNotPublishedEmpty() {
        var site = MiniSite.create(dir).file("content/i18n/en.yaml", "next:\nformat:\n  month: MMMM y\n");
        assertEquals(List.of("content/i18n/en.yaml:1:6: error: 'next' is empty; write it or remove the line"),
                site.report(site.build()));
    }

    @Test
    void nestedInterfaceWordsAreKeyedByTheirPath() {
        var site = MiniSite.create(dir)
                .file("content/i18n/es.yaml", "next: Siguiente\nformat:\n  month: MMMM 'de' y\nnav:\n  skip: Saltar al contenido\n  count: 3\n")
                .file("content/i18n/en.yaml", "next: Next\nformat:\n  month: MMMM y\nnav:\n  skip: Skip to content\n  count: 3\n")
                .file("templates/page.ftlh", "<!DOCTYPE html><html lang=\"${site.language.code}\"><head><meta charset=\"utf-8\">"
                        + "<title>${page.title}</title></head><body><main><h1>${page.title}</h1><p>${i18n['nav.skip']} "
                        + "${i18n['nav.count']}</p>${content}</main></body></html>\n");
        assertEquals(List.of(), site.report(site.build()));
        assertTrue(site.output("en/diagnosis/index.html").contains("<p>Skip to content 3</p>"));
        assertTrue(site.output("es/diagnostico/index.html").contains("<p>Saltar al contenido 3</p>"));
    }

    @Test
    void aDataTextWithoutOneLanguageIsShownInTheOriginalMarkedAsSuchAndReported() {
        var site = MiniSite.create(dir)
                .file("content/data/ejemplares.yaml", """
                        title: {es: Ejemplares, en: Copies}
                        columns:
                          - {key: institucion, label: {es: Institución, en: Institution}}
                          - {key: nota, label: {es: Nota, en: Note}}
                        rows:
                          - {institucion: INFO NL, nota: {es: Entregado}}
                        """)
                .file("content/data/contacto.yaml", "saludo: {es: Hola, en: }\nlista:\n  - {es: Uno}\n") // 'en' left empty: no text
                .file("templates/directives/table.ftlh", """
                        <#assign t = site.tables[args.data]>
                        <#list t.rows as r><p>row <#list r.cells as cell>[${cell.text}|${cell.lang!'-'}]</#list></p></#list>
                        <p>data ${data.contacto.saludo} ${data.contacto.lista[0]}</p>
                        """)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\n::table{data=ejemplares}\n")
                .file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\n---\n\n::table{data=ejemplares}\n");
        new Abierto().translations(site.request(), true, List.of(), true);
        String missing = " has no en (English) version; add 'en: …' beside the other languages; until then the original is shown";
        // Once each, though the table's text is read for its cell and for 'data' alike.
        List<String> expected = List.of("content/data/contacto.yaml:1:9: %s: 'saludo'" + missing,
                "content/data/contacto.yaml:3:5: %s: this text" + missing,
                "content/data/ejemplares.yaml:6:34: %s: 'nota'" + missing);
        assertEquals(expected.stream().map(e -> e.formatted("warning")).toList(), site.report(site.build()));
        String en = site.output("en/diagnosis/index.html");
        assertTrue(en.contains("<p>row [INFO NL|-][Entregado|es]</p>"), en); // in Spanish, and marked so
        assertTrue(en.contains("<p>data Hola Uno</p>"), en);
        assertEquals(expected.stream().map(e -> e.formatted("error")).toList(), site.errors(site.buildStrict()));
    }
}
