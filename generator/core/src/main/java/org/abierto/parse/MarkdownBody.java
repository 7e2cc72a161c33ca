package org.abierto.parse;

import org.abierto.model.BodyPart;
import org.abierto.model.Heading;

import java.util.List;

/**
 * A page body converted from Markdown.
 *
 * @param parts   HTML and directives, in order
 * @param outline the headings, in order
 */
public record MarkdownBody(List<BodyPart> parts, List<Heading> outline) {
    public MarkdownBody {
        parts = List.copyOf(parts);
        outline = List.copyOf(outline);
    }
}
