package org.abierto.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Precompressed copies for servers that send {@code file.gz} as is (nginx {@code gzip_static},
 * Apache {@code mod_rewrite}). The JDK's gzip header carries no time or name, so the same bytes
 * always compress to the same bytes.
 */
final class Compression {
    private static final Set<String> TEXT = Set.of("html", "css", "js", "json", "xml", "txt", "csv", "svg", "jsonld");

    private Compression() {
    }

    /** Whether a file is text that compresses well. */
    static boolean worthIt(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && TEXT.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Compresses a stream as {@link #gzip(byte[])} compresses bytes (the same output), for files too
     * large to hold in memory. Closes {@code out}.
     */
    static void gzip(InputStream in, OutputStream out) throws IOException {
        try (var gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            in.transferTo(gz);
        }
    }

    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
