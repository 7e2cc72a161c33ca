package org.abierto.model;

import java.text.Normalizer;
import java.util.Locale;

/** Turns text into an address part or anchor: "Diagnóstico y Cocreación" → {@code diagnostico-y-cocreacion}. */
public final class Slug {
    private Slug() {
    }

    /** Folds accents, lower-cases, and joins the remaining letters and digits with single hyphens. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT)
                .replace('ß', 's')
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /** Whether {@code text} is already a valid slug (lower-case ASCII letters, digits, inner hyphens). */
    public static boolean isValid(String text) {
        return text.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
