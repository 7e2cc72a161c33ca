package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live preview renders again exactly the pages an edit reaches, judged from what each page's
 * last render read and which templates it used; never from the templates' text.
 */
class PreviewCacheTest {
    @TempDir
    Path dir;
    MiniSite site;
    Workspace workspace;

    @BeforeEach
    void buildOnce() {
        site = MiniSite.create(dir)
                .file("content/data/ejemplares.yaml", "title: {es: Ejemplares, en: Copies}\ncolumns:\n"
                        + "  - {key: n, label: {es: Número, en: Number}, type: integer}\nrows:\n  - {n: 1}\n")
                .file("content/es/tabla.md", "---\ntitle: Tabla\norder: 2\ntranslationKey: tabla\n---\n\nAntes.\n\n::table{data=ejemplares}\n")
                .file("content/en/table.md", "---\ntitle: Table\norder: 2\ntranslationKey: tabla\n---\n\nBefore.\n\n::table{data=ejemplares}\n");
        new Abierto().translations(site.request(), true, List.of(), true);
        workspace = new Workspace(site.request());
        Workspace.Snapshot first = workspace.update(List.of());
        assertEquals(List.of(), first.diagnostics());
        assertEquals(allPages(first), new TreeSet<>(first.rendered()), "the first update renders every page");
    }

    private static Set<String> allPages(Workspace.Snapshot snapshot) {
        Set<String> pages = new TreeSet<>();
        snapshot.files().keySet().stream().filter(f -> f.endsWith(".html"))
                .forEach(f -> pages.add("/" + f.replaceFirst("index\\.html$", "")));
        return pages;
    }

    /** Updates after {@code path} was written, and gives the pages rendered anew. */
    private Set<String> edit(String path, String text) {
        site.file(path, text);
        Workspace.Snapshot snapshot = workspace.update(List.of(site.root().resolve(path)));
        assertEquals(List.of(), snapshot.diagnostics().stream().filter(d -> d.isError()).toList());
        return new TreeSet<>(snapshot.rendered());
    }

    private String read(String path) throws IOException {
        return Files.readString(site.root().resolve(path));
    }

    private String served(Workspace.Snapshot snapshot, String file) {
        var generated = (org.abierto.model.OutputFile.Generated) snapshot.files().get(file);
        return new String(generated.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void nothingChangedNothingRendered() throws IOException {
        assertEquals(Set.of(), edit("content/es/tabla.md", read("content/es/tabla.md")));
    }

    @Test
    void aBodyEditRendersThatPageOnly() throws IOException {
        assertEquals(Set.of("/es/diagnostico/"), edit("content/es/diagnostico.md",
                read("content/es/diagnostico.md").replace("Texto del diagnóstico.", "Texto corregido.")));
    }

    @Test
    void aDirectiveTemplateEditRendersOnlyThePagesThatPlaceIt() {
        assertEquals(Set.of("/en/table/", "/es/tabla/"),
                edit("templates/directives/table.ftlh", "<table><caption>${site.tables[args.data].title}</caption><tr><th>n</th></tr></table>\n"));
        assertTrue(served(workspace.update(List.of()), "es/tabla/index.html").contains("<caption>Ejemplares</caption><tbody><tr><th>n</th>"));
    }

    @Test
    void aLayoutEditRendersOnlyThePagesOfThatLayout() {
        // MiniSite's page, home and section layouts are separate files with the same text.
        Set<String> rendered = edit("templates/page.ftlh", "<!DOCTYPE html><html lang=\"${site.language.code}\"><head><title>${page.title}"
                + "</title></head><body><main><h1>${page.title}</h1>${content}</main><p>editado</p></body></html>\n");
        assertEquals(Set.of("/en/diagnosis/", "/en/table/", "/es/diagnostico/", "/es/tabla/"), rendered);
    }

    @Test
    void aDataEditRendersOnlyThePagesThatReadIt() throws IOException {
        assertEquals(Set.of("/en/table/", "/es/tabla/"), edit("content/data/ejemplares.yaml",
                read("content/data/ejemplares.yaml").replace("{n: 1}", "{n: 7}")));
    }

    @Test
    void theOpenDataAndTheSitemapAreKeptWhileWhatTheyAreMadeFromIsEqual() throws IOException {
        site.file("templates/datasets.ftlh", read("templates/page.ftlh"));
        site.file("content/es/datos.md", "---\ntitle: Datos\norder: 3\nlayout: datasets\n---\n\nLos datos.\n");
        Workspace.Snapshot before = workspace.update(List.of());
        assertTrue(served(before, "es/datos/ejemplares.csv").contains("1"), before.files().keySet().toString());

        edit("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("Texto del diagnóstico.", "Texto corregido."));
        Workspace.Snapshot afterText = workspace.update(List.of());
        assertSame(before.files().get("es/datos/ejemplares.csv"), afterText.files().get("es/datos/ejemplares.csv"),
                "an edit of a page's text makes no table again");
        assertSame(before.files().get(org.abierto.metadata.OpenData.CATALOGUE), afterText.files().get(org.abierto.metadata.OpenData.CATALOGUE));
        assertSame(before.files().get("robots.txt"), afterText.files().get("robots.txt"));

        edit("content/data/ejemplares.yaml", read("content/data/ejemplares.yaml").replace("{n: 1}", "{n: 7}"));
        Workspace.Snapshot afterData = workspace.update(List.of());
        assertTrue(served(afterData, "es/datos/ejemplares.csv").contains("7"));
        assertFalse(served(afterData, "es/datos/ejemplares.csv").contains("1"));

        edit("content/site.yaml", read("content/site.yaml").replace("CC BY 4.0", "CC0 1.0").replace("by/4.0/", "zero/1.0/"));
        Workspace.Snapshot afterLicence = workspace.update(List.of());
        assertNotSame(afterData.files().get(org.abierto.metadata.OpenData.CATALOGUE), afterLicence.files().get(org.abierto.metadata.OpenData.CATALOGUE));
        assertTrue(served(afterLicence, org.abierto.metadata.OpenData.CATALOGUE).contains("zero/1.0/"), "the configuration is one of its inputs");
    }

    @Test
    void aTitleEditRendersThePagesThatNameThePage() throws IOException {
        // The landing page lists the homes of every language, the Spanish home names its English
        // counterpart, and the English pages name their home among their ancestors.
        assertEquals(Set.of("/", "/en/", "/en/diagnosis/", "/en/table/", "/es/"), edit("content/en/_index.md",
                read("content/en/_index.md").replace("title: Home", "title: Start")));
    }

    @Test
    void aWordReadFromAnotherLanguageRendersThePagesThatReadIt() throws IOException {
        edit("templates/page.ftlh", read("templates/page.ftlh").replace("<main>", "<p>${editions.en.i18n.next}</p><main>"));
        // Every page of the layout reads the English word, whatever its own language; no other page does.
        assertEquals(Set.of("/en/diagnosis/", "/en/table/", "/es/diagnostico/", "/es/tabla/"),
                edit("content/i18n/en.yaml", "next: Onwards\nformat:\n  month: MMMM y\n"));
        assertTrue(served(workspace.update(List.of()), "es/diagnostico/index.html").contains("<p>Onwards</p>"));
        assertEquals(Set.of(), edit("content/i18n/es.yaml", read("content/i18n/es.yaml").replace("Siguiente", "Adelante")),
                "no template reads the Spanish 'next'");
    }

    @Test
    void anEditTheWatcherReportsIsReadAgainWhateverItsSizeAndDate() throws IOException {
        Path page = site.root().resolve("content/es/diagnostico.md");
        var time = Files.getLastModifiedTime(page);
        String text = read("content/es/diagnostico.md");
        Files.writeString(page, text.replace("Texto del", "Textos de "));
        Files.setLastModifiedTime(page, time);
        Workspace.Snapshot snapshot = workspace.update(List.of(page));
        assertTrue(served(snapshot, "es/diagnostico/index.html").contains("Textos de  diagnóstico."));
        // A new page makes every file be listed again: the one edited above keeps its new text.
        site.file("content/es/nueva.md", "---\ntitle: Nueva\norder: 9\n---\n\nNueva.\n");
        snapshot = workspace.update(List.of(site.root().resolve("content/es/nueva.md")));
        assertTrue(served(snapshot, "es/diagnostico/index.html").contains("Textos de  diagnóstico."));
        assertTrue(snapshot.files().containsKey("es/nueva/index.html"));
    }

    /**
     * A theme author saving a template with a syntax error sees it at its line, as the build says it,
     * and still after the next edit of the content; not "the site could not be built … a bug in
     * Abierto" (Freemarker, asked again for a template it failed to parse, throws a plain IOException).
     */
    @Test
    void aTemplateSavedWithASyntaxErrorIsThatErrorAtItsLineEditAfterEdit() throws IOException {
        String expected = "templates/page.ftlh:2:8: error: template syntax: Unexpected end of file reached. You have an unclosed #if. "
                + "Check if the FreeMarker end-tags are present, and aren't malformed. (Note that FreeMarker end-tags must have # or @ "
                + "after the / character.)";
        site.file("templates/page.ftlh", "<html><#if page.title>\n</html>\n");
        Workspace.Snapshot broken = workspace.update(List.of(site.root().resolve("templates/page.ftlh")));
        assertEquals(List.of(expected), broken.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(site.root())).toList());

        site.file("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("Texto del", "Textos del"));
        Workspace.Snapshot contentEdited = workspace.update(List.of(site.root().resolve("content/es/diagnostico.md")));
        assertEquals(List.of(expected), contentEdited.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(site.root())).toList());

        edit("templates/page.ftlh", "<!DOCTYPE html><html lang=\"${site.language.code}\"><head><title>${page.title}</title></head>"
                + "<body><main><h1>${page.title}</h1>${content}</main></body></html>\n");
        assertTrue(served(workspace.update(List.of()), "es/diagnostico/index.html").contains("Textos del diagnóstico."));
    }
}
