package org.abierto.check;

/**
 * A site address as an editor or a theme wrote it, in its parts: what the link checks and the PDF's
 * links both read.
 *
 * @param path     the part before any '?' or '#' (empty for "#anchor" on the same page)
 * @param query    the query with its '?', or empty
 * @param fragment the anchor without its '#', or null when there is none
 */
record WrittenAddress(String path, String query, String fragment) {

    static WrittenAddress of(String written) {
        String fragment = null;
        String path = written;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        return new WrittenAddress(path, query, fragment);
    }
}
