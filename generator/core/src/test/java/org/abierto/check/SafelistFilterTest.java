package org.abierto.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SafelistFilterTest {
    final SafelistFilter filter = new SafelistFilter();

    @Test
    void reportsWhatItRemoves() {
        assertEquals(List.of("the <script> element"), filter.removals("<script>alert(1)</script>"));
        assertEquals(List.of("the onclick attribute of <span>"), filter.removals("<span onclick=\"x()\">"));
        assertEquals(List.of("the href attribute of <a>"), filter.removals("<a href=\"javascript:alert(1)\">"));
        assertEquals(List.of("the <style> element", "the style attribute of <p>"), filter.removals("<style>p{}</style><p style=\"color:red\">"));
        assertEquals(List.of("the <iframe> element"), filter.removals("<iframe src=\"https://example.org\"></iframe>"));
        assertEquals(List.of(), filter.removals("<abbr title=\"Open Government Partnership\">OGP</abbr>"));
        assertEquals(List.of(), filter.removals("<a href=\"../anexo.md#x\" lang=\"es\">"));
    }

    @Test
    void cleansButKeepsSafeMarkupAndTheText() {
        assertEquals("<p>Hola <span>mundo</span></p>", filter.clean("<p>Hola <span onmouseover=\"x()\">mundo</span><script>x()</script></p>"));
        assertEquals("<a>enlace</a>", filter.clean("<a href=\"javascript:alert(1)\">enlace</a>"));
        assertEquals("<a href=\"diagnostico.md\">diagnóstico</a>", filter.clean("<a href=\"diagnostico.md\">diagnóstico</a>"));
    }
}
