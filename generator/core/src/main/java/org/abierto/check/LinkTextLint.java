package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.Page;
import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A link's text must say where it leads out of context: screen readers list a page's links by their
 * text alone. A link without text, or with "aquí" or "click here", is an error at its line.
 */
final class LinkTextLint {
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,:;!¡?¿»«\"'()]+$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s¡¿«\"'(]+");
    private static final Set<String> VAGUE_LINK_TEXTS = Set.of(
            "aquí", "aqui", "clic aquí", "haz clic aquí", "haga clic aquí", "da clic aquí", "click aquí", "leer más",
            "ver más", "más", "más información", "enlace", "liga", "este enlace",
            "here", "click here", "read more", "more", "link", "this link", "learn more", "more info");

    private LinkTextLint() {
    }

    /** Checks the text of each of a page's links. */
    static void check(Page page, PageElements elements, Diagnostics diagnostics) {
        for (Element a : elements.byTag("a")) {
            check(page, a, diagnostics);
        }
    }

    private static void check(Page page, Element a, Diagnostics diagnostics) {
        if (a.hasClass("footnote-backref")) {
            return; // its name is the edition's label (HtmlFixups)
        }
        if (!a.hasAttr("href")) {
            return; // <a id="…"></a> is a place to link to, not a link: nothing is announced as one
        }
        String name = a.hasAttr("aria-label") ? a.attr("aria-label") : a.text();
        if (name.isBlank()) {
            name = String.join(" ", a.select("img[alt]").eachAttr("alt"));
        }
        String text = LEADING_PUNCTUATION.matcher(TRAILING_PUNCTUATION.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll(""))
                .replaceAll("");
        if (text.isEmpty()) {
            diagnostics.error(ElementPosition.of(page, a), "empty-link-text", "a link has no text; screen readers would announce only its address");
        } else if (VAGUE_LINK_TEXTS.contains(text)) {
            diagnostics.error(ElementPosition.of(page, a), "vague-link-text", "the link text '" + name.strip()
                    + "' says nothing out of context; name where it leads, e.g. the document's title");
        }
    }
}
