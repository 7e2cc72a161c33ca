package org.abierto.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Why a build may not replace its output folder. Nothing was written then, and the folder is as it was.
 */
public final class OutputRefused extends IOException {
    private final transient Path at;
    private final String code;

    OutputRefused(Path at, String code, String message) {
        super(message);
        this.at = at;
        this.code = code;
    }

    /** The file or folder the refusal is about: the first foreign file, or the output folder. */
    public Path at() {
        return at;
    }

    /** {@code unsafe-output} (the folder holds what Abierto did not write) or {@code output-busy} (another build holds it). */
    public String code() {
        return code;
    }
}
