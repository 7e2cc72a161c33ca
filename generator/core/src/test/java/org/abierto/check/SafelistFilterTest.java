package org.abierto.check;

import org.abierto.parse.HtmlSafelist.Removal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafelistFilterTest {
    final SafelistFilter filter = new SafelistFilter();

    private String clean(String html) {
        return filter.cleaned(html).html();
    }

    private List<String> removals(String html) {
        return filter.removals(html).stream().map(Removal::what).toList();
    }

    @Test
    void reportsWhatItRemoves() {
        assertEquals(List.of("the <script> element"), removals("<script>alert(1)</script>"));
        assertEquals(List.of("the onclick attribute of <span>"), removals("<span onclick=\"x()\">"));
        assertEquals(List.of("the href attribute of <a>"), removals("<a href=\"javascript:alert(1)\">"));
        assertEquals(List.of("the <style> element", "the style attribute of <p>"), removals("<style>p{}</style><p style=\"color:red\">"));
        assertEquals(List.of("the <iframe> element"), removals("<iframe src=\"https://example.org\"></iframe>"));
        assertEquals(List.of(), removals("<abbr title=\"Open Government Partnership\">OGP</abbr>"));
        assertEquals(List.of(), removals("<a href=\"../anexo.md#x\" lang=\"es\">"));
        assertEquals(List.of(new Removal("the <form> element", null, null), new Removal("the onmouseover attribute of <h2>", "onmouseover", null)),
                filter.removals("<form></form><h2 onmouseover=\"x()\" id=\"s\">"));
    }

    @Test
    void editorsSetOnlyTheAttributesThatDescribeTheirText() {
        assertEquals(List.of(), removals("<p id=\"a\" class=\"b\" lang=\"es\" dir=\"ltr\" title=\"t\">"
                + "<a href=\"https://www.ogp.org\" hreflang=\"en\" rel=\"external\">x</a>"
                + "<a href=\"mailto:info@example.org\">m</a><a href=\"tel:+528112345678\">t</a><a href=\"#fn-1\">1</a>"
                + "<img src=\"figuras/a.jpg\" alt=\"a\" width=\"10\" height=\"5\" loading=\"lazy\" decoding=\"async\"></p>"
                + "<table><colgroup span=\"2\"><col span=\"1\"></colgroup><tr><th scope=\"col\" colspan=\"2\" rowspan=\"1\">h</th>"
                + "<td colspan=\"2\" rowspan=\"2\">c</td></tr></table><ol start=\"3\" reversed><li>x</li></ol>"
                + "<time datetime=\"2024-07\">julio</time><details open><summary>s</summary></details>"));
        assertEquals(List.of("the style attribute of <span>", "the role attribute of <span>", "the aria-hidden attribute of <span>",
                        "the data-x attribute of <span>", "the tabindex attribute of <span>", "the hreflang attribute of <span>"),
                removals("<span style=\"color:red\" role=\"button\" aria-hidden=\"true\" data-x=\"1\" tabindex=\"0\" hreflang=\"es\">"));
        assertEquals(List.of("the href attribute of <a>", "the src attribute of <img>", "the target attribute of <a>"),
                removals("<a href=\"ftp://example.org/x\">x</a><img src=\"mailto:x@example.org\"><a target=\"_blank\">y</a>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java&#x09;script:alert(1)",
            "java&#10;script:alert(1)", "java\nscript:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript&colon;alert(1)",
            "\u0001javascript:alert(1)", "vbscript:msgbox(1)", "VBScript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="})
    void noAddressThatRunsOrEmbedsPassesWhateverItsSpelling(String address) {
        String escaped = address.replace("\"", "&quot;").replace("<", "&lt;");
        assertEquals(List.of("the href attribute of <a>"), removals("<a href=\"" + escaped + "\">x</a>"), address);
        assertEquals(List.of("the src attribute of <img>"), removals("<img src=\"" + escaped + "\" alt=\"\">"), address);
        assertEquals("<a>x</a>", clean("<a href=\"" + escaped + "\">x</a>"));
    }

    @Test
    void dangerousAddressesAreReadAsABrowserReadsThem() {
        assertTrue(SafelistFilter.isDangerousAddress("javascript:x"));
        assertTrue(SafelistFilter.isDangerousAddress("JAVASCRIPT:x"));
        assertTrue(SafelistFilter.isDangerousAddress("  \t javascript:x"));
        assertTrue(SafelistFilter.isDangerousAddress("\u0000javascript:x"));
        assertTrue(SafelistFilter.isDangerousAddress("ja\tva\nscr\ript:x"));
        assertTrue(SafelistFilter.isDangerousAddress("vbscript:x"));
        assertTrue(SafelistFilter.isDangerousAddress("data:image/png;base64,AAAA"));
        assertFalse(SafelistFilter.isDangerousAddress("https://example.org/javascript:x"));
        assertFalse(SafelistFilter.isDangerousAddress("datos.csv"));
        assertFalse(SafelistFilter.isDangerousAddress("java script:x"), "a space inside is not ignored: a relative address");
        assertFalse(SafelistFilter.isDangerousAddress(""));
        assertFalse(SafelistFilter.isDangerousAddress("&#106;avascript:x"), "entities are decoded by the HTML parser before");
    }

    @Test
    void cleansButKeepsSafeMarkupAndTheText() {
        assertEquals("<p>Hola <span>mundo</span></p>", clean("<p>Hola <span onmouseover=\"x()\">mundo</span><script>x()</script></p>"));
        assertEquals("<a>enlace</a>", clean("<a href=\"javascript:alert(1)\">enlace</a>"));
        assertEquals("<a href=\"diagnostico.md\">diagnóstico</a>", clean("<a href=\"diagnostico.md\">diagnóstico</a>"));
    }

    @Test
    void cleanedReportsWhatRemovalsReportsAndGivesTheCleanedFragment() {
        for (String html : List.of("<p>Hola <span onmouseover=\"x()\">mundo</span><script>x()</script></p>",
                "<a href=\"javascript:alert(1)\" data-src=\"5:4\" onclick=\"x()\" data-src-attributes=\"href@5:30 onclick@5:50\">x</a>",
                "<img src=\"data:x\" alt=\"\" data-src=\"2:1\" data-src-attributes=\"src@2:9\">", "<form></form><h2 onmouseover=\"x()\" id=\"s\">",
                "<abbr title=\"Open Government Partnership\">OGP</abbr>", "")) {
            assertEquals(filter.removals(html), filter.cleaned(html).removals(), html);
        }
        assertEquals(List.of("the <script> element"), filter.cleaned("<p>a<script>x()</script></p>").removals().stream()
                .map(Removal::what).toList());
        assertEquals("<p>a</p>", filter.cleaned("<p>a<script>x()</script></p>").html());
    }

    @Test
    void markdownsOwnAttributesStayAndItsLinksAreLeftToTheLinkCheck() {
        // A Markdown link carries data-src: its address, even an unsafe one, is reported by the check stage as an error.
        assertEquals(List.of(), removals("<a href=\"javascript:alert(1)\" data-src=\"5:4\">x</a>"));
        assertEquals("<a href=\"javascript:alert(1)\" data-src=\"5:4\">x</a>",
                clean("<a href=\"javascript:alert(1)\" data-src=\"5:4\">x</a>"));
        // ... unless the address was written in braces, which the allowlist judges like raw HTML.
        assertEquals(List.of(new Removal("the href attribute of <a>", "href", "href@5:30 onclick@5:50"),
                        new Removal("the onclick attribute of <a>", "onclick", "href@5:30 onclick@5:50")),
                filter.removals("<a href=\"javascript:alert(1)\" data-src=\"5:4\" onclick=\"x()\" data-src-attributes=\"href@5:30 onclick@5:50\">x</a>"));
        assertEquals("<a data-src=\"5:4\">x</a>", clean(
                "<a href=\"javascript:alert(1)\" data-src=\"5:4\" onclick=\"x()\" data-src-attributes=\"href@5:30 onclick@5:50\">x</a>"));
        // The mark itself is never published, nor reported.
        assertEquals(List.of(), filter.removals("<p class=\"x\" data-src-attributes=\"class@3:5\">t</p>"));
        assertEquals("<p class=\"x\">t</p>", clean("<p class=\"x\" data-src-attributes=\"class@3:5\">t</p>"));
        assertEquals(List.of(new Removal("the src attribute of <img>", "src", "src@2:9")),
                filter.removals("<img src=\"data:x\" alt=\"\" data-src=\"2:1\" data-src-attributes=\"src@2:9\">"));
    }

    @Test
    void directiveParametersLoseHandlersStylesAndDangerousAddresses() {
        assertNull(filter.unsafeParameter("data", "ejemplares"));
        assertNull(filter.unsafeParameter("caption", "Tabla: uno"));
        assertNull(filter.unsafeParameter("url", "https://www.ogp.org"));
        assertNull(filter.unsafeParameter("column", "on"));
        assertNull(filter.unsafeParameter("o", "x"));
        assertNull(filter.unsafeParameter("on", "x"), "no event has an empty name");
        String handler = "a name starting with 'on', which HTML keeps for event handlers";
        assertEquals(handler, filter.unsafeParameter("onclick", "alert(1)"));
        assertEquals(handler, filter.unsafeParameter("OnMouseOver", "alert(1)"));
        assertEquals(handler, filter.unsafeParameter("once", "x"));
        assertEquals("a style", filter.unsafeParameter("style", "color:red"));
        assertEquals("a style", filter.unsafeParameter("STYLE", "color:red"));
        assertEquals("a javascript: address", filter.unsafeParameter("url", "javascript:alert(1)"));
        assertEquals("a javascript: address", filter.unsafeParameter("url", " JavaScript:alert(1)"));
        assertEquals("a javascript: address", filter.unsafeParameter("url", "java\tscript:alert(1)"));
        assertEquals("a javascript: address", filter.unsafeParameter("url", "&#106;avascript:alert(1)"));
        assertEquals("a vbscript: address", filter.unsafeParameter("url", "vbscript:msgbox(1)"));
        assertEquals("a data: address", filter.unsafeParameter("image", "data:image/png;base64,AAAA"));
    }
}
