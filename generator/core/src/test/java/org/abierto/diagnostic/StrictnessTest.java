package org.abierto.diagnostic;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which warnings a run raises to errors, decided in one place whatever stage reported them. */
class StrictnessTest {
    private static final Path FILE = Path.of("/report/content/data/entregables.yaml");

    private static List<Severity> severities(Strictness strictness, String... codes) {
        var diagnostics = new Diagnostics(strictness);
        for (String code : codes) {
            diagnostics.warning(FILE, 3, 5, code, "m");
        }
        return diagnostics.all().stream().map(Diagnostic::severity).toList();
    }

    @Test
    void strictRaisesTranslationProblemsButNotADeliverableWithoutAddress() {
        Strictness strict = Strictness.of(true, false);
        assertEquals(List.of(Severity.ERROR, Severity.ERROR, Severity.ERROR, Severity.ERROR),
                severities(strict, "missing-translation", "stale-translation", "unmarked-translation", "no-original"));
        assertEquals(List.of(Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING),
                severities(strict, "document-unavailable", "figure-missing-image", "no-licence", "unsafe-html"));
    }

    @Test
    void aRaisedWarningFailsTheRunWithoutStoppingItsStagesButAStagesOwnErrorStopsThem() {
        var diagnostics = new Diagnostics(Strictness.of(true, false));
        diagnostics.warning(FILE, 1, 1, "unsafe-html", "m");
        assertFalse(diagnostics.hasErrors());
        assertFalse(diagnostics.hasStageErrors());
        diagnostics.warning(FILE, 2, 1, "stale-translation", "m");
        assertTrue(diagnostics.hasErrors());
        assertFalse(diagnostics.hasStageErrors());
        // handed over from a stage's own collection, unraised, it is raised here and still does not stop the stages
        var inner = new Diagnostics();
        inner.warning(FILE, 3, 1, "missing-translation", "m");
        inner.all().forEach(diagnostics::add);
        assertFalse(diagnostics.hasStageErrors());
        assertEquals(List.of(Severity.WARNING, Severity.ERROR, Severity.ERROR),
                diagnostics.all().stream().map(Diagnostic::severity).toList());
        diagnostics.error(FILE, 4, 1, "broken-link", "m");
        assertTrue(diagnostics.hasStageErrors());
        assertTrue(diagnostics.hasErrors());
    }

    @Test
    void theSameProblemAtTheSamePlaceIsReportedOnce() {
        var diagnostics = new Diagnostics(Strictness.of(true, false));
        diagnostics.warning(FILE, 6, 34, "missing-translation", "'nota' has no en");
        diagnostics.warning(FILE, 6, 34, "missing-translation", "'nota' has no en");
        diagnostics.warning(FILE, 6, 35, "missing-translation", "'nota' has no en");
        diagnostics.warning(FILE, 6, 34, "missing-translation", "'otra' has no en");
        diagnostics.error(FILE, 6, 34, "missing-translation", "'nota' has no en"); // the same, once raised
        assertEquals(List.of("6:34 'nota' has no en", "6:34 'otra' has no en", "6:35 'nota' has no en"),
                diagnostics.all().stream().map(d -> d.line() + ":" + d.column() + " " + d.message()).toList());
        assertTrue(diagnostics.hasStageErrors()); // the error itself was a stage's, though reported once
    }

    @Test
    void requireDeliverablesRaisesOnlyTheDeliverables() {
        Strictness deliverables = Strictness.of(false, true);
        assertEquals(List.of(Severity.ERROR), severities(deliverables, "document-unavailable"));
        assertEquals(List.of(Severity.WARNING), severities(deliverables, "missing-translation"));
        assertEquals(List.of(Severity.ERROR, Severity.ERROR), severities(Strictness.of(true, true), "document-unavailable", "stale-translation"));
    }

    @Test
    void byDefaultNothingIsRaised() {
        assertEquals(List.of(Severity.WARNING, Severity.WARNING), severities(Strictness.of(false, false), "missing-translation", "document-unavailable"));
        assertEquals(List.of(Severity.WARNING), severities(Strictness.NONE, "stale-translation"));
        var plain = new Diagnostics();
        plain.warning(FILE, 1, 1, "stale-translation", "m");
        assertFalse(plain.hasErrors());
    }

    @Test
    void aWarningCollectedElsewhereAndAddedLaterIsRaisedToo() {
        // Stages collect some diagnostics on their own and hand them over with add().
        var own = new Diagnostics();
        own.warning(FILE, 7, 5, "document-unavailable", "'Diagnóstico' has no address");
        var run = new Diagnostics(Strictness.of(false, true));
        own.all().forEach(run::add);
        assertTrue(run.hasErrors());
        Diagnostic raised = run.all().get(0);
        assertEquals(new Diagnostic(FILE, 7, 5, Severity.ERROR, "document-unavailable", "'Diagnóstico' has no address"), raised);
    }

    @Test
    void errorsStayErrors() {
        var run = new Diagnostics(Strictness.NONE);
        run.error(FILE, 1, 1, "broken-link", "m");
        assertEquals(Severity.ERROR, run.all().get(0).severity());
    }

    @Test
    void theOptionsHelpNamesWhatTheyRaise() {
        for (String code : Set.of("missing", "stale", "unmarked")) {
            assertTrue(Strictness.STRICT_HELP.contains(code), code);
        }
        assertTrue(Strictness.STRICT_HELP.contains("A deliverable without an address stays a warning"));
        assertTrue(Strictness.STRICT.containsAll(Set.of("missing-translation", "stale-translation", "unmarked-translation")));
        assertFalse(Strictness.STRICT.contains(Strictness.DELIVERABLE_WITHOUT_ADDRESS));
    }
}
