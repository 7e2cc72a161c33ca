package org.abierto.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTextTest {

    private static String json(String s) {
        var out = new StringBuilder();
        JsonText.string(out, s);
        return out.toString();
    }

    @Test
    void stringsAreQuotedWithWhatJsonAndJavaScriptNeedEscaped() {
        assertEquals("\"Diagnóstico «sí»\"", json("Diagnóstico «sí»"));
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\rf\\u2028g\\u2029h\\u0001i\\u001fj\"", json("a\"b\\c\nd\te\rf\u2028g\u2029h\u0001i\u001fj"));
        assertEquals("\"\\\"\"", json("\""));
        assertEquals("\"\"", json(""));
        assertEquals("\" \"", json("\u0020"));
    }

    @Test
    void listsHaveNoSpaces() {
        var out = new StringBuilder();
        JsonText.strings(out, List.of("a", "b\""));
        out.append(' ');
        JsonText.numbers(out, List.of(1, 22));
        assertEquals("[\"a\",\"b\\\"\"] [1,22]", out.toString());
    }
}
