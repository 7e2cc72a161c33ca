package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.Language;
import org.abierto.model.SiteConfig;
import org.abierto.yaml.YamlDocument;
import org.abierto.yaml.YamlFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code site.yaml} into a {@link SiteConfig}, reporting every mistake at its line. */
final class SiteConfigReader {
    static final Set<String> KEYS = Set.of("title", "subtitle", "description", "baseUrl", "languages",
            "organisation", "licence", "date", "params", "search");

    Optional<SiteConfig> read(YamlDocument yaml, String baseUrlOverride, Diagnostics diagnostics) {
        var fields = new YamlFields(yaml, diagnostics, "site.yaml");
        if (!(yaml.root() instanceof Map<?, ?>)) {
            fields.error("", "site-file", "site.yaml must be keys and values: title, languages, baseUrl… (see content/README.md)");
            return Optional.empty();
        }
        fields.onlyKeys("", KEYS);

        List<Language> languages = languages(fields);
        Set<String> codes = new java.util.LinkedHashSet<>();
        languages.forEach(l -> codes.add(l.code()));

        Map<String, String> title = texts(fields, "/title", codes, true);
        Map<String, String> subtitle = texts(fields, "/subtitle", codes, false);
        Map<String, String> description = texts(fields, "/description", codes, false);

        String baseUrl = baseUrlOverride != null ? baseUrlOverride : fields.text("/baseUrl", false);
        baseUrl = baseUrl == null ? "/" : baseUrl;
        Optional<String> problem = SiteConfig.baseUrlProblem(baseUrl);
        if (problem.isPresent()) {
            if (baseUrlOverride != null) {
                diagnostics.error(null, 0, 0, "base-url", "--base-url " + baseUrlOverride + ": " + problem.get());
            } else {
                fields.error("/baseUrl", "base-url", "baseUrl: " + problem.get() + " (or / when not yet known)");
            }
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }

        fields.onlyKeys("/organisation", Set.of("name", "url"));
        var organisation = new SiteConfig.Organisation(fields.text("/organisation/name", true),
                fields.text("/organisation/url", false));

        SiteConfig.Licence licence = null;
        if (fields.get("/licence") != null) {
            fields.onlyKeys("/licence", Set.of("name", "url"));
            licence = new SiteConfig.Licence(fields.text("/licence/name", true), fields.text("/licence/url", false));
        } else {
            diagnostics.warning(yaml.position(""), "no-licence",
                    "site.yaml declares no licence: readers cannot know how they may reuse the report and its data; add 'licence: {name: …, url: …}' once the publisher decides it");
        }

        String date = fields.text("/date", false);
        if (date != null && !org.abierto.model.Formats.isDate(date)) {
            fields.error("/date", "date", "date must be written 2024-07 or 2024-07-31, not '" + date + "'");
        }
        Map<String, Object> params = fields.map("/params", false);
        boolean search = fields.bool("/search", true);

        if (fields.failed() || languages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(title, subtitle, description, baseUrl, languages, organisation, licence, date, params, search));
    }

    private static List<Language> languages(YamlFields fields) {
        List<Object> entries = fields.list("/languages", true);
        List<Language> languages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "/languages/" + i;
            fields.onlyKeys(at, Set.of("code", "locale", "name"));
            String code = fields.text(at + "/code", true);
            String tag = fields.text(at + "/locale", false);
            String name = fields.text(at + "/name", true);
            if (code == null || name == null) {
                continue;
            }
            if (!code.matches("[a-z]{2,3}")) {
                fields.error(at + "/code", "language-code", "a language code is two or three lower-case letters, such as es or en");
                continue;
            }
            if (ReservedFolders.NAMES.contains(code)) {
                fields.error(at + "/code", "language-code", "'" + code + "' is a reserved folder of content/ and cannot be a language");
                continue;
            }
            if (!seen.add(code)) {
                fields.error(at + "/code", "language-duplicate", "the language '" + code + "' is listed twice");
                continue;
            }
            tag = tag == null ? code : tag;
            try {
                new Locale.Builder().setLanguageTag(tag);
            } catch (IllformedLocaleException e) {
                fields.error(at + "/locale", "language-locale", "'" + tag + "' is not a locale; write it like es-MX or en-US");
                continue;
            }
            languages.add(new Language(code, tag, name, languages.isEmpty()));
        }
        if (entries.isEmpty() && fields.get("/languages") != null) {
            fields.error("/languages", "languages", "list at least one language; the first is the original");
        }
        return languages;
    }

    /** A text per language: a map of language codes, or one text for all. */
    private static Map<String, String> texts(YamlFields fields, String pointer, Set<String> codes, boolean required) {
        Object value = fields.get(pointer);
        var result = new LinkedHashMap<String, String>();
        if (value instanceof Map<?, ?>) {
            fields.onlyLanguages(pointer, codes);
            for (String code : codes) {
                String text = fields.text(pointer + "/" + code, required);
                if (text != null) {
                    result.put(code, text);
                }
            }
        } else {
            String text = fields.text(pointer, required);
            if (text != null) {
                codes.forEach(code -> result.put(code, text));
            }
        }
        return result;
    }
}
