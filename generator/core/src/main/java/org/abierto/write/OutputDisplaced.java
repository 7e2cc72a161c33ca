package org.abierto.write;

import java.io.IOException;

/**
 * The new output could not be put in place, nor the previous one back: the previous output is kept
 * whole beside the folder, and the next build puts it back before anything else. The message says where.
 */
public final class OutputDisplaced extends IOException {
    OutputDisplaced(String message, IOException cause) {
        super(message, cause);
    }
}
