package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.Language;
import org.abierto.yaml.YamlDocument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the text of one language in data: a mapping whose keys are all language codes
 * ({@code {es: Institución, en: Institution}}) is a per-language text. A missing language is a
 * warning (the original language's text is shown instead), which {@code --strict} raises to an error.
 */
final class Localizer {
    private final List<Language> languages;
    private final Set<String> codes;
    private final Diagnostics diagnostics;

    Localizer(List<Language> languages, Diagnostics diagnostics) {
        this.languages = List.copyOf(languages);
        this.codes = new LinkedHashSet<>();
        languages.forEach(l -> codes.add(l.code()));
        this.diagnostics = diagnostics;
    }

    /** Whether a value is a per-language text. */
    boolean isPerLanguage(Object value) {
        return value instanceof Map<?, ?> map && !map.isEmpty() && codes.containsAll(map.keySet());
    }

    /** The whole value tree at {@code pointer} in language {@code code}, as unmodifiable plain values. */
    Object localize(YamlDocument doc, Object value, String pointer, String code) {
        if (isPerLanguage(value)) {
            return text(doc, value, pointer, code);
        }
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put((String) k, localize(doc, v, YamlDocument.child(pointer, k), code)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(localize(doc, list.get(i), YamlDocument.child(pointer, i), code));
            }
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    /** The text of {@code code} in a per-language value (or the value itself when it is one text for all). */
    String text(YamlDocument doc, Object value, String pointer, String code) {
        if (!(value instanceof Map<?, ?> map)) {
            return value == null ? null : value.toString();
        }
        Object text = map.get(code);
        if (text != null) {
            return text.toString();
        }
        Language missing = languages.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        String message = (key.isEmpty() || key.matches("\\d+") ? "this text" : "'" + key + "'") + " has no " + code + " ("
                + missing.name() + ") version; add '" + code + ": …' beside the other languages";
        diagnostics.warning(doc.position(pointer), "missing-translation", message + "; until then the original is shown");
        for (Language l : languages) {
            if (map.get(l.code()) != null) {
                return map.get(l.code()).toString();
            }
        }
        return "";
    }

    /** The language whose text {@link #text} falls back to when {@code code} is missing, or null when present. */
    String fallbackLanguage(Object value, String code) {
        if (!(value instanceof Map<?, ?> map) || map.get(code) != null) {
            return null;
        }
        return languages.stream().map(Language::code).filter(c -> map.get(c) != null).findFirst().orElse(null);
    }
}
