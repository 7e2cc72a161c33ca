package org.abierto.render;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.model.Page;
import org.abierto.model.Site;
import org.abierto.parse.ContentParser;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A render records what it read of the site model, by where each value sits whatever the template
 * calls it, and which templates it used: the facts the live preview re-renders by. The renderer
 * itself keeps nothing from one run to the next.
 */
class PageRendererTest {
    @TempDir
    Path dir;

    private static Site assemble(MiniSite site) {
        var diagnostics = new Diagnostics();
        Sources sources = new ContentLoader().load(site.root().resolve("content"), site.root().resolve("templates"), diagnostics).orElseThrow();
        var parsed = new ContentParser(new SafelistFilter()).parseAll(sources, diagnostics);
        Site assembled = new SiteAssembler().assemble(parsed, sources, null, diagnostics).orElseThrow();
        assertEquals(List.of(), diagnostics.all().stream().filter(d -> d.isError()).toList());
        return assembled;
    }

    private static Page page(Site site, String url) {
        return site.pages().stream().filter(p -> p.url().equals(url)).findFirst().orElseThrow();
    }

    /** Each place read (as {@code editions/es/menu/0/title}) → what its value was. */
    private static Map<String, Object> places(Reads reads) {
        Map<String, Object> places = new TreeMap<>();
        reads.values().forEach((place, value) -> places.put(place.toString(), value));
        return places;
    }

    private Reads render(MiniSite site, String url) {
        Site model = assemble(site);
        var renderer = new PageRenderer(site.root().resolve("templates"), site.root().resolve("content"));
        var reads = new Reads(ModelPath.editions());
        var diagnostics = new Diagnostics();
        PageRenderer.Pass pass = renderer.begin(model);
        assertTrue(pass.render(page(model, url), diagnostics, reads).isPresent(), diagnostics.all().toString());
        pass.finish(diagnostics);
        assertEquals(List.of(), diagnostics.all());
        return reads;
    }

    @Test
    void aValueReadThroughAMacroParameterIsRecordedWhereItSits() throws IOException {
        var site = MiniSite.create(dir);
        site.file("templates/page.ftlh", Files.readString(site.root().resolve("templates/page.ftlh")).replace("<main>",
                "<#macro nav s><#list s.menu as item><a href=\"${item.url}\">${item.title}</a></#list></#macro><@nav s=site/><main>"));
        Map<String, Object> places = places(render(site, "/es/diagnostico/"));
        assertEquals(1, places.get("editions/es/menu/#size"));
        assertEquals("Diagnóstico", places.get("editions/es/menu/0/title"));
        assertEquals("/es/diagnostico/", places.get("editions/es/menu/0/url"));
        assertEquals("es", places.get("editions/es/language/code"));
        // What belongs to the page alone is not among them: the page itself is compared as a whole.
        assertTrue(places.keySet().stream().allMatch(p -> p.startsWith("editions")), places.toString());
    }

    @Test
    void valuesReadThroughAssignsListsAndOtherEditionsAreRecordedWhereTheySit() throws IOException {
        var site = MiniSite.create(dir);
        site.file("templates/page.ftlh", Files.readString(site.root().resolve("templates/page.ftlh")).replace("<main>",
                "<#assign words = i18n><#list editions?values as e><#assign m = e.menu>${m?size}</#list>${words.next}"
                        + "<#list [data] as d>${d?keys?join(\",\")}</#list><main>"));
        Map<String, Object> places = places(render(site, "/es/diagnostico/"));
        assertEquals("Siguiente", places.get("editions/es/i18n/next"));
        assertEquals(1, places.get("editions/es/menu/#size"));
        assertEquals(1, places.get("editions/en/menu/#size"));
        assertEquals(List.of("es", "en"), places.get("editions/#keys"));
        assertEquals(List.of(), places.get("editions/es/data/#keys"));
    }

    @Test
    void aRenderRecordsEveryTemplateItUsed() {
        var site = MiniSite.create(dir)
                .file("templates/partials/lib.ftlh", "<#macro mark>*</#macro>")
                .file("templates/page.ftlh", "<#import \"partials/lib.ftlh\" as lib><html><body><@lib.mark/>${content}"
                        + "<#include \"partials/optional.ftlh\" ignore_missing=true></body></html>\n")
                .file("content/data/ejemplares.yaml", "title: {es: Ejemplares, en: Copies}\ncolumns:\n"
                        + "  - {key: n, label: {es: Número, en: Number}, type: integer}\nrows:\n  - {n: 1}\n")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\n::table{data=ejemplares}\n");
        Reads reads = render(site, "/es/diagnostico/");
        assertEquals(Set.of("page.ftlh", "partials/lib.ftlh", "partials/optional.ftlh", "directives/table.ftlh"), reads.templates());
        assertEquals("Ejemplares", places(reads).get("editions/es/tables/ejemplares/title"));
    }

    @Test
    void eachRunReadsTheTemplatesAgain() throws IOException {
        var site = MiniSite.create(dir);
        String original = Files.readString(site.root().resolve("templates/page.ftlh"));
        Site model = assemble(site);
        var renderer = new PageRenderer(site.root().resolve("templates"), site.root().resolve("content"));
        PageRenderer.Pass first = renderer.begin(model);
        String before = first.render(page(model, "/es/diagnostico/"), new Diagnostics()).orElseThrow().html();
        site.file("templates/page.ftlh", "<html><body><p>editado</p>${content}</body></html>\n");
        // A run keeps the version of a template it started with; the next run takes the new one.
        assertEquals(before, first.render(page(model, "/es/diagnostico/"), new Diagnostics()).orElseThrow().html());
        String after = renderer.begin(model).render(page(model, "/es/diagnostico/"), new Diagnostics()).orElseThrow().html();
        assertTrue(after.contains("<p>editado</p>"), after);
        assertEquals(original, first.templateVersion("page.ftlh"));
        assertEquals("missing", first.templateVersion("nowhere.ftlh"));
    }

    @Test
    void aTemplateThatDoesNotParseHasItsTextAsVersionBeforeAndAfterAPageTriedIt() throws IOException {
        var site = MiniSite.create(dir);
        Site model = assemble(site);
        site.file("templates/page.ftlh", "<html><#if page.title>\n</html>\n");
        var renderer = new PageRenderer(site.root().resolve("templates"), site.root().resolve("content"));
        PageRenderer.Pass first = renderer.begin(model);
        assertEquals("<html><#if page.title>\n</html>\n", first.templateVersion("page.ftlh"));
        PageRenderer.Pass second = renderer.begin(model);
        var diagnostics = new Diagnostics();
        assertTrue(second.render(page(model, "/es/diagnostico/"), diagnostics).isEmpty());
        assertEquals(List.of("templates/page.ftlh:2:8: error: template syntax: Unexpected end of file reached. You have an unclosed #if. "
                + "Check if the FreeMarker end-tags are present, and aren't malformed. (Note that FreeMarker end-tags must have # or @ "
                + "after the / character.)"), diagnostics.all().stream().map(d -> d.format(site.root())).toList());
        // Freemarker, asked again in the same run for a template it could not parse, throws another exception.
        assertEquals("<html><#if page.title>\n</html>\n", second.templateVersion("page.ftlh"));
        assertTrue(renderer.begin(model, second).render(page(model, "/en/diagnosis/"), diagnostics).isEmpty(),
                "a run begun from one that could not parse a template cannot either");
        assertEquals("missing", second.templateVersion("../page.ftlh"));
    }

    private static Page home(Site site, String language) {
        return site.pages().stream().filter(p -> p.kind() == org.abierto.model.PageKind.HOME && p.language().equals(language))
                .findFirst().orElseThrow();
    }

    @Test
    void theDocumentTemplateSeesTheHomeAndEachChapterWithItsBody() {
        var site = MiniSite.create(dir)
                .file("templates/pdf.ftlh", "<h1>${site.title}: ${page.title} (${page.kind})</h1>\n"
                        + "<#list chapters as c><section data-url=\"${c.page.url}\">${c.content}</section></#list>")
                .file("templates/directives/eco.ftlh", "<b>${args.texto}</b>")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto *del* [anexo](anexo.md).\n\n::eco{texto=hola}\n");
        Site model = assemble(site);
        var renderer = new PageRenderer(site.root().resolve("templates"), site.root().resolve("content"));
        assertTrue(renderer.hasDocumentTemplate());
        var diagnostics = new Diagnostics();
        String document = renderer.renderDocument(renderer.begin(model), home(model, "es"),
                List.of(page(model, "/es/"), page(model, "/es/diagnostico/")), diagnostics).orElseThrow();
        assertEquals("<h1>Informe de prueba: Inicio (HOME)</h1>\n<section data-url=\"/es/\"><p>Bienvenida.</p>\n</section>"
                + "<section data-url=\"/es/diagnostico/\"><p>Texto <em>del</em> <a href=\"anexo.md\" data-src=\"6:13\">anexo</a>.</p>\n<b>hola</b></section>",
                document);
        assertEquals(List.of(), diagnostics.all());
        site.delete("templates/pdf.ftlh");
        assertFalse(renderer.hasDocumentTemplate(), "a theme without templates/pdf.ftlh makes no PDF");
    }

    @Test
    void theDocumentTemplatesErrorNamesTheEditionAndABodysErrorIsLeftToThePage() {
        var site = MiniSite.create(dir)
                .file("templates/pdf.ftlh", "<h1>${site.title}</h1>\n<p>${site.falta}</p>")
                .file("templates/directives/eco.ftlh", "<b>${args.texto}</b>")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n\n::eco{texto=hola}\n");
        Site model = assemble(site);
        var renderer = new PageRenderer(site.root().resolve("templates"), site.root().resolve("content"));
        var diagnostics = new Diagnostics();
        List<Page> chapters = List.of(page(model, "/es/diagnostico/"));
        assertTrue(renderer.renderDocument(renderer.begin(model), home(model, "es"), chapters, diagnostics).isEmpty());
        assertEquals(List.of("templates/pdf.ftlh:2:6: error: 'site.falta' is undefined or null; check its spelling, or write ${x!\"\"} "
                + "or <#if x??> where it may be missing (while rendering the PDF of the es edition)"),
                diagnostics.all().stream().map(d -> d.format(site.root())).toList());

        site.file("templates/pdf.ftlh", "<h1>${site.title}</h1>").file("templates/directives/eco.ftlh", "<b>${args.falta}</b>");
        var again = new Diagnostics();
        assertTrue(renderer.renderDocument(renderer.begin(model), home(model, "es"), chapters, again).isEmpty());
        assertEquals(List.of(), again.all(), "the page's own render reports its directive's error");

        site.file("templates/pdf.ftlh", "<h1><#if></h1>");
        var syntax = new Diagnostics();
        assertTrue(renderer.renderDocument(renderer.begin(model), home(model, "es"), List.of(), syntax).isEmpty());
        assertEquals(List.of("templates/pdf.ftlh:1:6: error: template syntax: #if is an existing directive, but the tag is malformed. "
                + "(See FreeMarker Manual / Directive Reference.)"), syntax.all().stream().map(d -> d.format(site.root())).toList());
    }
}
