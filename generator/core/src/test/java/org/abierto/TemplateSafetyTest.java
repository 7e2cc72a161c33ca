package org.abierto;

import org.abierto.testing.Folders;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A theme is code copied from elsewhere: it must be as harmless as content. Templates see data only;
 * one that reaches for Java (a file's methods, {@code ?api}, {@code ?new}, static members) is an
 * error at its line, and the previous output stays as it was.
 */
class TemplateSafetyTest {
    /** The reproduction of issue 13: every page carried /etc/passwd as numbers. */
    static final String READ_PASSWD = "<#if page.source??><#list page.source.getFileSystem().provider()"
            + ".newInputStream(page.source.resolve(\"/etc/passwd\")).readAllBytes() as b>${b?c},</#list></#if>";
    static final String DATA_ONLY = "templates see data only (text, numbers, true/false, lists, maps and records of them) "
            + "and cannot call Java methods; read fields such as page.title, and format values with format.number, "
            + "format.date or format.size (see README.md, 'What a template can do')";

    /** A hostile line, and the error it must give: column and message. */
    record Attempt(String name, String line, int column, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                new Attempt("the issue's reproduction", READ_PASSWD, 27, "'page.source' has no fields to read after it: " + DATA_ONLY),
                new Attempt("?api", "${page?api.source}", 3, "?api is not allowed: " + DATA_ONLY),
                new Attempt("?new", "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}", 1,
                        "?new is not allowed: a template cannot create Java objects; " + DATA_ONLY),
                new Attempt("a static model", "${statics[\"java.lang.System\"].getProperty(\"user.home\")}", 3,
                        "'statics' does not exist: Java classes, their static members and constructors are not available; " + DATA_ONLY),
                new Attempt("a method of a record", "${page.withContent([], [], {})}", 3,
                        "'page.withContent' is undefined or null; check its spelling, or write ${x!\"\"} or <#if x??> where it may be missing"),
                new Attempt("calling a text", "${page.title()}", 3, "'page.title' is not a function: " + DATA_ONLY),
                new Attempt("a method of a text", "${page.title?length}${page.title.getBytes()}", 23,
                        "'page.title' has no fields to read after it: " + DATA_ONLY));
    }

    // ---- The real theme (templates/ of this repository), one hostile line added to page.ftlh ----

    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    @TempDir
    static Path real;
    static Map<String, String> realOutput;

    @BeforeAll
    static void buildTheRealReportOnce() throws IOException {
        Folders.copy(PROJECT.resolve("content"), real.resolve("content"));
        Folders.copy(PROJECT.resolve("templates"), real.resolve("templates"));
        BuildResult result = buildReal();
        assertTrue(result.written(), () -> result.diagnostics().toString());
        realOutput = snapshot(real.resolve("out"));
        assertTrue(realOutput.size() > 30, realOutput.keySet()::toString);
    }

    private static BuildResult buildReal() {
        return new Abierto().build(new BuildRequest(real.resolve("content"), real.resolve("templates"), real.resolve("out"),
                "https://example.gob.mx/informe/", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void theRealThemeReachingForJavaIsAnErrorAtItsLineAndTheOutputStays(Attempt attempt) throws IOException {
        String theme = Files.readString(PROJECT.resolve("templates/page.ftlh"));
        assertEquals("${content}", theme.lines().toList().get(6), "line 7 of page.ftlh moved; the positions below assume it");
        try {
            Files.writeString(real.resolve("templates/page.ftlh"), theme.replace("${content}\n", attempt.line() + "\n${content}\n"));
            BuildResult result = buildReal();
            List<String> errors = result.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(real)).toList();
            assertEquals(1, errors.size(), errors::toString);
            assertTrue(errors.get(0).startsWith("templates/page.ftlh:7:" + attempt.column() + ": error: " + attempt.message()
                    + " (while rendering content/"), errors::toString);
            assertFalse(result.written());
            assertEquals(realOutput, snapshot(real.resolve("out")), "the previous output changed");
        } finally {
            Files.writeString(real.resolve("templates/page.ftlh"), theme);
        }
    }

    // ---- Inline sites ----

    @TempDir
    Path dir;

    private MiniSite siteWithPageLine(String line) {
        String dirName = "site" + Math.abs(line.hashCode());
        var site = MiniSite.create(dir.resolve(dirName));
        assertTrue(site.build().written());
        site.file("templates/page.ftlh", "<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\"><title>${page.title}</title></head>\n"
                + "<body>\n" + line + "\n${content}\n</body></html>\n");
        return site;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void aTemplateReachingForJavaIsAnErrorAtItsLineAndTheOutputStays(Attempt attempt) {
        var site = siteWithPageLine(attempt.line());
        Map<String, String> before = snapshot(site.out());
        BuildResult result = site.build();
        assertEquals(List.of("templates/page.ftlh:4:" + attempt.column() + ": error: " + attempt.message()
                + " (while rendering content/en/diagnosis.md and 1 other page)"), site.errors(result));
        assertFalse(result.written());
        assertEquals(before, snapshot(site.out()));
    }

    @Test
    void noPageCarriesAFileOfTheMachine() throws IOException {
        var site = MiniSite.create(dir);
        Path secret = site.root().resolve("secret.txt");
        Files.writeString(secret, "s3cr3t");
        site.file("templates/page.ftlh", "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>x</title></head><body>"
                + "<#attempt><#list page.source.getFileSystem().provider().newInputStream(page.source.resolveSibling(\"../../secret.txt\"))"
                + ".readAllBytes() as b>${b?c},</#list><#recover>failed</#attempt>${content}</body></html>\n");
        BuildResult result = site.build();
        assertTrue(result.written(), () -> site.report(result).toString());
        String secretAsNumbers = "115,51,99,114,51,116"; // what the issue's reproduction printed for "s3cr3t"
        for (String file : site.outputFiles()) {
            String text = site.output(file);
            assertFalse(text.contains(secretAsNumbers) || text.contains("s3cr3t"), file + " carries the secret file");
        }
        assertTrue(site.output("es/diagnostico/index.html").contains("<body>failed<p>"), site.output("es/diagnostico/index.html"));
    }

    @Test
    void aTemplateCannotDeleteNorWriteAFile() throws IOException {
        var site = MiniSite.create(dir);
        Path victim = site.root().resolve("victim.txt");
        Files.writeString(victim, "keep me");
        site.file("templates/page.ftlh", """
                <!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>x</title></head><body>
                <#attempt>${page.source.resolveSibling("../../victim.txt").toFile().delete()?c}<#recover>not deleted</#attempt>
                <#attempt>${page.source.getFileSystem().provider().newOutputStream(page.source.resolveSibling("../../written.txt"))}<#recover>not written</#attempt>
                ${content}</body></html>
                """);
        BuildResult result = site.build();
        assertTrue(result.written(), () -> site.report(result).toString());
        assertEquals("keep me", Files.readString(victim));
        assertFalse(Files.exists(site.root().resolve("written.txt")));
        String page = site.output("es/diagnostico/index.html");
        assertTrue(page.contains("not deleted") && page.contains("not written"), page);
    }

    @Test
    void aPageSourceIsThePathOfItsFileInsideTheContent() {
        var site = siteWithPageLine("<p id=\"source\">${page.source!\"generated\"}</p>");
        assertTrue(site.build().written());
        assertTrue(site.output("es/diagnostico/index.html").contains("<p id=\"source\">es/diagnostico.md</p>"));
        assertTrue(site.output("en/diagnosis/index.html").contains("<p id=\"source\">en/diagnosis.md</p>"));
    }

    @Test
    void aTemplateIncludesOnlyTemplates() {
        var site = siteWithPageLine("<#include \"../../../../../../../../etc/passwd\" parse=false>");
        assertEquals(List.of("templates/page.ftlh:4:1: error: '../../../../../../../../etc/passwd' is not a template of the "
                + "templates folder; #include and #import take a path inside it, e.g. \"partials/lib.ftlh\" "
                + "(while rendering content/en/diagnosis.md and 1 other page)"), site.errors(site.build()));
    }

    @Test
    void aTemplateCannotTurnTheProtectionsOff() {
        var site = siteWithPageLine("<#setting api_builtin_enabled=true>${page?api}");
        assertEquals(List.of("templates/page.ftlh:4:11: error: template syntax: The setting name is recognized, "
                + "but changing this setting from inside a template isn't supported."), site.errors(site.build()));
    }

    @Test
    void formatIsThreeFunctionsThatSayHowToCallThem() {
        var site = siteWithPageLine("${format.number(1234567)} ${format.date(\"2024-02-28\")} ${format.size(1200000)}");
        assertTrue(site.build().written());
        assertTrue(site.output("es/diagnostico/index.html").contains("1,234,567 28 de febrero de 2024 1.2 MB"),
                site.output("es/diagnostico/index.html"));
        assertEquals(List.of("templates/page.ftlh:4:1: error: format.date: '2024-13-01' is neither a date such as 2024-02-28 "
                + "nor a month such as 2024-07 (while rendering content/en/diagnosis.md and 1 other page)"),
                errors(siteWithPageLine("${format.date(\"2024-13-01\")}")));
        assertEquals(List.of("templates/page.ftlh:4:1: error: format.number takes a number, e.g. format.number(1234) "
                + "(while rendering content/en/diagnosis.md and 1 other page)"),
                errors(siteWithPageLine("${format.number(page.alternates)}")));
        assertEquals(List.of("templates/page.ftlh:4:3: error: 'format.locale' is undefined or null; check its spelling, "
                + "or write ${x!\"\"} or <#if x??> where it may be missing (while rendering content/en/diagnosis.md and 1 other page)"),
                errors(siteWithPageLine("${format.locale}")));
    }

    private static List<String> errors(MiniSite site) {
        return site.errors(site.build());
    }

    /** Every file under {@code dir}: its text and its modification time, to tell that nothing was touched. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.getLastModifiedTime(f) + " " + Arrays.hashCode(Files.readAllBytes(f))
                        + " " + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
