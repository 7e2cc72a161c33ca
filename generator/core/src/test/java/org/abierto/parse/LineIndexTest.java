package org.abierto.parse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineIndexTest {

    @Test
    void everyOffsetHasItsLineAndColumn() {
        String text = "ab\n\nçd\ne";
        var lines = new LineIndex(text);
        int[][] expected = {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {3, 1}, {3, 2}, {3, 3}, {4, 1}, {4, 2}};
        for (int offset = 0; offset <= text.length(); offset++) {
            assertEquals(expected[offset][0], lines.line(offset), "line of " + offset);
            assertEquals(expected[offset][1], lines.column(offset), "column of " + offset);
        }
    }

    @Test
    void manyLinesAndALastOneEnded() {
        String text = "x\n".repeat(40);
        var lines = new LineIndex(text);
        assertEquals(1, lines.line(0));
        assertEquals(21, lines.line(40));
        assertEquals(40, lines.line(79));
        assertEquals(2, lines.column(79));
        assertEquals(41, lines.line(80));
        assertEquals(1, lines.column(80));
    }

    @Test
    void aTextThatStartsWithANewlineStartsWithAnEmptyLine() {
        var lines = new LineIndex("\nx");
        assertEquals(1, lines.line(0));
        assertEquals(2, lines.line(1));
        assertEquals(1, lines.column(1));
    }

    @Test
    void aTextWithoutNewlinesIsOneLine() {
        var lines = new LineIndex("sin salto");
        assertEquals(1, lines.line(8));
        assertEquals(9, lines.column(8));
    }
}
