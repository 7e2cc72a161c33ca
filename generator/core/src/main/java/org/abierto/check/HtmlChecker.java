package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;
import org.abierto.parse.Markdown;
import org.abierto.render.RenderedPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,:;!¡?¿»«\"'()]+$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s¡¿«\"'(]+");
    private static final Set<String> VAGUE_LINK_TEXTS = Set.of(
            "aquí", "aqui", "clic aquí", "haz clic aquí", "haga clic aquí", "da clic aquí", "click aquí", "leer más",
            "ver más", "más", "más información", "enlace", "liga", "este enlace",
            "here", "click here", "read more", "more", "link", "this link", "learn more", "more info");
    /** The attributes that hold an address, by element. */
    static final Map<String, List<String>> LINK_ATTRIBUTES = Map.of(
            "a", List.of("href"), "area", List.of("href"), "link", List.of("href"), "img", List.of("src"),
            "script", List.of("src"), "source", List.of("src"), "video", List.of("src", "poster"), "audio", List.of("src"),
            "track", List.of("src"), "iframe", List.of("src"));

    private final Path contentRoot;

    /** @param contentDir the content folder, against which Markdown links to files are resolved */
    public HtmlChecker(Path contentDir) {
        this.contentRoot = contentDir.toAbsolutePath().normalize();
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
     */
    public record Context(Map<Path, String> addresses, Set<String> staticTargets, Map<String, String> published, String baseUrl,
                          Map<String, String> footnoteLabels) {
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
            return baseUrl.equals("/");
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
        return new Context(addresses, staticTargets, site.publishedNames(), site.config().baseUrl(), labels);
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
            Map<String, Set<String>> ids = anchors(ordered);
            for (CheckedPage c : ordered) {
                verify(c, files, ids, diagnostics);
            }
            return external(ordered);
        }
    }

    /** Each page's anchors, by its path in the site ({@code /es/anexo/index.html}). */
    public static Map<String, Set<String>> anchors(java.util.Collection<CheckedPage> pages) {
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach(c -> ids.put("/" + c.page().outputPath(), c.ids()));
        return ids;
    }

    /** Verifies a page's links against the whole output: the files it will hold, and each page's anchors. */
    public static void verify(CheckedPage page, Set<String> files, Map<String, Set<String>> ids, Diagnostics diagnostics) {
        for (LinkCheck link : page.links()) {
            verify(link, files, ids, diagnostics);
        }
    }

    /** The external addresses the pages link to, each with where it is linked from, in page order. */
    public static Map<String, List<SourcePosition>> external(List<CheckedPage> ordered) {
        Map<String, List<SourcePosition>> external = new java.util.TreeMap<>();
        ordered.forEach(c -> c.external().forEach(link ->
                external.computeIfAbsent(link.written(), k -> new ArrayList<>()).add(link.at())));
        return external;
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
                diagnostics.error(at(page, e), "duplicate-id", "the anchor id '" + e.id()
                        + "' is used twice on this page; rename one heading or give it its own {#id}");
            }
        }
        List<LinkCheck> links = new ArrayList<>();
        List<LinkCheck> external = new ArrayList<>();
        for (Element e : elements.referencing) {
            for (String attribute : LINK_ATTRIBUTES.getOrDefault(e.normalName(), List.of())) {
                if (e.hasAttr(attribute)) {
                    link(page, e, attribute, context, links, external, diagnostics);
                }
            }
            if (e.hasAttr("srcset")) {
                srcset(page, e, context, links);
            }
        }
        for (Element a : elements.byTag("a")) {
            linkText(page, a, context.footnoteLabels().get(page.language()), diagnostics);
        }
        AccessibilityLint.check(elements, e -> at(page, e), diagnostics);
        for (Element table : elements.byTag("table")) {
            Element caption = table.selectFirst("> caption");
            if (caption != null && caption != table.firstElementChild()) {
                table.prependChild(caption); // Flexmark writes a table's caption last; HTML wants it first
            }
        }
        elements.fromMarkdown.forEach(e -> e.removeAttr(Markdown.SOURCE_ATTRIBUTE).removeAttr(Markdown.RAW_SOURCE_ATTRIBUTE));
        doc.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        return new CheckedPage(page, doc.outerHtml().getBytes(StandardCharsets.UTF_8), ids, links, external);
    }

    private void link(Page page, Element e, String attribute, Context context, List<LinkCheck> links,
                      List<LinkCheck> externalLinks, Diagnostics diagnostics) {
        String written = e.attr(attribute).strip();
        SourcePosition at = at(page, e);
        boolean fromMarkdown = e.hasAttr(Markdown.SOURCE_ATTRIBUTE);
        String what = e.normalName().equals("a") ? "link" : "reference";
        if (written.isEmpty() || written.equals("#")) {
            diagnostics.error(at, "placeholder-link", "empty " + what + " ('" + written
                    + "'); link to the real page or file, or write the text without a link");
            return;
        }
        if (SafelistFilter.isDangerousAddress(written)) {
            diagnostics.error(at, "unsafe-link", "the " + what + " " + abbreviate(written)
                    + " runs code or embeds data; link to a page or file instead");
            return;
        }
        if (SCHEME.matcher(written).find() || written.startsWith("//")) {
            if (external(written, at, diagnostics) && e.normalName().equals("a") && written.toLowerCase(Locale.ROOT).startsWith("http")
                    && !e.parents().is("head")) {
                externalLinks.add(new LinkCheck(at, written, null, null));
            }
            return;
        }
        String fragment = null;
        String path = written;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        if (path.isEmpty()) { // "#anchor" on this page
            links.add(new LinkCheck(at, written, "/" + page.outputPath(), fragment));
            return;
        }
        String decoded;
        try {
            decoded = new URI(path).getPath();
        } catch (URISyntaxException ex) {
            diagnostics.error(at, "malformed-link", "the " + what + " " + abbreviate(written) + " is not a valid address");
            return;
        }
        String target;
        if (fromMarkdown && !decoded.startsWith("/")) {
            target = contentTarget(page, decoded, context, at, written, diagnostics);
        } else {
            target = decoded.startsWith("/") ? decoded : SitePaths.resolve(SitePaths.folder(page.url()), decoded);
        }
        if (target == null) {
            if (!fromMarkdown || decoded.startsWith("/")) {
                diagnostics.error(at, "broken-link", "the " + what + " " + abbreviate(written) + " climbs above the site's root");
            }
            return;
        }
        target = "/" + context.published(target.substring(1));
        String file = target.endsWith("/") ? target + "index.html" : target;
        links.add(new LinkCheck(at, written, file, fragment));
        // A 404 page is served at any address, so its links cannot be relative: they start at the base path.
        String address = page.kind() == PageKind.NOT_FOUND ? context.basePath() + target.substring(1)
                : SitePaths.address(page.url(), target, context.portable());
        String rewritten = address + query + (fragment == null ? "" : "#" + fragment);
        e.attr(attribute, rewritten);
    }

    /** Each site address of a {@code srcset} ({@code /figuras/a.480w.jpg 480w, …}) is checked and made relative like a link. */
    private static void srcset(Page page, Element e, Context context, List<LinkCheck> links) {
        List<String> candidates = new ArrayList<>();
        for (String candidate : e.attr("srcset").split(",")) {
            String[] parts = candidate.strip().split("\\s+", 2);
            String url = parts[0];
            if (url.startsWith("/") && !url.startsWith("//")) {
                String target = "/" + context.published(url.substring(1));
                links.add(new LinkCheck(at(page, e), url, target, null));
                url = page.kind() == PageKind.NOT_FOUND ? context.basePath() + target.substring(1) : SitePaths.relative(page.url(), target);
            }
            candidates.add(parts.length > 1 ? url + " " + parts[1] : url);
        }
        e.attr("srcset", String.join(", ", candidates));
    }

    /**
     * A relative link written in Markdown points into the content folder: a Markdown file becomes
     * its page's address, any other file the address it is copied to.
     */
    private String contentTarget(Page page, String path, Context context, SourcePosition at, String written,
                                 Diagnostics diagnostics) {
        Path file = page.source().getParent().resolve(path).normalize();
        if (!file.startsWith(contentRoot)) {
            diagnostics.error(at, "broken-link", "the link " + abbreviate(written) + " leads outside the content folder");
            return null;
        }
        if (path.endsWith(".md")) {
            String target = context.addresses().get(file);
            if (target == null) {
                diagnostics.error(at, "broken-link", "the link " + abbreviate(written) + " points at "
                        + contentRoot.getFileName().resolve(contentRoot.relativize(file)).toString().replace('\\', '/')
                        + ", which is not a published page; check the file name (drafts are not published)");
                return null;
            }
            return target;
        }
        String relative = contentRoot.relativize(file).toString().replace('\\', '/');
        String copied = relative.startsWith("static/") ? relative.substring("static/".length()) : relative;
        if (!context.staticTargets().contains(copied)) {
            diagnostics.error(at, "broken-link", "the link " + abbreviate(written) + " points at content/" + relative
                    + ", which does not exist");
            return null;
        }
        return "/" + copied;
    }

    /** Checks an external address's syntax, offline; true when it is well formed. */
    private static boolean external(String written, SourcePosition at, Diagnostics diagnostics) {
        String lower = written.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:") || lower.startsWith("tel:")) {
            return true;
        }
        try {
            URI uri = new URI(written.startsWith("//") ? "https:" + written : written);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                diagnostics.error(at, "unsupported-link", "the address " + abbreviate(written)
                        + " uses '" + scheme + ":'; link with https:, http:, mailto: or tel:");
                return false;
            } else if (uri.getHost() == null || !uri.getHost().contains(".")) {
                diagnostics.error(at, "malformed-link", "the address " + abbreviate(written) + " has no valid host name");
                return false;
            }
            return true;
        } catch (URISyntaxException e) {
            diagnostics.error(at, "malformed-link", "the address " + abbreviate(written) + " is not valid: " + e.getReason());
            return false;
        }
    }

    private static void verify(LinkCheck link, Set<String> files, Map<String, Set<String>> ids, Diagnostics diagnostics) {
        String file = link.target().substring(1);
        if (!files.contains(file)) {
            String hint = files.contains(file + "/index.html") ? "; end the address with '/'" : "";
            diagnostics.error(link.at(), "broken-link", "the link " + abbreviate(link.written())
                    + " leads to " + link.target() + ", which the site does not have" + hint);
            return;
        }
        Set<String> anchors = ids.get(link.target());
        if (link.fragment() != null && anchors != null && !anchors.contains(link.fragment())) {
            diagnostics.error(link.at(), "broken-anchor", "the link " + abbreviate(link.written())
                    + " points at the anchor #" + link.fragment() + ", which " + link.target().replaceFirst("index\\.html$", "")
                    + " does not have");
        }
    }

    private static void linkText(Page page, Element a, String footnoteLabel, Diagnostics diagnostics) {
        if (a.hasClass("footnote-backref")) {
            String label = footnoteLabel;
            if (label != null) {
                a.attr("aria-label", label);
            }
            return;
        }
        String name = a.hasAttr("aria-label") ? a.attr("aria-label") : a.text();
        if (name.isBlank()) {
            name = String.join(" ", a.select("img[alt]").eachAttr("alt"));
        }
        String text = LEADING_PUNCTUATION.matcher(TRAILING_PUNCTUATION.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll(""))
                .replaceAll("");
        if (text.isEmpty()) {
            diagnostics.error(at(page, a), "empty-link-text", "a link has no text; screen readers would announce only its address");
        } else if (VAGUE_LINK_TEXTS.contains(text)) {
            diagnostics.error(at(page, a), "vague-link-text", "the link text '" + name.strip()
                    + "' says nothing out of context; name where it leads, e.g. the document's title");
        }
    }

    /** The Markdown position an element came from, or the page's file when a template made it. */
    private static SourcePosition at(Page page, Element e) {
        Path file = page.source();
        for (String attribute : List.of(Markdown.SOURCE_ATTRIBUTE, Markdown.RAW_SOURCE_ATTRIBUTE)) {
            // Raw HTML may carry such an attribute written by hand: only a position is read as one.
            var written = POSITION.matcher(e.attr(attribute));
            if (file != null && written.matches()) {
                return new SourcePosition(file, Integer.parseInt(written.group(1)), Integer.parseInt(written.group(2)));
            }
        }
        return file == null ? SourcePosition.of(Path.of(page.outputPath())) : SourcePosition.of(file);
    }

    private static final Pattern POSITION = Pattern.compile("([1-9]\\d{0,8}):([1-9]\\d{0,8})");

    private static String abbreviate(String url) {
        return "'" + (url.length() > 80 ? url.substring(0, 77) + "..." : url) + "'";
    }
}
