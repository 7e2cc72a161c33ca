package org.abierto.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * How text becomes search terms, in a language: folded (lower case, accents and other marks removed:
 * "Diagnóstico" → "diagnostico"), cut into words (runs of letters and digits), stop words dropped, and
 * each word stemmed ({@link #stem}). The browser does the same to what a reader types:
 * {@code templates/assets/search.js} mirrors these rules, and a browser test compares both on every
 * word of the report and on {@code stems.tsv}.
 */
public final class Terms {
    /** Words too common to find anything: not indexed, but they keep their place in a phrase. */
    private static final Set<String> SPANISH_STOP = Set.of("al", "con", "de", "del", "el", "en", "es", "la", "las", "le",
            "les", "lo", "los", "para", "por", "que", "se", "su", "sus", "un", "una", "unas", "unos");
    private static final Set<String> ENGLISH_STOP = Set.of("an", "and", "are", "as", "at", "be", "by", "for", "from", "has",
            "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with");
    /** Folded forms of U+0000–U+024F (Latin, Latin-1 and Latin Extended): the common case, without Normalizer. */
    private static final String[] FOLDED = new String[0x250];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = slowFold(String.valueOf(c));
        }
    }

    private final String language;

    private Terms(String language) {
        this.language = language;
    }

    /** The rules of a language: Spanish and English stem; any other language is only folded. */
    public static Terms of(String language) {
        return new Terms(language);
    }

    /** Lower case, then every mark removed after canonical decomposition (NFD): "Ñandú" → "nandu". */
    public static String fold(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FOLDED.length || Character.isSurrogate(c)) {
                return slowFold(text);
            }
            String folded = FOLDED[c];
            if (out == null) {
                if (folded.length() == 1 && folded.charAt(0) == c) {
                    continue;
                }
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            out.append(folded);
        }
        return out == null ? text : out.toString();
    }

    private static String slowFold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        var out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !isMark(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whether a code point belongs to a word: a letter or a number (Unicode's L and N). */
    static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * The words of a text, in order, each handed to {@code word} as [start, end) of {@code text}. In a
     * folded text, a word is a run of letters and numbers; with {@code marks}, in a text not folded yet,
     * marks belong to words too ("Diagno\u0301stico" is one word, which folding makes "diagnostico").
     */
    static void words(String text, boolean marks, WordConsumer word) {
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWordChar(cp) || (marks && cp >= 128 && isMark(cp))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                word.accept(start, i);
                start = -1;
            }
            i = next;
        }
        if (start >= 0) {
            word.accept(start, text.length());
        }
    }

    /**
     * The words of {@code text[from, to)}, not folded yet, as {@link #words(String, boolean, WordConsumer)}
     * with marks finds them in the same characters as a string, each with its {@link String#hashCode}: the
     * indexer meets every word of every page, and looks it up by that hash without making it a string.
     */
    static void words(char[] text, int from, int to, HashedWordConsumer word) {
        int start = -1;
        int hash = 0;
        for (int i = from; i < to; ) {
            char c = text[i];
            int cp;
            int next;
            if (c < 128) { // the common case: no code point to make, no Unicode tables to read
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                    if (start < 0) {
                        start = i;
                        hash = 0;
                    }
                    hash = 31 * hash + c;
                } else if (start >= 0) {
                    word.accept(start, i, hash);
                    start = -1;
                }
                i++;
                continue;
            }
            cp = Character.codePointAt(text, i, to);
            next = i + Character.charCount(cp);
            if (isWordChar(cp) || isMark(cp)) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                for (int k = i; k < next; k++) {
                    hash = 31 * hash + text[k];
                }
            } else if (start >= 0) {
                word.accept(start, i, hash);
                start = -1;
            }
            i = next;
        }
        if (start >= 0) {
            word.accept(start, to, hash);
        }
    }

    /** A word of a text, as its bounds and the hash of its characters. */
    @FunctionalInterface
    interface HashedWordConsumer {
        void accept(int start, int end, int hash);
    }

    /** Whether a text is one word of a–z and 0–9 only, which {@link #words} would give back whole. */
    static boolean isPlainWord(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** A word of a text, as its bounds. */
    @FunctionalInterface
    interface WordConsumer {
        void accept(int start, int end);
    }

    /**
     * Whether a folded word is left out of the index: a single letter (an article, a conjunction, the
     * "s" of "León's"), or a stop word of the language. Numbers are always kept ("fase 2").
     */
    public boolean isStopWord(String word) {
        if (word.length() == 1) {
            return !Character.isDigit(word.charAt(0));
        }
        return switch (language) {
            case "es" -> SPANISH_STOP.contains(word);
            case "en" -> ENGLISH_STOP.contains(word);
            default -> false;
        };
    }

    /** The stop words of this language, in order (single letters are stop words in every language). */
    public java.util.List<String> stopWords() {
        Set<String> words = switch (language) {
            case "es" -> SPANISH_STOP;
            case "en" -> ENGLISH_STOP;
            default -> Set.of();
        };
        return words.stream().sorted().toList();
    }

    /** The stem of a folded word in this language (the word itself in languages without a stemmer). */
    public String stem(String word) {
        return switch (language) {
            case "es" -> spanish(word);
            case "en" -> english(word);
            default -> word;
        };
    }

    /**
     * A light Spanish stemmer, after Savoy's: plural and gender endings only, no verb forms. "talleres"
     * and "taller" → "taller", "capacitaciones" → "capacitacion", "públicas" → "public"; a final "z" is
     * written "c", as its plural writes it: "luz" and "luces" → "luc", "avance" and "avances" → "avanc".
     * An ending comes off only when at least 3 letters remain ("tres", "mes" stay).
     */
    static String spanish(String w) {
        int n = w.length();
        if (n >= 5 && (w.endsWith("os") || w.endsWith("as") || w.endsWith("es"))) {
            return w.substring(0, n - 2);
        }
        if (n >= 4 && (w.endsWith("o") || w.endsWith("a") || w.endsWith("e"))) {
            return w.substring(0, n - 1);
        }
        if (n >= 3 && w.endsWith("z")) {
            return w.substring(0, n - 1) + "c";
        }
        return w;
    }

    /**
     * A light English stemmer (plurals only): "trainings" → "training", "copies" → "copy",
     * "processes" → "process", "approaches" → "approach"; "status", "analysis" and "class" are left alone.
     */
    static String english(String w) {
        int n = w.length();
        if (n >= 5 && w.endsWith("ies") && w.charAt(n - 4) != 'a' && w.charAt(n - 4) != 'e') {
            return w.substring(0, n - 3) + "y";
        }
        if (n >= 5 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zzes"))) {
            return w.substring(0, n - 2);
        }
        if (n >= 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** The terms of a text, as the reader's query is turned into terms: folded, stop words out, stemmed. */
    public java.util.List<String> termsOf(String text) {
        String folded = fold(text);
        var terms = new java.util.ArrayList<String>();
        words(folded, false, (start, end) -> {
            String word = folded.substring(start, end);
            if (!isStopWord(word)) {
                terms.add(stem(word));
            }
        });
        return terms;
    }
}
