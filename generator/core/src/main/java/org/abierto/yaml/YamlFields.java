package org.abierto.yaml;

import org.abierto.diagnostic.Diagnostics;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a {@link YamlDocument} that report a wrong or missing value at its line and
 * column, in words an editor understands. Every read continues after a problem (returning null),
 * so one run reports all problems of a file; {@link #failed()} tells whether any was found.
 */
public final class YamlFields {
    private final YamlDocument yaml;
    private final Diagnostics diagnostics;
    private final String what;
    private boolean failed;

    /**
     * @param what the kind of file, for messages ("front matter", "site.yaml")
     */
    public YamlFields(YamlDocument yaml, Diagnostics diagnostics, String what) {
        this.yaml = yaml;
        this.diagnostics = diagnostics;
        this.what = what;
    }

    public YamlDocument yaml() {
        return yaml;
    }

    public boolean failed() {
        return failed;
    }

    /** Reports an error at the value of {@code pointer} and marks the read as failed. */
    public void error(String pointer, String code, String message) {
        diagnostics.error(yaml.position(pointer), code, message);
        failed = true;
    }

    /** The value at a JSON Pointer, or null. */
    public Object get(String pointer) {
        Object current = yaml.root();
        if (pointer.isEmpty()) {
            return current;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()) {
                current = list.get(Integer.parseInt(key));
            } else {
                return null;
            }
        }
        return current;
    }

    /** Reports keys of the mapping at {@code pointer} that are not {@code allowed}, suggesting the closest. */
    public void onlyKeys(String pointer, Collection<String> allowed) {
        for (String key : YamlDocument.asMap(get(pointer)).keySet()) {
            if (!allowed.contains(key)) {
                String hint = Spelling.closest(key, allowed).map(k -> "; did you mean '" + k + "'?")
                        .orElse("; the keys allowed here are " + String.join(", ", allowed.stream().sorted().toList()));
                diagnostics.error(yaml.keyPosition(YamlDocument.child(pointer, key)), "unknown-key",
                        "unknown key '" + key + "' in the " + what + hint);
                failed = true;
            }
        }
    }

    /**
     * The keys of a text given per language must be the site's languages ({@code codes}, in the order of
     * site.yaml): a key that is not one is named as such, not as a misspelt key.
     */
    public void onlyLanguages(String pointer, Collection<String> codes) {
        for (String key : YamlDocument.asMap(get(pointer)).keySet()) {
            if (!codes.contains(key)) {
                diagnostics.error(yaml.keyPosition(YamlDocument.child(pointer, key)), "unknown-language",
                        "'" + key + "' is not a language of site.yaml (" + String.join(", ", codes) + ")");
                failed = true;
            }
        }
    }

    /** A text (numbers and booleans are accepted as their text); null when absent. */
    public String text(String pointer, boolean required) {
        Object value = get(pointer);
        if (value == null) {
            if (required) {
                missing(pointer);
            }
            return null;
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                error(pointer, "empty-value", leftEmpty("'" + name(pointer) + "'"));
                return null;
            }
            return s.strip();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        error(pointer, "wrong-type", "'" + name(pointer) + "' must be text, not " + describe(value));
        return null;
    }

    /**
     * A text that may differ by language: one text for all, or a mapping of language codes to texts.
     * Only the codes are checked here; a missing language is the assemble stage's to report.
     */
    public void perLanguageText(String pointer, java.util.Set<String> codes, boolean required) {
        Object value = get(pointer);
        if (value instanceof Map<?, ?> map) {
            onlyLanguages(pointer, codes);
            for (Object code : map.keySet()) {
                Object text = map.get(code);
                if (text != null && !(text instanceof String) && !(text instanceof Number)) {
                    error(YamlDocument.child(pointer, code), "wrong-type",
                            "'" + name(pointer) + "' in " + code + " must be text, not " + describe(text));
                }
            }
        } else {
            text(pointer, required);
        }
    }

    /** A whole number; null when absent. */
    public Long integer(String pointer) {
        Object value = get(pointer);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        error(pointer, "wrong-type", "'" + name(pointer) + "' must be a whole number, not " + describe(value));
        return null;
    }

    /** true or false; {@code otherwise} when absent. */
    public boolean bool(String pointer, boolean otherwise) {
        Object value = get(pointer);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        error(pointer, "wrong-type", "'" + name(pointer) + "' must be true or false, not " + describe(value));
        return otherwise;
    }

    /** A mapping; empty when absent. */
    public Map<String, Object> map(String pointer, boolean required) {
        Object value = get(pointer);
        if (value == null) {
            if (required) {
                missing(pointer);
            }
            return Map.of();
        }
        if (value instanceof Map<?, ?>) {
            return YamlDocument.asMap(value);
        }
        error(pointer, "wrong-type", "'" + name(pointer) + "' must be keys and values, not " + describe(value));
        return Map.of();
    }

    /** A list; empty when absent. */
    public List<Object> list(String pointer, boolean required) {
        Object value = get(pointer);
        if (value == null) {
            if (required) {
                missing(pointer);
            }
            return List.of();
        }
        if (value instanceof List<?>) {
            return YamlDocument.asList(value);
        }
        error(pointer, "wrong-type", "'" + name(pointer) + "' must be a list (lines starting with '- '), not " + describe(value));
        return List.of();
    }

    private void missing(String pointer) {
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, Math.max(0, slash));
        diagnostics.error(yaml.position(parent), "missing-key",
                "the " + what + " needs '" + name(pointer) + "'" + (parent.isEmpty() ? "" : " here") + "; add it");
        failed = true;
    }

    private static String name(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    /** What an editor is told of a value left empty ({@code ''}, or a key with nothing after its colon), named as {@code name}. */
    public static String leftEmpty(String name) {
        return name + " is empty; write it or remove the line";
    }

    /** How a value looks to an editor: "a list", "the number 3". */
    public static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "keys and values";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof String s && s.isEmpty()) {
            return "an empty text ('')";
        }
        if (value instanceof String s) {
            return "the text '" + s + "'";
        }
        return "nothing";
    }
}
