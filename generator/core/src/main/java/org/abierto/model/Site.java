package org.abierto.model;

import org.abierto.load.StaticFile;

import java.util.List;
import java.util.Map;

/**
 * The whole site after the assemble stage: every page placed, every language's edition ready.
 *
 * @param config      the report as a whole
 * @param pages       every page: the landing page, then each language's pages in reading order
 * @param editions    language code → that language's edition
 * @param translations how each original page stands in each other language
 * @param staticFiles files copied as they are
 * @param publishedNames theme assets' paths → the fingerprinted paths they are published at
 */
public record Site(SiteConfig config, List<Page> pages, Map<String, Edition> editions,
                   List<TranslationStatus> translations, List<StaticFile> staticFiles,
                   Map<String, String> publishedNames) {

    public Site {
        pages = List.copyOf(pages);
        editions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(editions));
        translations = List.copyOf(translations);
        staticFiles = List.copyOf(staticFiles);
        publishedNames = Map.copyOf(publishedNames);
    }

    /** The path a file is published at: fingerprinted for theme assets, else unchanged. */
    public String published(String target) {
        return publishedNames.getOrDefault(target, target);
    }

    /**
     * This site offering downloads: each language's PDF (a language without one is left out) and the
     * offline copy of the whole site (null: none).
     */
    public Site withDownloads(Map<String, Download> pdfs, Download offline) {
        Map<String, Edition> offering = new java.util.LinkedHashMap<>();
        editions.forEach((code, edition) -> offering.put(code, edition.withDownloads(pdfs.get(code), offline)));
        return new Site(config, pages, offering, translations, staticFiles, publishedNames);
    }

    /** The edition a page is shown in. */
    public Edition edition(Page page) {
        return editions.get(page.language());
    }
}
