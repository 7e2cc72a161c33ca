package org.abierto.yaml;

import org.abierto.diagnostic.SourcePosition;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into plain immutable Java values, with the source position of every node.
 *
 * <p>Values are {@code Map<String,Object>} (in file order), {@code List<Object>}, {@code String},
 * {@code Long}, {@code java.math.BigDecimal}, {@code Boolean} or {@code null}. Positions are keyed by
 * JSON Pointer ({@code /columns/0/label/es}); {@link #keyPosition} gives where a mapping key is written,
 * so "unknown key" errors can point at the key itself.
 *
 * @param file      the file the YAML comes from
 * @param root      the root value
 * @param positions pointer → position of the value
 * @param keys      pointer → position of the key that introduces the value
 */
public record YamlDocument(Path file, Object root, Map<String, SourcePosition> positions, Map<String, SourcePosition> keys) {

    public YamlDocument {
        positions = Map.copyOf(positions);
        keys = Map.copyOf(keys);
    }

    /** Where the value at {@code pointer} starts; the start of the file when unknown. */
    public SourcePosition position(String pointer) {
        SourcePosition p = positions.get(pointer);
        return p != null ? p : new SourcePosition(file, 1, 1);
    }

    /** Where the key of the value at {@code pointer} is written; falls back to the value. */
    public SourcePosition keyPosition(String pointer) {
        SourcePosition p = keys.get(pointer);
        return p != null ? p : position(pointer);
    }

    /** The root as a mapping, or an empty one when the document is empty or not a mapping. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> rootMap() {
        return root instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Escapes a mapping key for use in a JSON Pointer. */
    public static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of a child of {@code pointer}. */
    public static String child(String pointer, Object keyOrIndex) {
        return pointer + "/" + (keyOrIndex instanceof String s ? token(s) : keyOrIndex.toString());
    }

    /** An empty document (for a file that could not be read). */
    public static YamlDocument empty(Path file) {
        return new YamlDocument(file, Map.of(), Map.of(), Map.of());
    }

    /** A list value, or empty. */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A mapping value, or empty. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
