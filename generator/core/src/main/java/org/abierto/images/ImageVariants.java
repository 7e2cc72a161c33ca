package org.abierto.images;

import net.coobird.thumbnailator.Thumbnails;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.StaticFile;
import org.abierto.model.Edition;
import org.abierto.model.Figure;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The smaller copies of each figure's image that {@code srcset} offers to phones (Thumbnailator, with
 * its quality resampling).
 */
public final class ImageVariants {
    /**
     * The most pixels of an image resized for phones: decoding takes 4 bytes a pixel, so a photograph
     * of 40 megapixels (7,700 × 5,200, more than the web needs) takes 160 MB of memory while it is resized.
     */
    public static final long MAX_PIXELS = 40_000_000L;

    /** How a copy is made: {@link #resize}, or, in the live preview, the copy made before of the same file. */
    @FunctionalInterface
    public interface Resizing {
        /**
         * @param original the image's file
         * @param width    the copy's width in pixels
         * @param path     the copy's path in the site (its extension gives its format)
         */
        byte[] resize(Path original, int width, String path) throws IOException;
    }

    /**
     * Every copy the site's figures need, except the originals, which are published as they are. An
     * image too large or too damaged to resize is reported at its file, and its copies left out.
     */
    public List<OutputFile.Generated> files(Site site, Diagnostics diagnostics) {
        return files(site, diagnostics, ImageVariants::resize);
    }

    /** As {@link #files(Site, Diagnostics)}, each copy made by {@code resizing}. */
    public List<OutputFile.Generated> files(Site site, Diagnostics diagnostics, Resizing resizing) {
        Map<String, StaticFile> sources = new TreeMap<>();
        site.staticFiles().forEach(f -> sources.put(f.target(), f));
        Map<String, Figure.Variant> wanted = new TreeMap<>();
        Map<String, String> originals = new TreeMap<>();
        for (Edition edition : site.editions().values()) {
            for (Figure figure : edition.figures().values()) {
                for (Figure.Variant variant : figure.variants()) {
                    if (!variant.path().equals(figure.image())) {
                        wanted.put(variant.path(), variant);
                        originals.put(variant.path(), figure.image());
                    }
                }
            }
        }
        Map<String, byte[]> made = new ConcurrentHashMap<>();
        Map<Path, String> refused = new ConcurrentHashMap<>();
        for (String image : new java.util.TreeSet<>(originals.values())) {
            StaticFile original = sources.get(image);
            if ((long) original.width() * original.height() > MAX_PIXELS) {
                refused.put(original.path(), String.format(Locale.ROOT, "the image is %,d × %,d pixels, more than the %d "
                        + "megapixels Abierto resizes for small screens (see content/README.md, 'Limits'); save it smaller, "
                        + "e.g. 4,000 pixels wide", original.width(), original.height(), MAX_PIXELS / 1_000_000));
            }
        }
        wanted.values().parallelStream().forEach(v -> {
            Path original = sources.get(originals.get(v.path())).path();
            if (!refused.containsKey(original)) {
                try {
                    made.put(v.path(), resizing.resize(original, v.width(), v.path()));
                } catch (IOException | RuntimeException e) {
                    refused.putIfAbsent(original, "this image cannot be resized for small screens (" + (e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage()) + "); it may be damaged: export it again as JPEG or PNG");
                }
            }
        });
        refused.forEach((file, why) -> diagnostics.error(file, 1, 1, "image-unusable", why));
        List<OutputFile.Generated> files = new ArrayList<>();
        wanted.forEach((p, v) -> {
            if (!refused.containsKey(sources.get(originals.get(p)).path())) {
                files.add(new OutputFile.Generated(p, made.get(p)));
            }
        });
        return files;
    }

    /** Makes a copy of an image {@code width} pixels wide. */
    public static byte[] resize(Path original, int width, String path) throws IOException {
        String format = path.toLowerCase(Locale.ROOT).endsWith(".png") ? "png" : "jpg";
        var out = new ByteArrayOutputStream();
        Thumbnails.of(original.toFile()).width(width).outputFormat(format).outputQuality(0.82).toOutputStream(out);
        return out.toByteArray();
    }
}
