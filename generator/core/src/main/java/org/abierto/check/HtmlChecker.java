package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.Site;
import org.abierto.render.RenderedPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check stage: parses each rendered page once with jsoup, resolves and rewrites its links, checks
 * them against the whole output, and serialises the page.
 *
 * <p>Links written in Markdown to other Markdown files ({@code diagnostico.md#id}) or content files
 * become the addresses of what they point at. Every internal address — from Markdown or from a
 * template — becomes relative to the page, so the site works at a domain's root, under a sub-path,
 * and from a folder. A link that leads nowhere, an empty or placeholder link ({@code #},
 * {@code javascript:}) and a link text that says nothing out of context ("aquí", "click here") are errors
 * at the Markdown line that wrote them.
 */
public final class HtmlChecker {
    /** The attributes that hold an address, by element. */
    static final Map<String, List<String>> LINK_ATTRIBUTES = Map.of(
            "a", List.of("href"), "area", List.of("href"), "link", List.of("href"), "img", List.of("src"),
            "script", List.of("src"), "source", List.of("src"), "video", List.of("src", "poster"), "audio", List.of("src"),
            "track", List.of("src"), "iframe", List.of("src"));

    private final LinkRewriting rewriting;

    /** @param contentDir the content folder, against which Markdown links to files are resolved */
    public HtmlChecker(Path contentDir) {
        this.rewriting = new LinkRewriting(contentDir.toAbsolutePath().normalize());
    }

    /**
     * Everything of the site a page's check reads, apart from the page: what its links resolve
     * against and are rewritten with.
     *
     * @param addresses      each page's Markdown file → its address
     * @param staticTargets  the paths static files are published at
     * @param published      theme assets' paths → their fingerprinted paths
     * @param baseUrl        the site's base URL
     * @param footnoteLabels each language's label for a footnote's way back, or none
     * @param forDisk        whether every link must name a file, whatever the address (the offline copy)
     */
    public record Context(Map<Path, String> addresses, Set<String> staticTargets, Map<String, String> published, String baseUrl,
                          Map<String, String> footnoteLabels, boolean forDisk) {
        public Context {
            addresses = Map.copyOf(addresses);
            staticTargets = Set.copyOf(staticTargets);
            published = Map.copyOf(published);
            footnoteLabels = Map.copyOf(footnoteLabels);
        }

        String published(String target) {
            return published.getOrDefault(target, target);
        }

        String basePath() {
            return URI.create(baseUrl).getPath();
        }

        /** Whether the site is built without its public address ({@code baseUrl: /}): then it must also work from disk. */
        boolean portable() {
            return forDisk || baseUrl.equals("/");
        }
    }

    /** What the site's pages are checked against. */
    public static Context context(Site site) {
        Map<Path, String> addresses = new HashMap<>();
        for (Page page : site.pages()) {
            if (page.source() != null) {
                addresses.put(page.source(), page.url());
            }
        }
        Set<String> staticTargets = new HashSet<>();
        site.staticFiles().forEach(f -> staticTargets.add(f.target()));
        Map<String, String> labels = new HashMap<>();
        site.editions().forEach((code, edition) -> {
            String label = edition.i18n().get("footnote.back");
            if (label != null) {
                labels.put(code, label);
            }
        });
        return new Context(addresses, staticTargets, site.publishedNames(), site.config().baseUrl(), labels, false);
    }

    /**
     * Checks and serialises every page.
     *
     * @param otherFiles paths (without leading '/') of the other files the output will hold
     */
    public CheckedSite checkAll(List<RenderedPage> pages, Site site, Set<String> otherFiles, Diagnostics diagnostics) {
        Set<String> files = new HashSet<>(otherFiles);
        pages.forEach(p -> files.add(p.page().outputPath()));
        Pass pass = begin(site, files);
        List<OutputFile.Generated> checked = pages.parallelStream().map(p -> pass.check(p, diagnostics)).toList();
        return new CheckedSite(checked, pass.finish(diagnostics));
    }

    /** Checking a site page by page, as the pipeline does it. */
    public interface Checking {
        /** Checks one page on its own and gives its final HTML; its links are verified in {@link #finish}. Thread-safe. */
        OutputFile.Generated check(RenderedPage page, Diagnostics diagnostics);

        /** Verifies every link of every page against the whole output; gives the external addresses. */
        Map<String, List<SourcePosition>> finish(Diagnostics diagnostics);
    }

    /**
     * Starts checking a site page by page, so each page can be written as soon as it is checked.
     *
     * @param files the paths (without leading '/') of every file the output will hold, pages included
     */
    public Pass begin(Site site, Set<String> files) {
        return new Pass(context(site), files);
    }

    /**
     * As {@link #begin(Site, Set)}, every internal link naming a file ({@code index.html}) so the pages
     * work opened from disk whatever the site's address: for the offline copy.
     */
    public Pass beginForDisk(Site site, Set<String> files) {
        Context context = context(site);
        return new Pass(new Context(context.addresses(), context.staticTargets(), context.published(), context.baseUrl(),
                context.footnoteLabels(), true), files);
    }

    /** One run's check: each page on its own ({@link #check}), then the links between them ({@link #finish}). */
    public final class Pass implements Checking {
        private final Context context;
        private final Set<String> files;
        private final List<CheckedPage> checked = java.util.Collections.synchronizedList(new ArrayList<>());

        private Pass(Context context, Set<String> files) {
            this.context = context;
            this.files = files;
        }

        @Override
        public OutputFile.Generated check(RenderedPage page, Diagnostics diagnostics) {
            CheckedPage result = HtmlChecker.this.check(page, context, diagnostics);
            // What finish needs is kept; the page's bytes go to the caller, to be written now.
            checked.add(result.withoutHtml());
            return new OutputFile.Generated(page.page().outputPath(), result.html());
        }

        @Override
        public Map<String, List<SourcePosition>> finish(Diagnostics diagnostics) {
            List<CheckedPage> ordered = new ArrayList<>(checked);
            ordered.sort(java.util.Comparator.comparing(c -> c.page().outputPath()));
            Map<String, Set<String>> ids = LinkVerification.anchors(ordered);
            for (CheckedPage c : ordered) {
                LinkVerification.verify(c, files, ids, diagnostics);
            }
            return LinkVerification.external(ordered);
        }
    }

    /**
     * The checked pages, and the external addresses they link to (for {@link ExternalLinks}).
     *
     * @param pages    each page's final HTML
     * @param external external http(s) address → where it is linked from
     */
    public record CheckedSite(List<OutputFile.Generated> pages, Map<String, List<SourcePosition>> external) {
    }

    /**
     * A page after its check, on its own: its final HTML, its anchors, the links to verify once every
     * page is known, and its external links.
     */
    public record CheckedPage(Page page, byte[] html, Set<String> ids, List<LinkCheck> links, List<LinkCheck> external) {
        public CheckedPage {
            ids = Set.copyOf(ids);
            links = List.copyOf(links);
            external = List.copyOf(external);
        }

        /** The same without its HTML, which is written as soon as it is known. */
        CheckedPage withoutHtml() {
            return new CheckedPage(page, null, ids, links, external);
        }

        /** The site paths its links lead to. */
        public Set<String> targets() {
            Set<String> targets = new HashSet<>();
            links.forEach(link -> targets.add(link.target()));
            return targets;
        }
    }

    /** Checks one page on its own: its ids, its links, its accessibility, and its final HTML. */
    public CheckedPage check(RenderedPage rendered, Context context, Diagnostics diagnostics) {
        Page page = rendered.page();
        Document doc = Jsoup.parse(rendered.html());
        // One walk over the page sorts its elements for every check below.
        var elements = new PageElements(doc);
        Set<String> ids = new HashSet<>();
        for (Element e : elements.withId) {
            if (!ids.add(e.id())) {
                diagnostics.error(ElementPosition.of(page, e), "duplicate-id", "the anchor id '" + e.id()
                        + "' is used twice on this page; rename one heading or give it its own {#id}");
            }
        }
        List<LinkCheck> links = new ArrayList<>();
        List<LinkCheck> external = new ArrayList<>();
        rewriting.rewrite(page, elements, context, links, external, diagnostics);
        LinkTextLint.check(page, elements, diagnostics);
        AccessibilityLint.check(elements, e -> ElementPosition.of(page, e), diagnostics);
        HtmlFixups.apply(elements, context.footnoteLabels().get(page.language()));
        doc.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        return new CheckedPage(page, doc.outerHtml().getBytes(StandardCharsets.UTF_8), ids, links, external);
    }

}
