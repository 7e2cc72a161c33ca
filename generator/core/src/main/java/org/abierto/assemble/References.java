package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.BodyPart;
import org.abierto.model.Page;
import org.abierto.parse.ParsedPage;
import org.abierto.yaml.Spelling;
import org.abierto.yaml.YamlDocument;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Referential integrity: every id one file uses to name something in another must name it. A typo
 * in an id is otherwise silent — a row that vanishes from its phase's list, a figure that does not
 * link, a heading left over an empty section — so each is an error at the id, with the closest id
 * that exists. The references checked, as content/README.md lists them:
 *
 * <ul>
 * <li>a table row's {@code phase:} — the id of a row of {@code data/fases.yaml};</li>
 * <li>a table row's or a list item's {@code page:} — the key of a page (its {@code translationKey},
 *     or its path in its language folder);</li>
 * <li>a page's {@code layout:} — a template of {@code templates/};</li>
 * <li>the parameters of the directives whose meaning the content model gives ({@link #DIRECTIVES}),
 *     which must be given: {@code data=} a data file of the right kind, {@code id=} a figure, {@code phase=} a phase, and
 *     {@code column=} a numeric column of the table; a {@code ::deliverables} that would list nothing
 *     is an error too, since the heading above it would stand over an empty section.</li>
 * </ul>
 */
final class References {
    /** The data file of the report's phases, whose row ids {@code phase:} names. */
    static final String PHASES = "fases";

    /** The parameters of each directive of the content model: name → required. A theme's template may read more. */
    static final Map<String, Map<String, Boolean>> DIRECTIVES = Map.of(
            "table", Map.of("data", true),
            "list", Map.of("data", true),
            "chart", Map.of("data", true, "column", false),
            "figure", Map.of("id", true),
            "deliverables", Map.of("data", true, "phase", true));

    private final Diagnostics diagnostics;
    private final Map<String, YamlDocument> data;
    private final Map<String, TableReader.Spec> tables;
    private final Set<String> phases;
    private final Set<String> pageKeys;

    /**
     * @param data   every data file, by name
     * @param tables the data files read as tables (without errors), by name
     * @param parsed every page, drafts included (a reference to a draft is right: it links once the page is published)
     */
    References(Map<String, YamlDocument> data, Map<String, TableReader.Spec> tables, List<ParsedPage> parsed, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.data = data;
        this.tables = tables;
        TableReader.Spec phaseTable = tables.get(PHASES);
        this.phases = new LinkedHashSet<>();
        if (phaseTable != null) {
            phaseTable.rows().forEach(row -> {
                if (row.get("id") instanceof String id) {
                    phases.add(id);
                }
            });
        }
        this.pageKeys = new TreeSet<>();
        for (ParsedPage p : parsed) {
            String key = p.frontMatter().translationKey();
            pageKeys.add(key != null ? key : p.isSectionIndex() ? String.join("/", p.folders()) : p.pathInLanguage());
        }
    }

    /** Checks the references of the data files, of the pages' front matter and of their directives. */
    void check(List<Page> pages, List<ParsedPage> parsed, Set<String> templates, YamlDocument figures) {
        tables.forEach((name, spec) -> {
            for (int r = 0; r < spec.rows().size(); r++) {
                Map<String, Object> row = spec.rows().get(r);
                String at = "/rows/" + r;
                if (row.get("phase") != null && !name.equals(PHASES)) {
                    phase(spec.doc().position(at + "/phase"), String.valueOf(row.get("phase")), "'phase'");
                }
                if (row.get("page") != null) {
                    page(spec.doc().position(at + "/page"), String.valueOf(row.get("page")));
                }
            }
        });
        data.forEach((name, doc) -> {
            if (!tables.containsKey(name) && !TableReader.isTable(doc)) {
                List<Object> items = YamlDocument.asList(doc.rootMap().get("items"));
                for (int i = 0; i < items.size(); i++) {
                    Object page = YamlDocument.asMap(items.get(i)).get("page");
                    if (page != null) {
                        page(doc.position("/items/" + i + "/page"), String.valueOf(page));
                    }
                }
            }
        });
        Set<String> layouts = new TreeSet<>();
        templates.stream().filter(t -> !t.contains("/") && t.endsWith(".ftlh")).forEach(t -> layouts.add(t.substring(0, t.length() - 5)));
        for (ParsedPage p : parsed) {
            String layout = p.frontMatter().layout();
            if (layout != null && !templates.contains(layout + ".ftlh")) {
                diagnostics.error(p.frontMatter().yaml().position("/layout"), "unknown-layout", "there is no layout '" + layout
                        + "': no template templates/" + layout + ".ftlh" + suggestion(layout, layouts)
                        + " (the layouts are " + String.join(", ", layouts) + ")");
            }
        }
        for (Page page : pages) {
            for (BodyPart part : page.body()) {
                if (part instanceof BodyPart.Directive d) {
                    directive(d, figures);
                }
            }
        }
    }

    /** Whether {@code phase} is the id of a phase; reported at {@code at} when not. */
    private boolean phase(SourcePosition at, String phase, String what) {
        if (!tables.containsKey(PHASES)) {
            diagnostics.error(at, "unknown-phase", what + " names a phase of data/" + PHASES + ".yaml, but the report has no such "
                    + "table; add it (one row with an id per phase), or remove " + what);
        } else if (!phases.contains(phase)) {
            diagnostics.error(at, "unknown-phase", "no phase of data/" + PHASES + ".yaml has the id '" + phase + "'"
                    + suggestion(phase, phases) + " (the phases are " + String.join(", ", phases) + ")");
        } else {
            return true;
        }
        return false;
    }

    private void page(SourcePosition at, String key) {
        if (!pageKeys.contains(key)) {
            diagnostics.error(at, "unknown-page", "no page has the key '" + key + "'" + suggestion(key, pageKeys)
                    + " (a page's key is its translationKey, or else its path in its language folder, such as ruta-de-trabajo/diagnostico)");
        }
    }

    private void directive(BodyPart.Directive d, YamlDocument figures) {
        Map<String, Boolean> parameters = DIRECTIVES.get(d.name());
        if (parameters == null) {
            return; // a directive of the theme's own: its template decides what it takes
        }
        boolean complete = true;
        for (var p : new TreeSet<>(parameters.keySet())) {
            if (parameters.get(p) && d.args().get(p) == null) {
                // Other parameters are the theme's to read (a template may take more); one spelled like
                // a missing one is a typo.
                Set<String> others = new TreeSet<>(d.args().keySet());
                others.removeAll(parameters.keySet());
                String typo = Spelling.closest(p, others).map(o -> "; did you mean " + p + "= instead of " + o + "=?").orElse("");
                diagnostics.error(d.at(), "directive-parameter", "::" + d.name() + " needs " + p + "=, as in " + example(d.name()) + typo);
                complete = false;
            }
        }
        if (!complete) {
            return;
        }
        switch (d.name()) {
            case "figure" -> figure(d, figures);
            case "list" -> dataOf(d, false);
            case "table" -> dataOf(d, true);
            case "chart" -> chart(d);
            case "deliverables" -> deliverables(d);
            default -> throw new IllegalStateException(d.name());
        }
    }

    /**
     * Whether {@code data=} names a data file of the kind the directive shows — a table or a list —
     * read without errors; reported when it does not (a table with errors of its own is reported there).
     */
    private boolean dataOf(BodyPart.Directive d, boolean table) {
        String name = d.args().get("data");
        YamlDocument doc = data.get(name);
        if (doc == null) {
            diagnostics.error(d.at(), "directive-data", "::" + d.name() + " names the data '" + name + "', but content/data/" + name
                    + ".yaml does not exist" + suggestion(name, data.keySet()));
            return false;
        }
        if (table && !tables.containsKey(name) && !TableReader.isTable(doc)) {
            diagnostics.error(d.at(), "directive-data", "::" + d.name() + " needs a table, but content/data/" + name
                    + ".yaml has no 'columns' and 'rows'" + (d.name().equals("table") ? "; use ::list for a list" : ""));
        } else if (!table && !doc.rootMap().containsKey("items")) {
            diagnostics.error(d.at(), "directive-data", "::" + d.name() + " needs a list, but content/data/" + name
                    + ".yaml has no 'items'" + (TableReader.isTable(doc) ? "; use ::table for a table" : ""));
        }
        return table ? tables.containsKey(name) : doc.rootMap().containsKey("items");
    }

    private void figure(BodyPart.Directive d, YamlDocument figures) {
        String figure = d.args().get("id");
        Set<String> ids = figures == null ? Set.of() : figures.rootMap().keySet();
        if (!ids.contains(figure)) {
            diagnostics.error(d.at(), "directive-figure", "::figure needs id= naming a figure of content/data/" + FigureReader.FILE
                    + ".yaml; there is no '" + figure + "'" + suggestion(figure, ids));
        }
    }

    private void chart(BodyPart.Directive d) {
        if (!dataOf(d, true)) {
            return;
        }
        TableReader.Spec table = tables.get(d.args().get("data"));
        Set<String> numeric = new LinkedHashSet<>();
        table.columns().stream().filter(TableReader.ColumnSpec::numeric).forEach(c -> numeric.add(c.key()));
        String column = d.args().get("column");
        if (numeric.isEmpty()) {
            diagnostics.error(d.at(), "directive-chart", "::chart draws a numeric column, but content/data/" + table.name()
                    + ".yaml has none (a column of type integer or decimal)");
        } else if (column != null && !numeric.contains(column)) {
            diagnostics.error(d.at(), "directive-chart", "content/data/" + table.name() + ".yaml has no numeric column '" + column + "'"
                    + suggestion(column, numeric) + " (its numeric columns are " + String.join(", ", numeric) + ")");
        }
    }

    private void deliverables(BodyPart.Directive d) {
        String phase = d.args().get("phase");
        boolean known = phase(d.at(), phase, "phase=");
        if (!dataOf(d, true) || !known) {
            return;
        }
        TableReader.Spec spec = tables.get(d.args().get("data"));
        boolean any = spec.rows().stream().anyMatch(row -> phase.equals(String.valueOf(row.get("phase"))));
        if (!any) {
            diagnostics.error(d.at(), "empty-section", "::deliverables{data=" + spec.name() + " phase=" + phase + "} lists nothing: "
                    + "no row of content/data/" + spec.name() + ".yaml has 'phase: " + phase + "', so the section above it would be "
                    + "empty; give the phase's deliverables that phase, or remove the directive and its heading");
        }
    }

    private static String example(String directive) {
        return switch (directive) {
            case "figure" -> "::figure{id=reuniones-grupo-de-trabajo}";
            case "deliverables" -> "::deliverables{data=entregables phase=diagnostico}";
            case "chart" -> "::chart{data=ejemplares column=ejemplares}";
            default -> "::" + directive + "{data=ejemplares}";
        };
    }

    private static String suggestion(String word, Collection<String> candidates) {
        Optional<String> closest = Spelling.closest(word, candidates);
        return closest.map(c -> "; did you mean '" + c + "'?").orElse("");
    }
}
