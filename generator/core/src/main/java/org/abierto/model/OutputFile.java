package org.abierto.model;

import java.nio.file.Path;

/** A file of the finished site, written or copied by the write stage. */
public sealed interface OutputFile {

    /** Its path inside the output, with '/' separators. */
    String path();

    /** A file made by the build. */
    record Generated(String path, byte[] bytes) implements OutputFile {
    }

    /** A file copied from the content or theme as it is. */
    record Copied(String path, Path source) implements OutputFile {
    }
}
