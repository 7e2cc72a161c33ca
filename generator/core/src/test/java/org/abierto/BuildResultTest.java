package org.abierto;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Severity;
import org.abierto.diagnostic.Strictness;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run tells CI and the terminal: counts by severity, deliverables without an address, its JSON and its last line. */
class BuildResultTest {
    static final Path BASE = Path.of("/proyecto").toAbsolutePath();
    static final Diagnostic ERROR = new Diagnostic(BASE.resolve("content/es/a.md"), 3, 7, Severity.ERROR, "broken-link", "no such page");
    static final Diagnostic WARNING = new Diagnostic(BASE.resolve("content/es/b.md"), 2, 0, Severity.WARNING, "vague-link", "say where");
    static final Diagnostic UNLINKED = new Diagnostic(BASE.resolve("content/data/entregables.yaml"), 0, 0, Severity.WARNING,
            Strictness.DELIVERABLE_WITHOUT_ADDRESS, "not yet online");
    static final Diagnostic GENERAL = new Diagnostic(null, 0, 0, Severity.WARNING, "general", "about the run");

    @Test
    void countsErrorsWarningsAndDeliverablesWithoutAnAddress() {
        var result = new BuildResult(List.of(ERROR, WARNING, UNLINKED, GENERAL), Map.of(), 0, false);
        assertEquals(1, result.errors());
        assertEquals(3, result.warnings());
        assertEquals(1, result.deliverablesWithoutAddress());
        assertFalse(result.succeeded());
        assertTrue(new BuildResult(List.of(WARNING, UNLINKED), Map.of("es", 1), 1, true).succeeded(), "warnings do not fail a run");
        assertTrue(new BuildResult(List.of(), Map.of(), 0, false).succeeded());
    }

    @Test
    void theJsonForCiNamesFilesFromTheBaseAndUnknownPositionsAsNull() throws Exception {
        var result = new BuildResult(List.of(ERROR, WARNING, UNLINKED, GENERAL), new java.util.LinkedHashMap<>(Map.of("es", 4)), 9, false);
        var mapper = new ObjectMapper();
        assertEquals(mapper.readTree("""
                {"version": 1, "succeeded": false,
                 "summary": {"errors": 1, "warnings": 3, "pages": {"es": 4}, "deliverablesWithoutAddress": 1},
                 "diagnostics": [
                   {"file": "content/es/a.md", "line": 3, "column": 7, "severity": "error", "code": "broken-link", "message": "no such page"},
                   {"file": "content/es/b.md", "line": 2, "column": null, "severity": "warning", "code": "vague-link", "message": "say where"},
                   {"file": "content/data/entregables.yaml", "line": null, "column": null, "severity": "warning",
                    "code": "document-unavailable", "message": "not yet online"},
                   {"file": null, "line": null, "column": null, "severity": "warning", "code": "general", "message": "about the run"}]}
                """), mapper.readTree(result.json(BASE)));
        assertEquals(mapper.readTree("""
                {"version": 1, "succeeded": true,
                 "summary": {"errors": 0, "warnings": 0, "pages": {}, "deliverablesWithoutAddress": 0}, "diagnostics": []}
                """), mapper.readTree(new BuildResult(List.of(), Map.of(), 0, true).json(BASE)));
    }

    @Test
    void aFailedBuildSaysTheOutputWasLeftAsItWasAndAFailedCheckDoesNot() {
        var result = new BuildResult(List.of(ERROR, WARNING, GENERAL), Map.of(), 0, false);
        assertEquals("Build failed: 1 error, 2 warnings; site/target/site was left as it was (12 ms)",
                BuildSummary.line(result, false, Duration.ofMillis(12), "site/target/site"));
        assertEquals("Check failed: 1 error, 2 warnings (2.0 s)", BuildSummary.line(result, true, Duration.ofMillis(2000), "site/target/site"));
    }

    @Test
    void deliverablesWithoutAnAddressAreCountedAmongTheProblems() {
        var two = new BuildResult(List.of(UNLINKED, UNLINKED), new java.util.LinkedHashMap<>(Map.of("es", 1)), 1, true);
        assertEquals("Built 1 page (es 1), 1 file in all → out: 0 errors, 2 warnings (2 deliverables without an address, "
                + "shown as not yet online) (5 ms)", BuildSummary.line(two, false, Duration.ofMillis(5), "out"));
        var one = new BuildResult(List.of(WARNING, UNLINKED), Map.of(), 0, false);
        assertEquals("Checked 0 pages (): 0 errors, 2 warnings (1 deliverable without an address, shown as not yet online) (5 ms)",
                BuildSummary.line(one, true, Duration.ofMillis(5), "out"));
    }

    @Test
    void thePagesOfEveryLanguageAddUp() {
        var pages = new java.util.LinkedHashMap<String, Integer>();
        pages.put("es", 12);
        pages.put("en", 11);
        var result = new BuildResult(List.of(WARNING), pages, 40, true);
        assertEquals("Built 23 pages (es 12, en 11), 40 files in all → out: 0 errors, 1 warning (1 ms)",
                BuildSummary.line(result, false, Duration.ofMillis(1), "out"));
    }
}
