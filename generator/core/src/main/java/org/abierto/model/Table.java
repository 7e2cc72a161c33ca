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
 */
public record Table(String name, String title, String description, String source, String sourceLang,
                    List<Column> columns, List<Row> rows, Row totals) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
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
     */
    public record Column(String key, String label, String type, String lang, boolean numeric, boolean total) {
    }

    /**
     * A row.
     *
     * @param id    its anchor, or null
     * @param cells one per column
     */
    public record Row(String id, List<Cell> cells) {
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
}
