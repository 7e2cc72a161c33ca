package org.abierto.diagnostic;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a build, tied to the place an editor has to change.
 *
 * @param file     the file to change (absolute), or {@code null} when the problem concerns the run itself
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param severity error or warning
 * @param code     a stable, kebab-case identifier of the kind of problem (for tools and tests)
 * @param message  what is wrong and what to do, in one sentence
 */
public record Diagnostic(Path file, int line, int column, Severity severity, String code, String message) {

    /** The order of a report: by file, then position, then message. */
    public static final Comparator<Diagnostic> REPORT_ORDER = Comparator
            .comparing((Diagnostic d) -> d.file() == null ? "" : d.file().toString())
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Formats the diagnostic as {@code path:line:col: severity: message}, the form compilers use and
     * editors and CI annotations recognise.
     *
     * @param base the directory paths are shown relative to (usually the working directory)
     */
    public String format(Path base) {
        var out = new StringBuilder();
        if (file != null) {
            out.append(display(file, base));
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
        } else {
            out.append("abierto: ");
        }
        return out.append(severity.label()).append(": ").append(message).toString();
    }

    /** A path relative to {@code base} when it lies inside it, else absolute; always with '/'. */
    public static String display(Path file, Path base) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs;
        if (base != null) {
            Path b = base.toAbsolutePath().normalize();
            if (abs.startsWith(b) && !abs.equals(b)) {
                shown = b.relativize(abs);
            }
        }
        return shown.toString().replace('\\', '/');
    }
}
