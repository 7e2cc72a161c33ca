package org.abierto.model;

import java.util.List;

/**
 * A section and the pages directly in it, for an index of every page of a language (the search page
 * without JavaScript): the home page heads the pages at the top level, and each section, at any depth,
 * heads its own.
 *
 * @param section the section's page (the home page for the top level)
 * @param depth   0 for the home page, 1 for a top-level section, 2 for a section inside it, …
 * @param pages   its pages that are not sections themselves, in reading order
 */
public record SectionIndex(PageRef section, int depth, List<PageRef> pages) {
    public SectionIndex {
        pages = List.copyOf(pages);
    }
}
