package org.abierto.check;

import org.abierto.parse.Markdown;
import org.abierto.parse.RawHtmlFilter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;

/**
 * Raw HTML in Markdown through a jsoup {@link Safelist}: the markup of documents (headings, lists,
 * tables, figures, emphasis, links to http, https and mailto addresses) is kept; scripts, styles,
 * forms, frames, event handlers and {@code javascript:} addresses are removed.
 */
public final class SafelistFilter implements RawHtmlFilter {
    // Relative links are resolved against a placeholder base only to test their protocol.
    private static final String BASE = "https://abierto.invalid/";
    private final Safelist safelist = Safelist.relaxed()
            .addTags("section", "figure", "figcaption", "abbr", "mark", "small", "s", "del", "ins", "details", "summary",
                    "hr", "time", "bdi")
            .addAttributes(":all", "id", "class", "lang", "dir", "title", "role", "aria-label", "aria-hidden",
                    "aria-describedby", Markdown.SOURCE_ATTRIBUTE)
            .addAttributes("a", "rel", "hreflang")
            .addAttributes("img", "loading", "decoding")
            .addAttributes("th", "scope")
            .addAttributes("time", "datetime")
            .addAttributes("abbr", "title")
            .preserveRelativeLinks(true);

    @Override
    public List<String> removals(String snippet) {
        Document dirty = Jsoup.parseBodyFragment(snippet, BASE);
        List<String> removed = new ArrayList<>();
        for (Element element : dirty.body().getAllElements()) {
            if (element == dirty.body()) {
                continue;
            }
            String tag = element.normalName();
            if (!safelist.isSafeTag(tag)) {
                removed.add("the <" + tag + "> element");
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!safelist.isSafeAttribute(tag, element, attribute)) {
                    removed.add("the " + attribute.getKey() + " attribute of <" + tag + ">");
                }
            }
        }
        return removed;
    }

    @Override
    public String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
