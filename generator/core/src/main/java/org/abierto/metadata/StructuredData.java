package org.abierto.metadata;

import org.abierto.json.Json;
import org.abierto.model.Alternate;
import org.abierto.model.Edition;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;
import org.abierto.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org JSON-LD for a page, to embed in {@code <script type="application/ld+json">}: the
 * report (with its language and its translations), its publisher, the page as part of it, and on
 * the datasets page each {@code Dataset} with its downloads.
 */
public final class StructuredData {
    private StructuredData() {
    }

    public static String of(Site site, Page page) {
        Edition edition = site.edition(page);
        List<Object> graph = new ArrayList<>();
        String organisation = Addresses.absolute(site, "/") + "#organisation";
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("@id", organisation);
        publisher.put("name", site.config().organisation().name());
        if (site.config().organisation().url() != null) {
            publisher.put("url", site.config().organisation().url());
        }
        graph.add(publisher);

        String report = reportId(site, page.language());
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@type", "Report");
        work.put("@id", report);
        work.put("name", edition.title());
        if (!edition.subtitle().isEmpty()) {
            work.put("alternativeHeadline", edition.subtitle());
        }
        work.put("inLanguage", edition.language().code());
        if (edition.home() != null) {
            work.put("url", Addresses.absolute(site, edition.home().url()));
        }
        work.put("publisher", Map.of("@id", organisation));
        if (site.config().date() != null) {
            work.put("datePublished", site.config().date());
        }
        if (site.config().licence() != null && site.config().licence().url() != null) {
            work.put("license", site.config().licence().url());
        }
        String original = site.config().defaultLanguage().code();
        if (page.language().equals(original)) {
            List<Map<String, String>> translations = site.config().languages().stream().filter(l -> !l.isDefault())
                    .map(l -> Map.of("@id", reportId(site, l.code()))).toList();
            if (!translations.isEmpty()) {
                work.put("workTranslation", translations);
            }
        } else {
            work.put("translationOfWork", Map.of("@id", reportId(site, original)));
        }
        graph.add(work);

        if (page.kind() != PageKind.LANDING && page.kind() != PageKind.NOT_FOUND) {
            Map<String, Object> webPage = new LinkedHashMap<>();
            webPage.put("@type", "WebPage");
            webPage.put("@id", Addresses.absolute(site, page.url()));
            webPage.put("url", Addresses.absolute(site, page.url()));
            webPage.put("name", page.title());
            if (page.description() != null) {
                webPage.put("description", page.description());
            }
            webPage.put("inLanguage", page.language());
            webPage.put("isPartOf", Map.of("@id", report));
            for (Alternate alternate : page.alternates()) {
                if (alternate.translated()) {
                    webPage.put(page.language().equals(original) ? "workTranslation" : "translationOfWork",
                            Map.of("@id", Addresses.absolute(site, alternate.page().url())));
                }
            }
            graph.add(webPage);
        }
        if ("datasets".equals(page.layout())) {
            for (Table table : edition.tables().values()) {
                if (table.downloads() != null) {
                    graph.add(dataset(site, edition, table, organisation));
                }
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", "https://schema.org");
        document.put("@graph", graph);
        return Json.writeForHtml(document);
    }

    private static String reportId(Site site, String language) {
        return Addresses.absolute(site, "/" + language + "/") + "#report";
    }

    private static Map<String, Object> dataset(Site site, Edition edition, Table table, String organisation) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("@type", "Dataset");
        dataset.put("@id", Addresses.absolute(site, "/" + OpenData.CATALOGUE) + "#" + table.name());
        dataset.put("name", table.title());
        dataset.put("description", table.description() != null ? table.description() : table.title());
        dataset.put("inLanguage", edition.language().code());
        dataset.put("creator", Map.of("@id", organisation));
        if (site.config().licence() != null && site.config().licence().url() != null) {
            dataset.put("license", site.config().licence().url());
        }
        if (site.config().date() != null) {
            dataset.put("dateModified", site.config().date());
        }
        dataset.put("isPartOf", Map.of("@id", reportId(site, edition.language().code())));
        dataset.put("distribution", List.of(
                download(site, table.downloads().csv(), "text/csv"),
                download(site, table.downloads().json(), "application/json")));
        return dataset;
    }

    private static Map<String, Object> download(Site site, String path, String format) {
        Map<String, Object> download = new LinkedHashMap<>();
        download.put("@type", "DataDownload");
        download.put("encodingFormat", format);
        download.put("contentUrl", Addresses.absolute(site, path));
        return download;
    }
}
