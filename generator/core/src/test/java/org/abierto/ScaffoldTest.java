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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** abierto new site / new page: what they create builds, and lands where an editor expects. */
class ScaffoldTest {
    @TempDir
    Path dir;

    @Test
    void aNewSiteBuildsAndPassesCheckAsItIs() throws IOException {
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
        // What the build wrote is not the editors' to commit, and Git is told so.
        assertTrue(created.created().contains(dir.resolve("informe/.gitignore")));
        assertTrue(Files.readString(dir.resolve("informe/.gitignore")).lines().anyMatch(line -> line.equals("/site/target/")));
        assertTrue(request.outputDir().startsWith(dir.resolve("informe/site/target")), request.outputDir().toString());
    }

    @Test
    void aNewSiteThatFailsPartWayLeavesNothingBehind() throws IOException {
        // A folder so deep that the theme's first file fits the system's longest path (4,095 bytes on
        // Linux) and its second does not: the report fails after writing a file and making folders.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        Path deep = dir.toAbsolutePath();
        int length = 4095 - "/templates/404.ftlh".length() - 3;
        while (deep.toString().length() < length - 201) {
            deep = deep.resolve("d".repeat(200));
        }
        deep = deep.resolve("n".repeat(length - deep.toString().length() - 1));
        assertEquals(length, deep.toString().length());
        Path folder = deep; // the new report's folder, not there yet; the folders above it are
        Files.createDirectories(folder.getParent());
        Abierto.ScaffoldResult failed = new Abierto().newSite(folder);
        assertFalse(failed.succeeded());
        assertEquals(List.of(), failed.created());
        assertTrue(failed.diagnostics().get(0).message().matches("cannot create the report: n+/templates/[a-z/.]+: File name too long"),
                failed.diagnostics().get(0).message());
        assertTrue(Files.notExists(folder), "the folder made for the report is gone too");
        assertTrue(Files.isDirectory(folder.getParent()));
    }

    @Test
    void aNewSiteMayGoIntoARepositoryJustMade() throws IOException {
        Path folder = dir.resolve("informe");
        Files.createDirectories(folder.resolve(".git/objects"));
        Files.writeString(folder.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Abierto.ScaffoldResult created = new Abierto().newSite(folder);
        assertTrue(created.succeeded(), created.diagnostics().toString());
        assertEquals("ref: refs/heads/main\n", Files.readString(folder.resolve(".git/HEAD")));
        Path other = dir.resolve("otro");
        Files.createDirectories(other.resolve(".git"));
        Files.writeString(other.resolve(".gitignore"), "*.pdf\n");
        assertEquals(List.of("this folder already holds files (.gitignore), which would be mixed with the report's; name a new or empty folder"),
                new Abierto().newSite(other).diagnostics().stream().map(org.abierto.diagnostic.Diagnostic::message).toList(),
                "any other file is the owner's");
    }

    @Test
    void aNewSiteRefusesAFolderThatHasOne() {
        assertTrue(new Abierto().newSite(dir).succeeded());
        Abierto.ScaffoldResult again = new Abierto().newSite(dir);
        assertEquals(List.of(dir + ": error: this folder already holds files (content), which would be mixed with the report's; "
                + "name a new or empty folder"), again.diagnostics().stream().map(d -> d.format(null)).toList());
        assertEquals(List.of(), again.created());
        assertFalse(again.succeeded());
    }

    @Test
    void aNewSiteRefusesAFolderThatHoldsAnything() throws IOException {
        // Issue 13, item 6: only content/ or templates/ stopped it; any other file was mixed into the report.
        Path folder = dir.resolve("informe");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notas.txt"), "mías");
        Abierto.ScaffoldResult refused = new Abierto().newSite(folder);
        assertEquals(List.of("this folder already holds files (notas.txt), which would be mixed with the report's; name a new or empty folder"),
                refused.diagnostics().stream().map(org.abierto.diagnostic.Diagnostic::message).toList());
        assertEquals(folder, refused.diagnostics().get(0).file());
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("notas.txt")), entries.toList());
        }
        Files.writeString(dir.resolve("archivo"), "x");
        assertEquals("this is a file; name a new or empty folder", new Abierto().newSite(dir.resolve("archivo")).diagnostics().get(0).message());
        Files.createDirectories(dir.resolve("vacia"));
        assertTrue(new Abierto().newSite(dir.resolve("vacia")).succeeded(), "an empty folder is fine");
    }

    @Test
    void aNewSiteRefusesTheRootOfTheFileSystem() throws IOException {
        // Issue 13, item 6: `new site /` wrote into /. (The refusal is decided before anything is read or written.)
        Path root = dir.getRoot();
        assertEquals(java.util.Optional.of("refusing to make a report at the root of the file system; name a new folder, "
                + "e.g. abierto new site informe"), org.abierto.edit.Scaffold.siteRefusal(root));
        Abierto.ScaffoldResult refused = new Abierto().newSite(root);
        assertEquals(List.of(), refused.created());
        assertEquals("new-site", refused.diagnostics().get(0).code());
    }

    @Test
    void aNewSiteRefusesToNestInsideTheContentOrTemplatesOfAReport() {
        // Issue 13, item 6: `new site content` nested a report, and every later build failed.
        var site = MiniSite.create(dir);
        Path content = site.root().resolve("content");
        Path templates = site.root().resolve("templates");
        assertEquals("this folder already holds files (en), which would be mixed with the report's; name a new or empty folder",
                new Abierto().newSite(content).diagnostics().get(0).message());
        assertEquals("refusing to make a report inside the content folder " + content + " of another report, whose builds would read it as "
                + "content; choose a folder outside it", new Abierto().newSite(content.resolve("es/anexo")).diagnostics().get(0).message());
        assertEquals("refusing to make a report inside the templates folder " + templates + " of another report, whose builds would read "
                + "it as templates; choose a folder outside it", new Abierto().newSite(templates.resolve("tema/nuevo")).diagnostics().get(0).message());
        assertTrue(Files.notExists(content.resolve("es/anexo")));
        assertTrue(Files.notExists(templates.resolve("tema")));
        assertEquals(List.of(), site.errors(site.build()), "the report still builds");
        assertTrue(new Abierto().newSite(site.root().resolve("otro-informe")).succeeded(), "beside the content and templates is fine");
        assertTrue(new Abierto().newSite(dir.resolve("templates")).succeeded(), "a folder named templates outside a report is fine");
    }

    @Test
    void aNewPageAndItsTranslationLandInTheMatchingSectionsAsDrafts() throws IOException {
        var site = MiniSite.create(dir)
                .file("content/es/ruta-de-trabajo/_index.md", "---\ntitle: Ruta de trabajo\ntranslationKey: ruta\n---\n")
                .file("content/es/ruta-de-trabajo/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n")
                .file("content/en/roadmap/_index.md", "---\ntitle: Roadmap\ntranslationKey: ruta\n---\n");
        Path page = site.root().resolve("content/es/ruta-de-trabajo/nueva-fase.md");
        Abierto.ScaffoldResult created = new Abierto().newPage(site.request(), page, null, java.util.Map.of("", "new-phase"));
        assertEquals(List.of(), created.diagnostics());
        Path translation = site.root().resolve("content/en/roadmap/new-phase.md");
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
        Abierto.ScaffoldResult twice = new Abierto().newPage(site.request(), page, null, java.util.Map.of("", "other-phase"));
        assertEquals("this page already exists; choose another name", twice.diagnostics().get(0).message());
        Abierto.ScaffoldResult english = new Abierto().newPage(site.request(), site.root().resolve("content/en/other.md"), "Other",
                java.util.Map.of());
        assertTrue(english.diagnostics().get(0).message().startsWith("create new pages in the original language, under content/es/"));
    }

    @Test
    void aNewSiteThatCannotBeWrittenIsReported() throws IOException {
        Files.writeString(dir.resolve("archivo"), "un archivo, no una carpeta");
        Abierto.ScaffoldResult failed = new Abierto().newSite(dir.resolve("archivo/informe"));
        assertEquals(List.of("new-site"), failed.diagnostics().stream().map(org.abierto.diagnostic.Diagnostic::code).toList());
        assertTrue(failed.diagnostics().get(0).message().startsWith("cannot create the report: "), failed.diagnostics().toString());
        assertEquals(dir.resolve("archivo/informe"), failed.diagnostics().get(0).file());
        assertFalse(failed.succeeded());
        assertEquals(List.of(), failed.created());
        assertEquals("un archivo, no una carpeta", Files.readString(dir.resolve("archivo")));
    }
}
