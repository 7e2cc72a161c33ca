package org.abierto.model;

import java.util.List;

/**
 * A photograph or illustration of the report, in one language.
 *
 * @param id         its key in {@code data/figuras.yaml}
 * @param image      the image's path in the site ({@code figuras/reunion.jpg}), or null while the file is missing
 * @param alt        what the image shows, for people who cannot see it ("" for a decorative image), or null
 * @param caption    its caption
 * @param source     who took or published it ("Coalición Nuevo León Abierto"), or null
 * @param sourceLang the language of {@code source} when it is a name in another language, or null
 * @param width      the image's width in pixels (0 when unknown)
 * @param height     the image's height in pixels (0 when unknown)
 * @param variants   smaller copies for {@code srcset}, narrowest first, then the original
 */
public record Figure(String id, String image, String alt, String caption, String source, String sourceLang,
                     int width, int height, List<Variant> variants) {

    /** Widths of the smaller copies made of each figure, for phones and small windows. */
    public static final List<Integer> VARIANT_WIDTHS = List.of(480, 800, 1200);

    public Figure {
        variants = List.copyOf(variants);
    }

    /** Whether the figure can be shown: its image file exists. */
    public boolean available() {
        return image != null;
    }

    /** The {@code srcset} attribute: each copy with its width ({@code /figuras/a.480w.jpg 480w, …}). */
    public String srcset() {
        return String.join(", ", variants.stream().map(v -> "/" + v.path() + " " + v.width() + "w").toList());
    }

    /**
     * One copy of the image.
     *
     * @param path  its path in the site
     * @param width its width in pixels
     */
    public record Variant(String path, int width) {
    }

    /** The copies to make of an image of this width: the widths below it, and the original itself. */
    public static List<Variant> variantsOf(String image, int width) {
        List<Variant> variants = new java.util.ArrayList<>();
        int dot = image.lastIndexOf('.');
        for (int w : VARIANT_WIDTHS) {
            if (w < width) {
                variants.add(new Variant(image.substring(0, dot) + "." + w + "w" + image.substring(dot), w));
            }
        }
        variants.add(new Variant(image, width));
        return variants;
    }
}
