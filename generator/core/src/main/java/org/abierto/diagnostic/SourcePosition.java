package org.abierto.diagnostic;

import java.nio.file.Path;

/**
 * A place in a source file: where a diagnostic points.
 *
 * @param file   the file (absolute)
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourcePosition(Path file, int line, int column) {

    public static SourcePosition of(Path file) {
        return new SourcePosition(file, 0, 0);
    }

    /** The same file, {@code lines} lines further down (for blocks embedded in a larger file). */
    public SourcePosition shiftedBy(int lines) {
        return line == 0 ? this : new SourcePosition(file, line + lines, column);
    }
}
