package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML with Jackson's streaming parser, keeping the position of every node so later stages
 * can point editors at the exact line and column of a wrong value.
 */
public final class YamlReader {
    private final YAMLFactory factory = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Parses {@code text}.
     *
     * @param file       the file, for positions
     * @param text       the YAML
     * @param lineOffset lines before the YAML in its file (1 for front matter after the opening "---")
     * @param what       what the YAML is, for messages ("front matter", "data file")
     * @return the document, or empty after reporting a syntax error
     */
    public Optional<YamlDocument> read(Path file, String text, int lineOffset, String what, Diagnostics diagnostics) {
        var positions = new HashMap<String, SourcePosition>();
        var keys = new HashMap<String, SourcePosition>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            Object root = first == null ? null : value(parser, "", file, lineOffset, positions, keys);
            return Optional.of(new YamlDocument(file, root, positions, keys));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
            int col = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
            diagnostics.error(file, line + lineOffset, col, "yaml-syntax",
                    "invalid " + what + ": " + describe(e) + "; check the indentation and quote text that contains ': ' or starts with a symbol");
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(file, 0, 0, "unreadable", "cannot read the " + what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Object value(JsonParser p, String pointer, Path file, int lineOffset,
                                Map<String, SourcePosition> positions, Map<String, SourcePosition> keys) throws IOException {
        positions.put(pointer, position(p.currentTokenLocation(), file, lineOffset));
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                var map = new LinkedHashMap<String, Object>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = YamlDocument.child(pointer, name);
                    keys.put(child, position(p.currentTokenLocation(), file, lineOffset));
                    p.nextToken();
                    map.put(name, value(p, child, file, lineOffset, positions, keys));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY -> {
                var list = new ArrayList<Object>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p, YamlDocument.child(pointer, list.size()), file, lineOffset, positions, keys));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected YAML token " + token);
        }
    }

    private static SourcePosition position(JsonLocation at, Path file, int lineOffset) {
        return new SourcePosition(file, Math.max(1, at.getLineNr()) + lineOffset, Math.max(1, at.getColumnNr()));
    }

    /** The parser's message without its location suffix and source excerpt. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unreadable YAML";
        }
        String first = message.lines().findFirst().orElse(message).strip();
        int in = first.indexOf(" in 'reader'");
        if (in > 0) {
            first = first.substring(0, in);
        }
        if (first.startsWith("Duplicate field")) {
            return "the key " + first.substring(first.indexOf('\'')) + " is written twice";
        }
        return first;
    }

}
