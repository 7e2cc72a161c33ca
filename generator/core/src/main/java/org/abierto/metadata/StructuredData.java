package org.abierto.metadata;

import org.abierto.json.Json;
import org.abierto.model.Alternate;
import org.abierto.model.Edition;
import org.abierto.model.Language;
import org.abierto.model.PageRef;
import org.abierto.model.SiteConfig;
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
    /** The layout of the page that lists the datasets, whose JSON-LD describes each one. */
    private static final String DATASETS_LAYOUT = "datasets";
    private StructuredData() {
    }

    /**
     * Everything of the site a page's JSON-LD is made of, apart from the page: the report as a whole,
     * its edition in the page's language, and, on the datasets page only, the tables.
     *
     * @param config   the report as a whole
     * @param title    the title in the page's language
     * @param subtitle the subtitle in the page's language
     * @param language the page's language
     * @param home     the home page of that language, or null
     * @param tables   the tables, on the datasets page; empty on every other page
     */
    public record Inputs(SiteConfig config, String title, String subtitle, Language language, PageRef home, Map<String, Table> tables) {
        public Inputs {
            tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        }
    }

    /** What {@link #of(Inputs, Page)} reads of the site for {@code page}. */
    public static Inputs inputs(Site site, Page page) {
        Edition edition = site.edition(page);
        return new Inputs(site.config(), edition.title(), edition.subtitle(), edition.language(), edition.home(),
                DATASETS_LAYOUT.equals(page.layout()) ? edition.tables() : Map.of());
    }

    /** The JSON-LD of a page, made only of {@code site} and the page. */
    public static String of(Inputs site, Page page) {
        List<Object> graph = new ArrayList<>();
        String organisation = absolute(site, "/") + "#organisation";
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
        work.put("name", site.title());
        if (!site.subtitle().isEmpty()) {
            work.put("alternativeHeadline", site.subtitle());
        }
        work.put("inLanguage", site.language().code());
        if (site.home() != null) {
            work.put("url", absolute(site, site.home().url()));
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
            webPage.put("@id", absolute(site, page.url()));
            webPage.put("url", absolute(site, page.url()));
            webPage.put("name", page.title());
            if (page.description() != null) {
                webPage.put("description", page.description());
            }
            webPage.put("inLanguage", page.language());
            webPage.put("isPartOf", Map.of("@id", report));
            for (Alternate alternate : page.alternates()) {
                if (alternate.translated()) {
                    webPage.put(page.language().equals(original) ? "workTranslation" : "translationOfWork",
                            Map.of("@id", absolute(site, alternate.page().url())));
                }
            }
            graph.add(webPage);
        }
        for (Table table : site.tables().values()) {
            if (table.downloads() != null) {
                graph.add(dataset(site, table, organisation));
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", "https://schema.org");
        document.put("@graph", graph);
        return Json.writeForHtml(document);
    }

    private static String reportId(Inputs site, String language) {
        return absolute(site, "/" + language + "/") + "#report";
    }

    private static String absolute(Inputs site, String sitePath) {
        return site.config().baseUrl() + sitePath.substring(1);
    }

    private static Map<String, Object> dataset(Inputs site, Table table, String organisation) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("@type", "Dataset");
        dataset.put("@id", absolute(site, "/" + OpenData.CATALOGUE) + "#" + table.name());
        dataset.put("name", table.title());
        dataset.put("description", table.description() != null ? table.description() : table.title());
        dataset.put("inLanguage", site.language().code());
        dataset.put("creator", Map.of("@id", organisation));
        if (site.config().licence() != null && site.config().licence().url() != null) {
            dataset.put("license", site.config().licence().url());
        }
        if (site.config().date() != null) {
            dataset.put("dateModified", site.config().date());
        }
        dataset.put("isPartOf", Map.of("@id", reportId(site, site.language().code())));
        dataset.put("distribution", List.of(
                download(site, table.downloads().csv(), "text/csv"),
                download(site, table.downloads().json(), "application/json")));
        return dataset;
    }

    private static Map<String, Object> download(Inputs site, String path, String format) {
        Map<String, Object> download = new LinkedHashMap<>();
        download.put("@type", "DataDownload");
        download.put("encodingFormat", format);
        download.put("contentUrl", absolute(site, path));
        return download;
    }
}
