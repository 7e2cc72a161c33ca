package org.abierto.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site model's own answers: published paths, downloads offered per language, a page's edition and top section. */
class SiteTest {
    static final Language ES = new Language("es", "es-MX", "Español", true);
    static final Language EN = new Language("en", "en-US", "English", false);
    static final PageRef ES_HOME = ref("/es/", "es", "home");
    static final PageRef EN_HOME = ref("/en/", "en", "home");
    static final PageRef SECTION = ref("/es/ruta/", "es", "ruta");
    static final PageRef PHASE = ref("/es/ruta/fase/", "es", "ruta/fase");

    static PageRef ref(String url, String language, String key) {
        return new PageRef(url, "Título " + key, key, language, key, null);
    }

    static Page page(PageKind kind, PageRef self, List<PageRef> ancestors) {
        return new Page(Path.of("content" + self.url() + "index.md"), self.language(), self.key(), kind, self.url(),
                self.url().substring(1) + "index.html", self.title(), self.linkTitle(), null, kind.defaultLayout(),
                List.of(new BodyPart.Html("<p>Texto.</p>")), List.of(new Heading(2, "uno", "Uno")), Map.of("color", "azul"),
                ancestors, List.of(), null, null, List.of(), self, true);
    }

    static Edition edition(Language language, String title, PageRef home) {
        return new Edition(language, List.of(ES, EN), title, "", "Una frase.", "/", new SiteConfig.Organisation("Coalición", null),
                null, "2024-07", Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), home, Map.of("home", home), List.of(), List.of(),
                List.of(), new Formats(language.locale(), "MMMM y"), null, null, null, List.of());
    }

    static SiteConfig config() {
        return new SiteConfig(Map.of("es", "Informe", "en", "Report"), Map.of(), Map.of(), "/", List.of(ES, EN),
                new SiteConfig.Organisation("Coalición", null), null, null, Map.of(), true);
    }

    static Site site() {
        return new Site(config(), List.of(page(PageKind.HOME, ES_HOME, List.of()), page(PageKind.HOME, EN_HOME, List.of())),
                Map.of("es", edition(ES, "Informe", ES_HOME), "en", edition(EN, "Report", EN_HOME)), List.of(), List.of(),
                Map.of("css/estilo.css", "css/estilo.1a2b3c.css"));
    }

    @Test
    void aThemeAssetIsPublishedAtItsFingerprintedPathAndAnyOtherFileWhereItIs() {
        assertEquals("css/estilo.1a2b3c.css", site().published("css/estilo.css"));
        assertEquals("figuras/a.jpg", site().published("figuras/a.jpg"));
    }

    @Test
    void eachLanguageOffersItsOwnPdfAndEveryOneTheOfflineCopy() {
        var pdf = new Download("/es/informe.pdf", "PDF", 2048, 12, null);
        var zip = new Download("/informe.zip", "ZIP", 4096, null, "ab12");
        Site offering = site().withDownloads(Map.of("es", pdf), zip);
        assertSame(pdf, offering.editions().get("es").pdf());
        assertNull(offering.editions().get("en").pdf(), "a language without a PDF offers none");
        assertSame(zip, offering.editions().get("es").offline());
        assertSame(zip, offering.editions().get("en").offline());
        // Nothing else of the site or its editions changes.
        assertEquals(java.util.Set.of("es", "en"), offering.editions().keySet());
        assertEquals("Report", offering.editions().get("en").title());
        assertEquals(site().editions().get("en").withDownloads(null, zip), offering.editions().get("en"));
        assertEquals(site().pages(), offering.pages());
        assertEquals("css/estilo.1a2b3c.css", offering.published("css/estilo.css"));
    }

    @Test
    void aPageIsShownInTheEditionOfItsLanguage() {
        Site site = site();
        assertSame(site.editions().get("en"), site.edition(site.pages().get(1)));
        assertSame(site.editions().get("es"), site.edition(site.pages().get(0)));
    }

    @Test
    void thePageTakesItsTopSectionFromItsAncestorsOrIsItself() {
        assertEquals(SECTION, page(PageKind.PAGE, PHASE, List.of(ES_HOME, SECTION)).topSection(), "two ancestors: the second");
        assertEquals(SECTION, page(PageKind.PAGE, ref("/es/ruta/fase/paso/", "es", "paso"), List.of(ES_HOME, SECTION, PHASE)).topSection());
        assertEquals(SECTION, page(PageKind.SECTION, SECTION, List.of(ES_HOME)).topSection(), "a top-level section is its own");
        assertEquals(PHASE, page(PageKind.PAGE, PHASE, List.of()).topSection());
        assertNull(page(PageKind.HOME, ES_HOME, List.of()).topSection());
        assertNull(page(PageKind.LANDING, ref("/", "es", "landing"), List.of()).topSection());
    }

    @Test
    void anotherContentKeepsThePagesPlace() {
        Page page = page(PageKind.PAGE, PHASE, List.of(ES_HOME, SECTION));
        Page edited = page.withContent(List.of(new BodyPart.Html("<p>Otro.</p>")), List.of(), Map.of("color", "rojo"));
        assertEquals(List.of(new BodyPart.Html("<p>Otro.</p>")), edited.body());
        assertEquals(List.of(), edited.outline());
        assertEquals(Map.of("color", "rojo"), edited.params());
        assertEquals(new Page(page.source(), page.language(), page.key(), page.kind(), page.url(), page.outputPath(), page.title(),
                page.linkTitle(), page.description(), page.layout(), edited.body(), edited.outline(), edited.params(), page.ancestors(),
                page.children(), page.previous(), page.next(), page.alternates(), page.self(), page.listed()), edited);
    }

    @Test
    void eachKindHasItsTemplate() {
        assertEquals(List.of("landing", "home", "section", "page", "404"),
                java.util.Arrays.stream(PageKind.values()).map(PageKind::defaultLayout).toList());
    }

    @Test
    void aDownloadIsMadeOnceItsSizeIsKnownEvenEmpty() {
        assertTrue(new Download("/es/a.pdf", "PDF", 0, 0, null).made());
        assertTrue(new Download("/es/a.pdf", "PDF", 1200, 3, null).made());
        assertFalse(new Download("/es/a.pdf", "PDF", -1, null, null).made(), "the preview's, made when asked for");
    }

    @Test
    void aTablePublishedAtItsFilesKeepsEverythingElse() {
        var column = new Table.Column("n", "Número", "integer", null, true, true, false);
        var row = new Table.Row("uno", null, null, null, List.of(new Table.Cell(1L, "1", null)));
        var table = new Table("ejemplares", "Ejemplares", null, null, null, List.of(column), List.of(row), null, null);
        var files = new Table.Downloads("/es/datos/ejemplares.csv", "/es/datos/ejemplares.json", "/es/datos/ejemplares.csv-metadata.json");
        assertEquals(new Table("ejemplares", "Ejemplares", null, null, null, List.of(column), List.of(row), null, files),
                table.withDownloads(files));
    }

    @Test
    void aDocumentWithoutAnAddressIsNotAvailable() {
        assertTrue(new Table.Document("/documentos/guia.pdf", true, "PDF", "1.2 MB", null).available());
        assertTrue(new Table.Document("https://www.opengovpartnership.org/", false, null, null, "www.opengovpartnership.org").available());
        assertFalse(new Table.Document(null, false, null, null, null).available());
    }

    @Test
    void translationStatesByTheirLowerCaseNames() {
        assertEquals(List.of("current", "stale", "unmarked", "missing"),
                java.util.Arrays.stream(TranslationStatus.State.values()).map(TranslationStatus.State::id).toList());
        var status = new TranslationStatus("ruta", SECTION, null, "en", TranslationStatus.State.MISSING, "0123456789ab", null,
                Path.of("content/es/ruta/_index.md"), null);
        assertEquals("missing", status.stateId());
    }

    @Test
    void aLanguageFormatsWithTheLocaleOfItsTag() {
        assertEquals(Locale.forLanguageTag("es-MX"), ES.locale());
        assertEquals(Locale.forLanguageTag("en-US"), EN.locale());
        assertEquals(Locale.forLanguageTag("es-MX"), new Language("es", "es-MX", "Castellano", false).locale());
    }

    @Test
    void theOriginalLanguageIsTheFirst() {
        assertEquals(ES, config().defaultLanguage());
    }
}
