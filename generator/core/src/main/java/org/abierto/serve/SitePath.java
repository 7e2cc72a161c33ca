package org.abierto.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A requested address checked before it is looked up: anything that could climb out of the site
 * ({@code ..}, their percent-encoded forms, encoded slashes or backslashes, NUL) is refused.
 *
 * @param refused whether the request must be refused (answered 400)
 * @param file    the file's path in the site ({@code es/index.html}), when not refused
 */
record SitePath(boolean refused, String file) {

    static SitePath of(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new SitePath(true, null);
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("%2e")
                || rawPath.contains("\\") || rawPath.contains("//")) {
            return new SitePath(true, null);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new SitePath(true, null);
        }
        for (String segment : decoded.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.indexOf('\0') >= 0) {
                return new SitePath(true, null);
            }
        }
        String file = decoded.substring(1);
        if (file.isEmpty() || file.endsWith("/")) {
            file = file + "index.html";
        }
        return new SitePath(false, file);
    }

    /** The first folder of the address, which names the language on this site's pages ({@code es}). */
    Optional<String> language() {
        int slash = file.indexOf('/');
        return slash > 0 ? Optional.of(file.substring(0, slash)) : Optional.empty();
    }
}
