package org.abierto.model;

/**
 * A photograph or illustration of the report, in one language.
 *
 * @param id         its key in {@code data/figuras.yaml}
 * @param image      the image's path in the site ({@code figuras/reunion.jpg}), or null while the file is missing
 * @param alt        what the image shows, for people who cannot see it ("" for a decorative image), or null
 * @param caption    its caption
 * @param source     who took or published it ("Coalición Nuevo León Abierto"), or null
 * @param sourceLang the language of {@code source} when it is a name in another language, or null
 */
public record Figure(String id, String image, String alt, String caption, String source, String sourceLang) {

    /** Whether the figure can be shown: its image file exists. */
    public boolean available() {
        return image != null;
    }
}
