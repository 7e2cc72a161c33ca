package org.abierto.check;

import org.abierto.parse.Markdown;
import org.jsoup.nodes.Element;

/**
 * What the check stage changes in a page's markup apart from its addresses: what Flexmark writes
 * differently from what HTML or a screen reader wants, and the source positions the checks read,
 * which the published page does not carry.
 */
final class HtmlFixups {
    private HtmlFixups() {
    }

    /** @param footnoteLabel the page's language's label for a footnote's way back, or null to leave Flexmark's */
    static void apply(PageElements elements, String footnoteLabel) {
        if (footnoteLabel != null) {
            for (Element a : elements.byTag("a")) {
                if (a.hasClass("footnote-backref")) {
                    a.attr("aria-label", footnoteLabel);
                }
            }
        }
        for (Element table : elements.byTag("table")) {
            Element caption = table.selectFirst("> caption");
            if (caption != null && caption != table.firstElementChild()) {
                table.prependChild(caption); // Flexmark writes a table's caption last; HTML wants it first
            }
        }
        elements.fromMarkdown.forEach(e -> e.removeAttr(Markdown.SOURCE_ATTRIBUTE).removeAttr(Markdown.RAW_SOURCE_ATTRIBUTE));
    }
}
