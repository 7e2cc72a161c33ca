package org.abierto.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The fingerprint of what a translator translates — a page's title, description and body — so a
 * translation can record which version of its original it follows. Twelve hexadecimal digits of
 * SHA-256, insensitive to line endings and trailing spaces.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String title, String description, String body) {
        String text = (title == null ? "" : title) + "\n" + (description == null ? "" : description) + "\n\n" + body;
        String normalized = text.replace("\r\n", "\n").lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n")).strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
