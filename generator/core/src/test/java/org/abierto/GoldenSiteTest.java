package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole sites built and compared with committed output: {@code src/test/resources/golden/<case>/}
 * holds {@code content/}, {@code templates/} and {@code expected/}.
 *
 * <p>After an intended change of output, regenerate with
 * {@code mvn -pl generator/core test -Dtest=GoldenSiteTest -Dgolden.update=true}, then review every
 * diff with {@code git diff} before committing. CI never updates them.
 */
class GoldenSiteTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void thereAreGoldenCases() throws IOException {
        assertTrue(cases().size() >= 1, "no golden cases found under " + GOLDEN.toAbsolutePath() + ": was the folder moved?");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void siteMatchesItsExpectedOutput(String name, @TempDir Path tmp) throws IOException {
        Path root = GOLDEN.resolve(name);
        Path out = tmp.resolve("out");
        BuildResult result = new Abierto().build(new BuildRequest(root.resolve("content"), root.resolve("templates"), out, null, false));
        List<String> report = result.diagnostics().stream().map(d -> d.format(root)).toList();
        Path expectedReport = root.resolve("expected-report.txt");
        Path expected = root.resolve("expected");
        if (UPDATE) {
            update(out, expected);
            Files.writeString(expectedReport, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expectedReport, StandardCharsets.UTF_8), String.join("\n", report) + "\n",
                "diagnostics of golden case " + name);
        assertTrue(result.succeeded());

        List<String> actualFiles = MiniSite.files(out);
        assertEquals(MiniSite.files(expected), actualFiles, "output files of golden case " + name);
        for (String file : actualFiles) {
            assertEquals(Files.readString(expected.resolve(file), StandardCharsets.UTF_8),
                    Files.readString(out.resolve(file), StandardCharsets.UTF_8), name + ": " + file);
        }
    }

    private static void update(Path out, Path expected) throws IOException {
        if (Files.exists(expected)) {
            try (Stream<Path> walk = Files.walk(expected)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String file : MiniSite.files(out)) {
            Path target = expected.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(out.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
