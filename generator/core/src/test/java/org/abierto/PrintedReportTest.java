package org.abierto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report as a document (issue 17): the real report built twice, its PDF in each language
 * validated against PDF/UA-1 by veraPDF, its text read back by PDFBox, and its downloads compared
 * byte for byte between the two builds.
 */
class PrintedReportTest {
    static final Path PROJECT = RealReportTest.PROJECT;
    static final Map<String, String> PDFS = Map.of(
            "es", "es/haciendo-transparencia-proactiva-en-nuevo-leon.pdf",
            "en", "en/making-transparency-proactive-in-nuevo-leon.pdf");
    static final String ZIP = "haciendo-transparencia-proactiva-en-nuevo-leon.zip";

    @TempDir
    static Path out;
    static BuildResult first;
    static BuildResult second;

    @BeforeAll
    static void buildTwice() {
        first = new Abierto().build(request(out.resolve("one")));
        second = new Abierto().build(request(out.resolve("two")));
    }

    static BuildRequest request(Path site) {
        return new BuildRequest(PROJECT.resolve("content"), PROJECT.resolve("templates"), site, "https://example.gob.mx/informe/", false)
                .withDownloads(true, true);
    }

    @Test
    void bothBuildsSucceedAndMakeEveryDownload() {
        assertEquals(List.of(), first.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(PROJECT)).toList());
        assertEquals(List.of(), second.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(PROJECT)).toList());
        for (String pdf : PDFS.values()) {
            assertTrue(Files.isRegularFile(out.resolve("one").resolve(pdf)), pdf);
        }
        assertTrue(Files.isRegularFile(out.resolve("one").resolve(ZIP)), ZIP);
    }

    @Test
    void bothPdfsConformToPdfUa1() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (String pdf : PDFS.values()) {
            byte[] bytes = Files.readAllBytes(out.resolve("one").resolve(pdf));
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(bytes), PDFAFlavour.PDFUA_1);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
                ValidationResult result = validator.validate(parser);
                Set<String> failed = new LinkedHashSet<>();
                for (TestAssertion assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                        failed.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
                                + assertion.getMessage());
                    }
                }
                assertEquals(List.of(), List.copyOf(failed), pdf + " breaks these rules of PDF/UA-1");
                assertTrue(result.isCompliant(), pdf);
                assertEquals(PDFAFlavour.PDFUA_1, result.getPDFAFlavour());
            }
        }
    }

    @Test
    void everyPageOfALanguageLinksItsPdfWithItsPagesAndSize() throws IOException {
        Path site = out.resolve("one");
        for (var language : PDFS.entrySet()) {
            String code = language.getKey();
            Path pdf = site.resolve(language.getValue());
            int pages;
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                pages = document.getNumberOfPages();
            }
            long size = Files.size(pdf);
            assertTrue(size >= 100_000 && size < 1_000_000, code + ": " + size + " bytes"); // shown as whole KB (decimal)
            String kb = Math.round(size / 1000.0) + " KB";
            String expected = "(PDF, " + pages + (code.equals("es") ? " páginas, " : " pages, ") + kb + ")";
            List<Path> htmlPages;
            try (var files = Files.walk(site.resolve(code))) {
                htmlPages = files.filter(f -> f.toString().endsWith(".html")).toList();
            }
            assertTrue(htmlPages.size() >= 15, code + ": " + htmlPages.size());
            for (Path file : htmlPages) {
                Document page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), file.toUri().toString());
                Element link = page.selectFirst("a[type=application/pdf]");
                assertTrue(link != null, site.relativize(file) + " has no link to the PDF");
                if (file.endsWith("404.html")) { // served at any address: its links start at the base path
                    assertEquals("/informe/" + language.getValue(), link.attr("href"), site.relativize(file).toString());
                } else {
                    assertEquals(pdf.toUri().toString(), link.absUrl("href").replaceFirst("^file:/+", "file:///"), site.relativize(file).toString());
                }
                assertEquals(expected, link.nextElementSibling().text(), site.relativize(file).toString());
            }
        }
    }

    @Test
    void theManifestAndTheCatalogueListTheDownloadsAndTheDataPageGivesTheCopysChecksum() throws IOException {
        Path site = out.resolve("one");
        JsonNode manifest = new ObjectMapper().readTree(site.resolve("abierto-manifest.json").toFile());
        JsonNode catalogue = new ObjectMapper().readTree(site.resolve("catalogo.jsonld").toFile());
        List<String> listed = new ArrayList<>();
        manifest.get("files").forEach(f -> listed.add(f.get("path").asText()));
        List<String> distributions = new ArrayList<>();
        catalogue.get("dcat:dataset").forEach(d -> d.get("dcat:distribution").forEach(x -> distributions.add(x.get("dcat:downloadURL").get("@id").asText())));
        List<String> downloads = new ArrayList<>(PDFS.values());
        downloads.add(ZIP);
        for (String file : downloads) {
            assertTrue(listed.contains(file), file + " missing from the manifest");
            assertTrue(distributions.contains("https://example.gob.mx/informe/" + file), file + " missing from the catalogue: " + distributions);
        }
        String sha256 = java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(site.resolve(ZIP))));
        for (String data : List.of("es/datos/index.html", "en/data/index.html")) {
            Document page = Jsoup.parse(Files.readString(site.resolve(data), StandardCharsets.UTF_8));
            assertTrue(page.select("a[type=application/zip]").size() == 1, data);
            assertEquals(sha256, page.selectFirst(".downloads__checksum").text(), data);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStructureTreeTagsHeadingsTablesFiguresLinksAndSpanishPassages() throws IOException {
        for (var language : PDFS.entrySet()) {
            String code = language.getKey();
            try (PDDocument pdf = Loader.loadPDF(out.resolve("one").resolve(language.getValue()).toFile())) {
                var catalog = pdf.getDocumentCatalog();
                assertEquals(code, catalog.getLanguage());
                assertTrue(pdf.getDocumentInformation().getTitle() != null && !pdf.getDocumentInformation().getTitle().isBlank(), code);
                assertTrue(catalog.getViewerPreferences().displayDocTitle(), code + ": the viewer shows the title, not the file name");
                assertTrue(catalog.getDocumentOutline() != null && catalog.getDocumentOutline().children().iterator().hasNext(), code + ": bookmarks");
                Map<String, Integer> types = new java.util.TreeMap<>();
                List<String> problems = new ArrayList<>();
                Set<String> languages = new java.util.TreeSet<>();
                walk(catalog.getStructureTreeRoot(), types, languages, problems);
                assertEquals(List.of(), problems, code);
                for (String type : List.of("H1", "H2", "Table", "TH", "TD", "Caption", "Figure", "Link", "L", "LI", "P")) {
                    assertTrue(types.getOrDefault(type, 0) > 0, code + ": no " + type + " in " + types);
                }
                if (code.equals("en")) {
                    assertTrue(languages.contains("es"), "the English edition's Spanish passages are tagged es: " + languages);
                }
            }
        }
    }

    /** Counts the structure types, and notes a header cell without scope or a figure without alternative text. */
    private static void walk(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode node, Map<String, Integer> types,
                             Set<String> languages, List<String> problems) {
        for (Object kid : node.getKids()) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement element) {
                String type = element.getStructureType();
                types.merge(type, 1, Integer::sum);
                if (element.getLanguage() != null) {
                    languages.add(element.getLanguage());
                }
                if (type.equals("Figure") && (element.getAlternateDescription() == null || element.getAlternateDescription().isBlank())) {
                    problems.add("a Figure without alternative text");
                }
                if (type.equals("TH")) {
                    boolean scoped = false;
                    var attributes = element.getAttributes();
                    for (int i = 0; i < attributes.size(); i++) {
                        if (attributes.getObject(i) instanceof org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject table
                                && table.getScope() != null) {
                            scoped = true;
                        }
                    }
                    if (!scoped) {
                        problems.add("a TH without scope");
                    }
                }
                walk(element, types, languages, problems);
            }
        }
    }

    @Test
    void aBrokenLinkOfAPageInThePdfIsReportedAtItsPlaceNotAsACrash(@TempDir Path project) throws IOException {
        // The PDFs are made before the pages are checked: a link to a page that does not exist reached
        // the PDF's link rewriting first, which crashed on it (an internal error, no position).
        org.abierto.testing.Folders.copy(PROJECT.resolve("content"), project.resolve("content"));
        org.abierto.testing.Folders.copy(PROJECT.resolve("templates"), project.resolve("templates"));
        Path page = project.resolve("content/es/vision-a-futuro.md");
        String text = Files.readString(page);
        Files.writeString(page, text + "\nVer [la guía](no-existe.md).\n");
        int line = (int) text.lines().count() + 2;
        BuildResult broken = new Abierto().build(new BuildRequest(project.resolve("content"), project.resolve("templates"),
                project.resolve("site"), "https://example.gob.mx/informe/", false).withDownloads(true, true));
        assertEquals(List.of("content/es/vision-a-futuro.md:" + line + ":5: error: the link 'no-existe.md' points at "
                + "content/es/no-existe.md, which is not a published page; check the file name (drafts are not published)"),
                broken.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(project)).toList());
        assertFalse(broken.written());
    }

    @Test
    void onlyThePdfsAreTheBuildsPdfsAndNeverWrittenIntoABuiltSite() throws IOException {
        BuildResult only = new Abierto().pdf(request(out.resolve("pdf-only")));
        assertEquals(List.of(), only.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(PROJECT)).toList());
        try (var files = Files.walk(out.resolve("pdf-only"))) {
            assertEquals(List.copyOf(new java.util.TreeSet<>(PDFS.values())), files.filter(Files::isRegularFile)
                    .map(f -> out.resolve("pdf-only").relativize(f).toString().replace('\\', '/')).sorted().toList());
        }
        for (String pdf : PDFS.values()) {
            assertArrayEquals(Files.readAllBytes(out.resolve("one").resolve(pdf)), Files.readAllBytes(out.resolve("pdf-only").resolve(pdf)), pdf);
        }
        BuildResult intoSite = new Abierto().pdf(request(out.resolve("two")));
        assertTrue(intoSite.diagnostics().stream().anyMatch(d -> d.isError() && d.code().equals("unsafe-output")), intoSite.diagnostics()::toString);
    }

    @Test
    void twoBuildsGiveTheSameDownloadsByteForByte() throws IOException {
        List<String> downloads = new ArrayList<>(PDFS.values());
        downloads.add(ZIP);
        for (String file : downloads) {
            assertArrayEquals(Files.readAllBytes(out.resolve("one").resolve(file)), Files.readAllBytes(out.resolve("two").resolve(file)), file);
        }
    }

    @Test
    void eachPdfHoldsEveryHeadingTheKeyFiguresAndTheDeliverablesInReadingOrder() throws IOException {
        JsonNode figures = yaml(PROJECT.resolve("content/data/cifras.yaml")).get("items");
        List<String> values = new ArrayList<>();
        figures.forEach(f -> values.add(f.get("value").asText()));
        assertEquals(List.of("18", "96", "148", "14", "7", "13"), values, "the report's key figures");
        JsonNode deliverables = yaml(PROJECT.resolve("content/data/entregables.yaml")).get("rows");
        assertEquals(8, deliverables.size(), "the annex's deliverables");

        for (var language : PDFS.entrySet()) {
            String code = language.getKey();
            Map<String, String> i18n = pdfWords(code);
            String text;
            int pages;
            try (PDDocument pdf = Loader.loadPDF(out.resolve("one").resolve(language.getValue()).toFile())) {
                text = normal(new PDFTextStripper().getText(pdf));
                pages = pdf.getNumberOfPages();
            }
            assertTrue(pages >= 10, code + ": " + pages + " pages");
            // The contents list every chapter first: the report's own text starts after it.
            Reading reading = new Reading(code, text);
            reading.find(i18n.get("contents"));
            reading.find(i18n.get("cite"));
            int body = reading.at;

            // Every page of the site's edition, in the order the web pages lead from one to the next:
            // its title and every heading its body has, then, on the home, the key figures.
            List<Document> order = readingOrder(code);
            assertTrue(order.size() >= 12, code + ": " + order.size() + " pages in reading order");
            reading.find(i18n.get("summary"));
            for (JsonNode figure : figures) {
                reading.find(figure.get("value").asText() + " " + figure.get("label").get(code).asText());
            }
            for (Document page : order.subList(1, order.size())) {
                reading.find(page.selectFirst("main h1").text());
                for (Element heading : page.select("main .prose").select("h1, h2, h3, h4, h5, h6")) {
                    reading.find(heading.text());
                }
            }
            reading.find(i18n.get("cite"));

            // The annex lists the eight deliverables, in the order of entregables.yaml.
            reading.at = body;
            reading.find(order.stream().filter(p -> p.location().contains(code.equals("es") ? "/anexo/" : "/annex/")).findFirst()
                    .orElseThrow().selectFirst("main h1").text());
            for (JsonNode row : deliverables) {
                reading.find(row.get("entregable").get(code).asText());
            }
        }
    }

    /** The words the PDF template uses for its own parts, from content/i18n/. */
    private static Map<String, String> pdfWords(String code) throws IOException {
        JsonNode pdf = yaml(PROJECT.resolve("content/i18n/" + code + ".yaml")).get("pdf");
        return Map.of("contents", pdf.get("contents").asText(), "summary", pdf.get("summary").asText(), "cite", pdf.get("cite").asText());
    }

    /** The pages of one language as a reader goes through them: from its home, each page's "next" link. */
    private static List<Document> readingOrder(String code) throws IOException {
        Path site = out.resolve("one");
        List<Document> pages = new ArrayList<>();
        Path file = site.resolve(code).resolve("index.html");
        while (file != null) {
            Document page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "https://example.gob.mx/informe/"
                    + site.relativize(file).toString().replace('\\', '/'));
            pages.add(page);
            Element next = page.selectFirst("a[rel=next]");
            file = next == null ? null : site.resolve(next.absUrl("href").substring("https://example.gob.mx/informe/".length()));
            if (file != null && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            assertTrue(pages.size() < 100, "the next links go round in a circle");
        }
        return pages;
    }

    /** Text as compared: ligatures undone (the layout sets "ﬁ"), every run of white space one space. */
    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    /** Reads a document's text forwards: each thing looked for must come after the previous one. */
    private static final class Reading {
        private final String language;
        private final String text;
        int at;
        private String previous = "(the start)";

        Reading(String language, String text) {
            this.language = language;
            this.text = text;
        }

        void find(String wanted) {
            String needle = normal(wanted).strip();
            int found = text.indexOf(needle, at);
            if (found < 0) {
                boolean anywhere = text.contains(needle);
                throw new AssertionError(language + ": «" + needle + "» " + (anywhere ? "comes before «" + previous + "»"
                        : "is not in the PDF") + "; text after that: «" + text.substring(at, Math.min(text.length(), at + 300)) + "»");
            }
            at = found + needle.length();
            previous = needle;
        }
    }
}
