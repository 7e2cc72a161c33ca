package org.abierto.check;

import java.util.ArrayList;
import java.util.List;

/** Address arithmetic on site paths ({@code /es/ruta-de-trabajo/}), all starting with '/'. */
final class SitePaths {
    private SitePaths() {
    }

    /** The folder of a page address or file path: {@code /es/a/} → {@code /es/a/}, {@code /x/y.css} → {@code /x/}. */
    static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** Resolves a relative reference against a folder, removing "." and "..": null when it climbs above the root. */
    static String resolve(String folder, String relative) {
        String[] segments = (folder + relative).split("/", -1);
        List<String> stack = new ArrayList<>();
        boolean trailingSlash = false;
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            switch (s) {
                case "." -> trailingSlash = last;
                case ".." -> {
                    if (stack.isEmpty()) {
                        return null;
                    }
                    stack.remove(stack.size() - 1);
                    trailingSlash = last;
                }
                case "" -> trailingSlash = last;
                default -> {
                    stack.add(s);
                    trailingSlash = false;
                }
            }
        }
        String joined = "/" + String.join("/", stack);
        return trailingSlash && !joined.endsWith("/") ? joined + "/" : joined;
    }

    /**
     * The address the page at {@code from} writes for {@code to}: relative, so the site works at any address;
     * and in a site built without its public address ({@code portable}), a folder is named by its
     * {@code index.html}, so the site also works opened from disk ({@code file://}), where a folder shows
     * a listing instead of its page.
     */
    static String address(String from, String to, boolean portable) {
        return relative(from, portable && to.endsWith("/") ? to + "index.html" : to);
    }

    /** The shortest relative reference from the page at {@code from} to {@code to}; both site paths. */
    static String relative(String from, String to) {
        String[] a = folder(from).split("/", -1);
        String[] b = to.split("/", -1);
        // a ends with "" (folder), b's last element is a file name or "" for a folder
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        var out = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            out.append("../");
        }
        for (int i = common; i < b.length; i++) {
            out.append(b[i]);
            if (i < b.length - 1) {
                out.append('/');
            }
        }
        return out.isEmpty() ? "./" : out.toString();
    }
}
