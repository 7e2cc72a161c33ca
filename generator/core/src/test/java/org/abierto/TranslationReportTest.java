package org.abierto;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Severity;
import org.abierto.model.PageRef;
import org.abierto.model.TranslationStatus;
import org.abierto.model.TranslationStatus.State;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The translations report as the CLI and CI read it: counts per state, whether all are current, its JSON. */
class TranslationReportTest {
    static final Path BASE = Path.of("/proyecto").toAbsolutePath();

    static TranslationStatus status(String key, State state, String recorded) {
        var original = new PageRef("/es/" + key + "/", key, key, "es", key, null);
        boolean exists = state != State.MISSING;
        return new TranslationStatus(key, original, exists ? new PageRef("/en/" + key + "/", key, key, "en", key, null) : null, "en",
                state, "0123456789ab", recorded, BASE.resolve("content/es/" + key + ".md"), exists ? BASE.resolve("content/en/" + key + ".md") : null);
    }

    @Test
    void countsEveryStateInItsOrderEvenNone() {
        var report = new TranslationReport(List.of(status("a", State.STALE, "ba9876543210"), status("b", State.MISSING, null),
                status("c", State.STALE, "ba9876543210")), List.of(), List.of());
        assertEquals(List.of(Map.entry("current", 0L), Map.entry("stale", 2L), Map.entry("unmarked", 0L), Map.entry("missing", 1L)),
                List.copyOf(report.counts().entrySet()));
    }

    @Test
    void allCurrentOnlyWhenEveryTranslationIs() {
        assertTrue(new TranslationReport(List.of(status("a", State.CURRENT, "0123456789ab")), List.of(), List.of()).allCurrent());
        assertTrue(new TranslationReport(List.of(), List.of(), List.of()).allCurrent());
        for (State other : List.of(State.STALE, State.UNMARKED, State.MISSING)) {
            assertFalse(new TranslationReport(List.of(status("a", State.CURRENT, "0123456789ab"), status("b", other, null)),
                    List.of(), List.of()).allCurrent(), other.id());
        }
    }

    @Test
    void succeedsUnlessTheContentHasErrors() {
        var warning = new Diagnostic(BASE.resolve("content/es/a.md"), 1, 1, Severity.WARNING, "w", "a warning");
        var error = new Diagnostic(BASE.resolve("content/es/a.md"), 1, 1, Severity.ERROR, "e", "an error");
        assertTrue(new TranslationReport(List.of(), List.of(), List.of(warning)).succeeded());
        assertFalse(new TranslationReport(List.of(), List.of(), List.of(warning, error)).succeeded());
    }

    @Test
    void theJsonNamesFilesFromTheBaseAndAMissingTranslationAsNull() throws Exception {
        var report = new TranslationReport(List.of(status("a", State.UNMARKED, null), status("b", State.MISSING, null)), List.of(), List.of());
        var mapper = new ObjectMapper();
        assertEquals(mapper.readTree("""
                {"translations": [
                  {"key": "a", "language": "en", "state": "unmarked", "original": "content/es/a.md", "translation": "content/en/a.md",
                   "fingerprint": "0123456789ab", "recorded": null},
                  {"key": "b", "language": "en", "state": "missing", "original": "content/es/b.md", "translation": null,
                   "fingerprint": "0123456789ab", "recorded": null}],
                 "counts": {"current": 0, "stale": 0, "unmarked": 1, "missing": 1}}
                """), mapper.readTree(report.json(BASE)));
    }
}
