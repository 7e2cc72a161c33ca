package org.abierto;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Severity;

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

    public long warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }
}
