package org.abierto;

import org.abierto.check.SafelistFilter;
import org.abierto.testing.Folders;
import org.abierto.testing.MiniSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way editors put HTML into a page — raw HTML, attributes in braces, directive parameters, YAML
 * texts — passes the same allowlist: no event handler, style, or address that runs or embeds reaches
 * the published page, and each removal is a warning where it was written.
 */
class EditorHtmlTest {
    @TempDir
    Path dir;

    static final String PUBLISHED = "; only safe markup is published (see content/README.md)";
    static final String PARAMETER = "; a directive's template gets only safe values (see content/README.md)";
    static final String HANDLER_NAME = "a name starting with 'on', which HTML keeps for event handlers";

    /** A body written under the front matter (its first line is line 5), and the warnings it must give. */
    record Case(String name, String body, List<String> warnings) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("raw HTML: handler and style", "Texto <span onclick=\"robar()\">uno</span> <b style=\"color:red\">dos</b>.\n", List.of(
                        "5:7: warning: raw HTML: removed the onclick attribute of <span>" + PUBLISHED,
                        "5:42: warning: raw HTML: removed the style attribute of <b>" + PUBLISHED)),
                new Case("raw HTML: addresses in any case, spaced, with entities",
                        "<p><a href=\"JaVaScRiPt:alert(1)\">uno</a> <a href=\" javascript:alert(1)\">dos</a>\n"
                                + "<a href=\"java&#x09;script:alert(1)\">tres</a> <a href=\"&#106;avascript:alert(1)\">cuatro</a>\n"
                                + "<a href=\"vbscript:msgbox(1)\">cinco</a> <img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"seis\"></p>\n",
                        // An HTML block's removals are placed at the block: the five links' are one problem at one place.
                        List.of("5:1: warning: raw HTML: removed the href attribute of <a>" + PUBLISHED,
                                "5:1: warning: raw HTML: removed the src attribute of <img>" + PUBLISHED)),
                new Case("braces on a paragraph (the issue's reproduction)", "P. {onclick=\"alert(1)\"}\n", List.of(
                        "5:5: warning: attributes in braces: removed the onclick attribute of <p>" + PUBLISHED)),
                new Case("braces on a heading (the issue's reproduction)", "## S {onmouseover=\"alert(1)\" style=\"color:red\"}\n\nTexto.\n", List.of(
                        "5:7: warning: attributes in braces: removed the onmouseover attribute of <h2>" + PUBLISHED,
                        "5:30: warning: attributes in braces: removed the style attribute of <h2>" + PUBLISHED)),
                new Case("braces on a link", "Ver [la OGP](https://www.opengovpartnership.org){onclick=\"alert(1)\" .externo}.\n\n"
                        + "Ver [el plan](https://www.opengovpartnership.org/plan){href=\" JaVaScRiPt:alert(1)\"}.\n", List.of(
                        "5:50: warning: attributes in braces: removed the onclick attribute of <a>" + PUBLISHED,
                        "7:56: warning: attributes in braces: removed the href attribute of <a>" + PUBLISHED)),
                new Case("braces on an image", "Una ![reunión](https://www.opengovpartnership.org/a.png){onerror=\"alert(1)\" "
                        + "src=\"data:image/png;base64,AAAA\"} y otra ![sesión](https://www.opengovpartnership.org/b.png){src=\"java&#x09;script:x\"}.\n",
                        List.of("5:58: warning: attributes in braces: removed the onerror attribute of <img>" + PUBLISHED,
                                "5:77: warning: attributes in braces: removed the src attribute of <img>" + PUBLISHED,
                                "5:170: warning: attributes in braces: removed the src attribute of <img>" + PUBLISHED)),
                new Case("braces on a list item and on text", "- uno {onclick=\"x()\"}\n- dos\n\nTexto {style=\"color:red\"} y más.\n", List.of(
                        "5:8: warning: attributes in braces: removed the onclick attribute of <li>" + PUBLISHED,
                        "8:8: warning: attributes in braces: removed the style attribute of <span>" + PUBLISHED)),
                new Case("directive parameters", "::table{data=ejemplares onclick=\"alert(1)\" style='color:red' url=\"java&#x09;script:alert(1)\" "
                        + "img=data:image/png;base64,AAAA}\n", List.of(
                        "5:25: warning: ::table: removed the parameter onclick, " + HANDLER_NAME + PARAMETER,
                        "5:44: warning: ::table: removed the parameter style, a style" + PARAMETER,
                        "5:62: warning: ::table: removed the parameter url, a javascript: address" + PARAMETER,
                        "5:94: warning: ::table: removed the parameter img, a data: address" + PARAMETER)));
    }

    private MiniSite site(String body) {
        return MiniSite.create(dir)
                .file("content/data/ejemplares.yaml", "title: {es: Ejemplares, en: Copies}\ncolumns:\n"
                        + "  - {key: n, label: {es: Número, en: Number}, type: integer}\nrows:\n  - {n: 1}\n")
                // A directive template that writes every parameter it gets as an attribute: the worst a theme can do with them.
                .file("templates/directives/table.ftlh", "<div class=\"directive\"<#list args as name, value> data-${name}=\"${value}\"</#list>>"
                        + "<#if args.url??><a href=\"${args.url}\">la OGP</a></#if></div>\n")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n" + body);
    }

    @Test
    void aWordInBracesIsReadAsAnAttributeAndTheWarningSaysHowToShowTheBraces() {
        // Flexmark's attributes extension reads {texto} after text as an attribute named "texto"; an escaped brace is text.
        var site = site("El campo {texto} y el campo \\{nombre} y {.nota}.\n");
        BuildResult result = site.build();
        assertEquals(List.of("content/es/diagnostico.md:5:11: warning: attributes in braces: removed the texto attribute of <span>" + PUBLISHED
                        + "; if the braces are text to show, write a backslash before the {"),
                site.reportIgnoringTranslations(result));
        String html = site.output("es/diagnostico/index.html");
        assertTrue(html.contains("el campo {nombre}"), html);
        assertFalse(html.contains("texto"), html);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whatIsUnsafeIsRemovedWithAWarningWhereItWasWritten(Case c) {
        var site = site(c.body());
        BuildResult result = site.build();
        assertEquals(c.warnings().stream().map(w -> "content/es/diagnostico.md:" + w).toList(), site.reportIgnoringTranslations(result));
        assertTrue(result.written());
        assertEquals(List.of(), unsafe(site.output("es/diagnostico/index.html")));
    }

    @Test
    void directiveParametersThatAreSafeReachTheTemplate() {
        var site = site("::table{data=ejemplares caption=\"Tabla: uno\" url=https://www.opengovpartnership.org/}\n");
        assertEquals(List.of(), site.reportIgnoringTranslations(site.build()));
        assertTrue(site.output("es/diagnostico/index.html").contains("<div class=\"directive\" data-data=\"ejemplares\" "
                + "data-caption=\"Tabla: uno\" data-url=\"https://www.opengovpartnership.org/\">"), site.output("es/diagnostico/index.html"));
    }

    @Test
    void safeAttributesInBracesArePublishedAndThePageIsOtherwiseUnchanged() {
        var site = site("## Sección {#propia .destacada lang=en title=\"Una sección\"}\n\nVer [la OGP](https://www.opengovpartnership.org)"
                + "{hreflang=en rel=external}.\n");
        assertEquals(List.of(), site.reportIgnoringTranslations(site.build()));
        String page = site.output("es/diagnostico/index.html");
        assertTrue(page.contains("<h2 class=\"destacada\" lang=\"en\" title=\"Una sección\" id=\"propia\">Sección</h2>"), page);
        assertTrue(page.contains("<p>Ver <a href=\"https://www.opengovpartnership.org\" hreflang=\"en\" rel=\"external\">la OGP</a>.</p>"), page);
        assertTrue(!page.contains("data-src"), page);
    }

    @Test
    void aMarkdownLinkThatRunsCodeStaysAnErrorBesideAttributesAndRawHtml() {
        var site = site("Un [enlace peligroso](javascript:alert(1)).\n\nTexto {.nota} y <b>negrita</b>.\n\n"
                + "Otro [enlace con tabulador](java&#9;script:alert(1)).\n");
        assertEquals(List.of("content/es/diagnostico.md:5:4: error: the link 'javascript:alert(1)' runs code or embeds data; "
                        + "link to a page or file instead",
                "content/es/diagnostico.md:9:6: error: the link 'java\tscript:alert(1)' runs code or embeds data; "
                        + "link to a page or file instead"),
                site.errors(site.build()));
    }

    /** YAML values are texts: whatever HTML they hold is published as text, never as markup. */
    @Test
    void yamlTextsArePublishedAsTextNeverAsHtml() {
        String hostile = "<script>alert(1)</script><b onclick=\\\"alert(1)\\\" style=\\\"color:red\\\">x</b><a href=\\\"javascript:alert(1)\\\">y</a>";
        var site = site("::table{data=ejemplares}\n")
                .file("templates/directives/table.ftlh", """
                        <#assign t = site.tables[args.data]>
                        <table><caption>${t.title}</caption><tr><#list t.columns as c><th>${c.label}</th></#list></tr>
                        <#list t.rows as r><tr><#list r.cells as cell><td>${cell.text}</td></#list></tr></#list></table>
                        <p>${t.description!}</p><ul><#list data.lista.items as item><li>${item}</li></#list></ul>
                        <p>${page.description!}</p><p>${i18n.next}</p><p>${page.params.nota!}</p>
                        """)
                .file("content/data/ejemplares.yaml", "title: {es: \"T " + hostile + "\", en: T}\ndescription: {es: \"" + hostile
                        + "\", en: d}\ncolumns:\n  - {key: n, label: {es: \"" + hostile + "\", en: N}, type: text}\nrows:\n  - {n: \""
                        + hostile + "\"}\n")
                .file("content/data/lista.yaml", "items:\n  - {es: \"" + hostile + "\", en: i}\n")
                .file("content/i18n/es.yaml", "next: \"" + hostile + "\"\nformat:\n  month: MMMM 'de' y\n")
                .file("content/es/diagnostico.md", "---\ntitle: \"Diagnóstico " + hostile + "\"\ndescription: \"" + hostile
                        + "\"\nparams:\n  nota: \"" + hostile + "\"\n---\n\n::table{data=ejemplares}\n");
        BuildResult result = site.build();
        assertTrue(result.written(), () -> site.report(result).toString());
        String page = site.output("es/diagnostico/index.html");
        assertEquals(List.of(), unsafe(page));
        Document doc = Jsoup.parse(page);
        assertEquals(0, doc.select("main script, main b, main a[href^=javascript]").size(), page);
        assertEquals(10, countOf(page, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick="), page);
    }

    /** The real theme and content, with one of each hostile form added to a page. */
    @Test
    void theRealReportPublishesNoneOfThem() throws IOException {
        Path project = Path.of("../..").toAbsolutePath().normalize();
        Folders.copy(project.resolve("content"), dir.resolve("content"));
        Folders.copy(project.resolve("templates"), dir.resolve("templates"));
        Path page = dir.resolve("content/es/anexo.md");
        String added = "\n" + String.join("\n", cases().stream().filter(c -> !c.name().startsWith("directive")).map(Case::body).toList())
                + "\n::list{data=logros onclick=\"alert(1)\" style=x}\n";
        Files.writeString(page, Files.readString(page) + added);
        BuildResult result = new Abierto().build(new BuildRequest(dir.resolve("content"), dir.resolve("templates"), dir.resolve("out"),
                "https://example.gob.mx/informe/", false));
        List<String> warnings = result.diagnostics().stream().filter(d -> d.code().startsWith("unsafe-")).map(d -> d.format(dir)).toList();
        assertEquals(cases().stream().filter(c -> !c.name().startsWith("directive")).mapToInt(c -> c.warnings().size()).sum() + 2,
                warnings.size(), warnings::toString);
        assertTrue(warnings.stream().allMatch(w -> w.startsWith("content/es/anexo.md:")), warnings::toString);
        assertTrue(result.written(), () -> result.diagnostics().toString());
        assertEquals(List.of(), unsafe(Files.readString(dir.resolve("out/es/anexo/index.html"))));
    }

    /** Every handler, style, and address that runs or embeds in a published page (its JSON-LD excepted). */
    static List<String> unsafe(String html) {
        List<String> found = new ArrayList<>();
        for (Element e : Jsoup.parse(html).getAllElements()) {
            if (e.normalName().equals("script") && !e.attr("type").equals("application/ld+json")) {
                found.add(e.outerHtml());
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(java.util.Locale.ROOT);
                if (name.startsWith("on") || name.equals("style") || SafelistFilter.isDangerousAddress(a.getValue())) {
                    found.add("<" + e.normalName() + " " + a.html() + ">");
                }
            }
        }
        return found;
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
