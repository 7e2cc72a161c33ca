package org.abierto.bench;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's corpus is only worth measuring if it is what the issue describes and builds cleanly
 * with the real theme: this keeps it so as the generator and the theme change. Not a benchmark.
 */
class CorpusTest {
    private static final Path REPOSITORY = Path.of("../..");
    /** Small chapters and reports, so that links cross both, on a corpus small enough for every `mvn verify`. */
    private static final CorpusPlan PLAN = new CorpusPlan(25, Corpus.DEFAULT_SEED, 10, 2);

    @TempDir
    static Path dir;
    static BuildResult result;

    @BeforeAll
    static void buildTheCorpus() throws IOException {
        Corpus.write(PLAN, dir.resolve("content"), dir.resolve("hugo"), REPOSITORY.resolve("content/i18n"));
        result = new Abierto().build(new BuildRequest(dir.resolve("content"), REPOSITORY.resolve("templates"),
                dir.resolve("out"), null, false));
    }

    @Test
    void buildsWithTheRealThemeWithoutErrorsOrWarnings() {
        assertEquals(List.of(), result.diagnostics());
        // 25 pages, 3 chapters, 2 reports and the home page per language.
        assertEquals(Map.of("es", 31, "en", 31), result.pages());
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws IOException {
        Corpus.write(PLAN, dir.resolve("again"), dir.resolve("again-hugo"), REPOSITORY.resolve("content/i18n"));
        assertEquals(files(dir.resolve("content")), files(dir.resolve("again")));
        assertEquals(files(dir.resolve("hugo")), files(dir.resolve("again-hugo")));
    }

    @Test
    void everyPageHasTheShapeTheBenchmarkPromises() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            pages = files.filter(p -> p.toString().matches(".*/(pagina|page)-\\d+/index\\.html")).sorted().toList();
        }
        assertEquals(2 * PLAN.pages(), pages.size());
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile());
            var prose = doc.selectFirst("div.prose");
            String where = page.toString();
            int words = prose.text().split("\\s+").length;
            assertTrue(words >= PageText.MIN_WORDS && words <= PageText.MAX_WORDS, where + ": " + words + " words");
            int headings = prose.select("h2, h3").size();
            assertTrue(headings >= 3 && headings <= 5, where + ": " + headings + " headings");
            assertEquals(1, prose.select("table").size(), where);
            assertEquals(PageText.TABLE_ROWS, prose.select("table tbody tr").size(), where);
            assertEquals(3, prose.select("table thead th").size(), where);
            assertEquals(1, prose.select("ul").size(), where);
            assertEquals(PageText.LINKS, prose.select("a[href]").size(), where);
            assertEquals(1, prose.select("img[alt~=.]").size(), where);
        }
    }

    @Test
    void aPageAndItsTranslationHaveTheSameNumberOfWords() throws IOException {
        Document es = Jsoup.parse(dir.resolve("out/es/informe-002/capitulo-003/pagina-00023/index.html").toFile());
        Document en = Jsoup.parse(dir.resolve("out/en/report-002/chapter-003/page-00023/index.html").toFile());
        assertEquals(es.selectFirst("div.prose").text().split("\\s+").length, en.selectFirst("div.prose").text().split("\\s+").length);
        assertEquals("en", es.selectFirst("link[hreflang=en]").attr("hreflang"));
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        assertTrue(contents.size() > 2 * PLAN.pages(), "the corpus has its pages");
        return contents;
    }
}
