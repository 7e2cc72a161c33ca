package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YamlReaderTest {
    static final Path FILE = Path.of("/c/data/x.yaml");
    final YamlReader reader = new YamlReader();
    final Diagnostics diagnostics = new Diagnostics();

    @Test
    void keepsThePositionOfEveryValueAndKey() {
        YamlDocument doc = reader.read(FILE, "title:\n  es: Hola\nrows:\n  - {n: 3, x: 2.5}\n  - n: 4\n", 0, "data file", diagnostics).orElseThrow();
        assertEquals(Map.of("title", Map.of("es", "Hola"), "rows", List.of(Map.of("n", 3L, "x", new BigDecimal("2.5")), Map.of("n", 4L))), doc.root());
        assertEquals(new SourcePosition(FILE, 2, 7), doc.position("/title/es"));
        assertEquals(new SourcePosition(FILE, 2, 3), doc.keyPosition("/title/es"));
        assertEquals(new SourcePosition(FILE, 4, 9), doc.position("/rows/0/n"));
        assertEquals(new SourcePosition(FILE, 5, 8), doc.position("/rows/1/n"));
    }

    @Test
    void positionsIncludeTheOffsetOfTheBlock() {
        YamlDocument doc = reader.read(FILE, "title: Hola\n", 1, "front matter", diagnostics).orElseThrow();
        assertEquals(new SourcePosition(FILE, 2, 8), doc.position("/title"));
    }

    @Test
    void duplicateKeysAreErrors() {
        reader.read(FILE, "title: a\ntitle: b\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:2:6: error: invalid data file: the key 'title' is written twice; "
                + "check the indentation and quote text that contains ': ' or starts with a symbol"),
                diagnostics.all().stream().map(d -> d.format(null)).toList());
    }

    @Test
    void datesStayText() {
        YamlDocument doc = reader.read(FILE, "on: 2024-02-28\nmonth: 2024-07\n", 0, "data file", diagnostics).orElseThrow();
        assertEquals(Map.of("on", "2024-02-28", "month", "2024-07"), doc.root());
    }
}
