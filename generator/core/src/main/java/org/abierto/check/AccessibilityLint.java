package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.function.Function;

/**
 * The accessibility mistakes a page's markup can show without a browser, reported at the Markdown
 * line that made them when there is one: an image without a description, a button without a name, a
 * second {@code <h1>} or a skipped heading level, a heading written in Markdown over an empty section,
 * a table without header cells or caption. (Links
 * without text or with vague text, and duplicate ids, are checked with the links.)
 */
final class AccessibilityLint {
    private AccessibilityLint() {
    }

    /**
     * Whether nothing a reader sees follows a heading before the next heading of its level or higher
     * (a heading of a lower level opens a part of its section), or the end of what holds it.
     */
    static boolean emptySection(Element heading) {
        int level = heading.normalName().charAt(1) - '0';
        for (Node next = heading.nextSibling(); next != null; next = next.nextSibling()) {
            if (next instanceof TextNode text && !text.isBlank()) {
                return false;
            }
            if (next instanceof Element e) {
                String tag = e.normalName();
                if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                    return tag.charAt(1) - '0' <= level;
                }
                if (!e.text().isBlank() || e.selectFirst("img, svg, video, audio, iframe, object, picture, canvas, math") != null) {
                    return false;
                }
            }
        }
        return true;
    }

    static void check(PageElements elements, Function<Element, SourcePosition> at, Diagnostics diagnostics) {
        for (Element img : elements.byTag("img")) {
            if (!img.hasAttr("alt")) {
                diagnostics.error(at.apply(img), "image-alt", "an image has no alt text; describe what it shows "
                        + "(in Markdown: ![description](file)), or give alt=\"\" only to a purely decorative image");
            } else if (img.attr("alt").isBlank() && img.hasAttr(org.abierto.parse.Markdown.SOURCE_ATTRIBUTE)) {
                diagnostics.error(at.apply(img), "image-alt", "the image ![](" + img.attr("src")
                        + ") has an empty description; write what it shows between the brackets");
            }
        }
        for (Element button : elements.byTag("button")) {
            if (button.text().isBlank() && button.attr("aria-label").isBlank()) {
                diagnostics.error(at.apply(button), "empty-button", "a button has no text; name what it does");
            }
        }
        int previous = 0;
        int firstLevelOnes = 0;
        for (Element heading : elements.headings) {
            int level = heading.normalName().charAt(1) - '0';
            if (level == 1 && ++firstLevelOnes > 1) {
                diagnostics.error(at.apply(heading), "heading-h1", "the page has a second level-1 heading ('" + heading.text()
                        + "'); the title is the only one: start the page's headings with ## in Markdown");
            } else if (previous > 0 && level > previous + 1) {
                diagnostics.error(at.apply(heading), "heading-skip", "the heading '" + heading.text() + "' is level " + level
                        + " right after a level " + previous + "; use level " + (previous + 1) + " ("
                        + "#".repeat(previous + 1) + " in Markdown)");
            }
            previous = level;
        }
        for (Element heading : elements.headings) {
            if (heading.hasAttr(org.abierto.parse.Markdown.SOURCE_ATTRIBUTE) && emptySection(heading)) {
                diagnostics.error(at.apply(heading), "empty-section", "the section '" + heading.text() + "' is empty: nothing is "
                        + "shown under its heading before the next one (a directive above that listed nothing?); write its text, "
                        + "or remove the heading");
            }
        }
        for (Element table : elements.byTag("table")) {
            if (table.selectFirst("th") == null) {
                diagnostics.error(at.apply(table), "table-headers", "a table has no header cells; give it a header row");
            }
            if (table.selectFirst("caption") == null) {
                diagnostics.error(at.apply(table), "table-caption", "a table has no caption; in Markdown, write [Its title] "
                        + "on the line right after the table");
            }
        }
    }
}
