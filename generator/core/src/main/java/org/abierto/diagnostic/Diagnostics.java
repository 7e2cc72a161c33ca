package org.abierto.diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one run. Stages report every problem they find here instead of
 * throwing at the first one; the pipeline stops between stages once a stage found errors of its own.
 * Which warnings count as errors is decided here, by the run's {@link Strictness}, not by each stage.
 * Safe to use from the parallel parts of a stage.
 */
public final class Diagnostics {
    private final java.util.Set<Diagnostic> items = new java.util.HashSet<>(); // a problem found twice at one place is one
    private final Strictness strictness;
    private boolean stageErrors;

    /** Diagnostics reported at the severity their stage gives them. */
    public Diagnostics() {
        this(Strictness.NONE);
    }

    /** Diagnostics of a run in which {@code strictness} raises some warnings to errors. */
    public Diagnostics(Strictness strictness) {
        this.strictness = java.util.Objects.requireNonNull(strictness, "strictness");
    }

    /**
     * Adds a diagnostic as its stage reported it; the run's strictness may raise it. (Collections made
     * inside a stage are therefore {@link Strictness#NONE}, and hand their diagnostics over unraised.)
     * The same problem at the same place is reported once, however many times it was found: a data
     * text without its English is read for its table's cell and for {@code data}, one problem.
     */
    public synchronized void add(Diagnostic diagnostic) {
        stageErrors |= diagnostic.isError();
        items.add(strictness.apply(diagnostic));
    }

    public void error(Path file, int line, int column, String code, String message) {
        add(new Diagnostic(file, line, column, Severity.ERROR, code, message));
    }

    public void error(SourcePosition at, String code, String message) {
        error(at.file(), at.line(), at.column(), code, message);
    }

    public void warning(Path file, int line, int column, String code, String message) {
        add(new Diagnostic(file, line, column, Severity.WARNING, code, message));
    }

    public void warning(SourcePosition at, String code, String message) {
        warning(at.file(), at.line(), at.column(), code, message);
    }

    /** Whether the run failed: nothing it made may be published. */
    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * Whether a stage found errors of its own, so that what it made may be incomplete: the next stage does
     * not start. A warning that only the run's strictness raised (a stale translation under {@code --strict})
     * leaves the site whole, so the run goes on and reports every other problem too; it still fails.
     */
    public synchronized boolean hasStageErrors() {
        return stageErrors;
    }

    /** Every diagnostic so far, in report order (deterministic whatever the threads did). */
    public synchronized List<Diagnostic> all() {
        var sorted = new ArrayList<>(items);
        sorted.sort(Diagnostic.REPORT_ORDER);
        return List.copyOf(sorted);
    }
}
