package org.abierto.model;

import java.util.List;
import java.util.Map;

/**
 * The report in one language: what templates see as {@code site}, {@code data}, {@code i18n}
 * and {@code format}, with every per-language text already chosen.
 *
 * @param language     this edition's language
 * @param languages    all languages, the original first
 * @param title        the report's title
 * @param subtitle     its subtitle (may be empty)
 * @param description  one sentence about it
 * @param baseUrl      the address the site is published at, ending in '/'
 * @param organisation who publishes it
 * @param licence      the licence, or null when none is declared
 * @param date         when it was published ({@code 2024-07}), or null
 * @param params       free-form values of {@code site.yaml}, per-language texts chosen
 * @param i18n         the interface words
 * @param data         every data file, per-language texts chosen
 * @param tables       the data files that are tables, ready to show
 * @param figures      the figures of {@code data/figuras.yaml}, by id
 * @param home         this language's home page
 * @param pages        translation key → page of this language, to link a page by its key
 * @param menu         the top-level pages, in order, for the main navigation
 * @param auxiliary    pages kept out of the navigation ({@code listed: false}), for the footer
 * @param translations how each original page stands in each other language, for the translation-status page
 * @param format       number and date formatting for this language
 * @param pdf          the report in this language as one PDF, or null when none is made
 * @param offline      the whole site as a ZIP to read without a connection, or null when none is made
 * @param search       this language's search page (layout {@code search}), or null when it has none
 * @param sections     every page of this language grouped by section, in reading order, for the search page's index
 */
public record Edition(
        Language language,
        List<Language> languages,
        String title,
        String subtitle,
        String description,
        String baseUrl,
        SiteConfig.Organisation organisation,
        SiteConfig.Licence licence,
        String date,
        Map<String, Object> params,
        Map<String, String> i18n,
        Map<String, Object> data,
        Map<String, Table> tables,
        Map<String, Figure> figures,
        PageRef home,
        Map<String, PageRef> pages,
        List<PageRef> menu,
        List<PageRef> auxiliary,
        List<TranslationStatus> translations,
        Formats format,
        Download pdf,
        Download offline,
        PageRef search,
        List<SectionIndex> sections) {

    public Edition {
        languages = List.copyOf(languages);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        i18n = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(i18n));
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        pages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
        menu = List.copyOf(menu);
        auxiliary = List.copyOf(auxiliary);
        translations = List.copyOf(translations);
        sections = List.copyOf(sections);
    }

    /** This edition offering the given downloads (each may be null: not made). */
    public Edition withDownloads(Download pdf, Download offline) {
        return new Edition(language, languages, title, subtitle, description, baseUrl, organisation, licence, date, params, i18n,
                data, tables, figures, home, pages, menu, auxiliary, translations, format, pdf, offline, search, sections);
    }
}
