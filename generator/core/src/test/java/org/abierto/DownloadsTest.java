package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report as files to download, on the mini site: the PDF of each language (by a build, or alone by
 * {@code abierto pdf}) named after its title, and the offline copy of the whole site.
 */
class DownloadsTest {
    @TempDir
    Path dir;

    /** The least a document template needs: each page of the report as a chapter. */
    static final String PDF_TEMPLATE = """
            <!DOCTYPE html>
            <html lang="${site.language.code}"><head><meta charset="utf-8"><title>${site.title}</title>
            <style>html { font-family: "DejaVu Sans"; }</style></head>
            <body><#list chapters as c><section data-chapter="${c.page.url}"><h1>${c.page.title}</h1>${c.content}</section></#list></body></html>
            """;

    static final List<String> PDFS = List.of("en/test-report.pdf", "es/informe-de-prueba.pdf");

    private static boolean isPdf(byte[] bytes) {
        return new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }

    private static List<String> pdfsIn(List<String> files) {
        return files.stream().filter(f -> f.endsWith(".pdf")).toList();
    }

    @Test
    void aBuildAskedForThePdfsMakesOneForEachLanguageNamedAfterItsTitle() throws IOException {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE);
        BuildResult result = new Abierto().build(site.request().withDownloads(true, false));
        assertEquals(List.of(), site.errors(result));
        assertEquals(PDFS, pdfsIn(site.outputFiles()));
        for (String pdf : PDFS) {
            assertTrue(isPdf(Files.readAllBytes(site.out().resolve(pdf))), pdf);
        }
        assertTrue(site.outputFiles().stream().noneMatch(f -> f.endsWith(".zip")), "no offline copy unless asked for");
    }

    @Test
    void eachPdfHoldsTheListedPagesOfItsLanguageInReadingOrder() throws IOException {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE)
                .file("content/es/aviso.md", "---\ntitle: Aviso de privacidad\nlisted: false\n---\n\nAviso.\n")
                .file("content/es/ruta/_index.md", "---\ntitle: Ruta de trabajo\norder: 2\n---\n\nLa ruta.\n")
                .file("content/es/ruta/fase.md", "---\ntitle: Primera fase\n---\n\nLa fase.\n");
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(true, false))));
        String text;
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(site.out().resolve("es/informe-de-prueba.pdf")))) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
        assertTrue(text.indexOf("Inicio") >= 0 && text.indexOf("Inicio") < text.indexOf("Diagnóstico"), text);
        assertTrue(text.contains("Texto del diagnóstico."), text);
        assertTrue(text.indexOf("Diagnóstico") < text.indexOf("Ruta de trabajo") && text.indexOf("Ruta de trabajo") < text.indexOf("Primera fase"),
                "a section and its pages, after the page before it: " + text);
        assertFalse(text.contains("Aviso"), "a page kept out of the navigation is no chapter: " + text);
        assertFalse(text.contains("Diagnosis") || text.contains("Welcome"), "nor a page of another language: " + text);
    }

    @Test
    void noPdfWithoutTheDocumentTemplateOrUnlessAskedFor() {
        var site = MiniSite.create(dir);
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(true, false))));
        assertEquals(List.of(), pdfsIn(site.outputFiles()), "the theme has no pdf.ftlh");
        site.file("templates/pdf.ftlh", PDF_TEMPLATE);
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals(List.of(), pdfsIn(site.outputFiles()), "not asked for");
    }

    @Test
    void thePdfsAloneAreWrittenIntoTheFolderGiven() throws IOException {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE);
        Path out = dir.resolve("pdf");
        var r = site.request();
        BuildResult result = new Abierto().pdf(new BuildRequest(r.contentDir(), r.templatesDir(), out, null, false));
        assertEquals(List.of(), site.errors(result));
        assertTrue(result.written());
        assertEquals(2, result.files());
        assertEquals(List.of(Map.entry("es", 2), Map.entry("en", 2)), List.copyOf(result.pages().entrySet()));
        assertEquals(PDFS, MiniSite.files(out), "the PDFs and nothing else");
        assertTrue(isPdf(Files.readAllBytes(out.resolve(PDFS.get(1)))));
    }

    @Test
    void thePdfsAreNotWrittenIntoABuiltSiteNorWhereTheBuildWouldReplaceTheContent() {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE);
        assertTrue(site.build().succeeded());
        BuildResult intoSite = new Abierto().pdf(site.request());
        assertEquals(List.of("out: error: refusing to write the PDFs into a built site (it has abierto-manifest.json): a build makes them "
                + "there; choose another folder, such as site/target/pdf"), site.errors(intoSite));
        assertFalse(intoSite.written());
        assertEquals(List.of(), pdfsIn(site.outputFiles()));

        var r = site.request();
        BuildResult intoProject = new Abierto().pdf(new BuildRequest(r.contentDir(), r.templatesDir(), site.root(), null, false));
        assertEquals(List.of(". error: refusing to write the PDFs to " + site.root() + ": it is, or contains, " + r.contentDir()
                        + ", which the build would replace; use a folder such as site/target/site"),
                site.errors(intoProject).stream().map(e -> e.replaceFirst("^.*?: error", ". error")).toList());
        assertEquals(List.of(), pdfsIn(MiniSite.files(site.root())));
    }

    @Test
    void aBuildWhosePdfOrOfflineCopyFailsWritesNothing() {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE.replace("${site.title}", "${site.nada}"));
        assertEquals(List.of(), site.errors(site.build()));
        List<String> published = site.outputFiles();
        BuildResult pdf = new Abierto().build(site.request().withDownloads(true, false));
        assertEquals(2, pdf.errors(), site.errors(pdf).toString()); // one per language
        assertTrue(site.errors(pdf).stream().allMatch(e -> e.startsWith("templates/pdf.ftlh:")), site.errors(pdf).toString());
        assertFalse(pdf.written());
        assertEquals(published, site.outputFiles(), "the published site left as it was");

        site.file("templates/page.ftlh", "${page.nada}\n");
        BuildResult offline = new Abierto().build(site.request().withDownloads(false, true));
        assertTrue(offline.errors() > 0, site.report(offline).toString());
        assertTrue(site.errors(offline).stream().allMatch(e -> e.contains("page.ftlh")), site.errors(offline).toString());
        assertFalse(offline.written());
        assertEquals(published, site.outputFiles());
    }

    @Test
    void thePdfsNeedTheDocumentTemplateAndContentWithoutErrors() {
        var site = MiniSite.create(dir);
        Path out = dir.resolve("pdf");
        var r = site.request();
        var request = new BuildRequest(r.contentDir(), r.templatesDir(), out, null, false);
        BuildResult noTemplate = new Abierto().pdf(request);
        assertEquals(List.of("templates: error: the theme has no template for the PDF (pdf.ftlh in " + r.templatesDir()
                + "), so no PDF can be made"), site.errors(noTemplate));
        assertFalse(noTemplate.written());
        assertEquals(Map.of(), noTemplate.pages());

        site.file("templates/pdf.ftlh", PDF_TEMPLATE).file("content/es/diagnostico.md", "---\ntitle: [roto\n---\n\nTexto.\n");
        BuildResult broken = new Abierto().pdf(request);
        assertEquals(1, broken.errors(), site.errors(broken).toString());
        assertTrue(site.errors(broken).get(0).startsWith("content/es/diagnostico.md:"), site.errors(broken).toString());
        assertFalse(broken.written());
        assertFalse(Files.exists(out), "nothing written");

        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto del diagnóstico.\n")
                .file("templates/pdf.ftlh", PDF_TEMPLATE.replace("${site.title}", "${site.nada}"));
        BuildResult failing = new Abierto().pdf(request);
        assertEquals(2, failing.errors(), site.errors(failing).toString()); // one per language
        assertFalse(failing.written());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** The offline copy's entries: name → bytes, in the ZIP's order, and their dates. */
    private record Zip(Map<String, byte[]> entries, List<LocalDateTime> times) {
        static Zip of(byte[] bytes) throws IOException {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            List<LocalDateTime> times = new ArrayList<>();
            try (var in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), in.readAllBytes());
                    times.add(e.getTimeLocal());
                }
            }
            return new Zip(entries, times);
        }

        String text(String name) {
            return new String(entries.get(name), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOfflineCopyHoldsEveryFileOfTheSiteUnderOneFolderInPathOrder() throws IOException {
        var site = MiniSite.create(dir).file("content/static/documentos/nota.txt", "Una nota.\n")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto del diagnóstico y [una nota](/documentos/nota.txt).\n");
        // Built for its public address, the site's pages link folders; the copy's name index.html, to work opened from disk.
        site.file("content/site.yaml", Files.readString(site.root().resolve("content/site.yaml")).replace("baseUrl: /", "baseUrl: https://example.org/informe/"));
        BuildResult result = new Abierto().build(site.request().withDownloads(false, true));
        assertEquals(List.of(), site.reportIgnoringTranslations(result), "the copy's link to a file of the site is no broken link");
        assertTrue(site.outputFiles().contains("informe-de-prueba.zip"), site.outputFiles().toString());
        Zip zip = Zip.of(Files.readAllBytes(site.out().resolve("informe-de-prueba.zip")));

        List<String> expected = new ArrayList<>(site.outputFiles());
        expected.removeAll(List.of("informe-de-prueba.zip", "abierto-manifest.json"));
        List<String> names = new ArrayList<>(zip.entries().keySet());
        assertEquals(new TreeSet<>(expected), new TreeSet<>(names.stream().map(n -> n.replaceFirst("^informe-de-prueba/", "")).toList()));
        assertTrue(names.stream().allMatch(n -> n.startsWith("informe-de-prueba/")), names.toString());
        assertEquals(names.stream().sorted().toList(), names, "in path order");
        assertEquals("Una nota.\n", zip.text("informe-de-prueba/documentos/nota.txt"));
        assertTrue(zip.text("informe-de-prueba/es/diagnostico/index.html").contains("index.html\" hreflang=\"en\""),
                zip.text("informe-de-prueba/es/diagnostico/index.html"));
        assertFalse(site.output("es/diagnostico/index.html").contains("index.html\" hreflang=\"en\""), site.output("es/diagnostico/index.html"));
        // Without a date, the first date a ZIP can hold.
        assertEquals(List.of(LocalDateTime.of(1980, 1, 1, 0, 0)), zip.times().stream().distinct().toList());
    }

    @Test
    void theOfflineCopyIsDatedAsTheReportAndTheSameFilesGiveTheSameBytes() throws IOException {
        var site = MiniSite.create(dir);
        site.file("content/site.yaml", Files.readString(site.root().resolve("content/site.yaml")) + "date: 2024-07\n");
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(false, true))));
        byte[] first = Files.readAllBytes(site.out().resolve("informe-de-prueba.zip"));
        assertEquals(List.of(LocalDateTime.of(2024, 7, 1, 0, 0)), Zip.of(first).times().stream().distinct().toList());
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(false, true))));
        assertArrayEquals(first, Files.readAllBytes(site.out().resolve("informe-de-prueba.zip")));

        site.file("content/site.yaml", Files.readString(site.root().resolve("content/site.yaml")).replace("date: 2024-07", "date: 2024-07-15"));
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(false, true))));
        assertEquals(List.of(LocalDateTime.of(2024, 7, 15, 0, 0)),
                Zip.of(Files.readAllBytes(site.out().resolve("informe-de-prueba.zip"))).times().stream().distinct().toList());
    }

    @Test
    void aTitleWithoutLettersOrDigitsNamesTheDownloadsReport() throws IOException {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE);
        site.file("content/site.yaml", Files.readString(site.root().resolve("content/site.yaml")).replace("es: Informe de prueba", "es: \"¿?\""));
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(true, true))));
        List<String> files = site.outputFiles();
        assertTrue(files.containsAll(List.of("report.zip", "es/report.pdf", "en/test-report.pdf")), files.toString());
        Zip zip = Zip.of(Files.readAllBytes(site.out().resolve("report.zip")));
        assertTrue(zip.entries().containsKey("report/es/report.pdf"), "the copy holds the PDFs: " + zip.entries().keySet());
        assertFalse(zip.entries().containsKey("report/report.zip"), "but not itself");
    }

    /** A page template that states what the site says of its downloads, as the theme's footer and catalogue do. */
    static final String DOWNLOADS_PAGE = """
            <!DOCTYPE html>
            <html lang="${site.language.code}"><head><meta charset="utf-8"><title>${page.title}</title></head>
            <body><main><h1>${page.title}</h1>${content}</main>
            <#if site.pdf??><p>pdf ${site.pdf.url} ${site.pdf.bytes?c} ${site.pdf.pages?c}</p></#if>
            <#if site.offline??><p>zip ${site.offline.url} ${site.offline.bytes?c} ${site.offline.sha256}</p></#if>
            </body></html>
            """;

    @Test
    void everyPageStatesEachDownloadsSizeAndTheCopysChecksumAsTheFilesAre() throws Exception {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE).file("templates/page.ftlh", DOWNLOADS_PAGE);
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(true, true))));
        byte[] pdf = Files.readAllBytes(site.out().resolve("es/informe-de-prueba.pdf"));
        byte[] zip = Files.readAllBytes(site.out().resolve("informe-de-prueba.zip"));
        int pages;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(zip));
        String offered = "<p>pdf /es/informe-de-prueba.pdf " + pdf.length + " " + pages + "</p>";
        String page = site.output("es/diagnostico/index.html");
        assertTrue(page.contains(offered), page);
        assertTrue(page.contains("<p>zip /informe-de-prueba.zip " + zip.length + " " + sha256 + "</p>"), page);
        // The copy's own pages offer the PDF (which it holds) but not the copy itself.
        String copied = Zip.of(zip).text("informe-de-prueba/es/diagnostico/index.html");
        assertTrue(copied.contains(offered), copied);
        assertFalse(copied.contains("<p>zip "), copied);
        assertArrayEquals(pdf, Zip.of(zip).entries().get("informe-de-prueba/es/informe-de-prueba.pdf"));
    }

    @Test
    void eachPdfIsTitledInItsLanguageWithItsHomeAsTheDocumentsPage() throws IOException {
        // The document template sees the language's home page as `page`.
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE.replace("<title>${site.title}</title>",
                "<title>${site.title}: ${page.title}</title>"));
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(true, false))));
        for (var expected : Map.of("es/informe-de-prueba.pdf", "Informe de prueba: Inicio|es", "en/test-report.pdf", "Test report: Home|en")
                .entrySet()) {
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(site.out().resolve(expected.getKey())))) {
                assertEquals(expected.getValue(), pdf.getDocumentInformation().getTitle() + "|" + pdf.getDocumentCatalog().getLanguage(),
                        expected.getKey());
            }
        }
    }

    @Test
    void aPdfHoldsTheImagesOfItsPages() throws IOException {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", PDF_TEMPLATE)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\n![Una gráfica](/img/grafica.png)\n");
        Path image = site.root().resolve("content/static/img/grafica.png");
        Files.createDirectories(image.getParent());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        assertEquals(List.of(), site.errors(new Abierto().build(site.request().withDownloads(true, false))));
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(site.out().resolve("es/informe-de-prueba.pdf")))) {
            List<String> images = new ArrayList<>();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                        images.add(img.getWidth() + "x" + img.getHeight());
                    }
                }
            }
            assertEquals(List.of("40x30"), images);
        }
    }

    @Test
    void whenPagesFailToRenderOnlyThatIsReportedAlsoWhileTheCopyIsMade() {
        // The check comes after the render: a broken link is not reported while a template fails, copy or not.
        var site = MiniSite.create(dir)
                .file("templates/roto.ftlh", "<!DOCTYPE html><html><head><title>${page.nada}</title></head><body></body></html>\n")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\nlayout: roto\n---\n\nTexto.\n")
                .file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\n---\n\n[Gone](/en/gone/).\n");
        List<String> withoutCopy = site.errors(site.build());
        assertEquals(1, withoutCopy.size(), withoutCopy.toString());
        assertTrue(withoutCopy.get(0).startsWith("templates/roto.ftlh:"), withoutCopy.toString());
        BuildResult withCopy = new Abierto().build(site.request().withDownloads(false, true));
        assertEquals(withoutCopy, site.errors(withCopy));
        assertFalse(withCopy.written());
        assertFalse(Files.exists(site.out()));
    }

    @Test
    void aPageMayLinkToTheOfflineCopy() {
        // The copy's pages were checked against the site's files without the copy: the link was an error, and the build failed.
        var site = MiniSite.create(dir)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nLa [copia para leer sin conexión](/informe-de-prueba.zip).\n");
        BuildResult result = new Abierto().build(site.request().withDownloads(false, true));
        assertEquals(List.of(), site.errors(result));
        assertTrue(result.written());
        assertTrue(site.output("es/diagnostico/index.html").contains("href=\"../../informe-de-prueba.zip\""), site.output("es/diagnostico/index.html"));
    }
}
