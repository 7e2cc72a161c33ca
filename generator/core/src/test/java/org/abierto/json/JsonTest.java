package org.abierto.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON files a site publishes (catalogues, manifests) and the JSON-LD in its pages. */
class JsonTest {
    record Dataset(String title, List<String> keywords) {
    }

    record Empty() {
    }

    record Broken(String title) {
        @Override
        public String title() {
            throw new IllegalStateException("no title");
        }
    }

    @Test
    void jsonIsIndentedByTwoSpacesWithKeysInTheOrderGivenAndEndsWithALineBreak() {
        assertEquals("""
                {
                  "z": 1,
                  "a": [
                    "x",
                    2.5
                  ],
                  "m": {
                    "title": "Cifras",
                    "keywords": [
                      "agua"
                    ]
                  }
                }
                """, Json.write(Json.object("z", 1, "a", List.of("x", 2.5), "m", new Dataset("Cifras", List.of("agua")))));
    }

    @Test
    void theSameValueAlwaysGivesTheSameBytes() {
        assertEquals(Json.write(Json.object("b", 1, "a", 2)), Json.write(Json.object("b", 1, "a", 2)));
        assertTrue(Json.write(Json.object("b", 1, "a", 2)).indexOf("\"b\"") < Json.write(Json.object("b", 1, "a", 2)).indexOf("\"a\""));
    }

    @Test
    void aValueWithoutPropertiesIsAnEmptyObject() {
        assertEquals(Map.of(), Json.read(Json.write(new Empty())));
    }

    @Test
    void aValueThatCannotBeWrittenIsAnErrorThatSaysWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> Json.write(new Broken("x")));
        assertTrue(e.getMessage().startsWith("cannot write as JSON: ") && e.getMessage().contains("no title"), e.getMessage());
        var html = assertThrows(IllegalArgumentException.class, () -> Json.writeForHtml(new Broken("x")));
        assertTrue(html.getMessage().startsWith("cannot write as JSON: "), html.getMessage());
    }

    @Test
    void jsonForAScriptElementCannotCloseIt() {
        String json = Json.writeForHtml(Json.object("name", "</script><b>A & B</b>", "n", 1));
        assertEquals("""
                {
                  "name": "\\u003C/script\\u003E\\u003Cb\\u003EA \\u0026 B\\u003C/b\\u003E",
                  "n": 1
                }""", json);
        assertEquals(Map.of("name", "</script><b>A & B</b>", "n", 1), Json.read(json), "it reads back as the same text");
    }

    @Test
    void plainJsonKeepsTheCharactersAsTheyAre() {
        assertEquals("{\n  \"name\": \"A & B <c>\"\n}\n", Json.write(Json.object("name", "A & B <c>")));
    }

    @Test
    void jsonIsReadIntoMapsListsTextsNumbersAndBooleans() {
        assertEquals(Map.of("a", List.of(1, "x", true), "b", Map.of("c", 2.5)), Json.read("{\"a\": [1, \"x\", true], \"b\": {\"c\": 2.5}}"));
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\": "));
        assertTrue(e.getMessage().startsWith("not JSON: "), e.getMessage());
    }

    @Test
    void anObjectKeepsTheOrderOfItsKeys() {
        assertEquals(List.of("@value", "@language"), List.copyOf(Json.object("@value", "x", "@language", "es").keySet()));
        assertEquals(Map.of(), Json.object());
    }
}
