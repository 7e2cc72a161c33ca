package org.abierto.check;

import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.Page;
import org.abierto.parse.Markdown;
import org.jsoup.nodes.Element;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Where an element of a rendered page was written: the Markdown line that made it, or the page's file. */
final class ElementPosition {
    private ElementPosition() {
    }

    /** The Markdown position an element came from, or the page's file when a template made it. */
    static SourcePosition of(Page page, Element e) {
        Path file = page.source();
        for (String attribute : List.of(Markdown.SOURCE_ATTRIBUTE, Markdown.RAW_SOURCE_ATTRIBUTE)) {
            // Raw HTML may carry such an attribute written by hand: only a position is read as one.
            var written = POSITION.matcher(e.attr(attribute));
            if (file != null && written.matches()) {
                return new SourcePosition(file, Integer.parseInt(written.group(1)), Integer.parseInt(written.group(2)));
            }
        }
        return file == null ? SourcePosition.of(Path.of(page.outputPath())) : SourcePosition.of(file);
    }

    private static final Pattern POSITION = Pattern.compile("([1-9]\\d{0,8}):([1-9]\\d{0,8})");
}
