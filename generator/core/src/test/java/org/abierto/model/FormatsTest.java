package org.abierto.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {
    final Formats spanish = new Formats(Locale.forLanguageTag("es-MX"), "MMMM 'de' y");
    final Formats english = new Formats(Locale.forLanguageTag("en-US"), "MMMM y");
    final Formats spain = new Formats(Locale.forLanguageTag("es-ES"), "MMMM 'de' y");

    @Test
    void datesAreWrittenOutPerLanguage() {
        assertEquals("28 de febrero de 2024", spanish.date("2024-02-28"));
        assertEquals("February 28, 2024", english.date("2024-02-28"));
        assertEquals("julio de 2024", spanish.date("2024-07"));
        assertEquals("July 2024", english.date("2024-07"));
    }

    @Test
    void noDateIsWrittenAsNothing() {
        assertEquals("", spanish.date(null));
    }

    @Test
    void numbersUseTheLanguagesSeparators() {
        assertEquals("1,160", spanish.number(1160L));
        assertEquals("1,160", english.number(1160L));
        assertEquals("3.5", spanish.number(new BigDecimal("3.5")));
        assertEquals("1.234,5", spain.number(new BigDecimal("1234.5")));
    }

    @Test
    void wholeNumbersOfAnyIntegerTypeAndDecimalsToSixPlaces() {
        assertEquals("1.160", spain.number(1160));
        assertEquals("2,5", spain.number(2.5d));
        assertEquals("0,123457", spain.number(0.1234567d));
        assertEquals("0.123457", english.number(new BigDecimal("0.1234567")));
    }

    @Test
    void anythingElseIsWrittenAsItIsAndNothingAsNothing() {
        assertEquals("sin dato", spanish.number("sin dato"));
        assertEquals("1.5", spain.number(1.5f)); // a float is no type of the data: written as Java writes it
        assertEquals("", spanish.number(null));
    }

    @Test
    void sizesInDecimalUnitsWithTheLanguagesSeparators() {
        assertEquals("0 B", spain.size(0));
        assertEquals("999 B", spain.size(999));
        assertEquals("1 KB", spain.size(1000));
        assertEquals("1,5 KB", spain.size(1500));
        assertEquals("12 KB", english.size(12_040));
        assertEquals("99.5 KB", english.size(99_499));
        assertEquals("123 KB", english.size(123_456), "from 100 on, no decimals");
        assertEquals("1.2 MB", english.size(1_234_567));
        assertEquals("3 GB", english.size(3_000_000_000L));
        assertEquals("2.5 TB", english.size(2_500_000_000_000L));
    }

    @Test
    void aSizeThatRoundsToAThousandIsOneOfTheNextUnit() {
        assertEquals("999 KB", english.size(999_499));
        assertEquals("1 MB", english.size(999_500));
        assertEquals("1 MB", english.size(999_999));
        assertEquals("1 GB", spain.size(999_999_999));
    }

    @Test
    void terabytesAreTheLargestUnit() {
        assertEquals("4,000 TB", english.size(4_000_000_000_000_000L));
    }

    @Test
    void recognisesDatesAndMonths() {
        assertTrue(Formats.isDate("2024-02-28"));
        assertTrue(Formats.isDate("2023-12"));
        assertFalse(Formats.isDate("2024-02-30"));
        assertFalse(Formats.isDate("2024-13"));
        assertFalse(Formats.isDate("julio 2024"));
        assertFalse(Formats.isDate("2024-2-28"));
    }

    @Test
    void equalWhenTheirLocaleAndMonthPatternAre() {
        assertEquals(new Formats(Locale.forLanguageTag("es-MX"), "MMMM 'de' y"), spanish);
        assertEquals(new Formats(Locale.forLanguageTag("es-MX"), "MMMM 'de' y").hashCode(), spanish.hashCode());
        assertNotEquals(spain, spanish);
        assertNotEquals(new Formats(Locale.forLanguageTag("es-MX"), "MMMM y"), spanish);
        assertNotEquals(spanish, "es-MX");
    }

    @Test
    void givesItsLocaleToTemplates() {
        assertEquals(Locale.forLanguageTag("es-MX"), spanish.locale());
    }
}
