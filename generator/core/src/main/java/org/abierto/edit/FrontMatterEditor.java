package org.abierto.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets one top-level key of a page's front matter, leaving every other byte of the file as the
 * editor wrote it (comments, order, quoting, the body).
 */
public final class FrontMatterEditor {

    /** The text with {@code key: value} set in its front matter (replaced if present, else added last). */
    public static String set(String text, String key, String value) {
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException("the page has no front matter");
        }
        Matcher close = Pattern.compile("^(---|\\.\\.\\.)[ \\t]*$", Pattern.MULTILINE).matcher(text);
        if (!close.find(4)) {
            throw new IllegalArgumentException("the front matter is not closed");
        }
        String head = text.substring(4, close.start());
        String line = key + ": " + value;
        Matcher existing = Pattern.compile("^" + Pattern.quote(key) + ":.*$", Pattern.MULTILINE).matcher(head);
        String newHead = existing.find()
                ? head.substring(0, existing.start()) + line + head.substring(existing.end())
                : head + line + "\n";
        return "---\n" + newHead + text.substring(close.start());
    }

    /** Sets the key in a file, replacing the file in one move so an interrupted edit loses nothing. */
    public static void setInFile(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path temporary = Files.createTempFile(file.getParent(), ".abierto-edit-", ".md");
        try {
            Files.writeString(temporary, set(text, key, value), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private FrontMatterEditor() {
    }
}
