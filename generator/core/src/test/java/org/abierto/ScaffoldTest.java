package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** abierto new site / new page: what they create builds, and lands where an editor expects. */
class ScaffoldTest {
    @TempDir
    Path dir;

    @Test
    void aNewSiteBuildsAndPassesCheckAsItIs() {
        Abierto.ScaffoldResult created = new Abierto().newSite(dir.resolve("informe"));
        assertTrue(created.succeeded(), created.diagnostics().toString());
        assertTrue(created.created().contains(dir.resolve("informe/templates/page.ftlh")));
        assertTrue(created.created().contains(dir.resolve("informe/content/i18n/es.yaml")));
        BuildRequest request = BuildRequest.defaults(dir.resolve("informe"));
        BuildResult check = new Abierto().check(request);
        assertEquals(List.of("content/site.yaml:2:1: warning: site.yaml declares no licence: readers cannot know how they may reuse "
                        + "the report and its data; add 'licence: {name: …, url: …}' once the publisher decides it"),
                check.diagnostics().stream().map(d -> d.format(dir.resolve("informe"))).toList());
        assertTrue(new Abierto().build(request).written());
    }

    @Test
    void aNewSiteRefusesAFolderThatHasOne() {
        assertTrue(new Abierto().newSite(dir).succeeded());
        Abierto.ScaffoldResult again = new Abierto().newSite(dir);
        assertEquals(1, again.diagnostics().size());
        assertTrue(again.diagnostics().get(0).message().contains("already has content/ or templates/"));
    }

    @Test
    void aNewPageAndItsTranslationLandInTheMatchingSectionsAsDrafts() throws IOException {
        var site = MiniSite.create(dir)
                .file("content/es/ruta-de-trabajo/_index.md", "---\ntitle: Ruta de trabajo\ntranslationKey: ruta\n---\n")
                .file("content/es/ruta-de-trabajo/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n")
                .file("content/en/roadmap/_index.md", "---\ntitle: Roadmap\ntranslationKey: ruta\n---\n");
        Path page = site.root().resolve("content/es/ruta-de-trabajo/nueva-fase.md");
        Abierto.ScaffoldResult created = new Abierto().newPage(site.request(), page, null);
        assertEquals(List.of(), created.diagnostics());
        Path translation = site.root().resolve("content/en/roadmap/nueva-fase.md");
        assertEquals(List.of(page, translation), created.created());
        assertEquals("""
                ---
                title: Nueva fase
                # description: one sentence about the page, for search engines and link previews
                order: 2
                translationKey: ruta-de-trabajo/nueva-fase
                # Remove the next line when the page is ready to be published.
                draft: true
                ---

                <!-- Escriba aquí el texto de la página. -->
                """, Files.readString(page));
        assertTrue(Files.readString(translation).contains("translationKey: ruta-de-trabajo/nueva-fase\n"));
        assertTrue(Files.readString(translation).contains("draft: true"));

        List<String> errors = new ArrayList<>(site.errors(site.build()));
        assertEquals(List.of(), errors, "drafts build");
        Abierto.ScaffoldResult twice = new Abierto().newPage(site.request(), page, null);
        assertEquals("this page already exists; choose another name", twice.diagnostics().get(0).message());
        Abierto.ScaffoldResult english = new Abierto().newPage(site.request(), site.root().resolve("content/en/other.md"), "Other");
        assertTrue(english.diagnostics().get(0).message().startsWith("create new pages in the original language, under content/es/"));
    }
}
