package org.abierto.yaml;

import org.abierto.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YamlDocumentTest {
    final Path file = Path.of("data/cifras.yaml");

    @Test
    void aPositionNotRecordedIsTheStartOfTheFileAndAKeyFallsBackToItsValue() {
        var value = new SourcePosition(file, 3, 8);
        var key = new SourcePosition(file, 3, 1);
        var doc = new YamlDocument(file, Map.of("a", 1L, "b", 2L), Map.of("/a", value, "/b", value), Map.of("/a", key));
        assertEquals(value, doc.position("/a"));
        assertEquals(key, doc.keyPosition("/a"));
        assertEquals(value, doc.keyPosition("/b"));
        assertEquals(new SourcePosition(file, 1, 1), doc.position("/c"));
        assertEquals(new SourcePosition(file, 1, 1), doc.keyPosition("/c"));
    }

    @Test
    void theRootIsAMappingOnlyWhenItIsOne() {
        assertEquals(Map.of("a", 1L), new YamlDocument(file, Map.of("a", 1L), Map.of(), Map.of()).rootMap());
        assertEquals(Map.of(), new YamlDocument(file, List.of("a"), Map.of(), Map.of()).rootMap());
        assertEquals(Map.of(), new YamlDocument(file, null, Map.of(), Map.of()).rootMap());
        assertEquals(Map.of(), YamlDocument.empty(file).rootMap());
        assertEquals(file, YamlDocument.empty(file).file());
    }

    @Test
    void pointersEscapeSlashesAndTildesInKeys() {
        assertEquals("/columns/0/a~1b~0c", YamlDocument.child(YamlDocument.child("/columns", 0), "a/b~c"));
        assertEquals("~01", YamlDocument.token("~1"));
    }

    @Test
    void aValueIsAListOrAMappingOnlyWhenItIsOne() {
        assertEquals(List.of("a"), YamlDocument.asList(List.of("a")));
        assertEquals(List.of(), YamlDocument.asList(Map.of("a", 1L)));
        assertEquals(Map.of("a", 1L), YamlDocument.asMap(Map.of("a", 1L)));
        assertEquals(Map.of(), YamlDocument.asMap("a"));
    }
}
