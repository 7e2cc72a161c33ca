package org.abierto.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlFixupsTest {
    private static String fixed(String body, String footnoteLabel) {
        Document doc = Jsoup.parseBodyFragment(body);
        HtmlFixups.apply(new PageElements(doc), footnoteLabel);
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    @Test
    void aTableCaptionMovesFirst() {
        assertEquals("<table><caption>Cifras</caption><tbody><tr><td>1</td></tr></tbody></table>",
                fixed("<table><tbody><tr><td>1</td></tr></tbody><caption>Cifras</caption></table>", null));
        assertEquals("<table><caption>Ya primero</caption><tbody><tr><td>1</td></tr></tbody></table>",
                fixed("<table><caption>Ya primero</caption><tbody><tr><td>1</td></tr></tbody></table>", null));
    }

    @Test
    void sourcePositionsAreNotPublished() {
        assertEquals("<p id=\"a\">texto</p><div class=\"x\"></div>",
                fixed("<p data-src=\"3:1\" id=\"a\">texto</p><div data-src-html=\"4:1\" class=\"x\"></div>", null));
    }

    @Test
    void aFootnoteWayBackIsNamedInThePageLanguage() {
        String body = "<a href=\"#fnref-1\" class=\"footnote-backref\">↩</a><a href=\"#otro\">otro</a>";
        assertEquals("<a href=\"#fnref-1\" class=\"footnote-backref\" aria-label=\"Volver al texto\">↩</a><a href=\"#otro\">otro</a>",
                fixed(body, "Volver al texto"));
        assertEquals(body, fixed(body, null));
    }
}
