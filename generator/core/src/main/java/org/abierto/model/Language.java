package org.abierto.model;

import java.util.Locale;

/**
 * A language the report is published in.
 *
 * @param code      the folder and URL prefix ({@code es})
 * @param tag       the BCP 47 tag used for formatting and {@code lang} attributes ({@code es-MX})
 * @param name      the language's own name, shown in the switcher ({@code Español})
 * @param isDefault whether it is the original language (the first in {@code site.yaml})
 */
public record Language(String code, String tag, String name, boolean isDefault) {

    /** The locale for numbers and dates. */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }
}
