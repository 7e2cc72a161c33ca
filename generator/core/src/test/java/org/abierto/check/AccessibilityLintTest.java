package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each rule of the accessibility lint on a page that breaks it (one located error with what to do)
 * and on the nearest page that does not (no error). Elements written in Markdown carry their
 * position in {@code data-src}, as the parse stage writes it; the others come from a template.
 */
class AccessibilityLintTest {
    private static final Path PAGE = Path.of("content/es/pagina.md");

    /** The lint's diagnostics for a rendered body, each as {@code line:col code: message}. */
    private static List<String> lint(String body) {
        var diagnostics = new Diagnostics();
        AccessibilityLint.check(new PageElements(Jsoup.parseBodyFragment(body)), e -> {
            String[] at = e.attr("data-src").split(":");
            return at.length == 2 ? new SourcePosition(PAGE, Integer.parseInt(at[0]), Integer.parseInt(at[1])) : SourcePosition.of(PAGE);
        }, diagnostics);
        return diagnostics.all().stream().map(d -> d.line() + ":" + d.column() + " " + d.code() + ": " + d.message()).toList();
    }

    @Test
    void anImageWithoutAltIsAnError() {
        assertEquals(List.of("0:0 image-alt: an image has no alt text; describe what it shows (in Markdown: ![description](file)), "
                + "or give alt=\"\" only to a purely decorative image"), lint("<p><img src=\"mapa.png\"></p>"));
        assertEquals(List.of(), lint("<p><img src=\"mapa.png\" alt=\"Mapa de las colonias\"></p>"));
    }

    @Test
    void anEmptyDescriptionIsAnErrorInMarkdownOnly() {
        String error = "the image ![](mapa.png) has an empty description; write what it shows between the brackets";
        assertEquals(List.of("4:1 image-alt: " + error), lint("<p><img data-src=\"4:1\" src=\"mapa.png\" alt=\"\"></p>"));
        assertEquals(List.of("4:1 image-alt: " + error), lint("<p><img data-src=\"4:1\" src=\"mapa.png\" alt=\"  \"></p>"));
        assertEquals(List.of(), lint("<p><img data-src=\"4:1\" src=\"mapa.png\" alt=\"Mapa\"></p>"));
        // A template's decorative image says so with alt="".
        assertEquals(List.of(), lint("<p><img src=\"adorno.svg\" alt=\"\"></p>"));
    }

    @Test
    void aButtonNeedsTextOrALabel() {
        String error = "0:0 empty-button: a button has no text; name what it does";
        assertEquals(List.of(error), lint("<button> </button>"));
        assertEquals(List.of(error), lint("<button aria-label=\" \"><svg></svg></button>"));
        assertEquals(List.of(), lint("<button>Buscar</button>"));
        assertEquals(List.of(), lint("<button aria-label=\"Buscar\"><svg></svg></button>"));
    }

    @Test
    void aSecondLevelOneHeadingIsAnError() {
        assertEquals(List.of("7:1 heading-h1: the page has a second level-1 heading ('Otra'); the title is the only one: start the "
                + "page's headings with ## in Markdown"), lint("<h1>Título</h1><p>a</p><h1 data-src=\"7:1\">Otra</h1><p>b</p>"));
        assertEquals(List.of(), lint("<h1>Título</h1><p>a</p><h2>Parte</h2><p>b</p>"));
    }

    @Test
    void aSkippedHeadingLevelIsAnErrorWithTheLevelToUse() {
        assertEquals(List.of("5:1 heading-skip: the heading 'Detalle' is level 4 right after a level 2; use level 3 (### in Markdown)"),
                lint("<h1>Título</h1><h2>Parte</h2><p>a</p><h4 data-src=\"5:1\">Detalle</h4><p>b</p>"));
        assertEquals(List.of("3:1 heading-skip: the heading 'Parte' is level 3 right after a level 1; use level 2 (## in Markdown)"),
                lint("<h1>Título</h1><h3 data-src=\"3:1\">Parte</h3><p>a</p>"));
        // Going one level down, or back up any number, is the outline working as meant.
        assertEquals(List.of(), lint("<h1>T</h1><h2>a</h2><p>a</p><h3>b</h3><p>b</p><h4>c</h4><p>c</p><h2>d</h2><p>d</p>"));
    }

    @Test
    void thePageMayStartBelowLevelOne() {
        // A template without an <h1> (a landing page) may start at any level.
        assertEquals(List.of(), lint("<h3>Parte</h3><p>a</p><h4>Detalle</h4><p>b</p>"));
    }

    @Test
    void aMarkdownHeadingOverNothingIsAnEmptySection() {
        String body = "<h2 data-src=\"6:1\">Antecedentes</h2> <div> </div><h2 data-src=\"8:1\">Resultados</h2><p>Texto.</p>";
        assertEquals(List.of("6:1 empty-section: the section 'Antecedentes' is empty: nothing is shown under its heading before the next "
                + "one (a directive above that listed nothing?); write its text, or remove the heading"), lint(body));
    }

    @Test
    void aSectionEndsAtAHeadingOfItsLevelOrHigher() {
        assertEquals(List.of("6:1"), emptySections("<h3 data-src=\"6:1\">A</h3><h1>B</h1><p>x</p>"));
        assertEquals(List.of("6:1"), emptySections("<h6 data-src=\"6:1\">A</h6><h6>B</h6><p>x</p>"));
        assertEquals(List.of("6:1"), emptySections("<div><h2 data-src=\"6:1\">A</h2></div><p>after what holds it</p>"));
    }

    @Test
    void aLowerHeadingOpensAPartOfTheSection() {
        assertEquals(List.of(), emptySections("<h2 data-src=\"6:1\">A</h2><h3 data-src=\"8:1\">B</h3><p>x</p>"));
        assertEquals(List.of(), emptySections("<h5 data-src=\"6:1\">A</h5><h6 data-src=\"8:1\">B</h6><p>x</p>"));
    }

    @Test
    void aSectionWithTextOrMediaIsNotEmpty() {
        assertEquals(List.of(), emptySections("<h2 data-src=\"6:1\">A</h2>texto suelto<h2>B</h2><p>x</p>"));
        assertEquals(List.of(), emptySections("<h2 data-src=\"6:1\">A</h2><div><p>texto</p></div><h2>B</h2><p>x</p>"));
        assertEquals(List.of(), emptySections("<h2 data-src=\"6:1\">A</h2><figure><img src=\"a.png\" alt=\"a\"></figure><h2>B</h2><p>x</p>"));
        assertEquals(List.of(), emptySections("<h2 data-src=\"6:1\">A</h2><div><svg></svg></div><h2>B</h2><p>x</p>"));
    }

    @Test
    void aTemplateHeadingIsNotCheckedForAnEmptySection() {
        // A template may print a heading whose content a script fills in.
        assertEquals(List.of(), emptySections("<h2>Resultados</h2><div id=\"resultados\"></div>"));
    }

    @Test
    void aTableNeedsHeaderCellsAndACaption() {
        assertEquals(List.of("0:0 table-caption: a table has no caption; in Markdown, write [Its title] on the line right after the table",
                        "0:0 table-headers: a table has no header cells; give it a header row"),
                lint("<table><tr><td>1</td></tr></table>"));
        assertEquals(List.of("0:0 table-caption: a table has no caption; in Markdown, write [Its title] on the line right after the table"),
                lint("<table><tr><th>Año</th></tr><tr><td>1</td></tr></table>"));
        assertEquals(List.of("0:0 table-headers: a table has no header cells; give it a header row"),
                lint("<table><caption>Cifras</caption><tr><td>1</td></tr></table>"));
        assertEquals(List.of(), lint("<table><caption>Cifras</caption><tr><th>Año</th></tr><tr><td>1</td></tr></table>"));
    }

    /** The positions of the empty-section errors of a body. */
    private static List<String> emptySections(String body) {
        return lint(body).stream().filter(d -> d.contains(" empty-section: ")).map(d -> d.substring(0, d.indexOf(' '))).toList();
    }
}
