package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.Edition;
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

    // A checker used for several builds (the dev server) parses again only the pages whose HTML changed,
    // as long as what links resolve against (addresses, files, base path) is the same.
    private record Context(Map<Path, String> addresses, Set<String> staticTargets, Map<String, String> published, String baseUrl,
                           boolean portable) {
    }

    private record Cached(String html, Checked checked, List<org.abierto.diagnostic.Diagnostic> diagnostics) {
    }

    private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean remember;
    private Context context;
    // What the previous build's links were verified against, and what each page's verification found:
    // a page whose HTML did not change needs its links verified again only if what they point at did.
    private Set<String> verifiedFiles = Set.of();
    private Map<String, Set<String>> verifiedIds = Map.of();
    private final Map<String, List<org.abierto.diagnostic.Diagnostic>> verified = new HashMap<>();

    /** @param contentDir the content folder, against which Markdown links to files are resolved */
    public HtmlChecker(Path contentDir) {
        this(contentDir, false);
    }

    /**
     * @param contentDir the content folder, against which Markdown links to files are resolved
     * @param remember   whether to keep each page's result for the next build (the dev server)
     */
    public HtmlChecker(Path contentDir, boolean remember) {
        this.contentRoot = contentDir.toAbsolutePath().normalize();
        this.remember = remember;
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

    /**
     * Starts checking a site page by page, so each page can be written as soon as it is checked.
     *
     * @param files the paths (without leading '/') of every file the output will hold, pages included
     */
    public Pass begin(Site site, Set<String> files) {
        return new Pass(site, files, portable(site));
    }

    /**
     * As {@link #begin(Site, Set)}, choosing whether internal links name {@code index.html} so the pages
     * also work opened from disk ({@code portable}), as a site built without its public address does,
     * and as the offline copy must, whatever the address.
     */
    public Pass begin(Site site, Set<String> files, boolean portable) {
        return new Pass(site, files, portable);
    }

    /** One build's check: each page on its own ({@link #check}), then the links between them ({@link #finish}). */
    public final class Pass {
        private final Site site;
        private final Set<String> files;
        private final Map<Path, Page> bySource = new HashMap<>();
        private final Set<String> staticTargets = new HashSet<>();
        private final String basePath;
        private final Map<String, Set<String>> ids = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Checked> checked = java.util.Collections.synchronizedList(new ArrayList<>());
        private final boolean portable;

        private Pass(Site site, Set<String> files, boolean portable) {
            this.site = site;
            this.files = files;
            this.portable = portable;
            for (Page page : site.pages()) {
                if (page.source() != null) {
                    bySource.put(page.source(), page);
                }
            }
            site.staticFiles().forEach(f -> staticTargets.add(f.target()));
            this.basePath = URI.create(site.config().baseUrl()).getPath();
            Map<Path, String> addresses = new HashMap<>();
            bySource.forEach((source, page) -> addresses.put(source, page.url()));
            var context = new Context(addresses, staticTargets, site.publishedNames(), site.config().baseUrl(), portable);
            if (!context.equals(HtmlChecker.this.context)) {
                cache.clear(); // the same HTML would now resolve its links differently
                HtmlChecker.this.context = context;
            }
        }

        /** Checks one page on its own and gives its final HTML; its links are verified in {@link #finish}. Thread-safe. */
        public OutputFile.Generated check(RenderedPage page, Diagnostics diagnostics) {
            Cached before = cache.get(page.page().outputPath());
            Checked result;
            boolean reused = before != null && before.html().equals(page.html());
            if (reused) {
                before.diagnostics().forEach(diagnostics::add);
                result = before.checked();
            } else {
                var own = new Diagnostics();
                result = HtmlChecker.this.check(page, site, basePath, bySource, staticTargets, portable, own);
                own.all().forEach(diagnostics::add);
                if (remember) {
                    cache.put(page.page().outputPath(), new Cached(page.html(), result, own.all()));
                }
            }
            ids.put("/" + page.page().outputPath(), result.ids());
            // What finish needs is kept; the page's bytes go to the caller, to be written now.
            checked.add(result.reused(reused));
            return new OutputFile.Generated(page.page().outputPath(), result.html());
        }

        /** Verifies every link of every page against the whole output; gives the external addresses. */
        public Map<String, List<SourcePosition>> finish(Diagnostics diagnostics) {
            if (cache.size() > checked.size()) {
                Set<String> paths = new HashSet<>();
                checked.forEach(c -> paths.add(c.page().outputPath()));
                cache.keySet().retainAll(paths);
            }
            List<Checked> ordered = new ArrayList<>(checked);
            ordered.sort(java.util.Comparator.comparing(c -> c.page().outputPath()));
            if (!remember) {
                for (Checked c : ordered) {
                    for (LinkCheck link : c.links()) {
                        verify(link, files, ids, diagnostics);
                    }
                }
            } else {
                verifyChanged(ordered, diagnostics);
            }
            Map<String, List<SourcePosition>> external = new java.util.TreeMap<>();
            ordered.forEach(c -> c.external().forEach(link ->
                    external.computeIfAbsent(link.written(), k -> new ArrayList<>()).add(link.at())));
            return external;
        }

        /** As verifying every link, but reusing the previous verification of pages for which nothing changed. */
        private void verifyChanged(List<Checked> ordered, Diagnostics diagnostics) {
            boolean sameFiles = files.equals(verifiedFiles);
            Set<String> changedTargets = new HashSet<>();
            ids.forEach((target, anchors) -> {
                Set<String> before = verifiedIds.get(target);
                if (anchors != before && !anchors.equals(before)) { // a page checked from cache keeps the same set
                    changedTargets.add(target);
                }
            });
            verifiedIds.keySet().stream().filter(target -> !ids.containsKey(target)).forEach(changedTargets::add);
            Map<String, List<org.abierto.diagnostic.Diagnostic>> now = new HashMap<>();
            for (Checked c : ordered) {
                String path = c.page().outputPath();
                List<org.abierto.diagnostic.Diagnostic> before = verified.get(path);
                boolean still = c.reused() && sameFiles && before != null
                        && changedTargets.stream().noneMatch(c.targets()::contains);
                List<org.abierto.diagnostic.Diagnostic> found = before;
                if (!still) {
                    var own = new Diagnostics();
                    c.links().forEach(link -> verify(link, files, ids, own));
                    found = own.all();
                }
                found.forEach(diagnostics::add);
                now.put(path, found);
            }
            verified.clear();
            verified.putAll(now);
            verifiedFiles = files; // neither changes once the pass is finished
            verifiedIds = ids;
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

    /** A page after its pass: its HTML, its anchors, its links to verify, and its external links. */
    private record Checked(Page page, byte[] html, Set<String> ids, List<LinkCheck> links, List<LinkCheck> external,
                           boolean reused, Set<String> targets) {
        Checked(Page page, byte[] html, Set<String> ids, List<LinkCheck> links, List<LinkCheck> external) {
            this(page, html, ids, links, external, false, targetsOf(links));
        }

        Checked reused(boolean reused) {
            return new Checked(page, null, ids, links, external, reused, targets);
        }

        private static Set<String> targetsOf(List<LinkCheck> links) {
            Set<String> targets = new HashSet<>();
            links.forEach(link -> targets.add(link.target()));
            return Set.copyOf(targets);
        }
    }

    private Checked check(RenderedPage rendered, Site site, String basePath, Map<Path, Page> bySource,
                          Set<String> staticTargets, boolean portable, Diagnostics diagnostics) {
        Page page = rendered.page();
        Edition edition = site.edition(page);
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
                    link(page, e, attribute, site, basePath, bySource, staticTargets, portable, links, external, diagnostics);
                }
            }
            if (e.hasAttr("srcset")) {
                srcset(page, e, site, basePath, links);
            }
        }
        for (Element a : elements.byTag("a")) {
            linkText(page, a, edition, diagnostics);
        }
        AccessibilityLint.check(elements, e -> at(page, e), diagnostics);
        for (Element table : elements.byTag("table")) {
            Element caption = table.selectFirst("> caption");
            if (caption != null && caption != table.firstElementChild()) {
                table.prependChild(caption); // Flexmark writes a table's caption last; HTML wants it first
            }
        }
        elements.fromMarkdown.forEach(e -> e.removeAttr(Markdown.SOURCE_ATTRIBUTE));
        doc.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        return new Checked(page, doc.outerHtml().getBytes(StandardCharsets.UTF_8), ids, links, external);
    }

    private void link(Page page, Element e, String attribute, Site site, String basePath, Map<Path, Page> bySource,
                      Set<String> staticTargets, boolean portable, List<LinkCheck> links, List<LinkCheck> externalLinks,
                      Diagnostics diagnostics) {
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
            target = contentTarget(page, decoded, bySource, staticTargets, at, written, diagnostics);
        } else {
            target = decoded.startsWith("/") ? decoded : SitePaths.resolve(SitePaths.folder(page.url()), decoded);
        }
        if (target == null) {
            if (!fromMarkdown || decoded.startsWith("/")) {
                diagnostics.error(at, "broken-link", "the " + what + " " + abbreviate(written) + " climbs above the site's root");
            }
            return;
        }
        target = "/" + site.published(target.substring(1));
        String file = target.endsWith("/") ? target + "index.html" : target;
        links.add(new LinkCheck(at, written, file, fragment));
        // A 404 page is served at any address, so its links cannot be relative: they start at the base path.
        String address = page.kind() == PageKind.NOT_FOUND ? basePath + target.substring(1)
                : SitePaths.address(page.url(), target, portable);
        String rewritten = address + query + (fragment == null ? "" : "#" + fragment);
        e.attr(attribute, rewritten);
    }

    /** Each site address of a {@code srcset} ({@code /figuras/a.480w.jpg 480w, …}) is checked and made relative like a link. */
    private static void srcset(Page page, Element e, Site site, String basePath, List<LinkCheck> links) {
        List<String> candidates = new ArrayList<>();
        for (String candidate : e.attr("srcset").split(",")) {
            String[] parts = candidate.strip().split("\\s+", 2);
            String url = parts[0];
            if (url.startsWith("/") && !url.startsWith("//")) {
                String target = "/" + site.published(url.substring(1));
                links.add(new LinkCheck(at(page, e), url, target, null));
                url = page.kind() == PageKind.NOT_FOUND ? basePath + target.substring(1) : SitePaths.relative(page.url(), target);
            }
            candidates.add(parts.length > 1 ? url + " " + parts[1] : url);
        }
        e.attr("srcset", String.join(", ", candidates));
    }

    /**
     * A relative link written in Markdown points into the content folder: a Markdown file becomes
     * its page's address, any other file the address it is copied to.
     */
    String contentTarget(Page page, String path, Map<Path, Page> bySource, Set<String> staticTargets,
                                 SourcePosition at, String written, Diagnostics diagnostics) {
        Path file = page.source().getParent().resolve(path).normalize();
        if (!file.startsWith(contentRoot)) {
            diagnostics.error(at, "broken-link", "the link " + abbreviate(written) + " leads outside the content folder");
            return null;
        }
        if (path.endsWith(".md")) {
            Page target = bySource.get(file);
            if (target == null) {
                diagnostics.error(at, "broken-link", "the link " + abbreviate(written) + " points at "
                        + contentRoot.getFileName().resolve(contentRoot.relativize(file)).toString().replace('\\', '/')
                        + ", which is not a published page; check the file name (drafts are not published)");
                return null;
            }
            return target.url();
        }
        String relative = contentRoot.relativize(file).toString().replace('\\', '/');
        String copied = relative.startsWith("static/") ? relative.substring("static/".length()) : relative;
        if (!staticTargets.contains(copied)) {
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

    private static void linkText(Page page, Element a, Edition edition, Diagnostics diagnostics) {
        if (a.hasClass("footnote-backref")) {
            String label = edition.i18n().get("footnote.back");
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

    /** Whether the site is built without its public address ({@code baseUrl: /}): then it must also work from disk. */
    private static boolean portable(Site site) {
        return site.config().baseUrl().equals("/");
    }

    /** The Markdown position an element came from, or the page's file when a template made it. */
    private static SourcePosition at(Page page, Element e) {
        Path file = page.source();
        String position = e.attr(Markdown.SOURCE_ATTRIBUTE);
        int colon = position.indexOf(':');
        if (file != null && colon > 0) {
            return new SourcePosition(file, Integer.parseInt(position.substring(0, colon)), Integer.parseInt(position.substring(colon + 1)));
        }
        return file == null ? SourcePosition.of(Path.of(page.outputPath())) : SourcePosition.of(file);
    }

    private static String abbreviate(String url) {
        return "'" + (url.length() > 80 ? url.substring(0, 77) + "..." : url) + "'";
    }
}
