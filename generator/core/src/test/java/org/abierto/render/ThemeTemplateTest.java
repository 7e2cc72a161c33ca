package org.abierto.render;

import org.abierto.BuildResult;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a theme's templates see as they render a page (the variables, the page's language, HTML
 * escaping everywhere), and what their author is told when one fails: the template's line and column,
 * and which pages it failed on.
 */
class ThemeTemplateTest {
    static final String UNDEFINED = "is undefined or null; check its spelling, or write ${x!\"\"} or <#if x??> where it may be missing";

    @TempDir
    Path dir;

    /** The mini site with {@code line} as line 4 of page.ftlh, and the given files (path, text, …) written after it. */
    private MiniSite site(String line, String... files) {
        var site = MiniSite.create(dir);
        site.file("templates/page.ftlh", "<!DOCTYPE html>\n<html lang=\"${site.language.code}\"><head><meta charset=\"utf-8\">"
                + "<title>${page.title}</title></head>\n<body>\n" + line + "\n${content}\n</body></html>\n");
        for (int i = 0; i < files.length; i += 2) {
            site.file(files[i], files[i + 1]);
        }
        return site;
    }

    /** The line a page's template wrote as line 4. */
    private static String line4(MiniSite site, String page) {
        return site.output(page).lines().skip(3).findFirst().orElseThrow();
    }

    private static MiniSite built(MiniSite site) {
        BuildResult result = site.build();
        assertTrue(result.written(), () -> site.report(result).toString());
        return site;
    }

    @Test
    void aTemplateWritesInTheLocaleOfThePagesLanguageAndValuesAsCode() {
        var site = built(site("<p>${.locale} ${1234567} ${3.5} ${(1 == 1)?then(\"sí\", \"no\")} ${(1 == 1)} "
                + "${1234567?string(\",##0.0\")} ${format.number(1234567)}</p>"));
        // Numbers and true/false print as code does (for attributes and data), format.number as readers read.
        assertEquals("<p>es_MX 1234567 3.5 sí true 1,234,567.0 1,234,567</p>", line4(site, "es/diagnostico/index.html"));
        assertEquals("<p>en_US 1234567 3.5 sí true 1,234,567.0 1,234,567</p>", line4(site, "en/diagnosis/index.html"));
    }

    @Test
    void everyTemplateEscapesHtmlWhateverItsFileIsCalled() {
        var site = built(site("<#include \"partials/titulo.ftl\"><#include \"partials/titulo.html\">",
                "templates/partials/titulo.ftl", "<p>${page.title}</p>",
                "templates/partials/titulo.html", "<p>${page.title}</p>",
                "content/es/diagnostico.md", "---\ntitle: \"Agua <script>alert(1)</script> & luz\"\norder: 1\n---\n\nTexto.\n"));
        String escaped = "<p>Agua &lt;script&gt;alert(1)&lt;/script&gt; &amp; luz</p>";
        assertTrue(line4(site, "es/diagnostico/index.html").startsWith(escaped + escaped), line4(site, "es/diagnostico/index.html"));
    }

    @Test
    void aTemplateNamedLikeALanguageIsNotTakenInPlaceOfTheLayout() {
        // Freemarker's own "localized lookup" would render page.ftlh from page_en_US.ftlh where one exists.
        var site = site("<p>page.ftlh</p>");
        for (String locale : List.of("en", "en_US", "es", "es_MX", "en_GB", "es_ES")) {
            site.file("templates/page_" + locale + ".ftlh", "<p>page_" + locale + ".ftlh</p>");
        }
        built(site);
        assertEquals("<p>page.ftlh</p>", line4(site, "es/diagnostico/index.html"));
        assertEquals("<p>page.ftlh</p>", line4(site, "en/diagnosis/index.html"));
    }

    @Test
    void anEmptyItemOfAListIsMissingNotAVariableOfTheSameNameOutside() {
        var site = built(site("<p><#list page.params.valores![] as page>${page!\"vacío\"},</#list></p>",
                "content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\nparams:\n  valores: [1, ~, 3]\n---\n\nTexto.\n"));
        assertEquals("<p>1,vacío,3,</p>", line4(site, "es/diagnostico/index.html"));
    }

    @Test
    void aPageTemplateSeesItsVariablesAndADirectiveTemplateAlsoItsArguments() {
        var site = built(site("<p><#list .data_model?keys?sort as v>${v} </#list>${.data_model?size}</p>",
                "templates/directives/eco.ftlh", "<p class=\"eco\"><#list .data_model?keys?sort as v>${v} </#list></p>"
                        + "<p class=\"eco\">${args.texto} ${page.title} ${site.language.code} ${data?size} ${i18n.next} ${format.number(1234)} "
                        + "${editions?keys?join(\"+\")}</p>",
                "content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n\n::eco{texto=hola}\n"));
        assertEquals("<p>content data editions format i18n page site structuredData 8</p>", line4(site, "es/diagnostico/index.html"));
        String page = site.output("es/diagnostico/index.html");
        assertTrue(page.contains("<p class=\"eco\">args data editions format i18n page site </p>"
                + "<p class=\"eco\">hola Diagnóstico es 0 Siguiente 1,234 es+en</p>"), page);
    }

    @Test
    void aPageCarriesItsStructuredDataAndItsBodyAsHtml() {
        var site = built(site("<script type=\"application/ld+json\">${structuredData}</script>",
                "content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto *del* diagnóstico.\n"));
        String page = site.output("es/diagnostico/index.html");
        assertTrue(page.contains("<script type=\"application/ld+json\">{"), page);
        assertTrue(page.contains("\"Diagnóstico\""), page);
        assertTrue(page.contains("<p>Texto <em>del</em> diagnóstico.</p>"), page);
    }

    @Test
    void aFailingTemplateNamesTheFirstPageAndHowManyOthers() {
        var site = site("${page.params.falta}",
                "content/es/tres.md", "---\ntitle: Tres\norder: 3\ntranslationKey: tres\n---\n\nx\n",
                "content/en/three.md", "---\ntitle: Three\norder: 3\ntranslationKey: tres\n---\n\nx\n");
        assertEquals(List.of("templates/page.ftlh:4:3: error: 'page.params.falta' " + UNDEFINED
                + " (while rendering content/en/diagnosis.md and 3 other pages)"), site.errors(site.build()));
        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\nparams: {falta: x}\n---\n\nTexto.\n");
        site.file("content/es/tres.md", "---\ntitle: Tres\norder: 3\ntranslationKey: tres\nparams: {falta: x}\n---\n\nx\n");
        site.file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\nparams: {falta: x}\n---\n\nx\n");
        assertEquals(List.of("templates/page.ftlh:4:3: error: 'page.params.falta' " + UNDEFINED
                + " (while rendering content/en/three.md)"), site.errors(site.build()));
    }

    @Test
    void eachFailingTemplateIsItsOwnErrorAndAGeneratedPageIsNamedByItsAddress() {
        var site = site("<p>ok</p>", "templates/home.ftlh", "<html>\n${page.falta}</html>",
                "templates/landing.ftlh", "<html>\n\n<p>${site.falta}</p></html>");
        assertEquals(List.of(
                "templates/home.ftlh:2:3: error: 'page.falta' " + UNDEFINED + " (while rendering content/en/_index.md and 1 other page)",
                "templates/landing.ftlh:3:6: error: 'site.falta' " + UNDEFINED + " (while rendering the page /)"), site.errors(site.build()));
    }

    @Test
    void aDirectiveTemplateThatFailsIsAnErrorAtTheDirectiveNamingTheTemplatesLine() {
        var site = site("", "templates/directives/eco.ftlh", "<p>\n  ${args.falta}</p>",
                "content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n\n::eco{texto=hola}\n");
        BuildResult result = site.build();
        assertEquals(List.of("content/es/diagnostico.md:8:1: error: ::eco failed in templates/directives/eco.ftlh:2:5: 'args.falta' "
                + UNDEFINED), site.errors(result));
        assertFalse(result.written());
    }

    @Test
    void aDirectiveTemplateWithASyntaxErrorIsOneErrorAtTheTemplate() {
        var site = site("", "templates/directives/eco.ftlh", "<p><#if></p>",
                "content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\n::eco{texto=hola}\n\nTexto.\n\n::eco{texto=otra}\n",
                "content/es/tres.md", "---\ntitle: Tres\norder: 3\n---\n\n::eco{texto=tres}\n");
        assertEquals(List.of("templates/directives/eco.ftlh:1:5: error: template syntax: #if is an existing directive, but the tag is "
                + "malformed. (See FreeMarker Manual / Directive Reference.)"), site.errors(site.build()));
    }

    @Test
    void aFunctionThatCallsItselfIsAnErrorWhereItCallsItself() {
        var site = site("<#function f n>\n  <#return f(n + 1)>\n</#function>${f(1)}");
        assertEquals(List.of("templates/page.ftlh:5:3: error: the templates nest more than 200 instructions deep here: a macro, "
                + "function or #include that calls itself without end? Stop the recursion (e.g. with an #if on a depth parameter) "
                + "(while rendering content/en/diagnosis.md and 1 other page)"), site.errors(site.build()));
    }

    @Test
    void manyInstructionsOneAfterTheOtherAndRecursionThatStopsAreRendered() {
        var site = built(site("<p><#list 1..500 as i>${i % 10}</#list></p><#macro cuenta n><#if n gt 0>${n}.<@cuenta n - 1/></#if></#macro>"
                + "<p><@cuenta 40/></p>"));
        StringBuilder expected = new StringBuilder("<p>");
        for (int i = 1; i <= 500; i++) {
            expected.append(i % 10);
        }
        expected.append("</p><p>");
        for (int n = 40; n > 0; n--) {
            expected.append(n).append('.');
        }
        assertEquals(expected + "</p>", line4(site, "es/diagnostico/index.html"));
    }
}
