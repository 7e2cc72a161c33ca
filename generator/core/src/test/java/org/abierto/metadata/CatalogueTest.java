package org.abierto.metadata;

import org.abierto.json.Json;
import org.abierto.model.Download;
import org.abierto.model.Edition;
import org.abierto.model.Language;
import org.abierto.model.Site;
import org.abierto.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The report itself in the DCAT catalogue: its PDFs and offline copy as distributions a harvester can download. */
class CatalogueTest {
    static final Language ES = new Language("es", "es-MX", "Español", true);
    static final Language EN = new Language("en", "en-US", "English", false);

    private static Site site(String date, Map<String, String> description, Download pdfEs, Download pdfEn, Download offline) {
        var config = new SiteConfig(Map.of("es", "Informe", "en", "Report"), Map.of(), description, "https://example.org/informe/",
                List.of(ES, EN), new SiteConfig.Organisation("Coalición", null), new SiteConfig.Licence("CC BY 4.0",
                "https://creativecommons.org/licenses/by/4.0/"), date, Map.of(), true);
        Map<String, Edition> editions = new LinkedHashMap<>();
        editions.put("es", edition(ES, pdfEs, offline));
        editions.put("en", edition(EN, pdfEn, offline));
        return new Site(config, List.of(), editions, List.of(), List.of(), Map.of());
    }

    private static Edition edition(Language language, Download pdf, Download offline) {
        return new Edition(language, List.of(ES, EN), "", "", "", "https://example.org/informe/", null, null, null, Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), null, Map.of(), List.of(), List.of(), List.of(), null, pdf, offline, null, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> datasets(Map<String, Object> catalogue) {
        return (List<Map<String, Object>>) Json.read(Json.write(catalogue.get("dcat:dataset")));
    }

    @Test
    void theReportsPdfsAndOfflineCopyAreItsDistributionsWithSizesLanguagesAndChecksum() {
        Download pdfEs = new Download("/es/informe.pdf", "PDF", 2048, 40, null);
        Download pdfEn = new Download("/en/report.pdf", "PDF", -1, null, null);
        Download offline = new Download("/informe.zip", "ZIP", 4096, null, "ab12");
        Map<String, Object> catalogue = new Catalogue(site("2024-07", Map.of("es", "Resumen"), pdfEs, pdfEn, offline)).jsonLd();
        assertEquals("http://spdx.org/rdf/terms#", ((Map<?, ?>) catalogue.get("@context")).get("spdx"));
        Map<String, Object> report = datasets(catalogue).get(0);
        assertEquals(Map.of(
                "@id", "https://example.org/informe/catalogo.jsonld#informe",
                "@type", "dcat:Dataset",
                "dct:identifier", "informe",
                "dct:title", List.of(Map.of("@value", "Informe", "@language", "es"), Map.of("@value", "Report", "@language", "en")),
                "dct:description", List.of(Map.of("@value", "Resumen", "@language", "es")),
                "dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", "Coalición"),
                "dct:modified", Map.of("@value", "2024-07", "@type", "xsd:gYearMonth"),
                "dcat:distribution", List.of(
                        Map.of("@type", "dcat:Distribution", "dcat:downloadURL", Map.of("@id", "https://example.org/informe/es/informe.pdf"),
                                "dcat:mediaType", "application/pdf", "dct:language", "es",
                                "dct:license", Map.of("@id", "https://creativecommons.org/licenses/by/4.0/"),
                                "dcat:byteSize", Map.of("@value", 2048, "@type", "xsd:nonNegativeInteger")),
                        Map.of("@type", "dcat:Distribution", "dcat:downloadURL", Map.of("@id", "https://example.org/informe/en/report.pdf"),
                                "dcat:mediaType", "application/pdf", "dct:language", "en",
                                "dct:license", Map.of("@id", "https://creativecommons.org/licenses/by/4.0/")),
                        Map.of("@type", "dcat:Distribution", "dcat:downloadURL", Map.of("@id", "https://example.org/informe/informe.zip"),
                                "dcat:mediaType", "application/zip", "dct:language", List.of("es", "en"),
                                "dct:license", Map.of("@id", "https://creativecommons.org/licenses/by/4.0/"),
                                "dcat:byteSize", Map.of("@value", 4096, "@type", "xsd:nonNegativeInteger"),
                                "spdx:checksum", Map.of("@type", "spdx:Checksum", "spdx:algorithm", Map.of("@id", "spdx:checksumAlgorithm_sha256"),
                                        "spdx:checksumValue", "ab12")))), report);
    }

    @Test
    void aFullDateIsAnXsdDateAndAReportWithoutDescriptionOrChecksumHasNeither() {
        Download offline = new Download("/informe.zip", "ZIP", 4096, null, null);
        Map<String, Object> catalogue = new Catalogue(site("2024-07-15", Map.of(), null, null, offline)).jsonLd();
        assertFalse(((Map<?, ?>) catalogue.get("@context")).containsKey("spdx"));
        Map<String, Object> report = datasets(catalogue).get(0);
        assertEquals(Map.of("@value", "2024-07-15", "@type", "xsd:date"), report.get("dct:modified"));
        assertFalse(report.containsKey("dct:description"));
        List<?> distributions = (List<?>) report.get("dcat:distribution");
        assertEquals(1, distributions.size());
        assertFalse(((Map<?, ?>) distributions.get(0)).containsKey("spdx:checksum"));
    }

    @Test
    void aReportWithoutDownloadsIsNotADatasetOfTheCatalogue() {
        Map<String, Object> catalogue = new Catalogue(site(null, Map.of(), null, null, null)).jsonLd();
        assertEquals(List.of(), datasets(catalogue));
        assertEquals("dcat:Catalog", catalogue.get("@type"));
        assertEquals(List.of("es", "en"), catalogue.get("dct:language"));
    }
}
