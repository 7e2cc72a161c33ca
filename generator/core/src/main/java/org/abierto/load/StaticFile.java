package org.abierto.load;

import java.nio.file.Path;

/**
 * A file copied to the site as it is.
 *
 * @param path   absolute path of the source file
 * @param target path inside the output, with '/' separators (e.g. {@code assets/style.css})
 * @param size   size in bytes
 */
public record StaticFile(Path path, String target, long size) {
}
