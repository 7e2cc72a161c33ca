package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 7: every id that one file uses to name something in another is checked, at the id,
 * with the closest id that exists; and a section heading is never published over an empty section.
 * (Before, a typo was silent: the row vanished, the link was not made, and the heading stayed.)
 */
class ReferencesTest {
    @TempDir
    Path dir;

    private static final String PHASES = """
            title: {es: Fases, en: Phases}
            columns:
              - {key: nombre, label: {es: Fase, en: Phase}}
            rows:
              - {id: diagnostico, nombre: {es: Diagnóstico, en: Diagnosis}, page: diagnostico}
              - {id: cocreacion, nombre: {es: Cocreación, en: Co-creation}}
            """;

    private static final String DELIVERABLES = """
            title: {es: Entregables, en: Deliverables}
            columns:
              - {key: entregable, label: {es: Entregable, en: Deliverable}, link: true}
            rows:
              - {id: informe, phase: diagnostico, entregable: {es: Informe, en: Report}, url: https://example.org/informe.pdf}
              - {id: guia, phase: PHASE, entregable: {es: Guía, en: Guide}, url: https://example.org/guia.pdf}
            """;

    /** The mini site with the phases and deliverables tables, the second deliverable in {@code phase}. */
    private MiniSite site(String phase) {
        return MiniSite.create(dir)
                .file("content/data/fases.yaml", PHASES)
                .file("content/data/entregables.yaml", DELIVERABLES.replace("PHASE", phase))
                .file("templates/directives/deliverables.ftlh", "<ul><#list site.tables[args.data].rows?filter(r -> (r.phase!\"\") == args.phase) "
                        + "as row><li>${row.cells[0].text}</li></#list></ul>\n")
                .file("templates/directives/list.ftlh", "<ul><#list data[args.data].items as i><li>${i.label!i}</li></#list></ul>\n")
                .file("templates/directives/chart.ftlh", "<p>${args.data}</p>\n")
                .file("templates/directives/figure.ftlh", "<p>${args.id}</p>\n");
    }

    private static String page(String body) {
        return "---\ntitle: Diagnóstico\norder: 1\n---\n\n## Entregables de esta fase\n\n" + body + "\n";
    }

    @Test
    void aPhaseOfADataRowThatNoPhaseHasIsAnErrorWithTheClosestId() {
        var site = site("cocreasion");
        assertEquals(List.of("content/data/entregables.yaml:6:23: error: no phase of data/fases.yaml has the id 'cocreasion'; "
                + "did you mean 'cocreacion'? (the phases are diagnostico, cocreacion)"), site.errors(site.build()));
    }

    @Test
    void aPhaseWithoutAPhasesTableIsAnError() {
        var site = site("cocreacion").delete("content/data/fases.yaml");
        String noTable = ": error: 'phase' names a phase of data/fases.yaml, but the report has no such table; add it (one row with an id "
                + "per phase), or remove 'phase'";
        assertEquals(List.of("content/data/entregables.yaml:5:26" + noTable, "content/data/entregables.yaml:6:23" + noTable),
                site.errors(site.build()));
    }

    @Test
    void aDeliverablesDirectiveNamingNoPhaseIsAnErrorWithTheClosestId() {
        // The reproduction: ::deliverables{phase=diagnostik} listed nothing under its heading.
        var site = site("cocreacion").file("content/es/diagnostico.md", page("::deliverables{data=entregables phase=diagnostik}"));
        BuildResult result = site.build();
        assertEquals(List.of("content/es/diagnostico.md:8:1: error: no phase of data/fases.yaml has the id 'diagnostik'; did you "
                + "mean 'diagnostico'? (the phases are diagnostico, cocreacion)"), site.errors(result));
        assertFalse(result.written());
    }

    @Test
    void aDeliverablesDirectiveThatWouldListNothingIsAnErrorNotAnEmptyHeading() {
        // The second deliverable's phase was mistyped into another valid one: its phase now lists nothing.
        var site = site("diagnostico").file("content/es/diagnostico.md", page("::deliverables{data=entregables phase=cocreacion}"));
        assertEquals(List.of("content/es/diagnostico.md:8:1: error: ::deliverables{data=entregables phase=cocreacion} lists nothing: "
                + "no row of content/data/entregables.yaml has 'phase: cocreacion', so the section above it would be empty; give the "
                + "phase's deliverables that phase, or remove the directive and its heading"), site.errors(site.build()));
    }

    @Test
    void deliverablesOfAKnownPhaseAreListed() {
        var site = site("cocreacion").file("content/es/diagnostico.md", page("::deliverables{data=entregables phase=cocreacion}"));
        BuildResult result = site.build();
        assertEquals(List.of(), site.errors(result));
        assertTrue(site.output("es/diagnostico/index.html").contains("<li>Guía</li>"));
    }

    @Test
    void aPageOfADataRowOrListItemThatNoPageHasIsAnErrorWithTheClosestKey() {
        var site = site("cocreacion")
                .file("content/data/fases.yaml", PHASES.replace("page: diagnostico", "page: diagnostco"))
                .file("content/data/cifras.yaml", "title: {es: Cifras, en: Figures}\nitems:\n  - value: 96\n    label: {es: sujetos, en: entities}\n"
                        + "    page: inicio\n");
        assertEquals(List.of("content/data/cifras.yaml:5:11: error: no page has the key 'inicio' (a page's key is its translationKey, or "
                        + "else its path in its language folder, such as ruta-de-trabajo/diagnostico)",
                "content/data/fases.yaml:5:71: error: no page has the key 'diagnostco'; did you mean 'diagnostico'? (a page's key is its "
                        + "translationKey, or else its path in its language folder, such as ruta-de-trabajo/diagnostico)"),
                site.errors(site.build()));
    }

    @Test
    void aPageReferenceToADraftIsRight() {
        var site = site("cocreacion").file("content/es/borrador.md", "---\ntitle: Borrador\ndraft: true\n---\n\nTexto.\n")
                .file("content/data/fases.yaml", PHASES.replace("page: diagnostico", "page: borrador"));
        assertEquals(List.of(), site.errors(site.build()));
    }

    @Test
    void directiveParametersNameWhatExists() {
        var site = site("cocreacion")
                .file("content/data/ejemplares.yaml", "title: {es: Ejemplares, en: Copies}\ncolumns:\n  - {key: institucion, label: I}\n"
                        + "  - {key: ejemplares, label: N, type: integer}\nrows:\n  - {institucion: A, ejemplares: 1}\n")
                .file("content/data/razones.yaml", "title: {es: Razones, en: Reasons}\nitems:\n  - {es: Una, en: One}\n")
                .file("content/data/figuras.yaml", "reunion:\n  image: figuras/reunion.jpg\n  caption: {es: Reunión, en: Meeting}\n")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\n"
                        + "::chart{data=ejemplares column=ejemplare}\n\n"
                        + "::list{data=ejemplares}\n\n"
                        + "::table{data=razones}\n\n"
                        + "::figure{id=reunon}\n\n"
                        + "::table{dat=ejemplares}\n\n"
                        + "::list{data=razones}\n");
        List<String> errors = site.errors(site.build());
        assertEquals(List.of(
                "content/es/diagnostico.md:6:1: error: content/data/ejemplares.yaml has no numeric column 'ejemplare'; did you mean "
                        + "'ejemplares'? (its numeric columns are ejemplares)",
                "content/es/diagnostico.md:8:1: error: ::list needs a list, but content/data/ejemplares.yaml has no 'items'; use ::table "
                        + "for a table",
                "content/es/diagnostico.md:10:1: error: ::table needs a table, but content/data/razones.yaml has no 'columns' and 'rows'; "
                        + "use ::list for a list",
                "content/es/diagnostico.md:12:1: error: ::figure needs id= naming a figure of content/data/figuras.yaml; there is no "
                        + "'reunon'; did you mean 'reunion'?",
                "content/es/diagnostico.md:14:1: error: ::table needs data=, as in ::table{data=ejemplares}; did you mean data= instead "
                        + "of dat=?"), errors);
    }

    @Test
    void aLayoutThatNoTemplateHasIsAnErrorAtTheValueWithTheClosestName() {
        var site = site("cocreacion").file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\nlayout: pagee\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:3:9: error: there is no layout 'pagee': no template templates/pagee.ftlh; did you "
                + "mean 'page'? (the layouts are home, landing, page, section)"), site.errors(site.build()));
    }

    @Test
    void aTranslationKeyThatNoOriginalHasIsReportedAtTheKeyWithTheClosestOne() {
        var site = site("cocreacion").file("content/en/diagnosis.md",
                "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostic\n---\n\nDiagnosis text.\n");
        List<String> report = site.reportIgnoringTranslations(site.build());
        assertTrue(report.contains("content/en/diagnosis.md:4:17: warning: no Español page has the translationKey 'diagnostic'; did you "
                + "mean 'diagnostico'?"), report.toString());
    }

    @Test
    void aHeadingOverNothingIsAnError() {
        var site = site("cocreacion").file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\norder: 1\n---\n\n## Antecedentes\n\n## Resultados\n\nTexto.\n\n### Detalle\n\nMás.\n");
        assertEquals(List.of("content/es/diagnostico.md:6:1: error: the section 'Antecedentes' is empty: nothing is shown under its heading "
                + "before the next one (a directive above that listed nothing?); write its text, or remove the heading"),
                site.errors(site.build()));
    }
}
