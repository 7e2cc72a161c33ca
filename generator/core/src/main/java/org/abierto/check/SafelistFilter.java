package org.abierto.check;

import org.abierto.parse.HtmlSafelist;
import org.abierto.parse.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allowlist of what editors may write as HTML, through a jsoup {@link Safelist}: the markup of
 * documents (headings, lists, tables, figures, emphasis, quotes, abbreviations) with the attributes
 * that describe it, and nothing that runs, styles or embeds. The same list, in {@code content/README.md}:
 *
 * <ul>
 * <li>on every element: {@code id}, {@code class}, {@code lang}, {@code dir}, {@code title};</li>
 * <li>on {@code <a>}: {@code href} (http, https, mailto, tel, or an address in the site), {@code hreflang}, {@code rel};</li>
 * <li>on {@code <img>}: {@code src} (http, https, or a file of the site), {@code alt}, {@code width}, {@code height},
 *     {@code loading}, {@code decoding};</li>
 * <li>on tables: {@code scope}, {@code colspan}, {@code rowspan} of cells, {@code span} of columns; on {@code <ol>}:
 *     {@code start}, {@code reversed}; on {@code <time>}: {@code datetime}; on {@code <details>}: {@code open}.</li>
 * </ul>
 *
 * <p>Event handlers, {@code style}, ARIA (which changes what assistive technologies announce: the
 * theme's job) and every other attribute are removed, and so are {@code javascript:}, {@code vbscript:}
 * and {@code data:} addresses, whatever their case and the spaces, tabs, line breaks or entities in them.
 */
public final class SafelistFilter implements HtmlSafelist {
    // Relative links are resolved against a placeholder base only to test their protocol.
    private static final String BASE = "https://abierto.invalid/";
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript:", "vbscript:", "data:");
    // What a browser ignores in an address: tabs and line breaks anywhere, control characters and spaces around it.
    private static final Pattern TABS_AND_BREAKS = Pattern.compile("[\\t\\n\\r]");
    private static final Pattern EVENT_HANDLER = Pattern.compile("on[a-z]+", Pattern.CASE_INSENSITIVE);

    private final Safelist safelist = new EditorSafelist()
            .addTags("a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
                    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
                    "img", "ins", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strike", "strong",
                    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul")
            .addAttributes(":all", "id", "class", "lang", "dir", "title")
            .addAttributes("a", "href", "hreflang", "rel")
            .addAttributes("img", "src", "alt", "width", "height", "loading", "decoding")
            .addAttributes("th", "scope", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span")
            .addAttributes("ol", "start", "reversed")
            .addAttributes("time", "datetime")
            .addAttributes("details", "open")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);

    /**
     * Whether a browser would run or embed an address ({@code javascript:}, {@code vbscript:}, {@code data:}),
     * read as a browser reads it: in any case, ignoring tabs and line breaks anywhere and spaces around it.
     * The value is taken as already decoded from HTML (entities are not decoded again).
     */
    public static boolean isDangerousAddress(String address) {
        return dangerousScheme(address) != null;
    }

    /** The dangerous scheme ({@code javascript:}) a browser would read in an address, or null. */
    private static String dangerousScheme(String address) {
        String read = TABS_AND_BREAKS.matcher(address).replaceAll("");
        int start = 0;
        while (start < read.length() && read.charAt(start) <= ' ') {
            start++;
        }
        String from = read.substring(start).toLowerCase(Locale.ROOT);
        return DANGEROUS_SCHEMES.stream().filter(from::startsWith).findFirst().orElse(null);
    }

    @Override
    public List<Removal> removals(String html) {
        return removals(parse(html));
    }

    @Override
    public Cleaned cleaned(String html) {
        Document dirty = parse(html); // the cleaner copies what it keeps: the parse stays as it was for removals
        return new Cleaned(removals(dirty), clean(dirty));
    }

    private static Document parse(String html) {
        return Jsoup.parseBodyFragment(html, BASE);
    }

    private List<Removal> removals(Document dirty) {
        List<Removal> removed = new ArrayList<>();
        for (Element element : dirty.body().getAllElements()) {
            if (element == dirty.body()) {
                continue;
            }
            String tag = element.normalName();
            String mark = element.hasAttr(Markdown.ATTRIBUTES_SOURCE) ? element.attr(Markdown.ATTRIBUTES_SOURCE) : null;
            if (!safelist.isSafeTag(tag)) {
                removed.add(new Removal("the <" + tag + "> element", null, mark));
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!attribute.getKey().equals(Markdown.ATTRIBUTES_SOURCE) && !safelist.isSafeAttribute(tag, element, attribute)) {
                    removed.add(new Removal("the " + attribute.getKey() + " attribute of <" + tag + ">", attribute.getKey(), mark));
                }
            }
        }
        return removed;
    }

    private String clean(Document dirty) {
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    @Override
    public String unsafeParameter(String name, String value) {
        if (EVENT_HANDLER.matcher(name).matches()) {
            return "a name starting with 'on', which HTML keeps for event handlers";
        }
        if (name.equalsIgnoreCase("style")) {
            return "a style";
        }
        // A template may write the value into an attribute, where a browser decodes entities.
        String scheme = dangerousScheme(value);
        if (scheme == null) {
            scheme = dangerousScheme(Parser.unescapeEntities(value, true));
        }
        return scheme == null ? null : "a " + scheme + " address";
    }

    /**
     * The allowlist, knowing Markdown's own attributes. jsoup's protocol check reads an address as a
     * browser does (control characters, tabs and line breaks removed), so {@code java&#9;script:} fails it too.
     */
    private static final class EditorSafelist extends Safelist {
        @Override
        public boolean isSafeAttribute(String tag, Element element, Attribute attribute) {
            String name = attribute.getKey();
            if (name.equals(Markdown.SOURCE_ATTRIBUTE) || name.equals(Markdown.RAW_SOURCE_ATTRIBUTE)) {
                return true; // Markdown's own: where an element was written, for the check stage's messages
            }
            boolean address = name.equals("href") || name.equals("src");
            if (address && element.hasAttr(Markdown.SOURCE_ATTRIBUTE) && !fromBraces(element, name)) {
                // A Markdown link or image: the check stage verifies its address, an unsafe one being an error
                // there. (Raw HTML that copies data-src only moves its address to that same check.)
                return true;
            }
            return super.isSafeAttribute(tag, element, attribute);
        }

        private static boolean fromBraces(Element element, String name) {
            return Arrays.stream(element.attr(Markdown.ATTRIBUTES_SOURCE).split(" "))
                    .anyMatch(written -> written.startsWith(name + "@"));
        }
    }
}
