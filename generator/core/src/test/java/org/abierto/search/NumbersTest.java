package org.abierto.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NumbersTest {

    @Test
    void numbersReadBackAsWritten() {
        int[] numbers = {0, 1, 31, 32, 1023, 1024, 32767, 32768, 1_000_000, Integer.MAX_VALUE};
        var text = new StringBuilder();
        for (int n : numbers) {
            Numbers.write(text, n);
        }
        assertArrayEquals(numbers, Numbers.read(text));
    }

    @Test
    void smallNumbersTakeOneCharacterAndNothingNeedsEscaping() {
        var text = new StringBuilder();
        Numbers.write(text, 31);
        assertEquals(1, text.length());
        Numbers.write(text, 1023);
        assertEquals(3, text.length());
        assertEquals(64, Numbers.ALPHABET.chars().distinct().count());
        assertEquals(-1, Numbers.ALPHABET.indexOf('"'));
        assertEquals(-1, Numbers.ALPHABET.indexOf('\\'));
        assertThrows(IllegalArgumentException.class, () -> Numbers.write(new StringBuilder(), -1));
    }
}
