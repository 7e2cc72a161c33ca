package org.abierto.parse;

import java.util.List;

/**
 * Keeps raw HTML written in Markdown safe: no scripts, styles, event handlers or
 * {@code javascript:} addresses. Implemented with an HTML parser outside this package.
 */
public interface RawHtmlFilter {

    /**
     * Describes what {@link #clean} would remove from one raw HTML snippet, e.g.
     * {@code "the <script> element"} or {@code "the onclick attribute of <span>"}.
     */
    List<String> removals(String snippet);

    /** The HTML fragment with everything unsafe removed. */
    String clean(String html);
}
