package org.abierto.model;

/**
 * A reference to a page, for navigation: enough to link to it.
 *
 * @param url       the page's address from the site root, ending in '/' ({@code /es/ruta-de-trabajo/})
 * @param title     its title
 * @param linkTitle its short title for menus (the title when none is set)
 * @param language  its language code
 * @param key       its translation key
 * @param description its one-sentence description, or null
 */
public record PageRef(String url, String title, String linkTitle, String language, String key, String description) {
}
