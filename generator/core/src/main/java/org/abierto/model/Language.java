package org.abierto.model;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A language the report is published in.
 *
 * @param code      the folder and URL prefix ({@code es})
 * @param tag       the BCP 47 tag used for formatting and {@code lang} attributes ({@code es-MX})
 * @param name      the language's own name, shown in the switcher ({@code Español})
 * @param isDefault whether it is the original language (the first in {@code site.yaml})
 */
public record Language(String code, String tag, String name, boolean isDefault) {
    // Asked once per page of every build; parsing the tag each time showed in the live preview's profile.
    private static final Map<String, Locale> LOCALES = new ConcurrentHashMap<>();

    /** The locale for numbers and dates. */
    public Locale locale() {
        return LOCALES.computeIfAbsent(tag, Locale::forLanguageTag);
    }
}
