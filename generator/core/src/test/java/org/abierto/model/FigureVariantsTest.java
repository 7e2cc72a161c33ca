package org.abierto.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The smaller copies of a figure and its {@code srcset}: only copies narrower than the original, then the original. */
class FigureVariantsTest {
    @Test
    void aWideImageGetsEveryNarrowerCopyThenItself() {
        assertEquals(List.of(new Figure.Variant("figuras/reunion.480w.jpg", 480), new Figure.Variant("figuras/reunion.800w.jpg", 800),
                        new Figure.Variant("figuras/reunion.1200w.jpg", 1200), new Figure.Variant("figuras/reunion.jpg", 2000)),
                Figure.variantsOf("figuras/reunion.jpg", 2000));
    }

    @Test
    void noCopyAsWideAsTheOriginal() {
        assertEquals(List.of(new Figure.Variant("a.b/foto.480w.png", 480), new Figure.Variant("a.b/foto.png", 800)),
                Figure.variantsOf("a.b/foto.png", 800));
        assertEquals(List.of(new Figure.Variant("foto.png", 480)), Figure.variantsOf("foto.png", 480));
        assertEquals(List.of(new Figure.Variant("foto.png", 300)), Figure.variantsOf("foto.png", 300));
    }

    @Test
    void theSrcsetNamesEachCopyFromTheSiteRootWithItsWidth() {
        var figure = new Figure("reunion", "figuras/reunion.jpg", "Una reunión", "La reunión", null, null, 800, 600,
                Figure.variantsOf("figuras/reunion.jpg", 800));
        assertEquals("/figuras/reunion.480w.jpg 480w, /figuras/reunion.jpg 800w", figure.srcset());
        assertTrue(figure.available());
    }

    @Test
    void aFigureWhoseFileIsMissingCannotBeShown() {
        var figure = new Figure("reunion", null, "Una reunión", "La reunión", null, null, 0, 0, List.of());
        assertFalse(figure.available());
        assertEquals("", figure.srcset());
    }
}
