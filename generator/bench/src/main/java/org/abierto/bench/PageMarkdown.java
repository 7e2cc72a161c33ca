package org.abierto.bench;

import org.abierto.bench.PageText.Block;
import org.abierto.bench.PageText.BulletList;
import org.abierto.bench.PageText.Heading;
import org.abierto.bench.PageText.Image;
import org.abierto.bench.PageText.Paragraph;
import org.abierto.bench.PageText.Table;
import org.abierto.bench.Words.Lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spells a {@link PageText} as Markdown in one language: one sentence per line, blank lines between
 * blocks, GFM table, relative {@code .md} links. Abierto and Hugo get the same text; only the image
 * address differs (Abierto resolves a path relative to the file, Hugo serves {@code static/} at the root),
 * and the table's caption: Abierto requires one, written {@code [Caption]} on the line after the table;
 * Hugo's Markdown has no captions, so it gets the same words as a paragraph after the table.
 */
final class PageMarkdown {
    private PageMarkdown() {
    }

    static String body(CorpusPlan plan, Lang lang, int page, PageText text, String imageSrc, boolean captions) {
        List<String> blocks = new ArrayList<>();
        for (Block block : text.blocks()) {
            blocks.add(spell(plan, lang, page, block, imageSrc, captions));
        }
        return String.join("\n\n", blocks) + "\n";
    }

    private static String spell(CorpusPlan plan, Lang lang, int page, Block block, String imageSrc, boolean captions) {
        if (block instanceof Paragraph p) {
            return paragraph(plan, lang, page, p);
        } else if (block instanceof Heading h) {
            return "#".repeat(h.level()) + " " + Words.heading(lang, h.phrase());
        } else if (block instanceof BulletList l) {
            return bullets(lang, l);
        } else if (block instanceof Table t) {
            return table(lang, t) + (captions ? "\n[" : "\n\n") + PageText.tableCaption(lang) + (captions ? "]" : ".");
        }
        Image i = (Image) block;
        return "![" + Words.capitalise(Words.phrase(lang, i.alt())) + "](" + imageSrc + ")";
    }

    /** A paragraph of sentences, one per line. */
    static String sentences(Lang lang, int[][] sentences) {
        List<String> lines = new ArrayList<>();
        for (int[] s : sentences) {
            lines.add(Words.sentence(lang, s));
        }
        return String.join("\n", lines);
    }

    private static String paragraph(CorpusPlan plan, Lang lang, int page, Paragraph p) {
        List<String> lines = new ArrayList<>();
        for (int[] s : p.sentences()) {
            lines.add(Words.sentence(lang, s));
        }
        if (p.link() >= 0) {
            lines.add(PageText.seeAlso(lang) + " [" + plan.title(lang, p.link()) + "](" + plan.link(lang, page, p.link()) + ").");
        }
        return String.join("\n", lines);
    }

    private static String bullets(Lang lang, BulletList list) {
        List<String> lines = new ArrayList<>();
        for (int[] item : list.items()) {
            lines.add("- " + Words.capitalise(Words.phrase(lang, item)) + ".");
        }
        return String.join("\n", lines);
    }

    private static String table(Lang lang, Table t) {
        String[] header = PageText.tableHeader(lang);
        var out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("| --- | ---: | ---: |");
        for (int i = 0; i < t.names().size(); i++) {
            out.append("\n| ").append(Words.capitalise(Words.phrase(lang, t.names().get(i))))
                    .append(" | ").append(t.years()[i])
                    .append(" | ").append(t.values()[i]).append(" |");
        }
        return out.toString();
    }

    /** Front matter: YAML between two {@code ---} lines, every text double-quoted. */
    static String frontMatter(Map<String, Object> fields) {
        var out = new StringBuilder("---\n");
        fields.forEach((key, value) -> out.append(key).append(": ")
                .append(value instanceof String s ? quoted(s) : String.valueOf(value)).append('\n'));
        return out.append("---\n\n").toString();
    }

    /**
     * The body as Abierto's parser sees it — everything after the closing {@code ---} line, the
     * blank line included — which is what a translation fingerprint is taken of.
     */
    static String bodyOf(String page) {
        int close = page.indexOf("\n---\n", 3);
        return page.substring(close + "\n---\n".length());
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
