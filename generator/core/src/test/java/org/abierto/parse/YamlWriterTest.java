package org.abierto.parse;

import org.abierto.diagnostic.Diagnostics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YamlWriterTest {

    @Test
    void aTextIsWrittenPlainlyAsAnEditorWouldWriteIt() {
        assertEquals("title: Diagnóstico\n", YamlWriter.entry("title", "Diagnóstico"));
        assertEquals("title: It's\n", YamlWriter.entry("title", "It's"));
    }

    @Test
    void aTextThatWouldBeReadAsANumberATruthValueNothingOrAKeyIsQuoted() {
        for (String text : List.of("2024", "1e3", "0x1F", "true", "null", ": x", "#x", "a: b", "")) {
            String written = YamlWriter.entry("title", text);
            assertEquals("title: \"" + text + "\"\n", written);
            assertEquals(text, new YamlReader().read(Path.of("new.md"), written, 0, "front matter", new Diagnostics())
                    .orElseThrow().rootMap().get("title"));
        }
    }

    @Test
    void wholeNumbersAndTruthValuesAreWrittenPlainly() {
        assertEquals("order: 3\n", YamlWriter.entry("order", 3));
        assertEquals("order: 3000000000\n", YamlWriter.entry("order", 3_000_000_000L));
        assertEquals("draft: true\n", YamlWriter.entry("draft", true));
        assertEquals("draft: false\n", YamlWriter.entry("draft", false));
    }

    @Test
    void anyOtherValueIsRefused() {
        var refused = assertThrows(IllegalArgumentException.class, () -> YamlWriter.entry("order", 2.5));
        assertEquals("a text, a whole number or true/false, not 2.5", refused.getMessage());
    }
}
