package org.abierto.pdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lengths of a chart's drawing, in device units (here 2 per pixel, an em of 10 and a width of 400). */
class ChartDrawingTest {
    static final double EM = 10;
    static final double WIDTH = 400;
    static final double DOTS_PER_PIXEL = 2;
    static final double OTHERWISE = -1;

    private static double length(String value) {
        return ChartDrawing.length(value, EM, WIDTH, DOTS_PER_PIXEL, OTHERWISE);
    }

    @Test
    void emPercentAndPixels() {
        assertEquals(15, length("1.5em"));
        assertEquals(160, length("40%"), "a percentage of the width given");
        assertEquals(24, length("12px"));
        assertEquals(24, length("12"), "a bare number is pixels");
        assertEquals(-3, length("-0.3em"));
        assertEquals(30, length(" 3em "), "spaces around are ignored");
    }

    @Test
    void whatIsNoLengthIsTheDefault() {
        for (String value : new String[] {null, "", "   ", "em", "%", "px", "ancho", "1,5em", "12pt", "3emx"}) {
            assertEquals(OTHERWISE, length(value), String.valueOf(value));
        }
    }
}
