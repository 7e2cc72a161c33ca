package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.Page;
import org.abierto.model.Site;
import org.abierto.model.Slug;
import org.abierto.parse.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report of one language as one document, ready to be laid out as a PDF: the HTML that the
 * document template ({@code templates/pdf.ftlh}) wrote, with every link made to work inside a single
 * file.
 *
 * <p>The template wraps each page of the report in an element with {@code data-chapter} set to the
 * page's address. That element gets an id of its own ({@code page-es-anexo}), and every id inside
 * it is prefixed with it ({@code page-es-anexo--mapeo}), since pages reuse ids that are unique only
 * within a page. Then every link becomes what works in a PDF:
 * <ul>
 * <li>to a page of the document, or an anchor on it, whether written in Markdown ({@code anexo.md#x}),
 * by a template ({@code /es/anexo/#x}) or as {@code #x} on the same page: a link inside the PDF;</li>
 * <li>to another page or a file of the site: its public address when the site is built for one,
 * otherwise an address relative to the PDF's own place in the site (which works beside the site, as
 * in the offline copy);</li>
 * <li>to another site ({@code https:}, {@code mailto:}): unchanged.</li>
 * </ul>
 * Links are not reported here: they are the pages' own, which the check of each page reports.
 *
 * <p>Charts drawn as SVG with {@code role="img"} get their text alternative (the drawing's
 * {@code <title>} and {@code <desc>}) as {@code alt}, which the PDF's figure carries.
 */
public final class PrintableDocument {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** The attribute with which the document template marks each page of the report. */
    public static final String CHAPTER = "data-chapter";

    private final LinkRewriting resolver;

    /** @param contentDir the content folder, against which Markdown links to files are resolved */
    public PrintableDocument(Path contentDir) {
        this.resolver = new LinkRewriting(contentDir.toAbsolutePath().normalize());
    }

    /** The id a page of the report has in its PDF: {@code /es/ruta-de-trabajo/} → {@code page-es-ruta-de-trabajo}. */
    public static String chapterId(String url) {
        String slug = Slug.fold(url);
        return slug.isEmpty() ? "page" : "page-" + slug;
    }

    /**
     * Prepares the document.
     *
     * @param html    what the document template wrote
     * @param site    the site
     * @param address the PDF's own address in the site ({@code /es/informe.pdf})
     * @return the document as a DOM, for the layout
     */
    public org.w3c.dom.Document prepare(String html, Site site, String address) {
        Document doc = Jsoup.parse(html);
        Map<String, Page> byUrl = new HashMap<>();
        Map<Path, Page> bySource = new HashMap<>();
        for (Page page : site.pages()) {
            byUrl.put(page.url(), page);
            if (page.source() != null) {
                bySource.put(page.source(), page);
            }
        }
        Set<String> staticTargets = new HashSet<>();
        site.staticFiles().forEach(f -> staticTargets.add(f.target()));
        Set<String> chapters = new HashSet<>();
        for (Element chapter : doc.select("[" + CHAPTER + "]")) {
            String url = chapter.attr(CHAPTER);
            chapters.add(url);
            String prefix = chapterId(url);
            for (Element inner : chapter.select("[id]")) {
                inner.attr("id", prefix + "--" + inner.id());
            }
            chapter.attr("id", prefix);
        }
        boolean known = site.config().baseUrl().startsWith("http");
        for (Element link : doc.select("a[href], bookmark[href]")) {
            Element chapter = link.closest("[" + CHAPTER + "]");
            Page page = chapter == null ? null : byUrl.get(chapter.attr(CHAPTER));
            String rewritten = rewrite(link, page, site, chapters, bySource, staticTargets, address, known);
            if (rewritten == null) {
                link.unwrap(); // it leads nowhere that a reader of the PDF can follow; its text stays
            } else {
                link.attr("href", rewritten);
            }
        }
        for (Element table : doc.select("table")) {
            Element caption = table.selectFirst("> caption");
            if (caption != null && caption != table.firstElementChild()) {
                table.prependChild(caption); // Flexmark writes a table's caption last; its structure wants it first
            }
        }
        for (Element drawing : doc.select("svg[role=img]")) {
            StringBuilder alt = new StringBuilder();
            for (String part : List.of("title", "desc")) {
                Element e = drawing.selectFirst("> " + part);
                if (e != null && !e.text().isBlank()) {
                    alt.append(alt.isEmpty() ? "" : ". ").append(e.text().strip());
                }
            }
            drawing.attr("alt", alt.toString());
        }
        // Bookmarks belong in the head, where the HTML parser does not keep an unknown element.
        Element bookmarks = doc.selectFirst("bookmarks");
        if (bookmarks != null) {
            doc.head().appendChild(bookmarks);
        }
        doc.select("[" + Markdown.SOURCE_ATTRIBUTE + "]").removeAttr(Markdown.SOURCE_ATTRIBUTE);
        return new W3CDom().fromJsoup(doc);
    }

    /** What a link becomes in the PDF, or null when nothing can be followed there. */
    private String rewrite(Element link, Page page, Site site, Set<String> chapters, Map<Path, Page> bySource,
                           Set<String> staticTargets, String address, boolean known) {
        String written = link.attr("href").strip();
        if (SCHEME.matcher(written).find() || written.startsWith("//")) {
            return SafelistFilter.isDangerousAddress(written) ? null : written;
        }
        WrittenAddress parts = WrittenAddress.of(written);
        String path = parts.path();
        String fragment = parts.fragment();
        if (path.isEmpty()) {
            return page == null ? written : "#" + chapterId(page.url()) + (fragment == null ? "" : "--" + fragment);
        }
        String decoded;
        try {
            decoded = new URI(path).getPath();
        } catch (URISyntaxException e) {
            return null;
        }
        String target;
        if (link.hasAttr(Markdown.SOURCE_ATTRIBUTE) && !decoded.startsWith("/") && page != null && page.source() != null) {
            // A link that leads nowhere is reported where the page is checked; here it is only dropped.
            target = resolver.contentTarget(page, decoded, HtmlChecker.context(site), SourcePosition.of(page.source()), written,
                    new Diagnostics());
        } else if (decoded.startsWith("/")) {
            target = decoded;
        } else {
            target = SitePaths.resolve(SitePaths.folder(page == null ? address : page.url()), decoded);
        }
        if (target == null) {
            return null;
        }
        if (chapters.contains(target)) {
            return "#" + chapterId(target) + (fragment == null ? "" : "--" + fragment);
        }
        String published = "/" + site.published(target.substring(1));
        String outside = known ? site.config().baseUrl() + published.substring(1) : SitePaths.address(address, published, true);
        return outside + (fragment == null ? "" : "#" + fragment);
    }
}
