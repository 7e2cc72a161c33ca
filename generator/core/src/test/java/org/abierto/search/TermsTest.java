package org.abierto.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermsTest {

    /** language, text, terms: the table the browser's script is held to as well. */
    static List<String[]> cases() throws IOException {
        try (InputStream in = TermsTest.class.getResourceAsStream("stems.tsv")) {
            List<String[]> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(line.split("\t", -1));
                }
            }
            return cases;
        }
    }

    @Test
    void everyTextOfTheTableGivesItsTerms() throws IOException {
        List<String[]> cases = cases();
        assertTrue(cases.size() > 40, "stems.tsv moved or lost its rows: " + cases.size());
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases) {
            String terms = String.join(" ", Terms.of(c[0]).termsOf(c[1]));
            if (!terms.equals(c[2])) {
                wrong.add(c[0] + " '" + c[1] + "': '" + terms + "', expected '" + c[2] + "'");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPlainWordIsOneWordOfLowerCaseLettersAndDigitsThatWordsGivesBackWhole() {
        for (String plain : List.of("diagnostico", "2024", "fase2", "z")) {
            assertTrue(Terms.isPlainWord(plain), plain);
            List<String> found = new ArrayList<>();
            Terms.words(plain, false, (start, end) -> found.add(plain.substring(start, end)));
            assertEquals(List.of(plain), found);
        }
        for (String other : List.of("", "info nl", "a-b", "nandu\u0301", "Leon", "ñandu", "año", "x_y", "{")) {
            assertFalse(Terms.isPlainWord(other), other);
        }
    }

    @Test
    void foldingRemovesCaseAndAccentsAndNothingElse() {
        assertEquals("diagnostico", Terms.fold("Diagnóstico"));
        assertEquals("nandu pinguino cafe", Terms.fold("Ñandú pingüino CAFÉ"));
        assertEquals("diagnostico", Terms.fold("Diagno\u0301stico")); // already decomposed
        assertEquals("2022–2024 «x»", Terms.fold("2022–2024 «X»"));
        assertEquals("ελληνικα", Terms.fold("ΕΛΛΗΝΙΚΆ")); // beyond Latin: the slow path, same rules
    }

    @Test
    void theFastFoldingTableAgreesWithNormalizerOnEveryLatinLetter() {
        for (char c = 0; c < 0x250; c++) {
            String text = "a" + c + "b";
            String expected = java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "");
            assertEquals(expected, Terms.fold(text), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void aLanguageWithoutAStemmerIsOnlyFolded() {
        assertEquals(List.of("talleres", "rapido", "a"), List.of("talleres", "rapido", "a").stream()
                .map(Terms.of("fr")::stem).toList());
        assertEquals(List.of("talleres", "rapido"), Terms.of("fr").termsOf("Talleres rápido a"));
    }

    @Test
    void stopWordsAreListedInOrderForTheScript() {
        List<String> spanish = Terms.of("es").stopWords();
        assertTrue(spanish.contains("de") && spanish.contains("la"));
        assertEquals(spanish.stream().sorted().toList(), spanish);
        assertEquals(List.of(), Terms.of("fr").stopWords());
    }
}
