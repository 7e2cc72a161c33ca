package org.abierto;

import org.abierto.load.ContentLoader;
import org.abierto.parse.Markdown;
import org.abierto.parse.YamlReader;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 4: every input past a documented limit (content/README.md, "Limits") is an error at
 * its place — never a StackOverflowError or an OutOfMemoryError — and the previous output stays as it was.
 */
class LimitsTest {
    @TempDir
    Path dir;

    /** A site built once, whose output the failing builds below must leave as it is. */
    private MiniSite builtSite() {
        var site = MiniSite.create(dir);
        assertTrue(site.build().written());
        return site;
    }

    private Map<String, String> output(MiniSite site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String f : site.outputFiles()) {
            files.put(f, Files.readString(site.out().resolve(f)));
        }
        return files;
    }

    private static String page(String body) {
        return "---\ntitle: Hondo\n---\n\nUn párrafo.\n\n" + body + "\n";
    }

    @Test
    void aThousandNestedQuotesAreAnErrorAtTheFirstQuoteTooDeep() throws IOException {
        var site = builtSite();
        Map<String, String> before = output(site);
        site.file("content/es/hondo.md", page(">".repeat(1000) + " texto"));
        BuildResult result = site.build();
        // The page's body starts on line 5; the 51st '>' is in column 51.
        assertEquals(List.of("content/es/hondo.md:7:51: error: quotes, lists, emphasis or links are nested more than 50 levels "
                + "deep here, each inside the previous; a page may nest them at most 50 levels (see content/README.md, 'Limits'): "
                + "flatten the text"), site.errors(result));
        assertFalse(result.written());
        assertEquals(before, output(site));
    }

    @Test
    void aThousandNestedListLevelsAreAnError() {
        var site = builtSite();
        var list = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            list.append("  ".repeat(i)).append("- punto\n");
        }
        site.file("content/es/hondo.md", page(list.toString()));
        List<String> errors = site.errors(site.build());
        assertEquals(1, errors.size(), errors.toString());
        // The 51st list, at the start of line 57 of the file, under 50 levels of indentation.
        assertTrue(errors.get(0).startsWith("content/es/hondo.md:57:101: error: quotes, lists, emphasis or links are nested more than 50"),
                errors.get(0));
    }

    @Test
    void nestedEmphasisTooDeepForTheParserIsStillAnErrorAtItsPlace() {
        // Thousands of emphases exhaust the stack of Flexmark's parser itself, not only of its renderer.
        var site = builtSite();
        site.file("content/es/hondo.md", page("*a ".repeat(20_000) + "x" + "*".repeat(20_000)));
        List<String> errors = site.errors(site.build());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("content/es/hondo.md:7:"), errors.get(0));
        assertTrue(errors.get(0).contains("nested more than 50 levels"), errors.get(0));
    }

    @Test
    void nestingUpToTheLimitIsPublished() {
        var site = builtSite();
        site.file("content/es/hondo.md", page(">".repeat(Markdown.MAX_NESTING) + " texto"));
        BuildResult result = site.build();
        assertEquals(List.of(), site.errors(result));
        assertEquals(Markdown.MAX_NESTING, site.output("es/hondo/index.html").split("<blockquote>", -1).length - 1);
    }

    @Test
    void aMacroThatCallsItselfIsAnErrorAtTheCall() throws IOException {
        var site = builtSite();
        Map<String, String> before = output(site);
        String template = Files.readString(site.root().resolve("templates/page.ftlh"));
        site.file("templates/page.ftlh", template + "<#macro eco n><@eco n + 1/></#macro>\n<@eco 0/>\n");
        int line = (int) template.lines().count() + 1;
        BuildResult result = site.build();
        assertEquals(List.of("templates/page.ftlh:" + line + ":15: error: the templates nest more than 200 instructions deep here: "
                + "a macro, function or #include that calls itself without end? Stop the recursion (e.g. with an #if on a depth "
                + "parameter) (while rendering content/en/diagnosis.md and 1 other page)"), site.errors(result));
        assertEquals(before, output(site));
    }

    @Test
    void aTemplateThatIncludesItselfIsAnErrorAtTheInclude() {
        var site = builtSite();
        site.file("templates/directives/eco.ftlh", "x<#include \"eco.ftlh\">\n");
        site.file("content/es/hondo.md", page("::eco"));
        assertEquals(List.of("content/es/hondo.md:7:1: error: ::eco failed in templates/directives/eco.ftlh:1:2: the templates nest "
                + "more than 200 instructions deep here: a macro, function or #include that calls itself without end? Stop the "
                + "recursion (e.g. with an #if on a depth parameter)"), site.errors(site.build()));
    }

    @Test
    void aStaticFileOverOneGibibyteIsAnErrorAndNothingIsRead() throws IOException {
        var site = builtSite();
        Map<String, String> before = output(site);
        Path big = site.root().resolve("content/static/video.mp4");
        Files.createDirectories(big.getParent());
        try (var file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(2_300_000_000L); // sparse: takes no disk
        }
        BuildResult result = site.build();
        assertEquals(List.of("content/static/video.mp4:1:1: error: the file is 2.1 GiB (2,300,000,000 bytes), more than the 1 GiB a "
                + "file copied to the site may have (see content/README.md, 'Limits'); publish it on a service made for large files "
                + "(a data portal, a video platform) and link to its address"), site.errors(result));
        assertEquals(before, output(site));
    }

    @Test
    void staticFilesAreCopiedAndCompressedAsStreamsNeverReadWhole() throws Exception {
        // A build whose heap is a fifth of a static file: reading the file whole (as the write stage
        // did, for its copy, its hash and its gzip copy) ends in an OutOfMemoryError.
        var site = MiniSite.create(dir);
        Path data = site.root().resolve("content/static/datos/registro.csv");
        Files.createDirectories(data.getParent());
        long size = 256L << 20;
        try (var file = new RandomAccessFile(data.toFile(), "rw")) {
            file.setLength(size);
        }
        Path log = dir.resolve("build.log");
        int exit = org.abierto.testing.BuildInAnotherJvm.run(site.root(), log, "-Xmx48m", "-XX:+UseSerialGC");
        assertEquals(0, exit, Files.readString(log));
        Path copied = site.out().resolve("datos/registro.csv");
        assertEquals(size, Files.size(copied));
        assertEquals(-1, Files.mismatch(data, copied));
        String manifest = site.output("abierto-manifest.json");
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = new java.security.DigestInputStream(Files.newInputStream(data), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertTrue(manifest.contains(java.util.HexFormat.of().formatHex(digest.digest())), "the manifest records the file's SHA-256");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(site.out().resolve("datos/registro.csv.gz")))) {
            assertEquals(size, in.transferTo(java.io.OutputStream.nullOutputStream()));
        }
    }

    @Test
    void aPageOverThreeMebibytesIsAnError() {
        var site = builtSite();
        String head = "---\ntitle: Largo\n---\n\n";
        String text = head + "x".repeat((int) ContentLoader.MAX_TEXT_BYTES + 1 - head.length()); // one byte too many
        site.file("content/es/largo.md", text);
        assertEquals(List.of("content/es/largo.md:1:1: error: the file is 3.0 MiB (3,145,729 bytes), more than the 3 MiB a page "
                + "or a YAML file may have (see content/README.md, 'Limits'); split it into several files"), site.errors(site.build()));
    }

    @Test
    void aDataFileOverThreeMebibytesSaysSoInsteadOfBlamingItsIndentation() {
        // Issue 14, item 8: SnakeYAML's limit of 3 Mi code points came out as a syntax error with a hint about indentation.
        var site = builtSite();
        var rows = new StringBuilder("title: x\nitems:\n");
        while (rows.length() <= ContentLoader.MAX_TEXT_BYTES) {
            rows.append("  - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
        }
        site.file("content/data/grande.yaml", rows.toString());
        List<String> errors = site.errors(site.build());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("content/data/grande.yaml:1:1: error: the file is 3.0 MiB ("), errors.get(0));
        assertFalse(errors.get(0).contains("indentation"), errors.get(0));
    }

    @Test
    void yamlNestedTooDeepIsAnErrorWhereItHappens() {
        var site = builtSite();
        int depth = YamlReader.MAX_NESTING + 1;
        site.file("content/data/hondo.yaml", "title: x\nitems: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        // The root mapping is level 1 and items' list level 2: the 100th '[' opens level 101.
        assertEquals(List.of("content/data/hondo.yaml:2:107: error: lists and mappings are nested more than 100 levels deep here, "
                + "the most Abierto reads (see content/README.md, 'Limits'); flatten the data file"), site.errors(site.build()));
    }

    @Test
    void theReportOfACheckStillHoldsEveryOtherProblemOfTheStage() {
        // Issue 14, item 4: a page that overflowed the parser left `check --format json` empty.
        var site = builtSite();
        site.file("content/es/hondo.md", page(">".repeat(1000) + " texto"));
        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\nordre: 1\n---\n\nTexto.\n");
        BuildResult check = new Abierto().check(site.request());
        assertEquals(List.of("content/es/diagnostico.md:3:1: error: unknown key 'ordre' in the front matter; did you mean 'order'?",
                "content/es/hondo.md:7:51: error: quotes, lists, emphasis or links are nested more than 50 levels deep here, each "
                        + "inside the previous; a page may nest them at most 50 levels (see content/README.md, 'Limits'): flatten the text"),
                site.errors(check));
        String json = check.json(site.root());
        assertTrue(json.contains("\"code\" : \"nesting-depth\"") || json.contains("\"code\": \"nesting-depth\""), json);
        assertTrue(json.contains("unknown-key"), json);
    }
}
