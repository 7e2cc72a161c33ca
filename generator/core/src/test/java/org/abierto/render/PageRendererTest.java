package org.abierto.render;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.model.Site;
import org.abierto.parse.ContentParser;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A renderer that remembers (the dev server's) renders again only the pages a change reaches. */
class PageRendererTest {
    @TempDir
    Path dir;
    MiniSite site;
    Site model;
    PageRenderer renderer;
    Map<String, RenderedPage> first;

    @BeforeEach
    void renderOnce() {
        site = MiniSite.create(dir)
                .file("content/data/ejemplares.yaml", "title: {es: Ejemplares, en: Copies}\ncolumns:\n"
                        + "  - {key: n, label: {es: Número, en: Number}, type: integer}\nrows:\n  - {n: 1}\n")
                .file("content/es/tabla.md", "---\ntitle: Tabla\norder: 2\ntranslationKey: tabla\n---\n\nAntes.\n\n::table{data=ejemplares}\n")
                .file("content/en/table.md", "---\ntitle: Table\norder: 2\ntranslationKey: tabla\n---\n\nBefore.\n\n::table{data=ejemplares}\n");
        new org.abierto.Abierto().translations(site.request(), true, List.of(), true);
        model = assemble();
        renderer = new PageRenderer(site.root().resolve("templates"), site.root().resolve("content"), true);
        first = render();
        assertTrue(first.containsKey("/es/tabla/") && first.containsKey("/es/diagnostico/"), first.keySet().toString());
    }

    private Site assemble() {
        var diagnostics = new Diagnostics();
        Sources sources = new ContentLoader().load(site.root().resolve("content"), site.root().resolve("templates"), diagnostics).orElseThrow();
        var parsed = new ContentParser(new SafelistFilter()).parseAll(sources, diagnostics);
        Site assembled = new SiteAssembler().assemble(parsed, sources, null, diagnostics).orElseThrow();
        assertEquals(List.of(), diagnostics.all().stream().filter(d -> d.isError()).toList());
        return assembled;
    }

    private Map<String, RenderedPage> render() {
        var diagnostics = new Diagnostics();
        List<RenderedPage> pages = renderer.renderAll(model, diagnostics);
        assertEquals(List.of(), diagnostics.all());
        return pages.stream().collect(Collectors.toMap(p -> p.page().url(), Function.identity()));
    }

    /** The pages rendered anew: a page not rendered again is the very result of the previous build. */
    private Set<String> renderedAgain(Map<String, RenderedPage> before, Map<String, RenderedPage> after) {
        return after.keySet().stream().filter(url -> after.get(url) != before.get(url)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void nothingChangedNothingRendered() {
        assertEquals(Set.of(), renderedAgain(first, render()));
    }

    @Test
    void aDirectiveTemplateEditRendersOnlyThePagesThatPlaceIt() {
        site.file("templates/directives/table.ftlh", "<table><caption>${site.tables[args.data].title}</caption></table>\n");
        Map<String, RenderedPage> second = render();
        assertEquals(Set.of("/en/table/", "/es/tabla/"), renderedAgain(first, second));
        assertTrue(second.get("/es/tabla/").html().contains("<caption>Ejemplares</caption></table>"));
    }

    @Test
    void aLayoutEditRendersOnlyThePagesOfThatLayout() {
        // MiniSite's page, home and section layouts are separate files with the same text.
        site.file("templates/page.ftlh", "<!DOCTYPE html><html lang=\"${site.language.code}\"><head><title>${page.title}</title></head>"
                + "<body><main><h1>${page.title}</h1>${content}</main><p>editado</p></body></html>\n");
        Map<String, RenderedPage> second = render();
        Set<String> ofLayout = model.pages().stream().filter(p -> p.layout().equals("page")).map(p -> p.url())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ofLayout, renderedAgain(first, second));
        assertTrue(ofLayout.contains("/es/diagnostico/") && !ofLayout.contains("/es/"), ofLayout.toString());
        assertTrue(second.get("/es/diagnostico/").html().contains("<p>editado</p>"));
    }
}
