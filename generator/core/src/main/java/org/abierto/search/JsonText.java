package org.abierto.search;

import java.util.List;

/** JSON written by hand for the index files: strings, whole numbers, booleans and lists of them, no spaces. */
final class JsonText {
    private JsonText() {
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        chars(out, s.toCharArray(), 0, s.length());
        out.append('"');
    }

    /** The characters {@code text[from, to)} inside a JSON string, escaped (no quotes around them). */
    static void chars(StringBuilder out, char[] text, int from, int to) {
        // Runs of characters that need no escape are copied whole: every page's text passes here.
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                out.append(text, run, i - run).append(escape(c));
                run = i + 1;
            }
        }
        out.append(text, run, to - run);
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            // Valid in JSON strings, but not in JavaScript strings before ES2019.
            case '\u2028' -> "\\u2028";
            case '\u2029' -> "\\u2029";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    static void numbers(StringBuilder out, List<Integer> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values.get(i).intValue());
        }
        out.append(']');
    }
}
