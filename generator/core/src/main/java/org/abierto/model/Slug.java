package org.abierto.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns text into an address part or anchor: "Diagnóstico y Cocreación" → {@code diagnostico-y-cocreacion}. */
public final class Slug {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^-+|-+$");
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slug() {
    }

    /** Folds accents, lower-cases, and joins the remaining letters and digits with single hyphens. */
    public static String fold(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String dashed = SEPARATORS.matcher(decomposed.toLowerCase(Locale.ROOT).replace('ß', 's')).replaceAll("-");
        return EDGES.matcher(dashed).replaceAll("");
    }

    /** Whether {@code text} is already a valid slug (lower-case ASCII letters, digits, inner hyphens). */
    public static boolean isValid(String text) {
        return VALID.matcher(text).matches();
    }
}
