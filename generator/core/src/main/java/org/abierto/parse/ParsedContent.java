package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/**
 * Everything the parse stage produced.
 *
 * @param site  {@code site.yaml}
 * @param i18n  language code → its {@code i18n/<code>.yaml}
 * @param data  data file name → its YAML ({@code ejemplares} → {@code data/ejemplares.yaml})
 * @param pages every page that parsed, in path order
 */
public record ParsedContent(YamlDocument site, Map<String, YamlDocument> i18n, Map<String, YamlDocument> data,
                            List<ParsedPage> pages) {
    public ParsedContent {
        i18n = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(i18n));
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        pages = List.copyOf(pages);
    }
}
