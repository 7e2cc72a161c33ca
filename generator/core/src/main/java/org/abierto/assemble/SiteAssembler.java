package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.Sources;
import org.abierto.load.StaticFile;
import org.abierto.model.Alternate;
import org.abierto.model.Edition;
import org.abierto.model.Formats;
import org.abierto.model.Language;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.PageRef;
import org.abierto.model.SectionIndex;
import org.abierto.model.Site;
import org.abierto.model.SiteConfig;
import org.abierto.model.Table;
import org.abierto.model.TranslationStatus;
import org.abierto.parse.ParsedContent;
import org.abierto.parse.ParsedPage;
import org.abierto.yaml.YamlDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The assemble stage: turns parsed files into a {@link Site} — the configuration, every page
 * placed in the structure with its translations, and one {@link Edition} per language with its
 * data, tables, figures and interface words. Pure: reads no files, knows no clock.
 */
public final class SiteAssembler {
    /** The interface word holding the pattern of "julio de 2024"; without it, {@code MMMM y}. */
    public static final String MONTH_FORMAT_KEY = "format.month";
    /** The layout of the page that lists the datasets; the data files are published beside it. */
    public static final String DATASETS_LAYOUT = "datasets";
    /** The layout of the search page; the search index is published beside it. */
    public static final String SEARCH_LAYOUT = "search";

    /**
     * What places the pages (addresses, sections, order, translations): everything of each parsed page
     * but its body and {@code params}, the configuration, and the static files' targets.
     *
     * @param config        the site's configuration
     * @param contentRoot   the content folder
     * @param staticTargets static file targets → their files (an address may not be taken twice)
     * @param pages         each parsed page's place-making part, in source order
     */
    public record Structure(SiteConfig config, java.nio.file.Path contentRoot, Map<String, String> staticTargets, List<Skeleton> pages) {
        public Structure {
            staticTargets = Map.copyOf(staticTargets);
            pages = List.copyOf(pages);
        }
    }

    /** What of a parsed page places it: everything of its file but its text and {@code params}. */
    public record Skeleton(java.nio.file.Path source, String language, List<String> folders, String fileName, String title,
                           String description, Integer order, String linkTitle, String slug, String translationKey,
                           String layout, boolean draft, boolean listed) {
        static Skeleton of(ParsedPage p) {
            var fm = p.frontMatter();
            return new Skeleton(p.source().path(), p.language(), p.folders(), p.fileName(), fm.title(), fm.description(),
                    fm.order(), fm.linkTitle(), fm.slug(), fm.translationKey(), fm.layout(), fm.draft(), fm.listed());
        }
    }

    /**
     * Places the pages. A build places them anew; the live preview reuses the previous placement
     * while the {@link Structure} is equal, giving each page its new text ({@link Page#withContent}).
     */
    @FunctionalInterface
    public interface Placing {
        /**
         * @param structure what the placement depends on
         * @param parsed    the parsed pages it was made from
         * @return the landing page, then every language's pages in reading order
         */
        List<Page> place(Structure structure, List<ParsedPage> parsed, Diagnostics diagnostics);
    }

    /** Places the pages anew. */
    public static final Placing PLACE = (structure, parsed, diagnostics) ->
            new PageTree(structure.config(), structure.contentRoot(), diagnostics).place(parsed, structure.staticTargets());

    /**
     * What the data tables of every language are made from: the data files, the languages, the sizes
     * of the files a table's rows link to, each language's month format, and each language's datasets
     * page (where its tables' downloads are), or none.
     */
    public record TableInputs(Map<String, YamlDocument> data, List<Language> languages, Map<String, Long> fileSizes,
                              Map<String, String> monthFormats, Map<String, String> datasetPages) {
        public TableInputs {
            data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
            languages = List.copyOf(languages);
            fileSizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileSizes));
            monthFormats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(monthFormats));
            datasetPages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasetPages));
        }
    }

    /** The data tables: each checked once, then as each language shows it (language → name → table). */
    public static final class Tables {
        final Map<String, TableReader.Spec> checked;
        final Map<String, Map<String, Table>> shown;

        Tables(Map<String, TableReader.Spec> checked, Map<String, Map<String, Table>> shown) {
            this.checked = java.util.Collections.unmodifiableMap(checked);
            this.shown = java.util.Collections.unmodifiableMap(shown);
        }
    }

    /**
     * Makes the data tables. A build makes them anew; the live preview keeps the previous ones while
     * their {@link TableInputs} are equal: reading and localising the tables was most of assembling the
     * real report again after an edit of one page.
     */
    @FunctionalInterface
    public interface Tabulating {
        Tables tabulate(TableInputs inputs, Diagnostics diagnostics);
    }

    /** Makes the tables anew. */
    public static final Tabulating TABULATE = SiteAssembler::tabulate;

    private static Tables tabulate(TableInputs inputs, Diagnostics diagnostics) {
        Set<String> codes = new LinkedHashSet<>();
        inputs.languages().forEach(l -> codes.add(l.code()));
        var reader = new TableReader(inputs.fileSizes());
        var localizer = new Localizer(inputs.languages(), diagnostics);
        Map<String, TableReader.Spec> checked = new LinkedHashMap<>();
        inputs.data().forEach((name, doc) -> {
            if (TableReader.isTable(doc)) {
                reader.read(name, doc, codes, diagnostics).ifPresent(spec -> checked.put(name, spec));
            }
        });
        Map<String, Map<String, Table>> shown = new LinkedHashMap<>();
        for (Language language : inputs.languages()) {
            String code = language.code();
            var format = new Formats(language.locale(), inputs.monthFormats().get(code));
            String datasets = inputs.datasetPages().get(code);
            Map<String, Table> tables = new LinkedHashMap<>();
            checked.forEach((name, spec) -> {
                Table table = reader.show(spec, code, localizer, format);
                tables.put(name, datasets == null ? table : table.withDownloads(new Table.Downloads(
                        datasets + name + ".csv", datasets + name + ".json", datasets + name + ".csv-metadata.json")));
            });
            shown.put(code, java.util.Collections.unmodifiableMap(tables));
        }
        return new Tables(checked, shown);
    }

    /**
     * @param baseUrl a base URL that replaces the one of {@code site.yaml}, or null
     */
    public Optional<Site> assemble(ParsedContent parsed, Sources sources, String baseUrl, Diagnostics diagnostics) {
        return assemble(parsed, sources, baseUrl, PLACE, TABULATE, diagnostics);
    }

    /**
     * As {@link #assemble(ParsedContent, Sources, String, Diagnostics)}, the pages placed by {@code placing}
     * and the data tables made by {@code tabulating}.
     */
    public Optional<Site> assemble(ParsedContent parsed, Sources sources, String baseUrl, Placing placing, Tabulating tabulating,
                                   Diagnostics diagnostics) {
        Optional<SiteConfig> read = new SiteConfigReader().read(parsed.site(), baseUrl, diagnostics);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        SiteConfig config = read.get();
        List<Language> languages = config.languages();
        Set<String> codes = new LinkedHashSet<>();
        languages.forEach(l -> codes.add(l.code()));

        Map<String, Map<String, String>> words = new InterfaceWords().read(parsed.i18n(), languages,
                sources.contentRoot().resolve("i18n"), diagnostics);
        var localizer = new Localizer(languages, diagnostics);

        Map<String, String> staticTargets = new LinkedHashMap<>();
        Map<String, StaticFile> staticFiles = new LinkedHashMap<>();
        for (StaticFile f : sources.staticFiles()) {
            staticTargets.put(f.target(), f.path().toString());
            staticFiles.put(f.target(), f);
        }

        Map<String, Long> fileSizes = new LinkedHashMap<>();
        for (StaticFile f : sources.staticFiles()) {
            if (!f.isThemeAsset()) {
                fileSizes.put(f.target(), f.size());
            }
        }
        var figureReader = new FigureReader();
        YamlDocument figures = parsed.data().get(FigureReader.FILE);
        if (figures != null) {
            figureReader.check(figures, staticTargets.keySet(), codes, diagnostics);
        }

        // 'search: false' in site.yaml leaves the search pages out, as drafts are: no page, no link, no index.
        List<ParsedPage> built = config.search() ? parsed.pages() : parsed.pages().stream()
                .filter(p -> !SEARCH_LAYOUT.equals(p.frontMatter().layout())).toList();
        var structure = new Structure(config, sources.contentRoot(), staticTargets, built.stream().map(Skeleton::of).toList());
        List<Page> pages = new ArrayList<>(placing.place(structure, built, diagnostics));
        if (sources.templates().contains(PageKind.NOT_FOUND.defaultLayout() + ".ftlh")) {
            pages.addAll(notFoundPages(config, pages, words));
        }
        List<TranslationStatus> translations = new Translations(config, sources.contentRoot(), diagnostics)
                .assess(pages, built);
        Map<String, String> monthFormats = new LinkedHashMap<>();
        Map<String, String> datasetPages = new LinkedHashMap<>();
        for (Language language : languages) {
            String code = language.code();
            monthFormats.put(code, words.getOrDefault(code, Map.of()).getOrDefault(MONTH_FORMAT_KEY, "MMMM y"));
            pages.stream().filter(p -> p.language().equals(code) && p.layout().equals(DATASETS_LAYOUT))
                    .map(Page::url).findFirst().ifPresent(url -> datasetPages.put(code, url));
        }
        Tables tables = tabulating.tabulate(new TableInputs(parsed.data(), languages, fileSizes, monthFormats, datasetPages), diagnostics);
        // References see every parsed page, the search pages too when 'search: false' leaves them out: a
        // reference to a page that exists in content/ is right, whether or not this build writes it.
        new References(parsed.data(), tables.checked, parsed.pages(), diagnostics).check(pages, parsed.pages(), sources.templates(), figures);

        Map<String, Edition> editions = new LinkedHashMap<>();
        for (Language language : languages) {
            String code = language.code();
            Map<String, String> i18n = words.getOrDefault(code, Map.of());
            var format = new Formats(language.locale(), monthFormats.get(code));
            Map<String, Object> data = new LinkedHashMap<>();
            parsed.data().forEach((name, doc) -> data.put(name, localizer.localize(doc, doc.root(), "", code)));
            Map<String, Table> shown = tables.shown.get(code);
            PageRef home = pages.stream().filter(p -> p.kind() == PageKind.HOME && p.language().equals(code))
                    .findFirst().map(Page::self).orElse(null);
            Map<String, PageRef> byKey = new LinkedHashMap<>();
            pages.stream().filter(p -> p.language().equals(code) && p.kind() != PageKind.LANDING)
                    .forEach(p -> byKey.put(p.key(), p.self()));
            List<PageRef> menu = pages.stream().filter(p -> p.kind() == PageKind.HOME && p.language().equals(code))
                    .findFirst().map(Page::children).orElse(List.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) localizer.localize(parsed.site(), config.params(), "/params", code);
            editions.put(code, new Edition(language, languages,
                    config.title().getOrDefault(code, ""),
                    config.subtitle().getOrDefault(code, ""),
                    config.description().getOrDefault(code, ""),
                    config.baseUrl(), config.organisation(), config.licence(), config.date(), params, i18n, data, shown,
                    figures == null ? Map.of() : figureReader.show(figures, staticFiles, code, localizer),
                    home, byKey, menu, auxiliary(pages, code), translations, format, null, null, search(pages, code),
                    sections(pages, code)));
        }
        Map<String, String> publishedNames = new LinkedHashMap<>();
        for (StaticFile f : sources.staticFiles()) {
            if (f.isThemeAsset()) {
                publishedNames.put(f.target(), fingerprinted(f.target(), f.sha256()));
            }
        }
        return Optional.of(new Site(config, pages, editions, translations, sources.staticFiles(), publishedNames));
    }

    /** {@code style.css} → {@code style.1a2b3c4d5e.css}: a name that changes with the content, so it can be cached for a year. */
    static String fingerprinted(String target, String sha256) {
        int slash = target.lastIndexOf('/');
        int dot = target.lastIndexOf('.');
        String hash = sha256.substring(0, 10);
        return dot > slash ? target.substring(0, dot) + "." + hash + target.substring(dot) : target + "." + hash;
    }

    /**
     * The pages web servers show for unknown addresses: one per language ({@code es/404.html}) and one
     * at the root, in the original language. Their title is the interface word {@code notFound.title}.
     */
    private static List<Page> notFoundPages(SiteConfig config, List<Page> pages, Map<String, Map<String, String>> words) {
        List<Page> result = new ArrayList<>();
        List<PageRef> homes = pages.stream().filter(p -> p.kind() == PageKind.HOME).map(Page::self).toList();
        List<String> codes = new ArrayList<>();
        codes.add("");
        config.languages().forEach(l -> codes.add(l.code()));
        for (String code : codes) {
            String language = code.isEmpty() ? config.defaultLanguage().code() : code;
            String title = words.getOrDefault(language, Map.of()).getOrDefault("notFound.title", "404");
            String path = code.isEmpty() ? "404.html" : code + "/404.html";
            var self = new PageRef("/" + path, title, title, language, "404", null);
            List<Alternate> alternates = homes.stream().filter(h -> !h.language().equals(language))
                    .map(h -> new Alternate(config.languages().stream().filter(l -> l.code().equals(h.language())).findFirst().orElseThrow(), h, true))
                    .toList();
            result.add(new Page(null, language, "404", PageKind.NOT_FOUND, "/" + path, path, title, title, null,
                    PageKind.NOT_FOUND.defaultLayout(), List.of(), List.of(), Map.of(), List.of(),
                    code.isEmpty() ? homes : List.of(), null, null, alternates, self, false));
        }
        return result;
    }

    /** Published pages of a language that are outside the reading order, for the footer. */
    private static List<PageRef> auxiliary(List<Page> pages, String code) {
        return pages.stream().filter(p -> p.language().equals(code) && !p.listed() && p.source() != null).map(Page::self).toList();
    }

    /** The search page of a language, or null. */
    private static PageRef search(List<Page> pages, String code) {
        return pages.stream().filter(p -> p.language().equals(code) && p.layout().equals(SEARCH_LAYOUT))
                .findFirst().map(Page::self).orElse(null);
    }

    /**
     * Every page of a language under its section, sections in reading order (the search page's index).
     * Neither the search page, which would list itself, nor the pages for unknown addresses.
     */
    private static List<SectionIndex> sections(List<Page> pages, String code) {
        Map<String, PageRef> heads = new LinkedHashMap<>();
        Map<String, Integer> depths = new LinkedHashMap<>();
        Map<String, List<PageRef>> members = new LinkedHashMap<>();
        for (Page page : pages) {
            if (!page.language().equals(code) || page.kind() == PageKind.LANDING || page.kind() == PageKind.NOT_FOUND
                    || page.layout().equals(SEARCH_LAYOUT)) {
                continue;
            }
            if (page.kind() == PageKind.HOME || page.kind() == PageKind.SECTION) {
                heads.put(page.url(), page.self());
                depths.put(page.url(), page.ancestors().size());
                members.computeIfAbsent(page.url(), k -> new ArrayList<>());
            } else if (!page.ancestors().isEmpty()) {
                members.computeIfAbsent(page.ancestors().get(page.ancestors().size() - 1).url(), k -> new ArrayList<>()).add(page.self());
            }
        }
        List<SectionIndex> sections = new ArrayList<>();
        heads.forEach((url, head) -> sections.add(new SectionIndex(head, depths.get(url), members.get(url))));
        return sections;
    }
}
