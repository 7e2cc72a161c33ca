package org.abierto.write;

import org.abierto.json.Json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of the build manifest.
 *
 * @param path   its path in the output
 * @param size   its size in bytes
 * @param sha256 its SHA-256, in hexadecimal
 */
public record ManifestEntry(String path, long size, String sha256) {

    /** The manifest as JSON: {@code {"files": [{"path": …, "size": …, "sha256": …}, …]}}. */
    static String json(List<ManifestEntry> entries) {
        return Json.write(Map.of("files", entries));
    }

    /** The entries of a manifest written by {@link #json}, by path; empty when it cannot be read. */
    static Map<String, ManifestEntry> read(String json) {
        Map<String, ManifestEntry> entries = new HashMap<>();
        try {
            if (Json.read(json) instanceof Map<?, ?> root && root.get("files") instanceof List<?> files) {
                for (Object file : files) {
                    if (file instanceof Map<?, ?> f && f.get("path") instanceof String path
                            && f.get("size") instanceof Number size && f.get("sha256") instanceof String sha) {
                        entries.put(path, new ManifestEntry(path, size.longValue(), sha));
                    }
                }
            }
        } catch (RuntimeException e) {
            entries.clear(); // a damaged manifest only means writing every file again
        }
        return entries;
    }
}
