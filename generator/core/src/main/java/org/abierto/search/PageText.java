package org.abierto.search;

import java.util.List;

/**
 * The text a reader can find a page by, read from its final HTML: what its {@code <main>} shows, in
 * blocks (a paragraph, a list item, a table cell, a heading), each with the anchor nearest to it.
 * The blocks' characters stay in the one array they were decoded into: indexing reads them there, and
 * only the start of each (its snippet) becomes a string.
 *
 * @param chars  the text of every block, one after the other
 * @param blocks the blocks in reading order, each a range of {@code chars}
 */
record PageText(char[] chars, List<Block> blocks) {
    PageText {
        blocks = List.copyOf(blocks);
    }

    /** Its text: spaces collapsed, none at its start or end. */
    String text(Block block) {
        return new String(chars, block.start(), block.end() - block.start());
    }

    /**
     * A piece of text that a phrase cannot cross.
     *
     * @param anchor  the id of the element it is in (a table row, a figure) or of the heading above it; empty when none
     * @param heading whether it is a heading (h2–h6), which ranks above the text
     * @param start   where its text starts in {@link #chars}
     * @param end     where it ends
     */
    record Block(String anchor, boolean heading, int start, int end) {
    }
}
