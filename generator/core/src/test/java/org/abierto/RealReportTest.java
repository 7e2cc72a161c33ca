package org.abierto;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real report (content/ and templates/ of this repository), built strictly and read back. */
class RealReportTest {
    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    static Path out;
    static BuildResult result;
    static Map<String, Document> pages = new HashMap<>();

    @BeforeAll
    static void build() throws IOException {
        result = new Abierto().build(new BuildRequest(PROJECT.resolve("content"), PROJECT.resolve("templates"),
                out.resolve("site"), "https://example.gob.mx/informe/", false));
        try (Stream<Path> files = Files.walk(out.resolve("site"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String path = "/" + out.resolve("site").relativize(f).toString().replace('\\', '/').replaceFirst("index\\.html$", "");
                pages.put(path, Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), "https://example.gob.mx/informe" + path));
            }
        }
    }

    @Test
    void buildsWithoutErrors() {
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(PROJECT)).toList());
        assertTrue(pages.size() >= 30, "pages: " + pages.keySet());
    }

    @Test
    void strictBuildPublishesWhileDeliverablesWithoutAddressAreListed(@TempDir Path strictOut) {
        // As the pipelines build it: --strict, for the public address.
        BuildResult strict = new Abierto().build(new BuildRequest(PROJECT.resolve("content"), PROJECT.resolve("templates"),
                strictOut.resolve("site"), "https://example.gob.mx/informe/", true, true));
        assertEquals(List.of(), strict.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(PROJECT)).toList());
        assertTrue(strict.written());
        List<String> unlinked = strict.diagnostics().stream().filter(d -> d.code().equals("document-unavailable"))
                .map(d -> d.format(PROJECT)).toList();
        assertEquals(8, unlinked.size(), unlinked::toString);
        assertEquals(8, strict.deliverablesWithoutAddress());
        assertTrue(unlinked.stream().allMatch(e -> e.matches("content/data/entregables\\.yaml:\\d+:\\d+: warning: '.+' has no address .*")),
                unlinked::toString);
    }

    @Test
    void requiringDeliverablesFailsOnlyOnTheDeliverablesWhoseAddressIsUnknown(@TempDir Path strictOut) {
        BuildResult required = new Abierto().check(new BuildRequest(PROJECT.resolve("content"), PROJECT.resolve("templates"),
                strictOut, "https://example.gob.mx/informe/", true, false, null, true));
        List<String> errors = required.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(PROJECT)).toList();
        assertEquals(8, errors.size(), errors::toString);
        assertTrue(errors.stream().allMatch(e -> e.startsWith("content/data/entregables.yaml:") && e.contains("has no address")), errors::toString);
    }

    @Test
    void deliverablesWithoutAddressSayItInBothLanguages() {
        assertEquals(8, pages.get("/es/anexo/").select("#table-entregables .document-meta--unavailable").size());
        assertEquals("(aún no disponible en línea)", pages.get("/es/anexo/").selectFirst("#table-entregables .document-meta--unavailable").text());
        assertEquals("(not yet available online)", pages.get("/en/annex/").selectFirst("#table-entregables .document-meta--unavailable").text());
        assertTrue(pages.get("/es/ruta-de-trabajo/diagnostico/").select(".deliverables li").text().startsWith("Diagnóstico (aún no disponible en línea)"));
        assertTrue(pages.get("/en/").select("a[href*=opengovpartnership]").isEmpty(), "the OGP page is a related document of the annex");
        assertEquals("https://opengovpartnership.org/members/san-pedro-garza-garc%C3%ADa-mexico/commitments/mxspg0003",
                pages.get("/en/annex/").selectFirst("#ogp-mxspg0003 a").attr("href"));
    }

    @Test
    void everyPageHasItsCounterpartWithReciprocalHreflang() {
        int checked = 0;
        for (var entry : pages.entrySet()) {
            String path = entry.getKey();
            if (path.equals("/") || path.endsWith("404.html")) {
                continue; // the bilingual landing page, and the 404 pages, which are not indexed
            }
            Document page = entry.getValue();
            String lang = page.selectFirst("html").attr("lang");
            String other = lang.equals("es") ? "en" : "es";
            Element alternate = page.selectFirst("link[rel=alternate][hreflang=" + other + "]");
            assertTrue(alternate != null, path + " has no hreflang=" + other);
            assertTrue(page.selectFirst("link[rel=alternate][hreflang=x-default]") != null, path + " has no x-default");
            String counterpart = alternate.attr("href").replace("https://example.gob.mx/informe", "");
            Document back = pages.get(counterpart);
            assertTrue(back != null, path + " points at " + counterpart + ", which was not built");
            Element returning = back.selectFirst("link[rel=alternate][hreflang=" + lang + "]");
            assertEquals("https://example.gob.mx/informe" + path, returning.attr("href"), counterpart + " does not point back at " + path);
            checked++;
        }
        assertTrue(checked >= 30);
    }

    @Test
    void everyTableIsPublishedAsCsvAndJsonThatMatchTheTableOnThePage() throws IOException {
        var csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int compared = 0;
        for (var entry : pages.entrySet()) {
            Document page = entry.getValue();
            String lang = page.selectFirst("html").attr("lang");
            var format = new org.abierto.model.Formats(java.util.Locale.forLanguageTag(lang.equals("es") ? "es-MX" : "en-US"),
                    "MMMM y"); // both editions write a month as "julio 2024", "July 2024"
            for (Element table : page.select("table.data-table[id^=table-]")) {
                String name = table.id().substring("table-".length());
                Element download = table.parent().nextElementSibling();
                assertTrue(download != null && download.hasClass("table-downloads"), entry.getKey() + ": no downloads under " + name);
                Path csvFile = file(entry.getKey(), download.select("a[type=text/csv]").attr("href"));
                Path jsonFile = file(entry.getKey(), download.select("a[type=application/json]").attr("href"));

                List<Map<String, String>> csvRows = new ArrayList<>();
                try (var it = csv.readerFor(Map.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                        .<Map<String, String>>readValues(csvFile.toFile())) {
                    it.forEachRemaining(csvRows::add);
                }
                List<Map<String, Object>> jsonRows = json.readValue(jsonFile.toFile(), new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
                List<String> keys = new ArrayList<>(csvRows.isEmpty() ? List.of() : csvRows.get(0).keySet());
                keys.remove("id");
                keys.remove("url");
                var bodyRows = table.select("tbody tr");
                assertEquals(bodyRows.size(), csvRows.size(), name + " rows in CSV");
                assertEquals(bodyRows.size(), jsonRows.size(), name + " rows in JSON");
                for (int r = 0; r < bodyRows.size(); r++) {
                    var cells = bodyRows.get(r).select("th, td");
                    for (int c = 0; c < keys.size(); c++) {
                        Element cell = cells.get(c).clone();
                        cell.select(".document-meta").remove();
                        String shown = cell.text();
                        String csvValue = csvRows.get(r).get(keys.get(c));
                        Object jsonValue = jsonRows.get(r).get(keys.get(c));
                        assertEquals(csvValue.isEmpty() ? null : csvValue, jsonValue == null ? null : jsonValue.toString(),
                                name + " CSV and JSON differ at row " + r + ", " + keys.get(c));
                        String expected = csvValue.matches("-?\\d+") ? format.number(Long.parseLong(csvValue))
                                : csvValue.matches("\\d{4}-\\d{2}(-\\d{2})?") ? format.date(csvValue) : csvValue;
                        assertEquals(expected, shown, entry.getKey() + ": " + name + " row " + r + ", " + keys.get(c));
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared >= 90, "compared only " + compared + " cells");
    }

    private static Path file(String pagePath, String href) {
        return out.resolve("site").resolve(pagePath.substring(1)).resolve(href).normalize();
    }

    @Test
    void sitemapListsBothLanguagesWithAlternates() throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var sitemap = factory.newDocumentBuilder().parse(out.resolve("site/sitemap.xml").toFile());
        var urls = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            locations.add(urls.item(i).getTextContent());
        }
        assertTrue(locations.contains("https://example.gob.mx/informe/es/ruta-de-trabajo/diagnostico/"), locations.toString());
        assertTrue(locations.contains("https://example.gob.mx/informe/en/roadmap/diagnosis/"), locations.toString());
        assertTrue(locations.stream().noneMatch(l -> l.contains("404")), locations.toString());
        assertEquals(pages.size() - 3, locations.size(), "every page but the three 404 pages");
        var links = sitemap.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
        assertTrue(links.getLength() >= 3 * 32, "alternates: " + links.getLength());
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.gob.mx/informe/sitemap.xml\n",
                Files.readString(out.resolve("site/robots.txt")));
    }

    @Test
    void localizedAddresses() {
        assertTrue(pages.containsKey("/es/ruta-de-trabajo/diagnostico/"));
        assertTrue(pages.containsKey("/en/roadmap/diagnosis/"));
    }

    @Test
    void everyFigureOfTheSourceAppearsInBothLanguages() {
        for (String lang : List.of("es", "en")) {
            String all = String.join("\n", pages.entrySet().stream().filter(e -> e.getKey().startsWith("/" + lang + "/"))
                    .map(e -> e.getValue().text()).toList());
            for (String number : List.of("18", "96", "148", "60", "9", "116", "25", "35", "10", "5", "40", "14", "7", "13", "300")) {
                assertTrue(Pattern.compile("(?<![\\d,.])" + number + "(?![\\d,])").matcher(all).find(), lang + " lacks " + number);
            }
        }
        String copiesEs = pages.get("/es/ruta-de-trabajo/socializacion/entrega-de-ejemplares-fisicos/").select("table#table-ejemplares tbody td").eachText().toString();
        String copiesEn = pages.get("/en/roadmap/dissemination/printed-copies/").select("table#table-ejemplares tbody td").eachText().toString();
        assertEquals("[60, 9, 116, 25, 35, 10, 5, 40]", copiesEs);
        assertEquals(copiesEs, copiesEn);
        String practicesEs = pages.get("/es/ruta-de-trabajo/socializacion/talleres-y-capacitaciones/").select("table#table-practicas tbody td").eachText().toString();
        assertEquals("[3, 3, 2, 2, 1, 1, 1]", practicesEs);
        assertEquals(8, pages.get("/es/anexo/").select("table#table-entregables tbody tr").size());
        assertEquals(8, pages.get("/en/annex/").select("table#table-entregables tbody tr").size());
        assertTrue(pages.get("/es/").text().contains("28 de febrero de 2024"), "es home lacks the public presentation date");
        assertTrue(pages.get("/en/").text().contains("February 28, 2024"), "en home lacks the public presentation date");
        assertTrue(pages.get("/es/").text().contains("diciembre de 2023") || pages.get("/es/ruta-de-trabajo/sesion-de-rendicion-de-cuentas-con-ogp/").text().contains("diciembre 2023"));
    }

    @Test
    void noPageCarriesInterfaceWordsOfTheOtherLanguage() throws IOException {
        Map<String, Set<String>> words = new HashMap<>();
        for (String lang : List.of("es", "en")) {
            Set<String> values = new HashSet<>();
            for (String line : Files.readAllLines(PROJECT.resolve("content/i18n/" + lang + ".yaml"))) {
                int colon = line.indexOf(": ");
                if (colon > 0 && !line.strip().startsWith("#")) {
                    String value = line.substring(colon + 2).strip().replaceAll("^\"|\"$", "");
                    if (value.length() >= 4 && !value.startsWith("MMMM")) {
                        values.add(value);
                    }
                }
            }
            words.put(lang, values);
        }
        List<String> leaks = new ArrayList<>();
        for (var entry : pages.entrySet()) {
            Document page = entry.getValue();
            String lang = page.selectFirst("html").attr("lang");
            if (entry.getKey().equals("/")) {
                continue; // the bilingual landing page marks each language's part
            }
            String text = ownLanguageText(page.body(), lang);
            for (String other : words.keySet()) {
                if (other.equals(lang)) {
                    continue;
                }
                for (String word : words.get(other)) {
                    if (!words.get(lang).contains(word) && Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})").matcher(text).find()) {
                        leaks.add(entry.getKey() + " (" + lang + ") shows '" + word + "' from i18n/" + other + ".yaml");
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** The text of a page outside elements marked as another language. */
    private static String ownLanguageText(Element root, String lang) {
        var out = new StringBuilder();
        for (Node node : root.childNodes()) {
            if (node instanceof TextNode t) {
                out.append(t.text()).append(' ');
            } else if (node instanceof Element e && (!e.hasAttr("lang") || e.attr("lang").equals(lang))) {
                out.append(ownLanguageText(e, lang)).append(' ');
            }
        }
        return out.toString();
    }
}
