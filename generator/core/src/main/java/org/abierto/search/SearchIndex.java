package org.abierto.search;

import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build's search index: for each language that has a search page (layout {@code search}), the
 * text of every other page of that language, written beside the search page as a few files that its
 * script loads as needed ({@code es/buscar/meta.js}, {@code terms-N.js}, {@code texts-N.js}; see
 * {@link LanguageIndex}). Pages are added as the check stage finishes them, from any thread; the texts
 * files of a large index come as their pages are in, the rest once every page is in.
 */
public final class SearchIndex {
    /** The layout of a search page. */
    public static final String LAYOUT = org.abierto.assemble.SiteAssembler.SEARCH_LAYOUT;

    private final Map<String, LanguageIndex> languages = new LinkedHashMap<>();

    /** The index of a site, still empty: one per language with a search page, none when no language has one. */
    public SearchIndex(Site site) {
        for (Page page : site.pages()) {
            if (page.layout().equals(LAYOUT) && !languages.containsKey(page.language())) {
                List<Page> indexed = site.pages().stream().filter(p -> p.language().equals(page.language()) && indexed(p)).toList();
                languages.put(page.language(), new LanguageIndex(page, indexed, site.config().baseUrl().equals("/")));
            }
        }
    }

    /** Whether a path of the site is one of the files an index writes: a script beside a search page. */
    public static boolean isIndexFile(Site site, String path) {
        return path.endsWith(".js") && site.pages().stream().filter(p -> p.layout().equals(LAYOUT)).map(LanguageIndex::folder)
                .anyMatch(folder -> path.startsWith(folder) && path.indexOf('/', folder.length()) < 0);
    }

    /** Whether a page is found by search: not the landing page, not a "page not found", not a search page. */
    static boolean indexed(Page page) {
        return page.kind() != PageKind.LANDING && page.kind() != PageKind.NOT_FOUND && !page.layout().equals(LAYOUT);
    }

    /**
     * Adds a page from its final HTML. Thread-safe; a page that is not indexed is ignored.
     *
     * @return the index files that this page completes, to write now (often none)
     */
    public List<OutputFile.Generated> add(Page page, byte[] html) {
        LanguageIndex index = languages.get(page.language());
        if (index != null && indexed(page)) {
            return index.add(page, HtmlText.of(html));
        }
        return List.of();
    }

    /** The rest of every language's index files, once every page is added: the languages' side by side. */
    public List<OutputFile.Generated> files() {
        return languages.values().parallelStream().flatMap(index -> index.files().stream()).toList();
    }
}
