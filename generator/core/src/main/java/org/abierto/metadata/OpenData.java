package org.abierto.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.abierto.json.Json;
import org.abierto.model.Edition;
import org.abierto.model.Language;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;
import org.abierto.model.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every data table published as open data beside the datasets page of each language: CSV
 * (RFC 4180, UTF-8 with a byte order mark, CRLF line ends, a header of column keys), JSON (an array of
 * rows), and a CSV on the
 * Web description ({@code *.csv-metadata.json}) with column titles in every language and datatypes;
 * plus a DCAT 3 catalogue of all datasets at {@link #CATALOGUE}.
 */
public final class OpenData {
    /** The DCAT catalogue's path in the site: stable, whatever the pages are called. */
    public static final String CATALOGUE = "catalogo.jsonld";

    private static final CsvMapper CSV = new CsvMapper();

    /** The files of every table of every edition that has a datasets page, and the catalogue. */
    public List<OutputFile.Generated> files(Site site) {
        return made(inputs(site));
    }

    /**
     * What the open data files are made from: the site's configuration and each edition's language,
     * tables and downloads, nothing else (the rest of each edition left empty). Equal inputs give the
     * same files, which is how the live preview knows it may keep them.
     */
    public static Site inputs(Site site) {
        Map<String, Edition> editions = new LinkedHashMap<>();
        site.editions().forEach((code, e) -> editions.put(code, new Edition(e.language(), e.languages(), "", "", "", e.baseUrl(),
                e.organisation(), e.licence(), e.date(), Map.of(), Map.of(), Map.of(), e.tables(), Map.of(), null, Map.of(), List.of(),
                List.of(), List.of(), null, e.pdf(), e.offline(), null, List.of())));
        return new Site(site.config(), List.of(), editions, List.of(), List.of(), Map.of());
    }

    /** The files made from {@link #inputs}: only what they hold is read. */
    public List<OutputFile.Generated> made(Site site) {
        List<OutputFile.Generated> files = new ArrayList<>();
        for (Edition edition : site.editions().values()) {
            for (Table table : edition.tables().values()) {
                if (table.downloads() == null) {
                    continue;
                }
                files.add(file(table.downloads().csv(), csv(table, site.config().baseUrl())));
                files.add(file(table.downloads().json(), Json.write(rows(table, site.config().baseUrl()))));
                files.add(file(table.downloads().metadata(), Json.write(csvw(site, edition, table))));
            }
        }
        if (!files.isEmpty()) {
            files.add(file("/" + CATALOGUE, Json.write(new Catalogue(site).jsonLd())));
        }
        return files;
    }

    private static OutputFile.Generated file(String sitePath, String text) {
        return new OutputFile.Generated(sitePath.substring(1), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The columns of the published data: the row id and document address when the table has them. */
    static List<String> keys(Table table) {
        List<String> keys = new ArrayList<>();
        if (table.rows().stream().anyMatch(r -> r.id() != null)) {
            keys.add("id");
        }
        table.columns().forEach(c -> keys.add(c.key()));
        if (table.columns().stream().anyMatch(Table.Column::link)) {
            keys.add("url");
        }
        return keys;
    }

    /**
     * Each row as key → value: numbers stay numbers, texts are this edition's, dates stay ISO. A document
     * kept in the content is named by its full address: the downloaded file is read away from the site.
     */
    static List<Map<String, Object>> rows(Table table, String baseUrl) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // Asked once per table, not once per row: at tens of thousands of rows the question per row was most of a build.
        boolean ids = table.rows().stream().anyMatch(r -> r.id() != null);
        boolean links = table.columns().stream().anyMatch(Table.Column::link);
        for (Table.Row row : table.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            if (ids) {
                values.put("id", row.id());
            }
            for (int i = 0; i < table.columns().size(); i++) {
                Table.Cell cell = row.cells().get(i);
                values.put(table.columns().get(i).key(), cell.value() instanceof Number || cell.value() == null ? cell.value()
                        : table.columns().get(i).type().equals("text") ? cell.text() : cell.value().toString());
            }
            if (links) {
                Table.Document document = row.document();
                values.put("url", document == null || !document.available() ? null
                        : document.file() ? Addresses.absolute(baseUrl, document.href()) : document.href());
            }
            rows.add(values);
        }
        return rows;
    }

    /**
     * Excel, still the spreadsheet most people open a CSV with, reads a CSV without a byte order mark
     * in the computer's legacy code page ("DiagnÃ³stico"); with one, as UTF-8. Readers that follow
     * CSV on the Web decode with the WHATWG Encoding Standard, which drops the mark.
     */
    static final String BYTE_ORDER_MARK = "\uFEFF";

    static String csv(Table table, String baseUrl) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        keys(table).forEach(schema::addColumn);
        try {
            return BYTE_ORDER_MARK + CSV.writer(schema.build()).writeValueAsString(rows(table, baseUrl));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the CSV of " + table.name(), e);
        }
    }

    /** The CSV on the Web (W3C) description of a table's CSV file. */
    private static Map<String, Object> csvw(Site site, Edition edition, Table table) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("@context", List.of("http://www.w3.org/ns/csvw", Map.of("@language", edition.language().code())));
        metadata.put("url", table.name() + ".csv");
        metadata.put("dc:title", perLanguage(site, t -> t.title(), table.name()));
        List<Map<String, Object>> descriptions = perLanguage(site, Table::description, table.name());
        if (!descriptions.isEmpty()) {
            metadata.put("dc:description", descriptions);
        }
        metadata.put("dc:publisher", site.config().organisation().name());
        if (site.config().licence() != null && site.config().licence().url() != null) {
            metadata.put("dc:license", Map.of("@id", site.config().licence().url()));
        }
        if (site.config().date() != null) {
            metadata.put("dc:modified", Json.object("@value", site.config().date(), "@type", "xsd:gYearMonth"));
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        for (String key : keys(table)) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", key);
            Map<String, String> titles = new LinkedHashMap<>();
            for (Language language : site.config().languages()) {
                titles.put(language.code(), title(site.editions().get(language.code()).tables().get(table.name()), key));
            }
            column.put("titles", titles);
            column.put("datatype", datatype(table, key));
            columns.add(column);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("columns", columns);
        if (table.rows().stream().allMatch(r -> r.id() != null)) {
            schema.put("primaryKey", "id");
        }
        metadata.put("tableSchema", schema);
        return metadata;
    }

    /** A column's title in a language; {@code id} and {@code url} are the same everywhere. */
    static String title(Table table, String key) {
        return table.columns().stream().filter(c -> c.key().equals(key)).map(Table.Column::label).findFirst().orElse(key);
    }

    static String datatype(Table table, String key) {
        if (key.equals("url") && table.columns().stream().noneMatch(c -> c.key().equals("url"))) {
            return "anyURI";
        }
        String type = table.columns().stream().filter(c -> c.key().equals(key)).map(Table.Column::type).findFirst().orElse("text");
        return switch (type) {
            case "integer" -> "integer";
            case "decimal" -> "decimal";
            case "date" -> "date";
            case "month" -> "gYearMonth";
            default -> "string";
        };
    }

    /** A table's text in every language, as JSON-LD language-tagged values. */
    static List<Map<String, Object>> perLanguage(Site site, java.util.function.Function<Table, String> text, String name) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (Language language : site.config().languages()) {
            String value = text.apply(site.editions().get(language.code()).tables().get(name));
            if (value != null) {
                values.add(Json.object("@value", value, "@language", language.code()));
            }
        }
        return values;
    }
}
