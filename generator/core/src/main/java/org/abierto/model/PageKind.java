package org.abierto.model;

/** What a page is in the report's structure; each kind has a default template. */
public enum PageKind {
    /** The root page of the site, above the languages. */
    LANDING("landing"),
    /** A language's home page ({@code es/_index.md}). */
    HOME("home"),
    /** A section's own page ({@code es/ruta-de-trabajo/_index.md}). */
    SECTION("section"),
    /** Any other page. */
    PAGE("page"),
    /** The page a web server shows for an address that does not exist ({@code 404.html}). */
    NOT_FOUND("404");

    private final String defaultLayout;

    PageKind(String defaultLayout) {
        this.defaultLayout = defaultLayout;
    }

    /** The template used when the front matter names none. */
    public String defaultLayout() {
        return defaultLayout;
    }
}
