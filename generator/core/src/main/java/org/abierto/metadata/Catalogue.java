package org.abierto.metadata;

import org.abierto.json.Json;
import org.abierto.model.Download;
import org.abierto.model.Edition;
import org.abierto.model.Language;
import org.abierto.model.Site;
import org.abierto.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The DCAT 3 catalogue (JSON-LD) of the report's datasets, with one distribution per format and language. */
final class Catalogue {
    private final Site site;

    Catalogue(Site site) {
        this.site = site;
    }

    Map<String, Object> jsonLd() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        if (site.editions().values().stream().anyMatch(e -> e.offline() != null && e.offline().sha256() != null)) {
            context.put("spdx", "http://spdx.org/rdf/terms#"); // for the offline copy's checksum
        }
        Map<String, Object> catalogue = new LinkedHashMap<>();
        catalogue.put("@context", context);
        catalogue.put("@id", Addresses.absolute(site, "/" + OpenData.CATALOGUE));
        catalogue.put("@type", "dcat:Catalog");
        catalogue.put("dct:title", texts(site.config().title()));
        catalogue.put("dct:publisher", publisher());
        if (site.config().licence() != null && site.config().licence().url() != null) {
            catalogue.put("dct:license", Map.of("@id", site.config().licence().url()));
        }
        catalogue.put("dct:language", site.config().languages().stream().map(Language::code).toList());
        List<Map<String, Object>> datasets = new ArrayList<>();
        report().ifPresent(datasets::add);
        Edition original = site.editions().get(site.config().defaultLanguage().code());
        for (String name : original.tables().keySet()) {
            if (original.tables().get(name).downloads() != null) {
                datasets.add(dataset(name));
            }
        }
        catalogue.put("dcat:dataset", datasets);
        return catalogue;
    }

    private Map<String, Object> dataset(String name) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("@id", Addresses.absolute(site, "/" + OpenData.CATALOGUE) + "#" + name);
        dataset.put("@type", "dcat:Dataset");
        dataset.put("dct:identifier", name);
        dataset.put("dct:title", OpenData.perLanguage(site, Table::title, name));
        List<Map<String, Object>> descriptions = OpenData.perLanguage(site, Table::description, name);
        if (!descriptions.isEmpty()) {
            dataset.put("dct:description", descriptions);
        }
        dataset.put("dct:publisher", publisher());
        if (site.config().date() != null) {
            dataset.put("dct:modified", Json.object("@value", site.config().date(), "@type", "xsd:gYearMonth"));
        }
        List<Map<String, Object>> distributions = new ArrayList<>();
        for (Language language : site.config().languages()) {
            Table table = site.editions().get(language.code()).tables().get(name);
            if (table == null || table.downloads() == null) {
                continue;
            }
            distributions.add(distribution(table.downloads().csv(), "text/csv", language.code()));
            distributions.add(distribution(table.downloads().json(), "application/json", language.code()));
        }
        dataset.put("dcat:distribution", distributions);
        return dataset;
    }

    /**
     * The report itself, when the site offers it as files: its PDF in each language and the offline
     * copy of the whole site, with their sizes (and the copy's SHA-256) when they are known.
     */
    private java.util.Optional<Map<String, Object>> report() {
        List<Map<String, Object>> distributions = new ArrayList<>();
        Download offline = null;
        for (Language language : site.config().languages()) {
            Edition edition = site.editions().get(language.code());
            if (edition.pdf() != null) {
                distributions.add(sized(distribution(edition.pdf().url(), "application/pdf", language.code()), edition.pdf()));
            }
            offline = offline == null ? edition.offline() : offline;
        }
        if (offline != null) {
            Map<String, Object> copy = sized(distribution(offline.url(), "application/zip", null), offline);
            copy.put("dct:language", site.config().languages().stream().map(Language::code).toList());
            if (offline.sha256() != null) {
                copy.put("spdx:checksum", Json.object("@type", "spdx:Checksum",
                        "spdx:algorithm", Map.of("@id", "spdx:checksumAlgorithm_sha256"), "spdx:checksumValue", offline.sha256()));
            }
            distributions.add(copy);
        }
        if (distributions.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("@id", Addresses.absolute(site, "/" + OpenData.CATALOGUE) + "#" + REPORT);
        report.put("@type", "dcat:Dataset");
        report.put("dct:identifier", REPORT);
        report.put("dct:title", texts(site.config().title()));
        List<Map<String, Object>> descriptions = texts(site.config().description());
        if (!descriptions.isEmpty()) {
            report.put("dct:description", descriptions);
        }
        report.put("dct:publisher", publisher());
        if (site.config().date() != null) {
            String date = site.config().date();
            report.put("dct:modified", Json.object("@value", date, "@type", date.length() == 7 ? "xsd:gYearMonth" : "xsd:date"));
        }
        report.put("dcat:distribution", distributions);
        return java.util.Optional.of(report);
    }

    /** The report's own identifier in the catalogue, beside those of its tables. */
    static final String REPORT = "informe";

    private static Map<String, Object> sized(Map<String, Object> distribution, Download download) {
        if (download.made()) {
            distribution.put("dcat:byteSize", Json.object("@value", download.bytes(), "@type", "xsd:nonNegativeInteger"));
        }
        return distribution;
    }

    private Map<String, Object> distribution(String path, String mediaType, String language) {
        Map<String, Object> distribution = new LinkedHashMap<>();
        distribution.put("@type", "dcat:Distribution");
        distribution.put("dcat:downloadURL", Map.of("@id", Addresses.absolute(site, path)));
        distribution.put("dcat:mediaType", mediaType);
        if (language != null) {
            distribution.put("dct:language", language);
        }
        if (site.config().licence() != null && site.config().licence().url() != null) {
            distribution.put("dct:license", Map.of("@id", site.config().licence().url()));
        }
        return distribution;
    }

    private Map<String, Object> publisher() {
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "foaf:Agent");
        publisher.put("foaf:name", site.config().organisation().name());
        return publisher;
    }

    private List<Map<String, Object>> texts(Map<String, String> perLanguage) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (Language language : site.config().languages()) {
            String text = perLanguage.get(language.code());
            if (text != null) {
                values.add(Json.object("@value", text, "@language", language.code()));
            }
        }
        return values;
    }
}
