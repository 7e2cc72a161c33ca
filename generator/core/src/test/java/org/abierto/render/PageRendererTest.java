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
}
