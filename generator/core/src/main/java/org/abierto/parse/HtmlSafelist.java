package org.abierto.parse;

import java.util.List;

/**
 * The one allowlist for everything editors write that becomes HTML: raw HTML in Markdown,
 * attributes in braces ({@code ## Título {#id .class}}) and the parameters of directives.
 * Event handlers, styles, and {@code javascript:}, {@code vbscript:} and {@code data:} addresses
 * never pass, however they are written. Implemented with an HTML parser outside this package.
 */
public interface HtmlSafelist {

    /**
     * One thing the allowlist removes.
     *
     * @param what      for the editor, e.g. {@code "the <script> element"} or {@code "the onclick attribute of <span>"}
     * @param attribute the attribute's name, or null when a whole element is removed
     * @param mark      the element's {@link Markdown#ATTRIBUTES_SOURCE} (where its attributes in braces were
     *                  written), or null
     */
    record Removal(String what, String attribute, String mark) {
    }

    /** What the allowlist would remove from an HTML fragment, in document order. */
    List<Removal> removals(String html);

    /**
     * A fragment through the allowlist: what it removes, as {@link #removals}, and the fragment with
     * everything outside the allowlist removed.
     */
    record Cleaned(List<Removal> removals, String html) {
        public Cleaned {
            removals = List.copyOf(removals);
        }
    }

    /** The fragment cleaned, and what that removed: one parse for both. */
    Cleaned cleaned(String html);

    /**
     * Why a directive parameter may not reach a template, e.g. {@code "an event handler"} or
     * {@code "a javascript: address"}, or null when it may.
     */
    String unsafeParameter(String name, String value);
}
