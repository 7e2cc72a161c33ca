package org.abierto.model;

import org.abierto.diagnostic.SourcePosition;

import java.util.Map;

/** A piece of a page body: HTML converted from Markdown, or a directive placing data at that spot. */
public sealed interface BodyPart {

    /** HTML converted from Markdown (already through the safelist of what editors may write as HTML). */
    record Html(String html) implements BodyPart {
    }

    /**
     * A directive line such as {@code ::table{data=ejemplares}}.
     *
     * @param name the directive, which is also the template {@code directives/NAME.ftlh}
     * @param args its attributes, in written order
     * @param at   where the directive is written
     */
    record Directive(String name, Map<String, String> args, SourcePosition at) implements BodyPart {
        public Directive {
            args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        }
    }
}
