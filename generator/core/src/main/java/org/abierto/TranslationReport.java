package org.abierto;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.model.TranslationStatus;

import org.abierto.json.Json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every translation stands.
 *
 * @param statuses    one per original page and other language, in reading order
 * @param marked      the translation files whose {@code sourceHash} was just set
 * @param diagnostics the problems found while reading the content
 */
public record TranslationReport(List<TranslationStatus> statuses, List<Path> marked, List<Diagnostic> diagnostics) {
    public TranslationReport {
        statuses = List.copyOf(statuses);
        marked = List.copyOf(marked);
        diagnostics = List.copyOf(diagnostics);
    }

    /** How many translations are in each state, in the order current, stale, unmarked, missing. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TranslationStatus.State state : TranslationStatus.State.values()) {
            counts.put(state.id(), statuses.stream().filter(s -> s.state() == state).count());
        }
        return counts;
    }

    /** Whether every translation exists and follows the current version of its original. */
    public boolean allCurrent() {
        return statuses.stream().allMatch(s -> s.state() == TranslationStatus.State.CURRENT);
    }

    /**
     * The report as JSON, a stable format for CI: {@code {"translations": [{key, language, state,
     * original, translation, fingerprint, recorded}], "counts": {current, stale, unmarked, missing}}},
     * with file paths relative to {@code base}.
     */
    public String json(Path base) {
        List<Map<String, Object>> rows = statuses.stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", s.key());
            row.put("language", s.language());
            row.put("state", s.stateId());
            row.put("original", Diagnostic.display(s.originalFile(), base));
            row.put("translation", s.translationFile() == null ? null : Diagnostic.display(s.translationFile(), base));
            row.put("fingerprint", s.fingerprint());
            row.put("recorded", s.recorded());
            return row;
        }).toList();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("translations", rows);
        report.put("counts", counts());
        return Json.write(report);
    }

    public boolean succeeded() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
