package org.abierto.yaml;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.parse.YamlReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed reads of a YAML file: what a stage gets, and what an editor is told, at which line and column. */
class YamlFieldsTest {
    static final Path BASE = Path.of("/informe/content").toAbsolutePath();
    final Diagnostics diagnostics = new Diagnostics();

    private YamlFields fields(String yaml) {
        var doc = new YamlReader().read(BASE.resolve("site.yaml"), yaml, 0, "site.yaml", diagnostics).orElseThrow();
        return new YamlFields(doc, diagnostics, "site.yaml");
    }

    private List<String> reported() {
        return diagnostics.all().stream().map(d -> d.format(BASE)).toList();
    }

    @Test
    void aPointerFollowsKeysAndListIndexesAndUnescapesSlashesAndTildes() {
        var f = fields("""
                languages:
                  - code: es
                  - code: en
                a/b: slash
                a~b: tilde
                title: x
                """);
        assertEquals("en", f.get("/languages/1/code"));
        assertEquals("slash", f.get("/a~1b"));
        assertEquals("tilde", f.get("/a~0b"));
        assertEquals(f.yaml().root(), f.get(""));
        assertNull(f.get("/languages/2/code"), "past the end of a list");
        assertNull(f.get("/languages/x"), "a list has no keys");
        assertNull(f.get("/languages/-1"));
        assertNull(f.get("/title/x"), "a text has no keys");
        assertNull(f.get("/missing/x"));
        assertFalse(f.failed());
    }

    @Test
    void anUnknownKeyIsReportedAtTheKeyWithTheClosestAllowedSpelling() {
        var f = fields("""
                title: x
                baseUrl: /
                languajes: []
                zzzzzzzz: 1
                """);
        f.onlyKeys("", List.of("title", "languages", "baseUrl"));
        assertTrue(f.failed());
        assertEquals(List.of(
                "site.yaml:3:1: error: unknown key 'languajes' in the site.yaml; did you mean 'languages'?",
                "site.yaml:4:1: error: unknown key 'zzzzzzzz' in the site.yaml; the keys allowed here are baseUrl, languages, title"),
                reported());
    }

    @Test
    void allowedKeysAreNotReported() {
        var f = fields("title: x\nbaseUrl: /\n");
        f.onlyKeys("", List.of("title", "baseUrl"));
        f.onlyLanguages("", List.of("title", "baseUrl"));
        assertFalse(f.failed());
        assertEquals(List.of(), reported());
    }

    @Test
    void aKeyThatIsNotALanguageOfTheSiteIsNamedAsSuch() {
        var f = fields("""
                title:
                  es: Informe
                  fr: Rapport
                """);
        f.onlyLanguages("/title", List.of("es", "en"));
        assertTrue(f.failed());
        assertEquals(List.of("site.yaml:3:3: error: 'fr' is not a language of site.yaml (es, en)"), reported());
    }

    @Test
    void aTextIsStrippedAndNumbersAndBooleansAreTheirText() {
        var f = fields("""
                title: "  Informe  "
                year: 2024
                rate: 1.5
                draft: true
                """);
        assertEquals("Informe", f.text("/title", true));
        assertEquals("2024", f.text("/year", true));
        assertEquals("1.5", f.text("/rate", true));
        assertEquals("true", f.text("/draft", true));
        assertNull(f.text("/description", false));
        assertFalse(f.failed());
        assertEquals(List.of(), reported());
    }

    @Test
    void aMissingRequiredValueIsReportedWhereItShouldBeAdded() {
        var f = fields("""
                title: x
                organisation:
                  url: https://x.example
                """);
        assertNull(f.text("/baseUrl", true));
        assertNull(f.text("/organisation/name", true));
        assertEquals(Map.of(), f.map("/menu", true));
        assertEquals(List.of(), f.list("/languages", true));
        assertTrue(f.failed());
        assertEquals(List.of(
                "site.yaml:1:1: error: the site.yaml needs 'baseUrl'; add it",
                "site.yaml:1:1: error: the site.yaml needs 'languages'; add it",
                "site.yaml:1:1: error: the site.yaml needs 'menu'; add it",
                "site.yaml:3:3: error: the site.yaml needs 'name' here; add it"), reported());
    }

    @Test
    void anOptionalValueMayBeAbsent() {
        var f = fields("title: x\n");
        assertNull(f.text("/description", false));
        assertEquals(Map.of(), f.map("/menu", false));
        assertEquals(List.of(), f.list("/languages", false));
        assertNull(f.integer("/order"));
        assertTrue(f.bool("/draft", true));
        assertFalse(f.bool("/draft", false));
        f.perLanguageText("/description", Set.of("es"), false);
        assertFalse(f.failed());
        assertEquals(List.of(), reported());
    }

    @Test
    void anEmptyTextIsReportedAsEmpty() {
        var f = fields("title: x\ndescription: \"  \"\n");
        assertNull(f.text("/description", false));
        assertTrue(f.failed());
        assertEquals(List.of("site.yaml:2:14: error: 'description' is empty; write it or remove the line"), reported());
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatWasExpectedAndWhatWasWritten() {
        var f = fields("""
                title:
                  - a
                order: uno
                draft: "no"
                menu: 3
                languages: {es: x}
                rate: 1.5
                """);
        assertNull(f.text("/title", true));
        assertNull(f.integer("/order"));
        assertNull(f.integer("/rate"));
        assertTrue(f.bool("/draft", true), "a value of the wrong type reads as the default");
        assertFalse(f.bool("/draft", false));
        assertEquals(Map.of(), f.map("/menu", true));
        assertEquals(List.of(), f.list("/languages", true));
        assertTrue(f.failed());
        assertEquals(List.of(
                "site.yaml:2:3: error: 'title' must be text, not a list",
                "site.yaml:3:8: error: 'order' must be a whole number, not the text 'uno'",
                "site.yaml:4:8: error: 'draft' must be true or false, not the text 'no'",
                "site.yaml:5:7: error: 'menu' must be keys and values, not the number 3",
                "site.yaml:6:12: error: 'languages' must be a list (lines starting with '- '), not keys and values",
                "site.yaml:7:7: error: 'rate' must be a whole number, not the number 1.5"), reported());
    }

    @Test
    void valuesOfTheRightTypeAreReturned() {
        var f = fields("""
                order: 3
                draft: false
                menu: {a: b}
                languages: [es]
                """);
        assertEquals(3L, f.integer("/order"));
        assertFalse(f.bool("/draft", true));
        assertTrue(fields("draft: true\n").bool("/draft", false));
        assertEquals(Map.of("a", "b"), f.map("/menu", true));
        assertEquals(List.of("es"), f.list("/languages", true));
        assertFalse(f.failed());
    }

    @Test
    void aTextPerLanguageChecksItsLanguagesAndThatEachIsText() {
        var f = fields("""
                title:
                  es: Informe
                  en: 2024
                  pt: Relatório
                description:
                  es: [a]
                  en:
                subtitle: [a]
                """);
        Set<String> site = new LinkedHashSet<>(List.of("es", "en")); // in the order of site.yaml
        f.perLanguageText("/title", site, true);
        f.perLanguageText("/description", site, true);
        f.perLanguageText("/subtitle", site, true);
        assertTrue(f.failed());
        assertEquals(List.of(
                "site.yaml:4:3: error: 'pt' is not a language of site.yaml (es, en)",
                "site.yaml:6:7: error: 'description' in es must be text, not a list",
                "site.yaml:8:11: error: 'subtitle' must be text, not a list"), reported());
    }

    @Test
    void anErrorIsReportedAtTheValueAndFailsTheRead() {
        var f = fields("title: x\nbaseUrl: ftp://x\n");
        assertFalse(f.failed());
        f.error("/baseUrl", "bad-url", "the address must start with https://");
        assertTrue(f.failed());
        assertEquals(List.of("site.yaml:2:10: error: the address must start with https://"), reported());
    }

    @Test
    void valuesAreDescribedAsAnEditorSeesThem() {
        assertEquals("keys and values", YamlFields.describe(Map.of()));
        assertEquals("a list", YamlFields.describe(List.of()));
        assertEquals("the number 3", YamlFields.describe(3L));
        assertEquals("the number 1.50", YamlFields.describe(new BigDecimal("1.50")));
        assertEquals("false", YamlFields.describe(false));
        assertEquals("the text 'x'", YamlFields.describe("x"));
        assertEquals("nothing", YamlFields.describe(null));
    }
}
