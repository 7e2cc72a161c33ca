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
 */
public record Site(SiteConfig config, List<Page> pages, Map<String, Edition> editions,
                   List<TranslationStatus> translations, List<StaticFile> staticFiles) {

    public Site {
        pages = List.copyOf(pages);
        editions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(editions));
        translations = List.copyOf(translations);
        staticFiles = List.copyOf(staticFiles);
    }

    /** The edition a page is shown in. */
    public Edition edition(Page page) {
        return editions.get(page.language());
    }
}
