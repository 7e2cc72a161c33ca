package org.abierto.write;

import org.abierto.json.Json;

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
}
