package org.abierto.check;

import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ElementPositionTest {
    private static Page page(Path source, String outputPath) {
        return new Page(source, "es", "", PageKind.LANDING, "/", outputPath, "T", "T", "", "landing", List.of(), List.of(), Map.of(),
                List.of(), List.of(), null, null, List.of(), null, false);
    }

    private static SourcePosition at(Page page, String html) {
        return ElementPosition.of(page, Jsoup.parseBodyFragment(html).body().child(0));
    }

    @Test
    void anElementFromMarkdownIsAtItsLineAndColumn() {
        Page page = page(Path.of("content/es/pagina.md"), "es/pagina/index.html");
        assertEquals(new SourcePosition(Path.of("content/es/pagina.md"), 3, 5), at(page, "<p data-src=\"3:5\">x</p>"));
        assertEquals(new SourcePosition(Path.of("content/es/pagina.md"), 4, 1), at(page, "<div data-src-html=\"4:1\">x</div>"));
    }

    @Test
    void anElementFromTheTemplateIsAtThePagesFile() {
        Page page = page(Path.of("content/es/pagina.md"), "es/pagina/index.html");
        assertEquals(SourcePosition.of(Path.of("content/es/pagina.md")), at(page, "<p>x</p>"));
        // Raw HTML may carry the attribute written by hand: only a position is read as one.
        assertEquals(SourcePosition.of(Path.of("content/es/pagina.md")), at(page, "<p data-src=\"mapa.png\">x</p>"));
    }

    @Test
    void aPageWithoutAFileIsAtItsOutputPath() {
        // The root page that joins the editions is made by the generator, from no file of content/.
        assertEquals(SourcePosition.of(Path.of("index.html")), at(page(null, "index.html"), "<p data-src=\"3:5\">x</p>"));
    }
}
