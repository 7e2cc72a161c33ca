package org.abierto.model;

/**
 * The page in another language, for the language switcher and {@code hreflang} links.
 *
 * @param language   the other language
 * @param page       the counterpart, or the home of that language when there is none
 * @param translated whether {@code page} is a real translation of this page
 */
public record Alternate(Language language, PageRef page, boolean translated) {
}
