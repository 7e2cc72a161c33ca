package org.abierto.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.yaml.Spelling;
import org.abierto.yaml.YamlDocument;
import org.abierto.yaml.YamlFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.StreamSupport;

/**
 * Validates YAML files against the JSON Schemas kept with the generator
 * ({@code org/abierto/schema/*.schema.json}, draft 2020-12, with the networknt validator, which works on
 * Jackson 3 trees: this class alone uses Jackson 3, the rest of Abierto Jackson 2) and turns
 * each violation into a diagnostic at the line and column of the offending value, in words an
 * editor understands: the expected type, the allowed values, the unknown key and its closest
 * valid spelling. The schemas check structure; the stages check meaning (existing files, languages).
 */
public final class SchemaCheck {

    /** The kinds of YAML file, each with its schema. */
    public enum Kind {
        FRONT_MATTER("front-matter", "front matter"),
        SITE("site", "site.yaml"),
        I18N("i18n", "i18n file"),
        TABLE("table", "table"),
        LIST("list", "list"),
        FIGURES("figures", "figure list");

        final String file;
        final String what;

        Kind(String file, String what) {
            this.file = file;
            this.what = what;
        }
    }

    // In a holder: loading Jackson's data binding is part of what happens on the other thread.
    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder().build();
    }
    // Loading Jackson and the validator and compiling the schemas cost about half a second in a
    // fresh JVM; it starts here, on another thread, so that it overlaps with reading the content.
    private final CompletableFuture<Compiled> compiled = CompletableFuture.supplyAsync(SchemaCheck::compile);

    private record Compiled(Map<Kind, JsonNode> sources, Map<Kind, Schema> schemas) {
    }

    private static Compiled compile() {
        var config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
        Map<Kind, JsonNode> sources = new EnumMap<>(Kind.class);
        Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            JsonNode source = read(kind);
            sources.put(kind, source);
            schemas.put(kind, registry.getSchema(source));
        }
        return new Compiled(sources, schemas);
    }

    private Compiled compiled() {
        try {
            return compiled.join();
        } catch (CompletionException e) {
            // A schema kept with the generator that does not compile is a bug, not bad content.
            throw new IllegalStateException("the schemas of the generator do not compile", e.getCause());
        }
    }

    /** The schema of a kind of file, as JSON text (for documentation). */
    public static String schemaText(Kind kind) {
        return read(kind).toPrettyString();
    }

    private static JsonNode read(Kind kind) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(kind.file + ".schema.json")) {
            return Mapper.INSTANCE.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates a document; reports every violation.
     *
     * @return whether the document is valid
     */
    public boolean validate(YamlDocument doc, Kind kind, Diagnostics diagnostics) {
        JsonNode instance = Mapper.INSTANCE.valueToTree(doc.root() == null ? Map.of() : doc.root());
        List<Error> messages = new ArrayList<>(compiled().schemas().get(kind).validate(instance));
        messages.sort(Comparator.comparing((Error m) -> m.getInstanceLocation().toString())
                .thenComparing(Error::getKeyword).thenComparing(m -> String.valueOf(m.getProperty())));
        for (Error m : messages) {
            report(doc, kind, m, diagnostics);
        }
        return messages.isEmpty();
    }

    private void report(YamlDocument doc, Kind kind, Error m, Diagnostics diagnostics) {
        String pointer = m.getInstanceLocation().toString();
        Object value = new YamlFields(doc, new Diagnostics(), kind.what).get(pointer);
        String name = pointer.isEmpty() ? "the " + kind.what : describe(pointer);
        switch (m.getKeyword()) {
            case "type" -> {
                if (value == null) { // a key with nothing after its colon (or ~): YAML's null, a value left empty
                    diagnostics.error(doc.position(pointer), "empty-value", YamlFields.leftEmpty(name));
                } else {
                    diagnostics.error(doc.position(pointer), "schema-type",
                            name + " must be " + expected(m.getSchemaNode()) + ", not " + YamlFields.describe(value));
                }
            }
            case "required" -> diagnostics.error(doc.position(pointer), "missing-key",
                    (pointer.isEmpty() ? "the " + kind.what : name) + " needs '" + m.getProperty() + "'; add it");
            case "additionalProperties" -> {
                List<String> allowed = allowedKeys(kind, m.getSchemaLocation().getFragment().toString());
                String hint = Spelling.closest(m.getProperty(), allowed).map(k -> "; did you mean '" + k + "'?")
                        .orElse(allowed.isEmpty() ? "" : "; the keys allowed here are " + String.join(", ", allowed.stream().sorted().toList()));
                SourcePosition at = doc.keyPosition(YamlDocument.child(pointer, m.getProperty()));
                diagnostics.error(at, "unknown-key", "unknown key '" + m.getProperty() + "' in the " + kind.what + hint);
            }
            case "enum" -> diagnostics.error(doc.position(pointer), "schema-value",
                    name + " cannot be " + YamlFields.describe(value) + "; use one of " + values(m.getSchemaNode()));
            case "minItems" -> diagnostics.error(doc.position(pointer), "schema-empty", name + " needs at least one entry");
            default -> diagnostics.error(doc.position(pointer), "schema", name + ": " + m.getMessage());
        }
    }

    /** The keys a schema object allows, from the "properties" beside the failing keyword. */
    private List<String> allowedKeys(Kind kind, String keywordPointer) {
        String parent = keywordPointer.substring(0, Math.max(0, keywordPointer.lastIndexOf('/')));
        JsonNode schema = compiled().sources().get(kind).at(parent.startsWith("#") ? parent.substring(1) : parent);
        JsonNode properties = schema.path("properties");
        List<String> keys = new ArrayList<>();
        properties.propertyNames().forEach(keys::add);
        return keys;
    }

    private static String expected(JsonNode types) {
        List<String> words = types.isArray()
                ? StreamSupport.stream(types.spliterator(), false).map(JsonNode::asString).map(SchemaCheck::word).toList()
                : List.of(word(types.asString()));
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String word(String type) {
        return switch (type) {
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list (lines starting with '- ')";
            case "object" -> "keys and values";
            case "null" -> "empty";
            default -> type;
        };
    }

    private static String values(JsonNode allowed) {
        List<String> values = new ArrayList<>();
        allowed.forEach(v -> values.add(v.asString()));
        return String.join(", ", values);
    }

    /** How editors name a place: 'label', or entry 2 of 'columns' for list items. */
    private static String describe(String pointer) {
        String last = last(pointer);
        if (last.matches("\\d+")) {
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            return "entry " + (Integer.parseInt(last) + 1) + (parent.isEmpty() ? "" : " of '" + last(parent) + "'");
        }
        return "'" + last + "'";
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
