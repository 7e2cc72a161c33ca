package org.abierto;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each third-party library is imported by one stage's package, so swapping it is a one-package
 * change; the model stays free of libraries and of the stages; nothing prints or exits.
 */
class ArchitectureTest {
    static final Path SOURCES = Path.of("src/main/java/org/abierto");

    /** library package prefix → the only packages of ours allowed to import it */
    static final Map<String, List<String>> OWNERS = Map.of(
            "com.vladsch.flexmark", List.of("org.abierto.parse"),
            "com.fasterxml.jackson.dataformat.yaml", List.of("org.abierto.parse"),
            "com.fasterxml.jackson.dataformat.csv", List.of("org.abierto.metadata"),
            // the schema validator works on Jackson trees
            "com.fasterxml.jackson.databind", List.of("org.abierto.json", "org.abierto.schema"),
            "com.networknt", List.of("org.abierto.schema"),
            // Jackson 3, which the schema validator (3.x) needs; the rest of Abierto uses Jackson 2
            "tools.jackson", List.of("org.abierto.schema"),
            "freemarker", List.of("org.abierto.render"),
            "org.jsoup", List.of("org.abierto.check"),
            "net.coobird", List.of("org.abierto.images"));

    record Source(String pkg, Path file, List<String> imports, String text) {
    }

    static List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                String pkg = text.lines().filter(l -> l.startsWith("package ")).findFirst().orElse("")
                        .replace("package ", "").replace(";", "").strip();
                List<String> imports = text.lines().filter(l -> l.startsWith("import "))
                        .map(l -> l.replace("import static ", "").replace("import ", "").replace(";", "").strip()).toList();
                sources.add(new Source(pkg, file, imports, text));
            }
        }
        return sources;
    }

    @Test
    void thereAreSourcesToCheck() throws IOException {
        assertTrue(sources().size() > 30, "the source folder moved: " + SOURCES.toAbsolutePath());
    }

    @Test
    void eachLibraryIsImportedByOnePackage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            for (String imported : s.imports()) {
                OWNERS.forEach((library, owner) -> {
                    if (imported.startsWith(library + ".") && !owner.contains(s.pkg())) {
                        violations.add(s.file() + " imports " + imported + " (only " + owner + " may)");
                    }
                });
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theModelKnowsNoLibraryAndNoStage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            if (!s.pkg().equals("org.abierto.model")) {
                continue;
            }
            for (String imported : s.imports()) {
                boolean allowed = imported.startsWith("java.") || imported.startsWith("org.abierto.model")
                        || imported.startsWith("org.abierto.diagnostic.SourcePosition")
                        || imported.startsWith("org.abierto.load.StaticFile");
                if (!allowed) {
                    violations.add(s.file() + " imports " + imported);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theCoreNeverPrintsOrExits() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            for (String forbidden : List.of("System.out", "System.err", "System.exit", "printStackTrace", "Locale.setDefault",
                    "LocalDate.now", "Instant.now", "new Date(")) {
                if (s.text().contains(forbidden)) {
                    violations.add(s.file() + " uses " + forbidden);
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
