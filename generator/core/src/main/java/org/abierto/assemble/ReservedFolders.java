package org.abierto.assemble;

import java.util.Set;

/** Top-level folders of {@code content/} with a fixed meaning, which cannot be languages. */
final class ReservedFolders {
    static final Set<String> NAMES = Set.of("i18n", "data", "static", "assets");

    private ReservedFolders() {
    }
}
