package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.parse.Markdown;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves and rewrites a page's addresses, on its own: a link written in Markdown to a Markdown or
 * content file becomes the address of what it points at, every internal address becomes relative to
 * the page, and each is kept as a {@link LinkCheck} for {@link LinkVerification} once every page is
 * known. Empty, placeholder, unsafe and malformed addresses are errors at the line that wrote them.
 */
final class LinkRewriting {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path contentRoot;

    /** @param contentRoot the content folder (absolute, normalised), against which Markdown links to files are resolved */
    LinkRewriting(Path contentRoot) {
        this.contentRoot = contentRoot;
    }

    /**
     * Rewrites the addresses of a page's elements in place.
     *
     * @param links    gets each internal link, to verify once every page is known
     * @param external gets each external http(s) link of the page's body
     */
    void rewrite(Page page, PageElements elements, HtmlChecker.Context context, List<LinkCheck> links, List<LinkCheck> external,
                 Diagnostics diagnostics) {
        for (Element e : elements.referencing) {
            for (String attribute : HtmlChecker.LINK_ATTRIBUTES.getOrDefault(e.normalName(), List.of())) {
                if (e.hasAttr(attribute)) {
                    link(page, e, attribute, context, links, external, diagnostics);
                }
            }
            if (e.hasAttr("srcset")) {
                srcset(page, e, context, links);
            }
        }
    }

    private void link(Page page, Element e, String attribute, HtmlChecker.Context context, List<LinkCheck> links,
                      List<LinkCheck> externalLinks, Diagnostics diagnostics) {
        String written = e.attr(attribute).strip();
        SourcePosition at = ElementPosition.of(page, e);
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
        WrittenAddress parts = WrittenAddress.of(written);
        String path = parts.path();
        String query = parts.query();
        String fragment = parts.fragment();
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
    private static void srcset(Page page, Element e, HtmlChecker.Context context, List<LinkCheck> links) {
        List<String> candidates = new ArrayList<>();
        for (String candidate : e.attr("srcset").split(",")) {
            String[] parts = candidate.strip().split("\\s+", 2);
            String url = parts[0];
            if (url.startsWith("/") && !url.startsWith("//")) {
                String target = "/" + context.published(url.substring(1));
                links.add(new LinkCheck(ElementPosition.of(page, e), url, target, null));
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
    String contentTarget(Page page, String path, HtmlChecker.Context context, SourcePosition at, String written,
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

    static String abbreviate(String url) {
        return "'" + (url.length() > 80 ? url.substring(0, 77) + "..." : url) + "'";
    }
}
