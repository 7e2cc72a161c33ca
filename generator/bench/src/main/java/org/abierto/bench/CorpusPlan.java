package org.abierto.bench;

import org.abierto.bench.Words.Lang;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The shape of a synthetic corpus of {@code pages} pages per language: reports ({@code informe-001})
 * of at most {@value #CHAPTERS_PER_REPORT} chapters ({@code informe-001/capitulo-001}) of at most
 * {@value #PAGES_PER_CHAPTER} pages each. Everything about page {@code i} — title, text, links — is
 * drawn from its own random stream, so it depends only on the seed and {@code i}, never on the
 * order in which pages are written.
 *
 * @param pages             pages per language, besides the home page and the section pages
 * @param seed              the fixed seed
 * @param pagesPerChapter   at most this many pages in a chapter ({@value #PAGES_PER_CHAPTER} but in tests)
 * @param chaptersPerReport at most this many chapters in a report ({@value #CHAPTERS_PER_REPORT} but in tests)
 */
record CorpusPlan(int pages, long seed, int pagesPerChapter, int chaptersPerReport) {
    static final int PAGES_PER_CHAPTER = 100;
    static final int CHAPTERS_PER_REPORT = 10;
    private static final int TITLE_STREAM = 1;
    private static final int TEXT_STREAM = 2;
    private static final int SECTION_STREAM = 3;

    CorpusPlan {
        if (pages < 2) {
            throw new IllegalArgumentException("--pages must be at least 2, so that pages have others to link to");
        }
    }

    CorpusPlan(int pages, long seed) {
        this(pages, seed, PAGES_PER_CHAPTER, CHAPTERS_PER_REPORT);
    }

    int chapters() {
        return (pages + pagesPerChapter - 1) / pagesPerChapter;
    }

    int reports() {
        return (chapters() + chaptersPerReport - 1) / chaptersPerReport;
    }

    int chapterOf(int page) {
        return page / pagesPerChapter;
    }

    int reportOf(int chapter) {
        return chapter / chaptersPerReport;
    }

    /** The pages of a chapter: [first, end). */
    int firstPage(int chapter) {
        return chapter * pagesPerChapter;
    }

    int endPage(int chapter) {
        return Math.min(pages, (chapter + 1) * pagesPerChapter);
    }

    int firstChapter(int report) {
        return report * chaptersPerReport;
    }

    int endChapter(int report) {
        return Math.min(chapters(), (report + 1) * chaptersPerReport);
    }

    // Paths inside a language folder; English pages have English names, paired by translationKey.

    static String reportDir(Lang lang, int report) {
        return String.format(lang == Lang.ES ? "informe-%03d" : "report-%03d", report + 1);
    }

    String chapterDir(Lang lang, int chapter) {
        return reportDir(lang, reportOf(chapter)) + "/" + String.format(lang == Lang.ES ? "capitulo-%03d" : "chapter-%03d", chapter + 1);
    }

    String pageFile(Lang lang, int page) {
        return chapterDir(lang, chapterOf(page)) + "/" + String.format(lang == Lang.ES ? "pagina-%05d.md" : "page-%05d.md", page + 1);
    }

    static String pageKey(int page) {
        return String.format("p-%05d", page + 1);
    }

    static String chapterKey(int chapter) {
        return String.format("c-%03d", chapter + 1);
    }

    static String reportKey(int report) {
        return String.format("r-%03d", report + 1);
    }

    /** A relative link from the folder of page {@code from} to the file of page {@code to}. */
    String link(Lang lang, int from, int to) {
        Path dir = Path.of(chapterDir(lang, chapterOf(from)));
        return dir.relativize(Path.of(pageFile(lang, to))).toString().replace('\\', '/');
    }

    /** A page's title: three words and its number ("Presupuesto digital meta 17"). */
    String title(Lang lang, int page) {
        SplittableRandom random = random(TITLE_STREAM, page);
        int[] words = new int[3];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextInt(Words.CONTENT_WORDS);
        }
        return Words.capitalise(Words.phrase(lang, words)) + " " + (page + 1);
    }

    /** A page's one-sentence description. */
    String description(Lang lang, int page) {
        SplittableRandom random = random(TITLE_STREAM, -1 - page);
        return Words.sentence(lang, Words.draw(random, 12 + random.nextInt(9)));
    }

    /** A section's title: "Informe 2: …" or "Capítulo 14: …". */
    String sectionTitle(Lang lang, boolean report, int number) {
        SplittableRandom random = random(SECTION_STREAM, report ? -1 - number : number);
        int[] words = {random.nextInt(Words.CONTENT_WORDS), random.nextInt(Words.CONTENT_WORDS)};
        String kind = report ? (lang == Lang.ES ? "Informe" : "Report") : (lang == Lang.ES ? "Capítulo" : "Chapter");
        return kind + " " + (number + 1) + ": " + Words.phrase(lang, words);
    }

    /** The introduction of a section or home page: one paragraph of 60 to 100 words. */
    int[][] sectionIntro(boolean report, int number) {
        SplittableRandom random = random(SECTION_STREAM, (report ? 1_000_000 : 2_000_000) + number);
        int words = 60 + random.nextInt(41);
        int sentences = 5;
        int[][] intro = new int[sentences][];
        for (int s = 0; s < sentences; s++) {
            intro[s] = Words.draw(random, s == sentences - 1 ? words - (sentences - 1) * (words / sentences) : words / sentences);
        }
        return intro;
    }

    /** The body of page {@code page}, linking to a page of its chapter, one of its report and one anywhere. */
    PageText text(int page) {
        SplittableRandom random = random(TEXT_STREAM, page);
        int chapter = chapterOf(page);
        int report = reportOf(chapter);
        int[] links = {
                other(random, page, firstPage(chapter), endPage(chapter)),
                other(random, page, firstPage(firstChapter(report)), endPage(endChapter(report) - 1)),
                other(random, page, 0, pages)};
        return PageText.draw(random, links);
    }

    /** A page in [from, to) other than {@code self}; any other page when the range holds only self. */
    private int other(SplittableRandom random, int self, int from, int to) {
        if (to - from < 2) {
            from = 0;
            to = pages;
        }
        int pick = from + random.nextInt(to - from - 1);
        return pick >= self && self >= from ? pick + 1 : pick;
    }

    private SplittableRandom random(int stream, int index) {
        long mixed = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new SplittableRandom(mixed);
    }
}
