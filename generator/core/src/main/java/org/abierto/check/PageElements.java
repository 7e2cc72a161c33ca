package org.abierto.check;

import org.abierto.parse.Markdown;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A page's elements sorted in one walk: by tag, with an id, with an address, from Markdown. */
final class PageElements {
    final List<Element> withId = new ArrayList<>();
    final List<Element> referencing = new ArrayList<>();
    final List<Element> fromMarkdown = new ArrayList<>();
    final List<Element> headings = new ArrayList<>();
    private final Map<String, List<Element>> byTag = new HashMap<>();

    PageElements(Document doc) {
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(e);
            if (e.hasAttr("id")) {
                withId.add(e);
            }
            if (HtmlChecker.LINK_ATTRIBUTES.containsKey(tag)) {
                referencing.add(e);
            }
            if (e.hasAttr(Markdown.SOURCE_ATTRIBUTE) || e.hasAttr(Markdown.RAW_SOURCE_ATTRIBUTE)) {
                fromMarkdown.add(e);
            }
            if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                headings.add(e);
            }
        }
    }

    /** The elements of one tag, in document order. */
    List<Element> byTag(String tag) {
        return byTag.getOrDefault(tag, List.of());
    }
}
