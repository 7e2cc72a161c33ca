package org.abierto.model;

import java.nio.file.Path;

/**
 * Whether a page of the original language has a current translation in another language.
 *
 * @param key         the translation key shared by the two pages
 * @param original    the page in the original language
 * @param translation the translated page, or null when there is none
 * @param language    the translation's language code
 * @param state       current, stale, unmarked or missing
 * @param fingerprint the original's fingerprint now (what {@code sourceHash} should be)
 * @param recorded    the {@code sourceHash} the translation records, or null
 * @param originalFile    the original's Markdown file
 * @param translationFile the translation's Markdown file, or null
 */
public record TranslationStatus(String key, PageRef original, PageRef translation, String language, State state,
                                String fingerprint, String recorded, Path originalFile, Path translationFile) {

    /** How a translation stands against its original. */
    public enum State {
        /** The translation records the original's current fingerprint. */
        CURRENT,
        /** The original changed since the translation was marked. */
        STALE,
        /** The translation does not record which version it translates. */
        UNMARKED,
        /** There is no translation. */
        MISSING;

        /** The lower-case name, for templates, reports and the i18n keys {@code translationState.<name>}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The state's lower-case name: {@code current}, {@code stale}, {@code unmarked}, {@code missing}. */
    public String stateId() {
        return state.id();
    }
}
