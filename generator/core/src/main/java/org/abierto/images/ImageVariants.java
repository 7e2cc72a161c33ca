package org.abierto.images;

import net.coobird.thumbnailator.Thumbnails;
import org.abierto.model.Edition;
import org.abierto.model.Figure;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    /** How a copy is made: {@link #resize}, or, in the live preview, the copy made before of the same file. */
    @FunctionalInterface
    public interface Resizing {
        /**
         * @param original the image's file
         * @param width    the copy's width in pixels
         * @param path     the copy's path in the site (its extension gives its format)
         */
        byte[] resize(Path original, int width, String path);
    }

    /** Every copy the site's figures need, except the originals, which are published as they are. */
    public List<OutputFile.Generated> files(Site site) {
        return files(site, ImageVariants::resize);
    }

    /** As {@link #files(Site)}, each copy made by {@code resizing}. */
    public List<OutputFile.Generated> files(Site site, Resizing resizing) {
        Map<String, Path> sources = new TreeMap<>();
        site.staticFiles().forEach(f -> sources.put(f.target(), f.path()));
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
        wanted.values().parallelStream().forEach(v -> made.put(v.path(), resizing.resize(sources.get(originals.get(v.path())), v.width(), v.path())));
        List<OutputFile.Generated> files = new ArrayList<>();
        wanted.keySet().forEach(p -> files.add(new OutputFile.Generated(p, made.get(p))));
        return files;
    }

    /** Makes a copy of an image {@code width} pixels wide. */
    public static byte[] resize(Path original, int width, String path) {
        String format = path.toLowerCase(Locale.ROOT).endsWith(".png") ? "png" : "jpg";
        var out = new ByteArrayOutputStream();
        try {
            Thumbnails.of(original.toFile()).width(width).outputFormat(format).outputQuality(0.82).toOutputStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resize " + original, e);
        }
        return out.toByteArray();
    }
}
