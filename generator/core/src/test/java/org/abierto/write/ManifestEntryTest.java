package org.abierto.write;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A manifest proves a folder is Abierto's only when it is exactly what the writer writes. */
class ManifestEntryTest {
    private static final String SHA = "a".repeat(64);

    private static String manifest(String entry) {
        return "{\"files\": [" + entry + "]}";
    }

    private static String entry(String path, String size, String sha) {
        return "{\"path\": " + path + ", \"size\": " + size + ", \"sha256\": " + sha + "}";
    }

    @Test
    void whatTheWriterWritesReadsBack() {
        List<ManifestEntry> entries = List.of(new ManifestEntry("es/index.html", 12, SHA), new ManifestEntry("a.css", 0, "0".repeat(64)));
        assertEquals(Map.of("es/index.html", entries.get(0), "a.css", entries.get(1)), ManifestEntry.parse(ManifestEntry.json(entries)));
        assertEquals(Map.of(), ManifestEntry.parse(ManifestEntry.json(List.of())));
    }

    @Test
    void anythingElseIsRefusedWithItsReason() {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{}", "it has no list of files");
        refused.put("[]", "it has no list of files");
        refused.put("{\"files\": {}}", "it has no list of files");
        refused.put(manifest("\"x\""), "entry 1 is not a path with its size and SHA-256");
        refused.put(manifest(entry("\"a\"", "1", "\"" + SHA + "\"") + ", " + entry("\"a\"", "1", "\"" + SHA + "\"")), "it lists a twice");
        for (String[] bad : new String[][] {
                {"1", "1", "\"" + SHA + "\""}, // path not a text
                {"\"\"", "1", "\"" + SHA + "\""},
                {"\"/etc/passwd\"", "1", "\"" + SHA + "\""},
                {"\"a//b\"", "1", "\"" + SHA + "\""},
                {"\"a/\"", "1", "\"" + SHA + "\""},
                {"\"../a\"", "1", "\"" + SHA + "\""},
                {"\"a/./b\"", "1", "\"" + SHA + "\""},
                {"\"a\\\\b\"", "1", "\"" + SHA + "\""},
                {"\"a\"", "-1", "\"" + SHA + "\""},
                {"\"a\"", "1.5", "\"" + SHA + "\""},
                {"\"a\"", "\"1\"", "\"" + SHA + "\""},
                {"\"a\"", "1", "\"" + "A".repeat(64) + "\""},
                {"\"a\"", "1", "\"" + "a".repeat(63) + "\""},
                {"\"a\"", "1", "\"" + "a".repeat(65) + "\""},
                {"\"a\"", "1", "64"}}) {
            refused.put(manifest(entry(bad[0], bad[1], bad[2])), "entry 1 is not a path with its size and SHA-256");
        }
        refused.put(manifest("{\"size\": 1, \"sha256\": \"" + SHA + "\"}"), "entry 1 is not a path with its size and SHA-256");
        refused.put(manifest("{\"path\": \"a\", \"sha256\": \"" + SHA + "\"}"), "entry 1 is not a path with its size and SHA-256");
        refused.put(manifest("{\"path\": \"a\", \"size\": 1}"), "entry 1 is not a path with its size and SHA-256");
        refused.put(manifest(entry("\"a\"", "1", "\"" + SHA + "\"") + ", " + entry("\"b\"", "-2", "\"" + SHA + "\"")),
                "entry 2 is not a path with its size and SHA-256");
        refused.forEach((json, reason) ->
                assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> ManifestEntry.parse(json), json).getMessage(), json));
        assertThrows(IllegalArgumentException.class, () -> ManifestEntry.parse("{not json"));
    }

    @Test
    void aLargeSizeIsKept() {
        assertEquals(5_000_000_000L, ManifestEntry.parse(manifest(entry("\"a\"", "5000000000", "\"" + SHA + "\""))).get("a").size());
    }
}
