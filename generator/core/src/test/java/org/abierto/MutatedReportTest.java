package org.abierto;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.testing.Folders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real report, broken at random as a hurried editor might break it (a bracket, colon, quote,
 * directive or fence typed in the wrong place, a stretch deleted or pasted twice), and built strictly
 * as CI builds it. Inputs no one designed: whatever a seed makes, the build must end with a report in
 * which every problem says its file, line and column, and a failed build must leave the published
 * output as it was.
 */
class MutatedReportTest {
    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    /** What may be typed in the wrong place: Markdown, YAML and HTML syntax, and characters that are easy to paste. */
    static final List<String> TYPED = List.of("[", "]", "{", "}", ":", ": ", "---\n", "<", ">", "*", "|", "`", "```\n", "\n", "#",
            "&", "\"", "'", "\\", "::table{data=", "<a href=\"", "](", "![", "\t", "- ", "> ", "\u00a0", "\ufeff", "\u0000", "%",
            "{#", "[^", "<!--", "<table>", "<h1>", "*x", "&x ");
    @TempDir
    static Path dir;
    static Path pristine;
    static Path out;
    static Map<String, String> published;

    @BeforeAll
    static void publishTheReport() throws IOException {
        pristine = dir.resolve("pristine");
        Folders.copy(PROJECT.resolve("content"), pristine.resolve("content"));
        Folders.copy(PROJECT.resolve("templates"), pristine.resolve("templates"));
        out = dir.resolve("out");
        BuildResult clean = new Abierto().build(request(pristine));
        assertTrue(clean.written(), clean.diagnostics().toString());
        published = hashes(out);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aReportBrokenAtRandomIsReportedWithPlacesAndPublishesNothing(int seed) throws IOException {
        Path project = dir.resolve("seed-" + seed);
        Folders.copy(pristine, project);
        List<Path> broken = breakAtRandom(project.resolve("content"), new Random(seed));
        assertFalse(broken.isEmpty());

        BuildResult result = new Abierto().build(request(project));

        assertNotNull(result.diagnostics());
        for (Diagnostic d : result.diagnostics()) {
            String shown = d.format(project);
            assertNotNull(d.file(), shown);
            assertTrue(d.file().normalize().startsWith(project), "a problem names a file of the project: " + shown);
            assertFalse(d.message().contains("Exception") || d.message().contains("\tat "), "no Java in a message: " + shown);
            // A page without a translation is a problem of the whole page when it writes no translationKey to point at.
            boolean wholePage = d.code().equals("missing-translation") && !Files.readString(d.file()).contains("translationKey:");
            assertTrue(d.line() > 0 && d.column() > 0 || wholePage, "a problem of kind " + d.code() + " without its place: " + shown);
        }
        if (result.written()) {
            assertTrue(result.diagnostics().stream().noneMatch(Diagnostic::isError));
            published = hashes(out); // it still built: the next seed's failure is measured against this output
        } else {
            assertTrue(result.diagnostics().stream().anyMatch(Diagnostic::isError), "a build that fails says why");
            assertEquals(published, hashes(out), "a failed build leaves the published output as it was");
        }
    }

    static BuildRequest request(Path project) {
        // As CI builds it (--strict), without the PDFs and the offline copy, which only repeat the pages.
        return new BuildRequest(project.resolve("content"), project.resolve("templates"), out, "https://example.gob.mx/informe/",
                true).withDownloads(false, false);
    }

    /**
     * Breaks one to three places in each of one to three Markdown or YAML files; returns the files
     * broken. Few breaks, so that many seeds pass reading and reach the later stages' checks too.
     */
    static List<Path> breakAtRandom(Path content, Random random) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
        List<Path> broken = new java.util.ArrayList<>();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            Path file = files.get(random.nextInt(files.size()));
            broken.add(file);
            var text = new StringBuilder(Files.readString(file, StandardCharsets.UTF_8));
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                int at = random.nextInt(text.length() + 1);
                double what = random.nextDouble();
                if (what < 0.6) {
                    text.insert(at, TYPED.get(random.nextInt(TYPED.size())));
                } else if (what < 0.8) {
                    text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(20)));
                } else {
                    int from = random.nextInt(text.length() + 1);
                    text.insert(at, text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(40))));
                }
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return broken;
    }

    static Map<String, String> hashes(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                hashes.put(folder.relativize(f).toString(), sha256(Files.readAllBytes(f)));
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
