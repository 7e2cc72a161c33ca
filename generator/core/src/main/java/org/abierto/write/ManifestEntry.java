package org.abierto.write;

import org.abierto.json.Json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One file of the build manifest.
 *
 * @param path   its path in the output
 * @param size   its size in bytes
 * @param sha256 its SHA-256, in hexadecimal
 */
public record ManifestEntry(String path, long size, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The manifest as JSON: {@code {"files": [{"path": …, "size": …, "sha256": …}, …]}}. */
    static String json(List<ManifestEntry> entries) {
        return Json.write(Map.of("files", entries));
    }

    /**
     * The entries of a manifest written by {@link #json}, by path.
     *
     * @throws IllegalArgumentException when the text is not such a manifest, saying why: a manifest
     *                                  that any program could have left is no proof that Abierto
     *                                  wrote the folder it sits in
     */
    static Map<String, ManifestEntry> parse(String json) {
        if (!(Json.read(json) instanceof Map<?, ?> root) || !(root.get("files") instanceof List<?> files)) {
            throw new IllegalArgumentException("it has no list of files");
        }
        Map<String, ManifestEntry> entries = new HashMap<>();
        for (Object file : files) {
            if (!(file instanceof Map<?, ?> f) || !(f.get("path") instanceof String path) || !isOutputPath(path)
                    || !(f.get("size") instanceof Number size) || !(size instanceof Integer || size instanceof Long)
                    || size.longValue() < 0 || !(f.get("sha256") instanceof String sha) || !SHA256.matcher(sha).matches()) {
                throw new IllegalArgumentException("entry " + (entries.size() + 1) + " is not a path with its size and SHA-256");
            }
            if (entries.put(path, new ManifestEntry(path, size.longValue(), sha)) != null) {
                throw new IllegalArgumentException("it lists " + path + " twice");
            }
        }
        return entries;
    }

    /** A path as the writer records it: relative, with '/', no empty, '.' or '..' part. */
    private static boolean isOutputPath(String path) {
        if (path.isEmpty() || path.contains("\\")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
