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

    @Test
    void aListEndsAfterItsCountAndThatManyNumbers() {
        var text = new StringBuilder();
        Numbers.write(text, 3); // a list of three: one short, one long, one of three digits
        Numbers.write(text, 5);
        Numbers.write(text, 1_000_000);
        Numbers.write(text, 1024);
        int first = text.length();
        Numbers.write(text, 0); // an empty list
        int second = text.length();
        Numbers.write(text, 40); // a count of two digits
        for (int i = 0; i < 40; i++) {
            Numbers.write(text, i * 100);
        }
        String lists = "x" + text; // from any place in a text
        assertEquals(1 + first, Numbers.listEnd(lists, 1));
        assertEquals(1 + second, Numbers.listEnd(lists, 1 + first));
        assertEquals(lists.length(), Numbers.listEnd(lists, 1 + second));
        assertThrows(IllegalArgumentException.class, () -> Numbers.listEnd(lists.substring(0, lists.length() - 1), 1 + second),
                "a list cut short");
        assertThrows(IllegalArgumentException.class, () -> Numbers.listEnd("1\"", 0), "not a symbol");
        assertThrows(IllegalArgumentException.class, () -> Numbers.listEnd("1é", 0));
    }
}
