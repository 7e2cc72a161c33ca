package org.abierto.model;

import java.util.List;

/**
 * A data table in one language, ready to show: labels translated, values formatted.
 *
 * @param name        the data file's name ({@code ejemplares})
 * @param title       its title (the table's caption)
 * @param description one or two sentences about it, or null
 * @param source      who produced the figures, or null
 * @param sourceLang  the language of {@code source} when it is a name in another language, or null
 * @param columns     the columns, in order
 * @param rows        the rows, in order
 * @param totals      the total row (for columns marked {@code total: true}), or null
 * @param downloads   where its data is published as files, or null when the site has no datasets page
 */
public record Table(String name, String title, String description, String source, String sourceLang,
                    List<Column> columns, List<Row> rows, Row totals, Downloads downloads) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The same table, published at {@code downloads}. */
    public Table withDownloads(Downloads downloads) {
        return new Table(name, title, description, source, sourceLang, columns, rows, totals, downloads);
    }

    /**
     * The open-data files of a table, as site paths.
     *
     * @param csv      the data as CSV (RFC 4180, UTF-8)
     * @param json     the data as JSON (an array of rows)
     * @param metadata the CSV on the Web description of the CSV
     */
    public record Downloads(String csv, String json, String metadata) {
    }

    /**
     * A column.
     *
     * @param key     the key of its values in each row
     * @param label   its header
     * @param type    {@code text}, {@code integer}, {@code decimal}, {@code date} or {@code month}
     * @param lang    the language of its texts when it differs from the page's (Spanish names), or null
     * @param numeric whether it holds numbers (aligned right)
     * @param total   whether the total row sums it
     * @param link    whether its cells link to the row's document ({@code url:} or {@code file:} of the row)
     */
    public record Column(String key, String label, String type, String lang, boolean numeric, boolean total, boolean link) {
    }

    /**
     * A row.
     *
     * @param id       its anchor, or null
     * @param phase    the id of the phase it belongs to ({@code phase:}), or null
     * @param page     the translation key of the page about it ({@code page:}), or null
     * @param document what its link column leads to, or null when the table has no link column
     * @param cells    one per column
     */
    public record Row(String id, String phase, String page, Document document, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A cell.
     *
     * @param value the value as written in the data (a number, a date text, a text), or null when empty
     * @param text  the value formatted for the page's language
     * @param lang  the language of the text when it differs from the page's, or null
     */
    public record Cell(Object value, String text, String lang) {
    }

    /**
     * The document a row links to: a file kept in the content, an external address, or nothing yet.
     *
     * @param href   the file's path in the site ({@code /documentos/guia.pdf}) or the external address; null when unavailable
     * @param file   whether it is a file published with the site
     * @param format the file's format ("PDF"), or null
     * @param size   the file's size, written for people ("1.2 MB"), or null
     * @param host   the external address's host name ("www.opengovpartnership.org"), or null
     */
    public record Document(String href, boolean file, String format, String size, String host) {

        /** Whether the document can be reached online. */
        public boolean available() {
            return href != null;
        }
    }
}
