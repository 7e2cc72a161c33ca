package org.abierto.diagnostic;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The error report an editor reads and a CI job parses: {@code path:line:col: severity: message}. */
class DiagnosticTest {
    static final Path BASE = Path.of("/informe").toAbsolutePath();
    static final Path PAGE = BASE.resolve("content/es/a.md");

    private static Diagnostic at(Path file, int line, int column, Severity severity, String code, String message) {
        return new Diagnostic(file, line, column, severity, code, message);
    }

    @Test
    void aDiagnosticIsWrittenAsCompilersWriteThem() {
        assertEquals("content/es/a.md:7:10: error: write a title", at(PAGE, 7, 10, Severity.ERROR, "x", "write a title").format(BASE));
        assertEquals("content/es/a.md:7: warning: a long line", at(PAGE, 7, 0, Severity.WARNING, "x", "a long line").format(BASE));
        assertEquals("content/es/a.md: error: no site.yaml", at(PAGE, 0, 0, Severity.ERROR, "x", "no site.yaml").format(BASE));
        assertEquals("content/es/a.md: error: no line", at(PAGE, 0, 5, Severity.ERROR, "x", "no line").format(BASE));
        assertEquals("abierto: error: the output is locked", at(null, 0, 0, Severity.ERROR, "x", "the output is locked").format(BASE));
    }

    @Test
    void aPathIsShownRelativeToTheBaseOnlyWhenItIsInside() {
        Path outside = Path.of("/otro/a.md").toAbsolutePath();
        assertEquals("content/es/a.md", Diagnostic.display(PAGE, BASE));
        assertEquals(outside.toString().replace('\\', '/'), Diagnostic.display(outside, BASE));
        assertEquals(BASE.toString().replace('\\', '/'), Diagnostic.display(BASE, BASE), "the base itself is not an empty path");
        assertEquals(PAGE.toString().replace('\\', '/'), Diagnostic.display(PAGE, null));
        assertEquals("content/es/a.md", Diagnostic.display(BASE.resolve("content/x/../es/a.md"), BASE.resolve("content/..")));
        assertEquals(outside.toString().replace('\\', '/') + ":1:1: error: m",
                at(outside, 1, 1, Severity.ERROR, "x", "m").format(BASE));
    }

    @Test
    void aLineOrColumnIsNeverNegativeAndSeverityCodeAndMessageAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> at(PAGE, -1, 1, Severity.ERROR, "x", "m"));
        assertThrows(IllegalArgumentException.class, () -> at(PAGE, 1, -1, Severity.ERROR, "x", "m"));
        assertThrows(NullPointerException.class, () -> at(PAGE, 1, 1, null, "x", "m"));
        assertThrows(NullPointerException.class, () -> at(PAGE, 1, 1, Severity.ERROR, null, "m"));
        assertThrows(NullPointerException.class, () -> at(PAGE, 1, 1, Severity.ERROR, "x", null));
        assertEquals(0, at(PAGE, 0, 0, Severity.ERROR, "x", "m").line());
    }

    @Test
    void onlyAnErrorIsAnError() {
        assertTrue(at(PAGE, 1, 1, Severity.ERROR, "x", "m").isError());
        assertFalse(at(PAGE, 1, 1, Severity.WARNING, "x", "m").isError());
        assertEquals("error", Severity.ERROR.label());
        assertEquals("warning", Severity.WARNING.label());
    }

    @Test
    void aReportIsOrderedByFileThenLineThenColumnThenSeverityCodeAndMessage() {
        Path other = BASE.resolve("content/es/b.md");
        var diagnostics = new Diagnostics();
        List<Diagnostic> expected = List.of(
                at(null, 0, 0, Severity.ERROR, "x", "run"),
                at(PAGE, 2, 1, Severity.ERROR, "b", "m"),
                at(PAGE, 2, 1, Severity.WARNING, "a", "m"),
                at(PAGE, 2, 1, Severity.WARNING, "b", "a"),
                at(PAGE, 2, 1, Severity.WARNING, "b", "b"),
                at(PAGE, 2, 3, Severity.ERROR, "x", "m"),
                at(PAGE, 10, 1, Severity.ERROR, "x", "m"),
                at(other, 1, 1, Severity.ERROR, "x", "m"));
        for (int i = expected.size() - 1; i >= 0; i--) {
            diagnostics.add(expected.get(i));
        }
        assertEquals(expected, diagnostics.all());
    }

    @Test
    void errorsAndWarningsAreReportedAtAPositionAsTheirStageGaveThem() {
        var diagnostics = new Diagnostics();
        diagnostics.warning(new SourcePosition(PAGE, 3, 4), "w", "a warning");
        assertFalse(diagnostics.hasErrors());
        assertFalse(diagnostics.hasStageErrors());
        diagnostics.error(new SourcePosition(PAGE, 5, 6), "e", "an error");
        assertTrue(diagnostics.hasErrors());
        assertTrue(diagnostics.hasStageErrors());
        assertEquals(List.of("content/es/a.md:3:4: warning: a warning", "content/es/a.md:5:6: error: an error"),
                diagnostics.all().stream().map(d -> d.format(BASE)).toList());
        assertEquals(List.of("w", "e"), diagnostics.all().stream().map(Diagnostic::code).toList());
    }

    @Test
    void aReportIsACopyThatLaterProblemsDoNotChange() {
        var diagnostics = new Diagnostics();
        diagnostics.warning(PAGE, 1, 1, "w", "m");
        List<Diagnostic> first = diagnostics.all();
        diagnostics.warning(PAGE, 2, 1, "w", "m");
        assertEquals(1, first.size());
        assertThrows(UnsupportedOperationException.class, () -> first.add(first.get(0)));
        assertThrows(NullPointerException.class, () -> new Diagnostics(null));
    }

    @Test
    void aPositionInABlockMovesDownWithTheBlockUnlessItsLineIsUnknown() {
        assertEquals(new SourcePosition(PAGE, 12, 3), new SourcePosition(PAGE, 2, 3).shiftedBy(10));
        SourcePosition unknown = SourcePosition.of(PAGE);
        assertEquals(new SourcePosition(PAGE, 0, 0), unknown);
        assertEquals(unknown, unknown.shiftedBy(10));
    }
}
