package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.Alternate;
import org.abierto.model.Language;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.PageRef;
import org.abierto.model.SiteConfig;
import org.abierto.model.Slug;
import org.abierto.parse.ParsedPage;

import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the pages: gives each its address, its section, its place in reading order, and links it
 * with its translations. Folders are sections; {@code _index.md} is a section's page.
 */
final class PageTree {
    private final SiteConfig config;
    private final Path contentRoot;
    private final Diagnostics diagnostics;

    PageTree(SiteConfig config, Path contentRoot, Diagnostics diagnostics) {
        this.config = config;
        this.contentRoot = contentRoot;
        this.diagnostics = diagnostics;
    }

    /** A page with its address, before navigation is known. */
    private record Placed(ParsedPage parsed, String path, Language language, PageKind kind, String url, String key,
                          String parentPath, PageRef ref) {
        Integer order() {
            return parsed.frontMatter().order();
        }
    }

    /**
     * @return the landing page, then every language's pages in reading order
     */
    List<Page> place(List<ParsedPage> parsed, Map<String, String> staticTargets) {
        Map<String, List<Placed>> byLanguage = new LinkedHashMap<>();
        for (Language language : config.languages()) {
            byLanguage.put(language.code(), placeLanguage(language, parsed.stream()
                    .filter(p -> p.language().equals(language.code())).toList()));
        }
        for (ParsedPage page : parsed) {
            if (config.languages().stream().noneMatch(l -> l.code().equals(page.language()))) {
                diagnostics.error(page.source().path(), 0, 0, "unknown-language",
                        "content/" + page.language() + "/ is not a language of site.yaml; add the language there or move the page");
            }
        }
        checkAddresses(byLanguage, staticTargets);
        Map<String, Map<String, Placed>> translations = translations(byLanguage);

        Map<String, Placed> homes = new HashMap<>();
        byLanguage.forEach((code, placed) -> placed.stream().filter(p -> p.kind() == PageKind.HOME).findFirst()
                .ifPresent(home -> homes.put(code, home)));

        List<Page> pages = new ArrayList<>();
        pages.add(landing(byLanguage));
        for (Language language : config.languages()) {
            pages.addAll(navigate(language, byLanguage.get(language.code()), translations, homes));
        }
        return pages;
    }

    private List<Placed> placeLanguage(Language language, List<ParsedPage> pages) {
        Set<String> draftFolders = new HashSet<>();
        for (ParsedPage p : pages) {
            if (p.isSectionIndex() && p.frontMatter().draft() && !p.folders().isEmpty()) {
                draftFolders.add(String.join("/", p.folders()) + "/");
            }
        }
        Map<String, ParsedPage> byPath = new HashMap<>();
        List<ParsedPage> published = new ArrayList<>();
        for (ParsedPage p : pages) {
            String folder = String.join("/", p.folders()) + "/";
            boolean inDraft = draftFolders.stream().anyMatch(folder::startsWith);
            if (!p.frontMatter().draft() && !inDraft) {
                byPath.put(p.pathInLanguage(), p);
                published.add(p);
            }
        }
        if (!byPath.containsKey(ParsedPage.SECTION_INDEX) && !pages.isEmpty()) {
            diagnostics.error(pages.get(0).source().path().getParent(), 0, 0, "missing-home",
                    "the " + language.name() + " edition has no home page; create content/" + language.code() + "/_index.md");
        }

        Set<String> reported = new HashSet<>();
        List<Placed> placed = new ArrayList<>();
        for (ParsedPage p : published) {
            List<String> segments = new ArrayList<>();
            boolean ok = true;
            List<String> folders = p.folders();
            for (int i = 0; i < folders.size(); i++) {
                String folderPath = String.join("/", folders.subList(0, i + 1));
                ParsedPage section = byPath.get(folderPath + "/" + ParsedPage.SECTION_INDEX);
                if (section == null) {
                    if (reported.add(folderPath)) {
                        diagnostics.error(p.source().path(), 0, 0, "missing-section",
                                "the folder content/" + language.code() + "/" + folderPath
                                        + "/ has no _index.md; create it with the section's title and order");
                    }
                    ok = false;
                    break;
                }
                String segment = section.frontMatter().slug() != null ? section.frontMatter().slug() : folders.get(i);
                if (!Slug.isValid(segment)) {
                    if (reported.add("name:" + folderPath)) {
                        diagnostics.error(section.source().path(), 0, 0, "folder-name",
                                "the folder name '" + folders.get(i) + "' cannot be part of an address; rename it '"
                                        + Slug.fold(folders.get(i)) + "' or set a slug in this file");
                    }
                    ok = false;
                    break;
                }
                segments.add(segment);
            }
            if (!ok) {
                continue;
            }
            if (!p.isSectionIndex()) {
                String segment = p.frontMatter().slug() != null ? p.frontMatter().slug() : p.fileName();
                if (!Slug.isValid(segment)) {
                    diagnostics.error(p.source().path(), 0, 0, "file-name",
                            "the file name '" + p.fileName() + ".md' cannot be part of an address; rename it '"
                                    + Slug.fold(p.fileName()) + ".md' or set a slug");
                    continue;
                }
                segments.add(segment);
            }
            String url = "/" + language.code() + "/" + (segments.isEmpty() ? "" : String.join("/", segments) + "/");
            PageKind kind = !p.isSectionIndex() ? PageKind.PAGE : folders.isEmpty() ? PageKind.HOME : PageKind.SECTION;
            String key = p.frontMatter().translationKey() != null ? p.frontMatter().translationKey() : defaultKey(p);
            String parentPath = kind == PageKind.HOME ? null
                    : parentFolder(p).isEmpty() ? ParsedPage.SECTION_INDEX : parentFolder(p) + "/" + ParsedPage.SECTION_INDEX;
            String title = p.frontMatter().title();
            String linkTitle = p.frontMatter().linkTitle() != null ? p.frontMatter().linkTitle() : title;
            placed.add(new Placed(p, p.pathInLanguage(), language, kind, url, key, parentPath,
                    new PageRef(url, title, linkTitle, language.code(), key, p.frontMatter().description())));
        }
        return placed;
    }

    /** The folder holding a page's section page: its own folder, or the parent folder for an {@code _index.md}. */
    private static String parentFolder(ParsedPage p) {
        List<String> folders = p.isSectionIndex() ? p.folders().subList(0, p.folders().size() - 1) : p.folders();
        return String.join("/", folders);
    }

    private static String defaultKey(ParsedPage p) {
        return p.isSectionIndex() ? String.join("/", p.folders()) : p.pathInLanguage();
    }

    private void checkAddresses(Map<String, List<Placed>> byLanguage, Map<String, String> staticTargets) {
        Map<String, Placed> byUrl = new HashMap<>();
        for (List<Placed> pages : byLanguage.values()) {
            for (Placed p : pages) {
                Placed other = byUrl.putIfAbsent(p.url(), p);
                if (other != null) {
                    diagnostics.error(p.parsed().source().path(), 0, 0, "duplicate-url",
                            "this page and " + relative(other.parsed().source().path()) + " would both be published at "
                                    + p.url() + "; rename one of them or give it another slug");
                }
                String file = p.url().substring(1) + "index.html";
                if (staticTargets.containsKey(file)) {
                    diagnostics.error(p.parsed().source().path(), 0, 0, "duplicate-url",
                            "this page and the static file " + staticTargets.get(file) + " would both be published at " + file);
                }
            }
        }
    }

    private Map<String, Map<String, Placed>> translations(Map<String, List<Placed>> byLanguage) {
        Map<String, Map<String, Placed>> byKey = new HashMap<>();
        for (List<Placed> pages : byLanguage.values()) {
            for (Placed p : pages) {
                Placed other = byKey.computeIfAbsent(p.key(), k -> new HashMap<>()).putIfAbsent(p.language().code(), p);
                if (other != null) {
                    diagnostics.error(p.parsed().source().path(), 0, 0, "duplicate-translation-key",
                            "this page and " + relative(other.parsed().source().path()) + " have the same translationKey '"
                                    + p.key() + "'; each page of a language needs its own");
                }
            }
        }
        for (List<Placed> pages : byLanguage.values()) {
            for (Placed p : pages) {
                Language original = config.defaultLanguage();
                if (!p.language().isDefault() && !byKey.get(p.key()).containsKey(original.code())) {
                    // At the key when it is written, with the original's key it was likely meant to be.
                    var frontMatter = p.parsed().frontMatter();
                    SourcePosition at = frontMatter.translationKey() != null ? frontMatter.yaml().position("/translationKey")
                            : new SourcePosition(p.parsed().source().path(), 1, 1);
                    List<String> originals = byKey.entrySet().stream().filter(e -> e.getValue().containsKey(original.code())
                            && !e.getValue().containsKey(p.language().code())).map(Map.Entry::getKey).sorted().toList();
                    diagnostics.warning(at, "no-original", "no " + original.name() + " page has the translationKey '" + p.key() + "'"
                            + org.abierto.yaml.Spelling.closest(p.key(), originals).map(k -> "; did you mean '" + k + "'?")
                                    .orElse("; give this page the key of the page it translates"));
                }
            }
        }
        return byKey;
    }

    private Page landing(Map<String, List<Placed>> byLanguage) {
        Language original = config.defaultLanguage();
        String title = config.title().getOrDefault(original.code(), "");
        List<PageRef> homes = new ArrayList<>();
        for (Language language : config.languages()) {
            byLanguage.get(language.code()).stream().filter(p -> p.kind() == PageKind.HOME)
                    .findFirst().ifPresent(p -> homes.add(p.ref()));
        }
        var self = new PageRef("/", title, title, original.code(), "", config.description().get(original.code()));
        return new Page(null, original.code(), "", PageKind.LANDING, "/", "index.html", title, title,
                config.description().get(original.code()), PageKind.LANDING.defaultLayout(), List.of(), List.of(), Map.of(),
                List.of(), homes, null, null, List.of(), self, true);
    }

    private List<Page> navigate(Language language, List<Placed> pages, Map<String, Map<String, Placed>> translations,
                                Map<String, Placed> homes) {
        Map<String, Placed> byPath = new HashMap<>();
        pages.forEach(p -> byPath.put(p.path(), p));
        Map<String, List<Placed>> children = new HashMap<>();
        for (Placed p : pages) {
            if (p.parentPath() != null && byPath.containsKey(p.parentPath()) && p.parsed().frontMatter().listed()) {
                children.computeIfAbsent(p.parentPath(), k -> new ArrayList<>()).add(p);
            }
        }
        Collator collator = Collator.getInstance(language.locale());
        Comparator<Placed> order = Comparator
                .comparing(Placed::order, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(p -> p.ref().title(), collator)
                .thenComparing(Placed::url);
        children.values().forEach(list -> list.sort(order));

        List<Placed> reading = new ArrayList<>();
        Placed home = byPath.get(ParsedPage.SECTION_INDEX);
        if (home != null) {
            walk(home, children, reading);
        }
        int listed = reading.size();
        pages.stream().filter(p -> !p.parsed().frontMatter().listed() && p.kind() != PageKind.HOME)
                .sorted(order).forEach(reading::add);
        List<Page> result = new ArrayList<>();
        for (int i = 0; i < reading.size(); i++) {
            Placed p = reading.get(i);
            boolean inOrder = i < listed;
            List<PageRef> ancestors = new ArrayList<>();
            for (Placed a = byPath.get(p.parentPath() == null ? "" : p.parentPath()); a != null;
                 a = a.parentPath() == null ? null : byPath.get(a.parentPath())) {
                ancestors.add(0, a.ref());
            }
            List<PageRef> kids = children.getOrDefault(p.path(), List.of()).stream().map(Placed::ref).toList();
            List<Alternate> alternates = new ArrayList<>();
            for (Language other : config.languages()) {
                if (other.equals(language)) {
                    continue;
                }
                Placed counterpart = translations.get(p.key()).get(other.code());
                if (counterpart != null) {
                    alternates.add(new Alternate(other, counterpart.ref(), true));
                } else if (homes.containsKey(other.code())) {
                    alternates.add(new Alternate(other, homes.get(other.code()).ref(), false));
                }
            }
            var fm = p.parsed().frontMatter();
            result.add(new Page(p.parsed().source().path(), language.code(), p.key(), p.kind(), p.url(),
                    p.url().substring(1) + "index.html", p.ref().title(), p.ref().linkTitle(), fm.description(),
                    fm.layout() != null ? fm.layout() : p.kind().defaultLayout(),
                    p.parsed().body().parts(), p.parsed().body().outline(), fm.params(),
                    ancestors, kids,
                    inOrder && i > 0 ? reading.get(i - 1).ref() : null,
                    inOrder && i + 1 < listed ? reading.get(i + 1).ref() : null,
                    alternates, p.ref(), inOrder));
        }
        return result;
    }

    private static void walk(Placed page, Map<String, List<Placed>> children, List<Placed> into) {
        into.add(page);
        for (Placed child : children.getOrDefault(page.path(), List.of())) {
            walk(child, children, into);
        }
    }

    /** A content file as named in messages: {@code content/es/x.md}. */
    private String relative(Path file) {
        Path base = contentRoot.getParent() == null ? contentRoot : contentRoot.getParent();
        return base.relativize(file).toString().replace('\\', '/');
    }
}
