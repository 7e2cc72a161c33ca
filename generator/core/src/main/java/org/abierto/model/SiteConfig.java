package org.abierto.model;

import java.util.List;
import java.util.Map;

/**
 * The report as a whole, from {@code site.yaml}. Texts that differ by language are maps from
 * language code to text.
 *
 * @param title        the report's title per language
 * @param subtitle     its subtitle per language (may be empty)
 * @param description  one sentence per language, for search engines
 * @param baseUrl      the address the site is published at, ending in '/' ({@code /} when unknown)
 * @param languages    the languages, the original first
 * @param organisation who publishes it
 * @param licence      the licence of the content and data, or null when none is declared
 * @param date         when the report was published ({@code 2024-07}), or null
 * @param params       further values for templates, free-form (texts may be per language)
 * @param search       whether the search pages (layout {@code search}) are built, with their index; true unless
 *                     {@code search: false}
 */
public record SiteConfig(
        Map<String, String> title,
        Map<String, String> subtitle,
        Map<String, String> description,
        String baseUrl,
        List<Language> languages,
        Organisation organisation,
        Licence licence,
        String date,
        Map<String, Object> params,
        boolean search) {

    public SiteConfig {
        title = Map.copyOf(title);
        subtitle = Map.copyOf(subtitle);
        description = Map.copyOf(description);
        languages = List.copyOf(languages);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /**
     * Why a text cannot be a site's base URL, or empty when it can: an {@code http(s)} address with a
     * host, or a path starting with '/', with no space, quote, '?' or '#' and nothing else an address
     * may not hold (it is written into every page's links and into the sitemap).
     */
    public static java.util.Optional<String> baseUrlProblem(String url) {
        if (!url.matches("(https?://[^/\\s?#]+)?/[^\\s?#]*")) {
            return java.util.Optional.of("it must be an address such as https://example.gob.mx/informe/, or a path starting with /");
        }
        try {
            var uri = new java.net.URI(url);
            if (uri.isAbsolute() && (uri.getHost() == null || !uri.getHost().contains("."))) {
                return java.util.Optional.of("its host name is not valid; write it as https://example.gob.mx/informe/");
            }
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.of("an address may not hold the character '" + url.charAt(Math.max(0, e.getIndex()))
                    + "' (at position " + (e.getIndex() + 1) + "); write it encoded (e.g. %22 for a quote) or leave it out");
        }
        return java.util.Optional.empty();
    }

    /** The original language. */
    public Language defaultLanguage() {
        return languages.get(0);
    }

    /**
     * Who publishes the report.
     *
     * @param name its name (a proper name, in the original language)
     * @param url  its web address, or null
     */
    public record Organisation(String name, String url) {
    }

    /**
     * The terms under which the report and its data may be reused.
     *
     * @param name the licence's name ({@code CC BY 4.0})
     * @param url  the licence text, or null
     */
    public record Licence(String name, String url) {
    }
}
