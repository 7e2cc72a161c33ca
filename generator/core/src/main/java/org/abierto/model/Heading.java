package org.abierto.model;

/**
 * A heading of a page body, for the on-page table of contents.
 *
 * @param level 2–6 (the page title is the only level 1)
 * @param id    the anchor, folded from the text unless set with {@code {#id}}
 * @param text  the heading as plain text
 */
public record Heading(int level, String id, String text) {
}
