package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.Strictness;
import org.abierto.model.Formats;
import org.abierto.model.Slug;
import org.abierto.model.Table;
import org.abierto.yaml.YamlDocument;
import org.abierto.yaml.YamlFields;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a data file with {@code columns} and {@code rows} as a table: checks every value against
 * its column's type once, then shows it in each language.
 *
 * <p>Besides one value per column, a row may have an {@code id} (its anchor), a {@code phase} (the
 * id of the phase it belongs to), a {@code page} (the translation key of the page about it), and —
 * in a table with a {@code link: true} column — the document that column links to: a {@code file}
 * under {@code static/} or an external {@code url}. A row of such a table with neither is shown as
 * not yet available online, and reported as a warning (an error with {@code --require-deliverables}).
 */
final class TableReader {
    static final Set<String> TYPES = new LinkedHashSet<>(List.of("text", "integer", "decimal", "date", "month"));
    static final Set<String> TABLE_KEYS = Set.of("title", "description", "source", "sourceLang", "columns", "rows");
    static final Set<String> COLUMN_KEYS = Set.of("key", "label", "type", "lang", "total", "link");
    static final List<String> ROW_KEYS = List.of("id", "phase", "page", "url", "file");

    /** Whether a data file is meant as a table. */
    static boolean isTable(YamlDocument doc) {
        return doc.rootMap().containsKey("columns") || doc.rootMap().containsKey("rows");
    }

    /** A checked table, still in all languages. */
    record Spec(String name, YamlDocument doc, List<ColumnSpec> columns, List<Map<String, Object>> rows) {
        boolean hasLink() {
            return columns.stream().anyMatch(ColumnSpec::link);
        }
    }

    record ColumnSpec(String key, String type, String lang, boolean total, boolean link) {
        boolean numeric() {
            return type.equals("integer") || type.equals("decimal");
        }
    }

    private final Map<String, Long> fileSizes;
    /** @param fileSizes the content's static files (path in the site → size), for rows linking a {@code file} */
    TableReader(Map<String, Long> fileSizes) {
        this.fileSizes = fileSizes;
    }

    Optional<Spec> read(String name, YamlDocument doc, Set<String> languageCodes, Diagnostics diagnostics) {
        var fields = new YamlFields(doc, diagnostics, "table data/" + name + ".yaml");
        fields.onlyKeys("", TABLE_KEYS);
        fields.perLanguageText("/title", languageCodes, true);
        fields.perLanguageText("/description", languageCodes, false);
        fields.perLanguageText("/source", languageCodes, false);
        String sourceLang = fields.text("/sourceLang", false);
        if (sourceLang != null && !languageCodes.contains(sourceLang)) {
            fields.error("/sourceLang", "table-lang", "'" + sourceLang + "' is not a language of site.yaml");
        }
        List<ColumnSpec> columns = columns(fields, languageCodes);
        boolean hasLink = columns.stream().anyMatch(ColumnSpec::link);

        List<Object> rowList = fields.list("/rows", true);
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> allowed = new LinkedHashSet<>();
        columns.forEach(c -> allowed.add(c.key()));
        allowed.addAll(ROW_KEYS);
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < rowList.size(); r++) {
            String at = "/rows/" + r;
            Map<String, Object> row = fields.map(at, true);
            fields.onlyKeys(at, allowed);
            String id = fields.text(at + "/id", false);
            if (id != null && (!Slug.isValid(id) || !ids.add(id))) {
                fields.error(at + "/id", "table-row-id", Slug.isValid(id)
                        ? "another row already has the id '" + id + "'"
                        : "a row id may use only lower-case letters, digits and hyphens, e.g. '" + Slug.fold(id) + "'");
            }
            fields.text(at + "/phase", false);
            fields.text(at + "/page", false);
            for (ColumnSpec column : columns) {
                if (column.key() != null) {
                    checkValue(fields, at + "/" + YamlDocument.token(column.key()), row.get(column.key()), column, languageCodes);
                }
            }
            document(fields, at, row, columns.stream().filter(ColumnSpec::link).map(ColumnSpec::key).findFirst().orElse(null),
                    diagnostics);
            rows.add(row);
        }
        return fields.failed() ? Optional.empty() : Optional.of(new Spec(name, doc, columns, rows));
    }

    private static List<ColumnSpec> columns(YamlFields fields, Set<String> languageCodes) {
        List<Object> columnList = fields.list("/columns", true);
        List<ColumnSpec> columns = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < columnList.size(); i++) {
            String at = "/columns/" + i;
            fields.onlyKeys(at, COLUMN_KEYS);
            String key = fields.text(at + "/key", true);
            fields.perLanguageText(at + "/label", languageCodes, true);
            String type = fields.text(at + "/type", false);
            type = type == null ? "text" : type;
            if (!TYPES.contains(type)) {
                fields.error(at + "/type", "table-type", "unknown column type '" + type + "'; use one of " + String.join(", ", TYPES));
            }
            String lang = fields.text(at + "/lang", false);
            if (lang != null && !languageCodes.contains(lang)) {
                fields.error(at + "/lang", "table-lang", "'" + lang + "' is not a language of site.yaml");
            }
            boolean total = fields.bool(at + "/total", false);
            boolean link = fields.bool(at + "/link", false);
            if (key != null && !keys.add(key)) {
                fields.error(at + "/key", "table-column", "two columns have the key '" + key + "'");
            }
            if (key != null && ROW_KEYS.contains(key)) {
                fields.error(at + "/key", "table-column", "'" + key + "' is reserved for rows (" + String.join(", ", ROW_KEYS)
                        + "); name the column differently");
            }
            if (link && columns.stream().anyMatch(ColumnSpec::link)) {
                fields.error(at + "/link", "table-link", "only one column can link to the row's document");
            }
            var column = new ColumnSpec(key, type, lang, total, link);
            if (total && !column.numeric()) {
                fields.error(at + "/total", "table-total", "only integer or decimal columns can have a total");
            }
            columns.add(column);
        }
        return columns;
    }

    /** Checks a row's document: the file must exist, the address must be valid; none at all is reported. */
    private void document(YamlFields fields, String at, Map<String, Object> row, String linkColumn, Diagnostics diagnostics) {
        boolean hasLink = linkColumn != null;
        String url = fields.text(at + "/url", false);
        String file = fields.text(at + "/file", false);
        if (!hasLink) {
            if (url != null || file != null) {
                fields.error(at + (url != null ? "/url" : "/file"), "table-link",
                        "this row has a document, but no column of the table has 'link: true' to show it");
            }
            return;
        }
        if (url != null && file != null) {
            fields.error(at + "/url", "table-link", "a row links to one document: keep 'url' or 'file', not both");
        } else if (file != null && !fileSizes.containsKey(file)) {
            fields.error(at + "/file", "missing-file", "the file content/static/" + file
                    + " does not exist; add it, or correct the path (relative to content/static/)");
        } else if (url != null && !validUrl(url)) {
            fields.error(at + "/url", "table-url", "'" + url + "' is not a web address; write it in full, starting with https://");
        } else if (url == null && file == null) {
            Object name = row.get(linkColumn);
            if (name instanceof Map<?, ?> texts) {
                name = texts.values().stream().filter(v -> v != null).map(Object::toString).findFirst().orElse("");
            }
            String message = "'" + name + "' has no address (url: or file:), so it is shown as not yet available online;"
                    + " add its address when it is published";
            diagnostics.warning(fields.yaml().position(at), Strictness.DELIVERABLE_WITHOUT_ADDRESS, message);
        }
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkValue(YamlFields fields, String at, Object value, ColumnSpec column, Set<String> codes) {
        if (value == null) {
            return; // an empty cell
        }
        boolean ok = switch (column.type()) {
            case "integer" -> value instanceof Long;
            case "decimal" -> value instanceof Long || value instanceof BigDecimal;
            case "date" -> value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}") && Formats.isDate(s);
            case "month" -> value instanceof String s && s.matches("\\d{4}-\\d{2}") && Formats.isDate(s);
            default -> value instanceof String || value instanceof Number
                    || (value instanceof Map<?, ?> m && !m.isEmpty() && codes.containsAll(m.keySet()));
        };
        if (!ok) {
            String expected = switch (column.type()) {
                case "integer" -> "a whole number";
                case "decimal" -> "a number";
                case "date" -> "a date written 2024-02-28";
                case "month" -> "a month written 2024-07 (in quotes)";
                default -> "a text, or one text per language";
            };
            // '' or nothing after the colon (which the YAML reader gives as '') is how an editor writes a cell the
            // source leaves empty
            String advice = value instanceof String s && s.isBlank() ? "; to leave the cell empty, leave its key out (or write ~)" : "";
            fields.error(at, "table-value", "the column '" + column.key() + "' holds " + expected + ", not "
                    + YamlFields.describe(value) + advice);
        }
    }

    /** The table as shown in one language. */
    Table show(Spec spec, String code, Localizer localizer, Formats format) {
        YamlDocument doc = spec.doc();
        Map<String, Object> root = doc.rootMap();
        List<Table.Column> columns = new ArrayList<>();
        for (int i = 0; i < spec.columns().size(); i++) {
            ColumnSpec c = spec.columns().get(i);
            Object label = YamlDocument.asMap(YamlDocument.asList(root.get("columns")).get(i)).get("label");
            columns.add(new Table.Column(c.key(), localizer.text(doc, label, "/columns/" + i + "/label", code),
                    c.type(), c.lang() == null || c.lang().equals(code) ? null : c.lang(), c.numeric(), c.total(), c.link()));
        }
        List<Table.Row> rows = new ArrayList<>();
        BigDecimal[] sums = new BigDecimal[columns.size()];
        for (int r = 0; r < spec.rows().size(); r++) {
            Map<String, Object> row = spec.rows().get(r);
            List<Table.Cell> cells = new ArrayList<>();
            for (int i = 0; i < spec.columns().size(); i++) {
                ColumnSpec c = spec.columns().get(i);
                Object value = row.get(c.key());
                String at = "/rows/" + r + "/" + YamlDocument.token(c.key());
                cells.add(cell(doc, value, at, c, code, localizer, format));
                if (c.total() && value instanceof Number n) {
                    sums[i] = (sums[i] == null ? BigDecimal.ZERO : sums[i]).add(new BigDecimal(n.toString()));
                }
            }
            rows.add(new Table.Row((String) row.get("id"), string(row.get("phase")), string(row.get("page")),
                    spec.hasLink() ? document(row, format) : null, cells));
        }
        Table.Row totals = null;
        if (spec.columns().stream().anyMatch(ColumnSpec::total)) {
            List<Table.Cell> cells = new ArrayList<>();
            for (int i = 0; i < spec.columns().size(); i++) {
                if (sums[i] == null && spec.columns().get(i).total()) {
                    sums[i] = BigDecimal.ZERO;
                }
                Object sum = sums[i] == null ? null : spec.columns().get(i).type().equals("integer") ? (Object) sums[i].longValue() : sums[i];
                cells.add(new Table.Cell(sum, sum == null ? "" : format.number(sum), null));
            }
            totals = new Table.Row(null, null, null, null, cells);
        }
        return new Table(spec.name(),
                localizer.text(doc, root.get("title"), "/title", code),
                localizer.text(doc, root.get("description"), "/description", code),
                localizer.text(doc, root.get("source"), "/source", code),
                root.get("sourceLang") == null || code.equals(root.get("sourceLang")) ? null : (String) root.get("sourceLang"),
                columns, rows, totals, null);
    }

    private Table.Document document(Map<String, Object> row, Formats format) {
        String file = string(row.get("file"));
        String url = string(row.get("url"));
        if (file != null) {
            int dot = file.lastIndexOf('.');
            String kind = dot > file.lastIndexOf('/') ? file.substring(dot + 1).toUpperCase(Locale.ROOT) : null;
            return new Table.Document("/" + file, true, kind, format.size(fileSizes.getOrDefault(file, 0L)), null);
        }
        if (url != null) {
            return new Table.Document(url, false, null, null, URI.create(url).getHost());
        }
        return new Table.Document(null, false, null, null, null);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Table.Cell cell(YamlDocument doc, Object value, String at, ColumnSpec c, String code,
                                   Localizer localizer, Formats format) {
        if (value == null) {
            return new Table.Cell(null, "", null);
        }
        return switch (c.type()) {
            case "integer", "decimal" -> new Table.Cell(value, format.number(value), null);
            case "date", "month" -> new Table.Cell(value, format.date((String) value), null);
            default -> {
                String fallback = localizer.fallbackLanguage(value, code);
                String lang = fallback != null ? fallback : c.lang() != null && !c.lang().equals(code) && !(value instanceof Map) ? c.lang() : null;
                yield new Table.Cell(localizer.isPerLanguage(value) ? localizer.text(doc, value, at, code) : value,
                        localizer.text(doc, value, at, code), lang);
            }
        };
    }
}
