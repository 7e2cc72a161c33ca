package org.abierto.render;

import org.abierto.model.Page;

/**
 * A page rendered to HTML by its template.
 *
 * @param page the page
 * @param html the whole document
 */
public record RenderedPage(Page page, String html) {
}
