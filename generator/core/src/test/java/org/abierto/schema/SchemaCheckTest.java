package org.abierto.schema;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.json.Json;
import org.abierto.parse.YamlReader;
import org.abierto.yaml.YamlDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an editor is told when a YAML file does not have the shape its schema gives: where, and what to write. */
class SchemaCheckTest {
    static final Path BASE = Path.of("/informe/content").toAbsolutePath();
    final SchemaCheck check = new SchemaCheck();
    final Diagnostics diagnostics = new Diagnostics();

    private List<String> check(SchemaCheck.Kind kind, String file, String yaml) {
        YamlDocument doc = new YamlReader().read(BASE.resolve(file), yaml, 0, "x", diagnostics).orElseThrow();
        boolean valid = check.validate(doc, kind, diagnostics);
        List<String> reported = diagnostics.all().stream().map(d -> d.format(BASE)).toList();
        assertEquals(reported.isEmpty(), valid, "valid exactly when nothing is reported");
        return reported;
    }

    @Test
    void aValidFileIsValidAndNothingIsReported() {
        assertEquals(List.of(), check(SchemaCheck.Kind.FRONT_MATTER, "es/a.md", "title: Informe\norder: 2\ntranslationKey: 7\ndraft: false\n"));
        assertTrue(check.validate(YamlDocument.empty(BASE.resolve("i18n/es.yaml")), SchemaCheck.Kind.I18N, diagnostics));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheTypesAllowedInWords() {
        assertEquals(List.of(
                "es/a.md:1:8: error: 'title' must be text, not a list",
                "es/a.md:2:8: error: 'order' must be a whole number, not the text 'dos'",
                "es/a.md:3:17: error: 'translationKey' must be text or a whole number, not true",
                "es/a.md:4:8: error: 'draft' must be true or false, not the text 'no'",
                "es/a.md:5:9: error: 'params' must be keys and values, not the number 3"),
                check(SchemaCheck.Kind.FRONT_MATTER, "es/a.md", """
                        title: [a]
                        order: dos
                        translationKey: true
                        draft: "no"
                        params: 3
                        """));
    }

    @Test
    void aKeyLeftEmptyIsNamedEmptyNotAValueOfTheWrongType() {
        // YAML reads a key with nothing after its colon (and ~) as null: the editor left it empty.
        assertEquals(List.of(
                "es/a.md:1:7: error: 'title' is empty; write it or remove the line",
                "es/a.md:2:14: error: 'description' is empty; write it or remove the line",
                "es/a.md:3:8: error: 'draft' must be true or false, not an empty text ('')"),
                check(SchemaCheck.Kind.FRONT_MATTER, "es/a.md", """
                        title:
                        description: ~
                        draft: ''
                        """));
    }

    @Test
    void aTextThatMayBePerLanguageNamesItsThreeShapes() {
        assertEquals(List.of("site.yaml:1:8: error: 'title' must be text, a number or keys and values, not a list"),
                check(SchemaCheck.Kind.SITE, "site.yaml", """
                        title: [a]
                        languages: [{code: es, name: Español}]
                        organisation: {name: X}
                        """));
    }

    @Test
    void aMissingKeyIsNamedWithTheValueThatNeedsIt() {
        assertEquals(List.of(
                "site.yaml:1:1: error: the site.yaml needs 'languages'; add it",
                "site.yaml:1:1: error: the site.yaml needs 'title'; add it",
                "site.yaml:1:15: error: 'organisation' needs 'name'; add it"),
                check(SchemaCheck.Kind.SITE, "site.yaml", "organisation: {url: x}\n"));
    }

    @Test
    void aMissingKeyOfAListEntryNamesTheEntryByItsNumberFromOne() {
        assertEquals(List.of("site.yaml:4:5: error: entry 2 of 'languages' needs 'name'; add it"),
                check(SchemaCheck.Kind.SITE, "site.yaml", """
                        title: x
                        languages:
                          - {code: es, name: Español}
                          - code: en
                        organisation: {name: X}
                        """));
    }

    @Test
    void anEmptyFileNeedsItsRequiredKeys() {
        assertEquals(List.of("es/a.md:1:1: error: the front matter needs 'title'; add it"),
                check(SchemaCheck.Kind.FRONT_MATTER, "es/a.md", ""));
    }

    @Test
    void anUnknownKeyIsReportedAtTheKeyWithTheClosestSpellingOrTheKeysAllowed() {
        assertEquals(List.of(
                "es/a.md:2:1: error: unknown key 'titel' in the front matter; did you mean 'title'?",
                "es/a.md:3:1: error: unknown key 'autor' in the front matter; the keys allowed here are description, draft, "
                        + "layout, linkTitle, listed, order, params, slug, sourceHash, title, translationKey"),
                check(SchemaCheck.Kind.FRONT_MATTER, "es/a.md", "title: a\ntitel: b\nautor: c\n"));
    }

    @Test
    void anUnknownKeyInAListEntryIsCheckedAgainstThatEntrysKeys() {
        assertEquals(List.of("data/t.yaml:4:5: error: unknown key 'lable' in the table; did you mean 'label'?"),
                check(SchemaCheck.Kind.TABLE, "data/t.yaml", """
                        title: T
                        columns:
                          - key: a
                            lable: A
                            label: A
                        rows: []
                        """));
    }

    @Test
    void aValueOutsideItsListOfValuesNamesThem() {
        assertEquals(List.of("data/t.yaml:5:11: error: 'type' cannot be the text 'number'; use one of text, integer, decimal, date, month"),
                check(SchemaCheck.Kind.TABLE, "data/t.yaml", """
                        title: T
                        columns:
                          - key: a
                            label: A
                            type: number
                        rows: []
                        """));
    }

    @Test
    void anEmptyListThatNeedsEntriesSaysSo() {
        assertEquals(List.of("site.yaml:2:12: error: 'languages' needs at least one entry"),
                check(SchemaCheck.Kind.SITE, "site.yaml", "title: x\nlanguages: []\norganisation: {name: X}\n"));
    }

    @Test
    void aRootThatIsNotAMappingIsNamedAsTheFile() {
        assertEquals(List.of("i18n/es.yaml:1:1: error: the i18n file must be keys and values, not a list"),
                check(SchemaCheck.Kind.I18N, "i18n/es.yaml", "- a\n- b\n"));
    }

    @Test
    void eachKindHasItsSchemaAsJsonForTheDocumentation() {
        for (SchemaCheck.Kind kind : SchemaCheck.Kind.values()) {
            Object schema = Json.read(SchemaCheck.schemaText(kind));
            assertEquals("https://json-schema.org/draft/2020-12/schema", ((Map<?, ?>) schema).get("$schema"), kind.name());
        }
        var frontMatter = (Map<?, ?>) Json.read(SchemaCheck.schemaText(SchemaCheck.Kind.FRONT_MATTER));
        assertEquals(List.of("title"), frontMatter.get("required"));
        assertFalse(SchemaCheck.schemaText(SchemaCheck.Kind.SITE).isBlank());
    }
}
