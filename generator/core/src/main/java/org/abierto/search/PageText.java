package org.abierto.search;

import java.util.List;

/**
 * The text a reader can find a page by, read from its final HTML: what its {@code <main>} shows, in
 * blocks (a paragraph, a list item, a table cell, a heading), each with the anchor nearest to it.
 *
 * @param blocks the blocks in reading order
 */
record PageText(List<Block> blocks) {
    PageText {
        blocks = List.copyOf(blocks);
    }

    /**
     * A piece of text that a phrase cannot cross.
     *
     * @param anchor  the id of the element it is in (a table row, a figure) or of the heading above it; empty when none
     * @param heading whether it is a heading (h2–h6), which ranks above the text
     * @param text    its text, spaces collapsed
     */
    record Block(String anchor, boolean heading, String text) {
    }
}
