package org.abierto.load;

import java.nio.file.Path;

/**
 * A text file of the content, read as UTF-8.
 *
 * @param path     absolute path, for diagnostics
 * @param relative path inside its root folder, with '/' separators (e.g. {@code es/presentacion.md})
 * @param text     the whole file
 */
public record SourceFile(Path path, String relative, String text) {

    /** The same file without its text: what a parsed page keeps, so that the text is not held once parsed. */
    public SourceFile withoutText() {
        return new SourceFile(path, relative, "");
    }
}
