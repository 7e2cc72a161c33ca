package org.abierto.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {
    final Formats spanish = new Formats(Locale.forLanguageTag("es-MX"), "MMMM 'de' y");
    final Formats english = new Formats(Locale.forLanguageTag("en-US"), "MMMM y");

    @Test
    void datesAreWrittenOutPerLanguage() {
        assertEquals("28 de febrero de 2024", spanish.date("2024-02-28"));
        assertEquals("February 28, 2024", english.date("2024-02-28"));
        assertEquals("julio de 2024", spanish.date("2024-07"));
        assertEquals("July 2024", english.date("2024-07"));
    }

    @Test
    void numbersUseTheLanguagesSeparators() {
        assertEquals("1,160", spanish.number(1160L));
        assertEquals("1,160", english.number(1160L));
        assertEquals("3.5", spanish.number(new BigDecimal("3.5")));
        assertEquals("1.234,5", new Formats(Locale.forLanguageTag("es-ES"), "MMMM y").number(new BigDecimal("1234.5")));
    }

    @Test
    void recognisesDatesAndMonths() {
        assertTrue(Formats.isDate("2024-02-28"));
        assertTrue(Formats.isDate("2023-12"));
        assertFalse(Formats.isDate("2024-02-30"));
        assertFalse(Formats.isDate("2024-13"));
        assertFalse(Formats.isDate("julio 2024"));
    }
}
