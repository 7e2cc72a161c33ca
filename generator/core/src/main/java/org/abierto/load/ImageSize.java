package org.abierto.load;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** The size of a JPEG or PNG image, read from its header without decoding the picture. */
final class ImageSize {
    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png");

    private ImageSize() {
    }

    /** {width, height}, or {0, 0} when the file is not a readable JPEG or PNG. */
    static int[] of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !IMAGES.contains(name.substring(dot + 1))) {
            return new int[] {0, 0};
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new int[] {0, 0};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return new int[] {0, 0};
        }
    }
}
