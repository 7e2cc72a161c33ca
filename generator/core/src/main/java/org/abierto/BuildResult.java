package org.abierto;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Severity;
import org.abierto.diagnostic.Strictness;

import java.util.List;
import java.util.Map;

/**
 * What a build did.
 *
 * @param diagnostics every problem found, in report order
 * @param pages       pages per language code (the bilingual landing page is not counted)
 * @param files       files in the output (pages included)
 * @param written     whether the output was replaced
 */
public record BuildResult(List<Diagnostic> diagnostics, Map<String, Integer> pages, int files, boolean written) {

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
        pages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
    }

    public boolean succeeded() {
        return errors() == 0;
    }

    public long errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    /**
     * The result as JSON, a stable format for CI annotations, described by
     * {@code docs/check-report.schema.json}: {@code {"version": 1, "succeeded", "summary": {errors,
     * warnings, pages, deliverablesWithoutAddress}, "diagnostics": [{file, line, column, severity, code,
     * message}]}}, with files
     * relative to {@code base} and unknown lines or columns as null.
     */
    public String json(java.nio.file.Path base) {
        var rows = diagnostics.stream().map(d -> org.abierto.json.Json.object(
                "file", d.file() == null ? null : Diagnostic.display(d.file(), base),
                "line", d.line() == 0 ? null : d.line(),
                "column", d.column() == 0 ? null : d.column(),
                "severity", d.severity().label(),
                "code", d.code(),
                "message", d.message())).toList();
        return org.abierto.json.Json.write(org.abierto.json.Json.object(
                "version", 1,
                "succeeded", succeeded(),
                "summary", org.abierto.json.Json.object("errors", errors(), "warnings", warnings(), "pages", pages,
                        "deliverablesWithoutAddress", deliverablesWithoutAddress()),
                "diagnostics", rows));
    }

    public long warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }

    /**
     * Deliverables of the report without an address, shown as not yet available online: an honest state of
     * a report, reported (as warnings, or errors with {@code --require-deliverables}) so editors see what
     * remains to be linked.
     */
    public long deliverablesWithoutAddress() {
        return diagnostics.stream().filter(d -> d.code().equals(Strictness.DELIVERABLE_WITHOUT_ADDRESS)).count();
    }
}
