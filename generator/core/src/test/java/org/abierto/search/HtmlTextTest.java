package org.abierto.search;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTextTest {

    private static List<String> blocks(String html) {
        PageText text = HtmlText.of(html.getBytes(StandardCharsets.UTF_8));
        return text.blocks().stream().map(b -> (b.heading() ? "H " : "") + "#" + b.anchor() + " " + text.text(b)).toList();
    }

    @Test
    void onlyTheMainContentIsRead() {
        assertEquals(List.of("# Texto"), blocks("""
                <header><p>Encabezado</p></header><main id="main"><p>Texto</p></main><footer><p>Pie</p></footer>"""));
        assertEquals(List.of(), blocks("<body><p>Sin main</p></body>"));
    }

    @Test
    void titleNavigationDrawingsScriptsAndMarkedPartsAreLeftOut() {
        assertEquals(List.of("# Uno", "# Dos"), blocks("""
                <main id="main"><h1>Título</h1><nav><h2 id="toc-title">En esta página</h2><ol><li>x</li></ol></nav>
                <p>Uno</p><svg><text>60</text></svg><script>var a = "<p>no</p>";</script>
                <section class="citation" data-search-skip><h2 id="citation-title">Cómo citar</h2><p>Coalición</p></section>
                <section data-search-skip=""><p>tampoco</p></section><p>Dos</p></main>"""));
    }

    @Test
    void eachBlockKnowsTheAnchorNearestToIt() {
        assertEquals(List.of("# Antes", "H #fases Fases", "#fases Texto", "H #fases Sin id", "#fases Después",
                "#formato-carta-compromiso Promover", "#formato-carta-compromiso Formato carta compromiso", "#tabla Otra fila",
                "H #otra Otra"), blocks("""
                <main id="main"><p>Antes</p><h2 id="fases">Fases</h2><p>Texto</p><h3>Sin id</h3><p>Después</p>
                <table id="tabla"><tbody><tr id="formato-carta-compromiso"><th scope="row">Promover</th>
                <td>Formato carta <span>compromiso</span></td></tr><tr><td>Otra fila</td></tr></tbody></table>
                <h2 id="otra">Otra</h2></main>"""));
    }

    @Test
    void inlineElementsJoinTheirTextAndReferencesAreDecoded() {
        assertEquals(List.of("# Uno dos tres & <cuatro> \"cinco\" seis siete ü"), blocks("""
                <main id="main"><p>Uno <em>dos</em> <a href="#">tres</a> &amp; &lt;cuatro&gt; &quot;cinco&quot;&nbsp;seis<br>siete &#252;</p>
                <!-- <p>comentario</p> --></main>"""));
    }

    @Test
    void attributesAreReadWholeNames() {
        assertEquals(true, HtmlText.hasAttribute(" class=\"x\" data-search-skip", HtmlText.SKIP));
        assertEquals(false, HtmlText.hasAttribute(" data-search-skipped=\"1\"", HtmlText.SKIP));
        assertEquals("a&b", HtmlText.attribute(" lang=\"es\" id=\"a&amp;b\"", "id"));
        assertEquals(null, HtmlText.attribute(" data-id=\"x\"", "id"));
    }

    @Test
    void whitespaceRunsBecomeOneSpaceAsJavaDefinesWhitespaceAndTheNoBreakSpace() {
        assertEquals(List.of("# a b c"), blocks("<main><p> \t a \n\r\u000B\f b\u00A0\u2003c\u001C </p></main>"));
        assertEquals(List.of("# Diagnóstico — ü"), blocks("<main><p>Diagnóstico  —\n <em> ü</em> </p></main>"));
        assertEquals(List.of("# a b"), blocks("<main><p>a&nbsp; <br> &#32;b&#10;</p></main>"));
        assertEquals(List.of(), blocks("<main><p> &nbsp; </p><div>\n</div></main>"));
        for (char c = 1; c < 0x3100; c++) { // the Basic Latin to Bopomofo blocks, every space separator among them
            if (c == '<' || c == '&') {
                continue;
            }
            boolean space = Character.isWhitespace(c) || c == '\u00A0';
            String written = "x" + c + "y";
            assertEquals(List.of("# " + (space ? "x y" : written)), blocks("<main><p>" + written + "</p></main>"), "U+" + Integer.toHexString(c));
            assertEquals(List.of("# " + (space ? "x y" : written)), blocks("<main><p>x&#" + (int) c + ";y</p></main>"), "&#" + (int) c);
        }
    }

    @Test
    void wellFormedUtf8WithoutReferencesIsDecodedDirectlyAndAnythingElseIsLeftToTheStringDecoder() {
        // one of each length at the edges of its range, at the start, the middle and the very end
        String[] texts = {"a", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\uD7FF", "\uE000", "𐀀", "\uDBFF\uDFFF", "ñ€𝄞😀ü",
            "Diagnóstico", "1 < 2 > 0", "\u0001\u007F"};
        for (String text : texts) {
            for (String written : new String[] {text, "[" + text + "]", text + text}) {
                byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
                assertEquals(written, HtmlText.decodedDirectly(bytes), written);
            }
        }
        assertEquals("a b", HtmlText.decodedDirectly("  a \t\n b  ".getBytes(StandardCharsets.UTF_8)));
        assertEquals("x y", HtmlText.decodedDirectly("x\u00A0\u2003y".getBytes(StandardCharsets.UTF_8)), "no-break and em spaces");
        assertEquals("", HtmlText.decodedDirectly(new byte[0]));
        assertNull(HtmlText.decodedDirectly("a &amp; b".getBytes(StandardCharsets.UTF_8)), "a reference");
        assertNull(HtmlText.decodedDirectly("&".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyWhitespaceCharacterOfJavaAndTheNoBreakSpaceSeparateWords() {
        for (char c = 0; c < 0xD800; c++) {
            if (c == '&' || c == '<') {
                continue;
            }
            String expected = Character.isWhitespace(c) || c == '\u00A0' ? "x y" : "x" + c + "y";
            assertEquals(expected, HtmlText.decodedDirectly(("x" + c + "y").getBytes(StandardCharsets.UTF_8)), Integer.toHexString(c));
        }
    }

    @Test
    void aLongBlockIsReadWholeTheFastWayAndTheSlowWay() {
        String accents = "ü".repeat(700);
        String letters = "x".repeat(900);
        assertEquals(List.of("# " + accents + " " + letters), blocks("<main><p>" + accents + " <em>" + letters + "</em></p></main>"));
        assertEquals(List.of("# " + accents + "&" + letters), blocks("<main><p>" + accents + "&amp;" + letters + "</p></main>"));
        assertEquals(List.of("# a " + letters), blocks("<main><p>a<br>" + letters + "</p></main>"));
    }

    @Test
    void textIsDecodedFromUtf8AsJavaDecodesItAndBytesThatAreNotUtf8BecomeTheReplacementCharacter() {
        String text = "a ñ € 𝄞 😀 ü";
        assertEquals(List.of("# " + text), blocks("<main><p>" + text + "</p></main>"));
        byte[][] broken = {
            {(byte) 0xC3}, // a sequence cut short
            {(byte) 0xC3, 'x'}, // a lead byte without its continuation
            {(byte) 0xC0, (byte) 0x80}, // overlong
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // overlong
            {(byte) 0x80}, // a continuation alone
            {(byte) 0xFF},
            {(byte) 0xE2, (byte) 0x82}, // cut short
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, // cut short
        };
        for (byte[] bytes : broken) {
            assertNull(HtmlText.decodedDirectly(bytes), java.util.HexFormat.of().formatHex(bytes));
            byte[] inText = ("a" + new String(bytes, StandardCharsets.ISO_8859_1) + "b").getBytes(StandardCharsets.ISO_8859_1);
            assertNull(HtmlText.decodedDirectly(inText), java.util.HexFormat.of().formatHex(inText));
            var page = new java.io.ByteArrayOutputStream();
            page.writeBytes("<main><p>é ".getBytes(StandardCharsets.UTF_8));
            page.writeBytes(bytes);
            page.writeBytes(" ü</p></main>".getBytes(StandardCharsets.UTF_8));
            String expected = "é " + new String(bytes, StandardCharsets.UTF_8) + " ü";
            PageText read = HtmlText.of(page.toByteArray());
            List<String> blocks = read.blocks().stream().map(read::text).toList();
            assertEquals(List.of(expected), blocks, java.util.HexFormat.of().formatHex(bytes));
            assertTrue(expected.contains("\uFFFD"), java.util.HexFormat.of().formatHex(bytes));
        }
    }
}
