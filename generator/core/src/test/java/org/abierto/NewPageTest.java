package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, items 9 and 10: {@code new page} writes front matter that {@code check} accepts whatever
 * the title, gives the page an order no page of its section has, and names the translation in its
 * own language.
 */
class NewPageTest {
    @TempDir
    Path dir;

    private MiniSite site() {
        return MiniSite.create(dir)
                .file("content/es/ruta-de-trabajo/_index.md", "---\ntitle: Ruta de trabajo\ntranslationKey: ruta\n---\n\nTexto.\n")
                .file("content/en/roadmap/_index.md", "---\ntitle: Roadmap\ntranslationKey: ruta\n---\n\nText.\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "true", "null", ": x", "#x", "yes", "~", "- x", "1e3", "0x1F", "[x]", "{x}", "&a", "*a", "!x",
            "'citado'", "\"citado\"", "Fase 2: evaluación", "Nueva fase", "@x", "%x", "`x"})
    void anyTitleIsWrittenSoThatCheckAcceptsItAndReadsItBack(String title) throws IOException {
        // `--title 2024` wrote `title: 2024`, which check then refused as a number.
        var site = site();
        Path page = site.root().resolve("content/es/ruta-de-trabajo/evaluacion.md");
        Abierto.ScaffoldResult created = new Abierto().newPage(site.request(), page, title, Map.of("", "evaluation"));
        assertEquals(List.of(), created.diagnostics());
        for (Path file : created.created()) {
            Files.writeString(file, Files.readString(file).replace("draft: true\n", ""));
        }
        BuildResult result = site.build();
        assertEquals(List.of(), site.errors(result));
        assertTrue(site.output("es/ruta-de-trabajo/evaluacion/index.html").contains("<title>" + title.replace("&", "&amp;") + "</title>"),
                site.output("es/ruta-de-trabajo/evaluacion/index.html"));
    }

    @Test
    void theOrderOfANewPageFollowsEveryOrderOfItsSectionDraftsIncluded() throws IOException {
        // Four pages in the section, the last with order 5: `siblings + 1` gave 5 again.
        var site = site()
                .file("content/es/ruta-de-trabajo/a.md", "---\ntitle: A\norder: 1\n---\n\nTexto.\n")
                .file("content/es/ruta-de-trabajo/b.md", "---\ntitle: B\norder: 2\n---\n\nTexto.\n")
                .file("content/es/ruta-de-trabajo/c.md", "---\ntitle: C\norder: 3\n---\n\nTexto.\n")
                .file("content/es/ruta-de-trabajo/d.md", "---\ntitle: D\norder: 5\ndraft: true\n---\n\nTexto.\n")
                .file("content/en/roadmap/e.md", "---\ntitle: E\norder: 6\ntranslationKey: ruta-de-trabajo/e\ndraft: true\n---\n\nText.\n");
        Path page = site.root().resolve("content/es/ruta-de-trabajo/evaluacion.md");
        Abierto.ScaffoldResult created = new Abierto().newPage(site.request(), page, null, Map.of("en", "evaluation"));
        assertEquals(List.of(), created.diagnostics());
        assertTrue(Files.readString(page).contains("\norder: 7\n"), Files.readString(page));
        assertTrue(Files.readString(site.root().resolve("content/en/roadmap/evaluation.md")).contains("\norder: 7\n"));
    }

    @Test
    void theTranslationIsNamedInItsOwnLanguageOrNothingIsCreated() {
        // It was written as content/en/roadmap/evaluacion.md: an English address with a Spanish name.
        var site = site();
        Path page = site.root().resolve("content/es/ruta-de-trabajo/evaluacion.md");
        Abierto.ScaffoldResult refused = new Abierto().newPage(site.request(), page, null, Map.of());
        assertEquals(List.of("content/es/ruta-de-trabajo/evaluacion.md: error: the English page needs a file name in English, which is its "
                        + "address (content/en/roadmap/NAME.md): run again with --translation-name new-phase, e.g. abierto new page "
                        + "content/es/ruta-de-trabajo/evaluacion.md --translation-name new-phase"),
                refused.diagnostics().stream().map(d -> d.format(site.root())).toList());
        assertEquals(List.of(), refused.created());
        assertTrue(Files.notExists(page));
        assertEquals("the name 'Evaluación' of the English page may use only lower-case letters without accents, digits and hyphens, "
                + "e.g. 'evaluacion'", new Abierto().newPage(site.request(), page, null, Map.of("", "Evaluación")).diagnostics().get(0).message());
        Abierto.ScaffoldResult named = new Abierto().newPage(site.request(), page, null, Map.of("", "evaluation.md"));
        assertEquals(List.of(page, site.root().resolve("content/en/roadmap/evaluation.md")), named.created());
        assertEquals(List.of(), site.errors(site.build()));
    }

    @Test
    void aNewPageIsAMarkdownFileInsideTheContent() {
        var site = site();
        for (Path outside : List.of(dir.resolve("fuera/nueva.md"), site.root().resolve("content/es/nueva.txt"))) {
            Abierto.ScaffoldResult refused = new Abierto().newPage(site.request(), outside, null, Map.of("", "new"));
            assertEquals(List.of(outside + ": error: a page is a .md file inside " + site.root().resolve("content")
                    + ", e.g. content/es/nueva-pagina.md"), refused.diagnostics().stream().map(d -> d.format(null)).toList());
            assertFalse(refused.succeeded());
            assertEquals(List.of(), refused.created());
            assertTrue(Files.notExists(outside));
        }
    }

    @Test
    void noPageIsCreatedWhileTheContentHasErrors() {
        var site = site().file("content/es/diagnostico.md", "---\ntitle: [roto\n---\n\nTexto.\n");
        Path page = site.root().resolve("content/es/ruta-de-trabajo/evaluacion.md");
        Abierto.ScaffoldResult refused = new Abierto().newPage(site.request(), page, null, Map.of("", "evaluation"));
        assertEquals(List.of("content/es/diagnostico.md"), refused.diagnostics().stream()
                .map(d -> site.root().relativize(d.file()).toString().replace('\\', '/')).distinct().toList());
        assertFalse(refused.succeeded());
        assertEquals(List.of(), refused.created());
        assertTrue(Files.notExists(page));
        assertTrue(Files.notExists(site.root().resolve("content/en/roadmap/evaluation.md")));
    }

    @Test
    void aCounterpartThatExistsIsNamedAndNothingIsCreated() throws IOException {
        var site = site().file("content/en/roadmap/evaluation.md", "---\ntitle: Evaluation\n---\n\nMine.\n");
        Path page = site.root().resolve("content/es/ruta-de-trabajo/evaluacion.md");
        Abierto.ScaffoldResult refused = new Abierto().newPage(site.request(), page, null, Map.of("en", "evaluation"));
        assertEquals(List.of("content/en/roadmap/evaluation.md: error: this page already exists; choose another name for the English page"),
                refused.diagnostics().stream().map(d -> d.format(site.root())).toList());
        assertFalse(refused.succeeded());
        assertTrue(Files.notExists(page), "not the original either");
        assertEquals("---\ntitle: Evaluation\n---\n\nMine.\n", Files.readString(site.root().resolve("content/en/roadmap/evaluation.md")));
    }

    @Test
    void aPageAtTheTopOfTheOriginalLanguageHasItsCounterpartAtTheTopOfTheOther() {
        var site = site();
        Path page = site.root().resolve("content/es/anexo.md");
        Abierto.ScaffoldResult created = new Abierto().newPage(site.request(), page, null, Map.of("", "annex"));
        assertEquals(List.of(), created.diagnostics());
        assertTrue(created.succeeded());
        assertEquals(List.of(page, site.root().resolve("content/en/annex.md")), created.created());
        assertEquals(List.of(), site.errors(site.build()));
    }

    @Test
    void aPageInANewSectionHasItsCounterpartInTheSameFolderOfTheOtherLanguage() {
        var site = site();
        Path page = site.root().resolve("content/es/anexos/metodologia.md");
        Abierto.ScaffoldResult created = new Abierto().newPage(site.request(), page, null, Map.of("", "methodology"));
        assertEquals(List.of(), created.diagnostics());
        assertEquals(List.of(page, site.root().resolve("content/en/anexos/methodology.md")), created.created());
    }

    @Test
    void aPageWhoseCounterpartCannotBeWrittenIsNotCreatedEither() throws IOException {
        // A file stands where the English folder must go: the Spanish page, written first, was left behind.
        var site = site();
        Files.writeString(site.root().resolve("content/en/anexos"), "un archivo donde iría la carpeta");
        Path page = site.root().resolve("content/es/anexos/metodologia.md");
        Abierto.ScaffoldResult failed = new Abierto().newPage(site.request(), page, null, Map.of("", "methodology"));
        assertEquals(List.of("new-page"), failed.diagnostics().stream().map(d -> d.code()).toList(), failed.diagnostics().toString());
        assertTrue(failed.diagnostics().get(0).message().startsWith("cannot create the page: "), failed.diagnostics().toString());
        assertEquals("cannot create the page: content/en/anexos: a file or folder of this name is already there",
                failed.diagnostics().get(0).message());
        assertFalse(failed.succeeded());
        assertEquals(List.of(), failed.created());
        assertTrue(Files.notExists(page), "nothing is created unless everything is");
        assertTrue(Files.notExists(page.getParent()), "not even the folder made for the Spanish page");
        assertTrue(Files.isDirectory(site.root().resolve("content/es")));
        assertEquals("un archivo donde iría la carpeta", Files.readString(site.root().resolve("content/en/anexos")));
    }
}
