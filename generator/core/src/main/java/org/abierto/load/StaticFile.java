package org.abierto.load;

import java.nio.file.Path;

/**
 * A file copied to the site as it is.
 *
 * @param path   absolute path of the source file
 * @param target path inside the output, with '/' separators (e.g. {@code assets/style.css})
 * @param size   size in bytes
 * @param sha256 the SHA-256 of its bytes (hexadecimal) for theme assets, whose published names carry it; null otherwise
 * @param width  for a JPEG or PNG image, its width in pixels; 0 otherwise
 * @param height for a JPEG or PNG image, its height in pixels; 0 otherwise
 */
public record StaticFile(Path path, String target, long size, String sha256, int width, int height) {

    /** Whether it is an image whose size is known. */
    public boolean isImage() {
        return width > 0 && height > 0;
    }

    /** Whether it is a file of the theme ({@code templates/assets/}), published under a fingerprinted name. */
    public boolean isThemeAsset() {
        return sha256 != null;
    }
}
