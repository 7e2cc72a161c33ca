package org.abierto.parse;

import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.BodyPart;
import org.abierto.model.Heading;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownTest {
    static final Path FILE = Path.of("/c/es/x.md");
    final Markdown markdown = new Markdown(new SafelistFilter());
    final Diagnostics diagnostics = new Diagnostics();

    private String html(String body) {
        MarkdownBody converted = markdown.convert(FILE, body, 4, diagnostics);
        return converted.parts().stream().map(p -> ((BodyPart.Html) p).html()).reduce("", String::concat);
    }

    @Test
    void headingIdsAreFoldedFromAccentsAndUniqueWithinThePage() {
        MarkdownBody body = markdown.convert(FILE, "## Diagnóstico\n\n## Diagnóstico\n\n### Fase 2: Cocreación {#cocreacion}\n", 4, diagnostics);
        assertEquals(List.of(new Heading(2, "diagnostico", "Diagnóstico"), new Heading(2, "diagnostico-2", "Diagnóstico"),
                new Heading(3, "cocreacion", "Fase 2: Cocreación")), body.outline());
        assertEquals("""
                <h2 id="diagnostico" data-src="5:1">Diagnóstico</h2>
                <h2 id="diagnostico-2" data-src="7:1">Diagnóstico</h2>
                <h3 id="cocreacion" data-src="9:1">Fase 2: Cocreación</h3>
                """, ((BodyPart.Html) body.parts().get(0)).html());
    }

    @Test
    void phraseInAnotherLanguageBecomesASpanWithLang() {
        assertEquals("<p>The <span lang=\"es\">Coalición <em>Nuevo León</em> Abierto</span> met.</p>\n",
                html("The [Coalición *Nuevo León* Abierto]{lang=es} met.\n"));
    }

    @Test
    void phraseAcceptsOnlyLanguageAttributes() {
        html("The [Coalición]{class=x} met.\n");
        assertEquals(List.of("/c/es/x.md:5:16: error: a marked phrase takes only lang (and dir), as in "
                + "[Coalición Nuevo León Abierto]{lang=es}; remove class"), format());
    }

    @Test
    void directivesSplitTheBodyInPlace() {
        MarkdownBody body = markdown.convert(FILE, "Antes.\n\n::table{data=ejemplares caption=\"Tabla uno\"}\n\nDespués.\n", 4, diagnostics);
        assertEquals(List.of(
                new BodyPart.Html("<p>Antes.</p>\n"),
                new BodyPart.Directive("table", Map.of("data", "ejemplares", "caption", "Tabla uno"), new SourcePosition(FILE, 7, 1)),
                new BodyPart.Html("<p>Después.</p>\n")), body.parts());
        assertEquals(List.of(), format());
    }

    @Test
    void directiveMistakesAreReportedWhereTheyAre() {
        markdown.convert(FILE, "::Table{data=x}\n\n- ::list{data=x}\n\n::table{data=x\n", 0, diagnostics);
        assertEquals(List.of(
                "/c/es/x.md:1:1: error: a directive is one line such as ::table{data=ejemplares}, in lower case, with a blank line before and after it",
                "/c/es/x.md:3:3: error: the directive ::list is inside a list or quote; put it at the start of a line of its own",
                "/c/es/x.md:5:1: error: a directive is one line such as ::table{data=ejemplares}, in lower case, with a blank line before and after it"),
                format());
    }

    @Test
    void unsafeDirectiveParametersAreLeftOutWithAWarningAtEach() {
        MarkdownBody body = markdown.convert(FILE, "  ::table{data=ejemplares onclick=\"x()\" url='javascript:x'}\n", 4, diagnostics);
        assertEquals(List.of(new BodyPart.Directive("table", Map.of("data", "ejemplares"), new SourcePosition(FILE, 5, 3))), body.parts());
        assertEquals(List.of("/c/es/x.md:5:27: warning: ::table: removed the parameter onclick, a name starting with 'on', which HTML "
                        + "keeps for event handlers; a directive's template gets only safe values (see content/README.md)",
                "/c/es/x.md:5:41: warning: ::table: removed the parameter url, a javascript: address; a directive's template gets "
                        + "only safe values (see content/README.md)"), format());
    }

    @Test
    void attributesInBracesAreJudgedOnTheirElementAndWhereTheyWereWrittenIsNeverPublished() {
        assertEquals("<p class=\"nota\" id=\"a\">P.</p>\n", html("P. {.nota ONCLICK=\"alert(1)\" #a}\n"));
        assertEquals(List.of("/c/es/x.md:5:11: warning: attributes in braces: removed the onclick attribute of <p>; only safe markup is "
                + "published (see content/README.md)"), format());
    }

    @Test
    void bodiesWithoutRawHtmlOrAttributesAreLeftAsFlexmarkWroteThem() {
        // Cleaning would rewrite <hr /> as <hr>: a phrase's {lang=es} is not an attribute to clean.
        assertEquals("<p>The <span lang=\"es\">Coalición</span> met.</p>\n<hr />\n", html("The [Coalición]{lang=es} met.\n\n---\n"));
        assertEquals("<p><span class=\"c\">Texto </span> y más.</p>\n<hr>\n", html("Texto {.c} y más.\n\n---\n"));
        assertEquals("<p>Texto <b>negrita</b>.</p>\n<hr>\n", html("Texto <b>negrita</b>.\n\n---\n"));
        assertEquals(List.of(), format());
    }

    @Test
    void linksAndTablesCarryTheirSourcePositionAndAlignmentBecomesAClass() {
        assertEquals("""
                <p>Ver <a href="anexo.md#a" data-src="5:5">el anexo</a>.</p>
                <table data-src="7:1">
                <thead>
                <tr><th>a</th><th class="align-right">b</th></tr>
                </thead>
                <tbody>
                <tr><td>x</td><td class="align-right">1</td></tr>
                </tbody>
                </table>
                """, html("Ver [el anexo](anexo.md#a).\n\n| a | b |\n|---|--:|\n| x | 1 |\n"));
    }

    @Test
    void bareAddressesAreLinkedInEveryFormAutolinkKnows() {
        // Autolink runs only on pages that may hold a bare address: each way of writing one must still reach it.
        for (String address : List.of("https://ejemplo.mx/a", "ftp://ejemplo.mx", "www.ejemplo.mx",
                "ana@ejemplo.mx", "ana\\@ejemplo.mx")) {
            assertEquals(true, html("Escriba a " + address + " hoy.\n").contains("<a href="), address);
        }
    }

    @Test
    void onlyPagesThatMayHoldABareAddressPayForAutolink() {
        assertEquals(false, Markdown.mayHoldBareAddress("Véase [el diagnóstico](../diagnostico.md#fase-2): 3 fases. Ver www y w.x\n"));
        for (String text : List.of("a://b", "x@y", "&#64;", "www.", "WwW.", "Www.")) {
            assertEquals(true, Markdown.mayHoldBareAddress("Texto " + text + " fin"), text);
        }
        // at the very start and end, and after other dots
        for (String text : List.of("www.x", "a. b. www.", "x:/", "&", "@")) {
            assertEquals(!text.equals("x:/"), Markdown.mayHoldBareAddress(text), text);
        }
        assertEquals(false, Markdown.mayHoldBareAddress(".w.ww.wwx.ww"));
    }

    @Test
    void footnotesAndAutolinks() {
        assertEquals("""
                <p>Dato<sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a></sup> en <a href="https://www.opengovpartnership.org" data-src="5:13">https://www.opengovpartnership.org</a></p>
                <div class="footnotes">
                <hr />
                <ol>
                <li id="fn-1">
                <p>Nota.</p>
                <a href="#fnref-1" class="footnote-backref">↩</a>
                </li>
                </ol>
                </div>
                """, html("Dato[^1] en https://www.opengovpartnership.org\n\n[^1]: Nota.\n"));
    }

    @Test
    void nestingTooDeepForTheParserIsAnErrorAtItsPlaceAndThePageIsLeftEmpty() throws InterruptedException {
        String body = "*a ".repeat(20_000) + "x" + "*".repeat(20_000);
        var converted = new AtomicReference<MarkdownBody>();
        // A small stack, so that Flexmark's parser runs out of it whatever the stack of the thread running the tests.
        Thread small = new Thread(null, () -> converted.set(markdown.convert(FILE, body, 4, diagnostics)), "small", 1 << 18);
        small.start();
        small.join();
        assertEquals(new MarkdownBody(List.of(), List.of()), converted.get());
        assertEquals(List.of("/c/es/x.md:5:151: error: " + NESTING), format());
    }

    @Test
    void nestingTooDeepToRenderIsAnErrorAtTheFirstLevelTooDeepAndThePageIsLeftEmpty() {
        MarkdownBody body = markdown.convert(FILE, "# Hondo\n\n" + ">".repeat(Markdown.MAX_NESTING + 1) + " texto\n", 4, diagnostics);
        assertEquals(new MarkdownBody(List.of(), List.of()), body);
        assertEquals(List.of("/c/es/x.md:7:51: error: " + NESTING), format());
    }

    @Test
    void rawHtmlLinkingElementsCarryWhereTheirTagWasWrittenFromTheVeryStartOfThePage() {
        assertEquals("<img data-src-html=\"5:1\" src=\"a.png\" alt=\"\">\n<p>Y <a data-src-html=\"7:3\" href=\"b.md\">b</a>.</p>\n",
                html("<img src=\"a.png\" alt=\"\">\n\nY <a href=\"b.md\">b</a>.\n"));
        assertEquals(List.of(), format());
    }

    @Test
    void htmlAfterACommentOnItsLineIsRawHtmlPositionedAndCleanedWithAWarning() {
        assertEquals("<a data-src-html=\"5:14\" href=\"y.md\">y</a>\n<p>Texto.</p>\n",
                html("<!-- nota --><a href=\"y.md\" onclick=\"x()\">y</a>\n\nTexto.\n"));
        assertEquals(List.of("/c/es/x.md:5:1: warning: raw HTML: removed the onclick attribute of <a>; only safe markup is published "
                + "(see content/README.md)"), format());
        assertEquals("\n<p>Texto.</p>\n", html("<!-- nota -->\n\nTexto.\n"));
    }

    @Test
    void pagesWithMoreRawTagsThanTextAreConverted() {
        assertEquals("<p>Texto <b>uno</b> <i>dos</i> <u>tres</u>.</p>\n", html("Texto <b>uno</b> <i>dos</i> <u>tres</u>.\n"));
    }

    @Test
    void linkingTagsInsideCommentsOrQuotedValuesAreNotPositionedAndThoseAfterThemAre() {
        assertEquals("<div><a data-src-html=\"5:26\" href=\"y.md\">y</a><a data-src-html=\"5:79\" href=\"z.md\">z</a> --&gt;</div>\n",
                html("<div><!-- escribe \"<\" --><a href=\"y.md\">y</a><!-- <a href=\"viejo.md\"> --><!--><a href=\"z.md\">z</a> --></div>\n"));
        assertEquals("<div><a data-src-html=\"5:17\" href=\"y.md\">y</a><a data-src-html=\"5:56\" href=\"z.md\">z</a></div>\n",
                html("<div><!-- x --!><a href=\"y.md\">y</a><!-- <img --><!---><a href=\"z.md\">z</a></div>\n"));
        assertEquals("<p>Ver <a data-src-html=\"5:5\" title=\"x &lt;img &gt;\" href=\"y.md\">y</a></p>\n",
                html("Ver <a title=\"x <img >\" href=\"y.md\">y</a>\n"));
        assertEquals("<div>\nuno &lt; dos\n</div>", html("<div>\nuno < dos\n"));
        assertEquals(List.of(), format());
    }

    @Test
    void headingTextKeepsCodeEmphasisAndLineBreaksAsPlainText() {
        MarkdownBody body = markdown.convert(FILE, "## Uso de `abierto` y *más*\n\nUno\ndos\n===\n\nTres  \ncuatro\n===\n", 4, diagnostics);
        assertEquals(List.of(new Heading(2, "uso-de-abierto-y-mas", "Uso de abierto y más"), new Heading(1, "uno-dos", "Uno dos"),
                new Heading(1, "tres-cuatro", "Tres cuatro")), body.outline());
    }

    @Test
    void anExplicitHeadingIdIsTakenSoThatAFoldedOneIsMadeUnique() {
        MarkdownBody body = markdown.convert(FILE, "## Uno {#fase}\n\n## Fase\n", 4, diagnostics);
        assertEquals(List.of(new Heading(2, "fase", "Uno"), new Heading(2, "fase-2", "Fase")), body.outline());
    }

    @Test
    void bracketsThatAreNeitherALinkNorAPhraseStillHaveTheirRawHtmlPositioned() {
        assertEquals("<p>[texto <a data-src-html=\"5:8\" href=\"x.md\">y</a>]</p>\n", html("[texto <a href=\"x.md\">y</a>]\n"));
    }

    @Test
    void aPhraseMayTakeOnlyADirectionAndItsLanguageMustBeACode() {
        assertEquals("<p><span dir=\"rtl\">texto</span></p>\n", html("[texto]{dir=rtl}\n"));
        assertEquals(List.of(), format());
        html("[texto]{lang=Español}\n");
        assertEquals(List.of("/c/es/x.md:5:8: error: 'Español' is not a language code; use a code such as es or en"), format());
    }

    @Test
    void rawHtmlInsideAPhraseIsCleanedWithAWarningWhereItIs() {
        assertEquals("<p><span lang=\"es\">texto <b>y</b></span></p>\n", html("[texto <b onclick=\"x\">y</b>]{lang=es}\n"));
        assertEquals(List.of("/c/es/x.md:5:8: warning: raw HTML: removed the onclick attribute of <b>; only safe markup is published "
                + "(see content/README.md)"), format());
    }

    @Test
    void rawHtmlInsideAPhraseWithAWrongAttributeIsStillCleanedWithAWarning() {
        assertEquals("<p>[texto <b>y</b>]</p>\n", html("[texto <b onclick=\"x\">y</b>]{class=x}\n"));
        assertEquals(List.of("/c/es/x.md:5:8: warning: raw HTML: removed the onclick attribute of <b>; only safe markup is published "
                        + "(see content/README.md)",
                "/c/es/x.md:5:29: error: a marked phrase takes only lang (and dir), as in [Coalición Nuevo León Abierto]{lang=es}; remove class"),
                format());
    }

    @Test
    void aDirectiveMayFollowUnicodeSpaceAndALoneColonOrTripleColonIsText() {
        assertEquals(List.of(new BodyPart.Directive("table", Map.of("data", "x"), new SourcePosition(FILE, 5, 1))),
                markdown.convert(FILE, "\u2003::table{data=x}\n", 4, diagnostics).parts());
        assertEquals("<p>\u2003</p>\n", html("\u2003\n"));
        assertEquals("<p>:</p>\n", html(":"));
        assertEquals("<p>::: <a href=\"a.md\" data-src=\"5:5\">enlace</a></p>\n", html("::: [enlace](a.md)\n"));
        assertEquals(List.of(), format());
    }

    @Test
    void anUnsafeParameterOfADirectiveAfterUnicodeSpaceIsWarnedWhereItIs() {
        markdown.convert(FILE, "\u2003::table{data=x onclick=y}\n", 4, diagnostics);
        assertEquals(List.of("/c/es/x.md:5:17: warning: ::table: removed the parameter onclick, a name starting with 'on', which HTML "
                + "keeps for event handlers; a directive's template gets only safe values (see content/README.md)"), format());
    }

    @Test
    void aMistypedDirectiveLineIsStillConvertedItsLinksPositionedAndItsRawHtmlCleaned() {
        assertEquals("<p>::Tabla ver <a href=\"b.md\" data-src=\"5:13\">a</a> <b>y</b></p>\n",
                html("::Tabla ver [a](b.md) <b onclick=\"x\">y</b>\n"));
        assertEquals(List.of("/c/es/x.md:5:1: error: " + DIRECTIVE_SYNTAX, "/c/es/x.md:5:23: warning: " + ONCLICK), format());
    }

    @Test
    void rawHtmlInANestedDirectiveIsCleanedWithAWarning() {
        html("- ::list{x=<b onclick=\"y\">}\n");
        assertEquals(List.of("/c/es/x.md:5:3: error: the directive ::list is inside a list or quote; put it at the start of a line of its own",
                "/c/es/x.md:5:12: warning: " + ONCLICK), format());
    }

    @Test
    void aDirectiveWhoseAttributesCannotBeReadIsOneErrorAndItsBracesAreNotJudgedAsAttributes() {
        html("::table{data=x .nota}\n");
        assertEquals(List.of("/c/es/x.md:5:1: error: cannot read the attributes {data=x .nota} of ::table; write them as name=value "
                + "separated by spaces"), format());
    }

    @Test
    void rawHtmlInADirectiveWhoseAttributesCannotBeReadIsCleanedWithAWarning() {
        html("::table{data=x <b onclick=\"y\">}\n");
        assertEquals(List.of("/c/es/x.md:5:1: error: cannot read the attributes {data=x <b onclick=\"y\">} of ::table; write them as "
                + "name=value separated by spaces", "/c/es/x.md:5:16: warning: " + ONCLICK), format());
    }

    @Test
    void markupInADirectiveParameterIsTheParametersTextNotRawHtmlOfThePage() {
        MarkdownBody body = markdown.convert(FILE, "::table{data=x caption=<script>}\n", 4, diagnostics);
        assertEquals(List.of(new BodyPart.Directive("table", Map.of("data", "x", "caption", "<script>"), new SourcePosition(FILE, 5, 1))),
                body.parts());
        assertEquals(List.of(), format());
    }

    @Test
    void aCellsClassInBracesIsKeptBesideItsAlignment() {
        assertEquals("""
                <table data-src="5:1">
                <thead>
                <tr><th class="align-right">a</th></tr>
                </thead>
                <tbody>
                <tr><td class="x align-right">1</td></tr>
                </tbody>
                </table>
                """, html("| a |\n|--:|\n| 1 {.x}|\n"));
    }

    @Test
    void aSafelistThatRemovesAnIdOrClassWrittenAsHashOrDotHearsOfItWhereItWasWritten() {
        HtmlSafelist noIdsOrClasses = new HtmlSafelist() {
            @Override
            public List<Removal> removals(String html) {
                return List.of();
            }

            @Override
            public Cleaned cleaned(String html) {
                List<Removal> removed = new ArrayList<>();
                for (Element e : Jsoup.parseBodyFragment(html).body().select("[class], [id]")) {
                    for (String name : List.of("class", "id")) {
                        if (e.hasAttr(name)) {
                            removed.add(new Removal("the " + name + " attribute of <" + e.normalName() + ">", name,
                                    e.attr(Markdown.ATTRIBUTES_SOURCE)));
                        }
                    }
                }
                return new Cleaned(removed, html);
            }

            @Override
            public String unsafeParameter(String name, String value) {
                return null;
            }
        };
        new Markdown(noIdsOrClasses).convert(FILE, "P. {title=t .nota #a}\n", 4, diagnostics);
        assertEquals(List.of("/c/es/x.md:5:13: warning: attributes in braces: removed the class attribute of <p>; only safe markup is "
                        + "published (see content/README.md)",
                "/c/es/x.md:5:19: warning: attributes in braces: removed the id attribute of <p>; only safe markup is published "
                        + "(see content/README.md)"), format());
    }

    private static final String NESTING = "quotes, lists, emphasis or links are nested more than 50 levels deep here, each inside the "
            + "previous; a page may nest them at most 50 levels (see content/README.md, 'Limits'): flatten the text";
    private static final String DIRECTIVE_SYNTAX =
            "a directive is one line such as ::table{data=ejemplares}, in lower case, with a blank line before and after it";
    private static final String ONCLICK = "raw HTML: removed the onclick attribute of <b>; only safe markup is published (see content/README.md)";

    private List<String> format() {
        return diagnostics.all().stream().map(d -> d.format(null)).toList();
    }
}
