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

    /** The words of a text's characters, each as it is and with the hash given for it. */
    private static List<String> wordsOfChars(String text, int from, int to) {
        List<String> words = new ArrayList<>();
        char[] chars = text.toCharArray();
        Terms.words(chars, from, to, (start, end, hash) -> {
            String word = new String(chars, start, end - start);
            assertEquals(word.hashCode(), hash, word);
            words.add(word);
        });
        return words;
    }

    private static List<String> wordsOfString(String text) {
        List<String> words = new ArrayList<>();
        Terms.words(text, true, (start, end) -> words.add(text.substring(start, end)));
        return words;
    }

    @Test
    void theWordsOfCharactersAreTheWordsOfTheSameString() {
        String sentence = "¿Diagno\u0301stico? INFO-NL, 2024: León's \uD835\uDC00x.";
        assertEquals(List.of("Diagno\u0301stico", "INFO", "NL", "2024", "León", "s", "\uD835\uDC00x"), wordsOfChars(sentence, 0, sentence.length()));
        assertEquals(List.of("b", "c"), wordsOfChars("ab cd", 1, 4), "only the range is read");
        // Every kind of character, in random texts: letters, digits, marks, spaces, punctuation, other
        // scripts, surrogate pairs and lone surrogates.
        String alphabet = "aZ09 .,-'\u00e9\u00f1\u00a0\u0301\u0308\u2003\u00bf\u00b2\u00bd\u0660\u4e2d\u2160\u00aa\u02b0\uD835\uDC00\uD835\uDFCE\uD800\uDC00";
        var random = new java.util.Random(18);
        for (int n = 0; n < 5_000; n++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertEquals(wordsOfString(t), wordsOfChars(t, 0, t.length()), t);
            int from = t.isEmpty() ? 0 : random.nextInt(t.length());
            String part = t.substring(from);
            assertEquals(wordsOfString(part), wordsOfChars(t, from, t.length()), part);
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
