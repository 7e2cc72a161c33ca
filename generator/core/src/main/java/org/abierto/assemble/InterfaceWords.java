package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.Language;
import org.abierto.yaml.YamlDocument;
import org.abierto.yaml.YamlFields;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code i18n/<code>.yaml}: the interface words of each language. Nested keys are joined
 * with dots ({@code nav: {previous: …}} → {@code nav.previous}). Every language must have every key.
 */
final class InterfaceWords {

    /** language code → key → text; a language without its file is reported and absent. */
    Map<String, Map<String, String>> read(Map<String, YamlDocument> files, List<Language> languages, Path i18nFolder,
                                          Diagnostics diagnostics) {
        var words = new LinkedHashMap<String, Map<String, String>>();
        for (Language language : languages) {
            YamlDocument doc = files.get(language.code());
            if (doc == null) {
                diagnostics.error(i18nFolder.resolve(language.code() + ".yaml"), 0, 0, "i18n-missing-file",
                        "the interface words of " + language.name() + " are missing; create i18n/" + language.code()
                                + ".yaml with the same keys as the other languages");
                continue;
            }
            var flat = new LinkedHashMap<String, String>();
            flatten(new YamlFields(doc, diagnostics, "i18n file"), doc.root(), "", "", flat);
            words.put(language.code(), flat);
        }
        for (String name : files.keySet()) {
            if (languages.stream().noneMatch(l -> l.code().equals(name))) {
                diagnostics.warning(files.get(name).file(), 0, 0, "i18n-unused",
                        "i18n/" + name + ".yaml is not the file of a language of site.yaml, so it is not used");
            }
        }
        for (Language language : languages) {
            Map<String, String> mine = words.get(language.code());
            if (mine == null) {
                continue;
            }
            for (Language other : languages) {
                Map<String, String> theirs = words.get(other.code());
                if (theirs == null || other.equals(language)) {
                    continue;
                }
                for (String key : theirs.keySet()) {
                    if (!mine.containsKey(key)) {
                        var where = files.get(other.code()).position("/" + key.replace(".", "/"));
                        diagnostics.error(files.get(language.code()).file(), 0, 0, "i18n-missing-key",
                                "the interface word '" + key + "' is missing in " + language.name() + " (" + language.code()
                                        + "); i18n/" + other.code() + ".yaml has it at line " + where.line() + "; add its translation");
                    }
                }
            }
        }
        return words;
    }

    private static void flatten(YamlFields fields, Object value, String pointer, String prefix, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(fields, v, YamlDocument.child(pointer, k),
                    prefix.isEmpty() ? (String) k : prefix + "." + k, out));
        } else if (value instanceof String || value instanceof Number) {
            out.put(prefix, value.toString());
        } else if (!pointer.isEmpty() || value != null) {
            fields.error(pointer, "i18n-type", "an interface word must be text, not " + YamlFields.describe(value));
        }
    }
}
