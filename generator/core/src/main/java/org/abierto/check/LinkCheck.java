package org.abierto.check;

import org.abierto.diagnostic.SourcePosition;

/**
 * A link found in a page, checked once every page's anchors are known.
 *
 * @param at       where the link is written (the Markdown line, or the page when a template made it)
 * @param written  the address as written
 * @param target   the site path it leads to ({@code /es/anexo/index.html})
 * @param fragment the anchor after '#', or null
 */
public record LinkCheck(SourcePosition at, String written, String target, String fragment) {
}
