package org.abierto.parse;

import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.BodyPart;
import org.abierto.model.Heading;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    private List<String> format() {
        return diagnostics.all().stream().map(d -> d.format(null)).toList();
    }
}
