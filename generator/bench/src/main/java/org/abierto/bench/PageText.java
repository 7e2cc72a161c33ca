package org.abierto.bench;

import org.abierto.bench.Words.Lang;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The body of one synthetic page, drawn once and spelled in either language: 600–900 words,
 * 3–5 h2/h3 headings, one bulleted list, one 8 × 3 table, one image with alt text, and three
 * links to other pages of the same language.
 *
 * @param blocks the body in reading order
 */
record PageText(List<Block> blocks) {
    static final int MIN_WORDS = 600;
    static final int MAX_WORDS = 900;
    static final int LINKS = 3;
    static final int TABLE_ROWS = 8;

    /** A piece of the body. */
    sealed interface Block {
    }

    /** A paragraph of sentences; when {@code link} is a page number, it ends with a sentence linking to it. */
    record Paragraph(List<int[]> sentences, int link) implements Block {
    }

    /** An h2 or h3 heading, by index into {@link Words}' headings. */
    record Heading(int level, int phrase) implements Block {
    }

    record BulletList(List<int[]> items) implements Block {
    }

    /** A table of {@link #TABLE_ROWS} rows: indicator, year, value. */
    record Table(List<int[]> names, int[] years, int[] values) implements Block {
    }

    record Image(int[] alt) implements Block {
    }

    /** The link sentence before a linked title, per language. */
    static String seeAlso(Lang lang) {
        return lang == Lang.ES ? "Consulte también" : "See also";
    }

    /** The table's header, per language. */
    static String tableCaption(Lang lang) {
        return lang == Lang.ES ? "Indicadores de la página" : "Indicators of the page";
    }

    static String[] tableHeader(Lang lang) {
        return lang == Lang.ES ? new String[] {"Indicador", "Año", "Valor"} : new String[] {"Indicator", "Year", "Value"};
    }

    /**
     * Draws the body of a page.
     *
     * @param random the page's own random stream
     * @param links  the pages it links to ({@link #LINKS} of them)
     */
    static PageText draw(SplittableRandom random, int[] links) {
        int target = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
        int headingCount = 3 + random.nextInt(3);

        // Fixed parts first; the paragraphs then fill the page up to its target length.
        List<Integer> headingPhrases = new ArrayList<>();
        while (headingPhrases.size() < headingCount) {
            int phrase = random.nextInt(Words.HEADING_COUNT);
            if (!headingPhrases.contains(phrase)) {
                headingPhrases.add(phrase);
            }
        }
        int fixed = 0;
        for (int phrase : headingPhrases) {
            fixed += Words.heading(Lang.ES, phrase).split(" ").length;
        }
        List<int[]> items = new ArrayList<>();
        for (int i = 0, n = 4 + random.nextInt(3); i < n; i++) {
            items.add(Words.draw(random, 5 + random.nextInt(6)));
            fixed += items.get(i).length;
        }
        List<int[]> names = new ArrayList<>();
        int[] years = new int[TABLE_ROWS];
        int[] values = new int[TABLE_ROWS];
        for (int i = 0; i < TABLE_ROWS; i++) {
            names.add(new int[] {random.nextInt(Words.CONTENT_WORDS), random.nextInt(Words.CONTENT_WORDS)});
            years[i] = 2015 + random.nextInt(10);
            values[i] = random.nextInt(100_000);
            fixed += 4;
        }
        fixed += 3; // the header row
        int[] alt = Words.draw(random, 8 + random.nextInt(5)); // not counted: alt text is not read as prose
        fixed += LINKS * 6; // "Consulte también" and a title of about four words

        // One opening paragraph, then one to three paragraphs under each heading.
        int paragraphCount = 1;
        int[] perHeading = new int[headingCount];
        for (int h = 0; h < headingCount; h++) {
            perHeading[h] = 1 + random.nextInt(3);
            paragraphCount += perHeading[h];
        }
        List<List<int[]>> paragraphs = fill(random, Math.max(target - fixed, paragraphCount * 20), paragraphCount);

        List<Block> blocks = new ArrayList<>();
        int next = 0;
        int linked = 0;
        blocks.add(new Paragraph(paragraphs.get(next++), links[linked++]));
        for (int h = 0; h < headingCount; h++) {
            int level = h == 0 || random.nextInt(3) > 0 ? 2 : 3;
            blocks.add(new Heading(level, headingPhrases.get(h)));
            for (int p = 0; p < perHeading[h]; p++) {
                int link = linked < LINKS && p == 0 && h >= headingCount - 2 ? links[linked++] : -1;
                blocks.add(new Paragraph(paragraphs.get(next++), link));
            }
            switch (h) {
                case 0 -> blocks.add(new BulletList(items));
                case 1 -> blocks.add(new Table(names, years, values));
                case 2 -> blocks.add(new Image(alt));
                default -> { }
            }
        }
        return new PageText(blocks);
    }

    /** {@code words} words in {@code count} paragraphs of sentences of 8 to 20 words. */
    private static List<List<int[]>> fill(SplittableRandom random, int words, int count) {
        List<List<int[]>> paragraphs = new ArrayList<>();
        int left = words;
        for (int p = 0; p < count; p++) {
            int share = p == count - 1 ? left : left / (count - p);
            left -= share;
            List<int[]> sentences = new ArrayList<>();
            while (share > 0) {
                int length = Math.min(share, 8 + random.nextInt(13));
                if (share - length < 8 && share - length > 0) {
                    length = share; // no stub sentence at the end
                }
                sentences.add(Words.draw(random, length));
                share -= length;
            }
            paragraphs.add(sentences);
        }
        return paragraphs;
    }
}
