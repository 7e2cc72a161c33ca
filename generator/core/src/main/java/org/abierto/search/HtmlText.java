package org.abierto.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Reads the text of a page's {@code <main>} from its final HTML, as the check stage wrote it (every
 * element closed, attributes quoted). Left out: the page's {@code h1} (its title, indexed as such),
 * navigation ({@code nav}: the table of contents, a section's list of pages), drawings ({@code svg}:
 * a chart repeats the table beside it), scripts, styles, and any element the theme marks with
 * {@value #SKIP} (the citation, which every page repeats).
 *
 * <p>A scanner rather than an HTML parser: it runs on every page of every build, and reads only
 * HTML that jsoup has just written.
 */
final class HtmlText {
    /** The attribute by which a theme keeps an element out of the search index. */
    static final String SKIP = "data-search-skip";

    private static final Set<String> LEFT_OUT = Set.of("nav", "svg", "script", "style", "template", "noscript", "h1",
            "button", "select", "textarea");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "caption", "dd",
            "details", "div", "dl", "dt", "figcaption", "figure", "footer", "header", "hr", "li", "main", "ol", "p",
            "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "h2", "h3", "h4",
            "h5", "h6");

    private HtmlText() {
    }

    /** The text of the page's {@code <main>}, or no block when it has none. */
    static PageText of(byte[] html) {
        int start = indexOf(html, "<main", 0);
        if (start < 0) {
            return new PageText(new char[0], List.of());
        }
        return new Scan(html, start).run();
    }

    /**
     * The text of {@code bytes} (no tags) as the fast way reads it, spaces collapsed, or null where it
     * leaves the text to the string decoder: at a reference or bytes that are not well-formed UTF-8.
     * Both ways give the same text; this tells which one read it.
     */
    static String decodedDirectly(byte[] bytes) {
        Scan scan = new Scan(bytes, 0);
        return scan.decode(0, bytes.length) ? new String(scan.text, 0, scan.length) : null;
    }

    private static int indexOf(byte[] html, String what, int from) {
        byte first = (byte) what.charAt(0);
        outer:
        for (int i = from; i <= html.length - what.length(); i++) {
            if (html[i] != first) {
                continue;
            }
            for (int j = 1; j < what.length(); j++) {
                if (html[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** An open element: its name, the anchor it gives its text (or null), and whether it leaves its text out. */
    private record Open(String name, String anchor, boolean leftOut) {
    }

    private static final class Scan {
        private final byte[] html;
        private int at;
        private final Deque<Open> open = new ArrayDeque<>();
        private final List<PageText.Block> blocks = new ArrayList<>();
        /** The blocks' text so far, whitespace runs already made one space ({@link #put}); the open block's from {@code blockStart}. */
        private char[] text = new char[1024];
        private int length;
        private int blockStart;
        /** Whether a space is due before the next character: whitespace came after some text. */
        private boolean space;
        /** Whether text came since the last block (its anchor is taken when the first comes). */
        private boolean started;
        private int skipping;
        private boolean inHeading;
        private String headingAnchor = "";
        private String blockAnchor;

        Scan(byte[] html, int start) {
            this.html = html;
            this.at = start;
        }

        PageText run() {
            while (at < html.length) {
                if (html[at] == '<') {
                    if (!tag()) {
                        break;
                    }
                } else {
                    int end = at;
                    while (end < html.length && html[end] != '<') {
                        end++;
                    }
                    if (skipping == 0) {
                        appendText(at, end);
                    }
                    at = end;
                }
            }
            flush();
            return new PageText(text, blocks);
        }

        /** Reads a tag at {@code at}; false at the end of {@code <main>}. */
        private boolean tag() {
            if (startsWith("<!--")) {
                int end = indexOf(html, "-->", at + 4);
                at = end < 0 ? html.length : end + 3;
                return true;
            }
            boolean closing = at + 1 < html.length && html[at + 1] == '/';
            int nameStart = at + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < html.length && isNameChar(html[nameEnd])) {
                nameEnd++;
            }
            String name = new String(html, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            int end = tagEnd(nameEnd);
            if (name.isEmpty()) { // "<" in text would be "&lt;": a declaration or processing instruction
                at = end;
                return true;
            }
            if (closing) {
                at = end;
                return close(name);
            }
            String attributes = new String(html, nameEnd, Math.max(0, end - 1 - nameEnd), StandardCharsets.UTF_8);
            at = end;
            boolean selfClosing = attributes.endsWith("/");
            if (name.equals("br")) {
                appendText(" ");
            }
            if (VOID.contains(name) || selfClosing) {
                if (BLOCKS.contains(name)) {
                    flush();
                }
                return true;
            }
            if (name.equals("script") || name.equals("style")) {
                int close = indexOf(html, "</" + name, at);
                at = close < 0 ? html.length : close;
            }
            boolean leftOut = LEFT_OUT.contains(name) || hasAttribute(attributes, SKIP);
            String id = open.isEmpty() ? null : attribute(attributes, "id"); // <main>'s own id is the skip link's target
            boolean heading = isHeading(name) && skipping == 0;
            if (BLOCKS.contains(name)) {
                flush();
            }
            if (heading) {
                inHeading = true;
                if (id != null) { // a heading without an id is found under the nearest one above that has one
                    headingAnchor = id;
                }
            }
            open.push(new Open(name, heading ? null : id, leftOut));
            if (leftOut) {
                skipping++;
            }
            return true;
        }

        private boolean close(String name) {
            if (BLOCKS.contains(name)) {
                flush();
            }
            // Unwinds to the element closed (jsoup closes every element, so this is the top one).
            while (!open.isEmpty()) {
                Open top = open.pop();
                if (top.leftOut()) {
                    skipping--;
                }
                if (top.name().equals(name)) {
                    break;
                }
            }
            if (isHeading(name)) {
                inHeading = false;
            }
            return !(name.equals("main") && open.isEmpty());
        }

        /** The text between two tags, decoded from UTF-8 straight into the block, references and all. */
        private void appendText(int from, int to) {
            startText();
            int savedLength = length;
            boolean savedSpace = space;
            if (!decode(from, to)) { // a reference, or bytes that are not UTF-8: as a string, the slow way
                length = savedLength;
                space = savedSpace;
                appendText(Entities.decode(new String(html, from, to - from, StandardCharsets.UTF_8)));
            }
        }

        private void appendText(String decoded) {
            startText();
            for (int i = 0; i < decoded.length(); i++) {
                put(decoded.charAt(i));
            }
        }

        private void startText() {
            if (!started) {
                blockAnchor = anchor();
                started = true;
            }
        }

        /**
         * Decodes well-formed UTF-8 without character references into the block, as
         * {@code new String(bytes, UTF_8)} would; false, having put part of it, at a reference or at bytes
         * that are not well-formed UTF-8 (which the string decoder replaces).
         */
        private boolean decode(int from, int to) {
            // Every character of a page passes here: the block's array, its length and the pending space
            // are held in locals, and ASCII is put without a call (C1 would not inline put).
            if (length + (to - from) + 1 > text.length) { // a byte gives at most one character, and one space may be due
                text = java.util.Arrays.copyOf(text, Math.max(2 * text.length, length + (to - from) + 1));
            }
            byte[] b = html;
            char[] t = text;
            int n = length;
            boolean pending = space;
            for (int i = from; i < to; ) {
                int b0 = b[i];
                char c;
                char low = 0;
                if (b0 > ' ') {
                    if (b0 == '&') {
                        return false;
                    }
                    if (pending) {
                        t[n++] = ' ';
                        pending = false;
                    }
                    t[n++] = (char) b0;
                    i++;
                    continue;
                } else if (b0 == ' ') {
                    pending = n > blockStart;
                    i++;
                    continue;
                } else if (b0 >= 0) {
                    c = (char) b0;
                    i++;
                } else if ((b0 & 0xE0) == 0xC0 && b0 != (byte) 0xC0 && b0 != (byte) 0xC1) {
                    if (i + 1 >= to || !continuation(b[i + 1])) {
                        return false;
                    }
                    c = (char) (((b0 & 0x1F) << 6) | (b[i + 1] & 0x3F));
                    i += 2;
                } else if ((b0 & 0xF0) == 0xE0) {
                    if (i + 2 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                        return false;
                    }
                    c = (char) (((b0 & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                    if (c < 0x800 || Character.isSurrogate(c)) { // overlong, or a surrogate written alone
                        return false;
                    }
                    i += 3;
                } else if ((b0 & 0xF8) == 0xF0) {
                    if (i + 3 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                        return false;
                    }
                    int cp = ((b0 & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
                    if (cp < 0x10000 || cp > Character.MAX_CODE_POINT) {
                        return false;
                    }
                    c = Character.highSurrogate(cp);
                    low = Character.lowSurrogate(cp);
                    i += 4;
                } else {
                    return false;
                }
                if (isSpace(c)) {
                    pending = n > blockStart;
                } else {
                    if (pending) {
                        t[n++] = ' ';
                        pending = false;
                    }
                    t[n++] = c;
                    if (low != 0) {
                        t[n++] = low;
                    }
                }
            }
            length = n;
            space = pending;
            return true;
        }

        private static boolean continuation(byte b) {
            return (b & 0xC0) == 0x80;
        }

        /** One character of the block: a whitespace run becomes one space, none at its start or end. */
        private void put(char c) {
            if (isSpace(c)) {
                space = length > blockStart;
            } else {
                if (length + 2 > text.length) { // room for a space and the character
                    text = java.util.Arrays.copyOf(text, 2 * text.length);
                }
                if (space) {
                    text[length++] = ' ';
                    space = false;
                }
                text[length++] = c;
            }
        }

        /** The innermost open element with an id, else the heading above. */
        private String anchor() {
            for (Open o : open) {
                if (o.anchor() != null) {
                    return o.anchor();
                }
            }
            return headingAnchor;
        }

        private void flush() {
            if (length > blockStart) {
                blocks.add(new PageText.Block(blockAnchor, inHeading, blockStart, length));
            }
            blockStart = length;
            space = false;
            started = false;
        }

        private boolean startsWith(String s) {
            if (at + s.length() > html.length) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (html[at + i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The position after the '>' that ends a tag, skipping quoted attribute values. */
        private int tagEnd(int from) {
            byte quote = 0;
            for (int i = from; i < html.length; i++) {
                byte b = html[i];
                if (quote != 0) {
                    if (b == quote) {
                        quote = 0;
                    }
                } else if (b == '"' || b == '\'') {
                    quote = b;
                } else if (b == '>') {
                    return i + 1;
                }
            }
            return html.length;
        }
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '2' && name.charAt(1) <= '6';
    }

    /** Whether a tag's attribute text has an attribute, with or without a value. */
    static boolean hasAttribute(String attributes, String name) {
        int i = 0;
        while ((i = attributes.indexOf(name, i)) >= 0) {
            int after = i + name.length();
            boolean starts = i == 0 || Character.isWhitespace(attributes.charAt(i - 1));
            boolean ends = after == attributes.length() || attributes.charAt(after) == '=' || attributes.charAt(after) == '/'
                    || Character.isWhitespace(attributes.charAt(after));
            if (starts && ends) {
                return true;
            }
            i = after;
        }
        return false;
    }

    private static boolean isNameChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == ':';
    }

    /** The value of an attribute in a tag's attribute text, or null. */
    static String attribute(String attributes, String name) {
        int i = 0;
        while ((i = attributes.indexOf(name + "=\"", i)) >= 0) {
            if (i == 0 || Character.isWhitespace(attributes.charAt(i - 1))) {
                int start = i + name.length() + 2;
                int end = attributes.indexOf('"', start);
                return end < 0 ? null : Entities.decode(attributes.substring(start, end));
            }
            i++;
        }
        return null;
    }

    /** Whitespace as Java defines it, and the no-break space (which jsoup writes as {@code &nbsp;}). */
    private static boolean isSpace(char c) {
        // U+0080–U+00FF holds no whitespace but the no-break space: Latin text is not looked up
        return c == ' ' || c == '\u00A0' || (c <= 0x1F ? c >= 0x1C || (c >= '\t' && c <= '\r')
                : c >= 0x100 && Character.isWhitespace(c));
    }

    /** The character references jsoup writes in its base escape mode, and numeric ones. */
    static final class Entities {
        private Entities() {
        }

        static String decode(String text) {
            int amp = text.indexOf('&');
            if (amp < 0) {
                return text;
            }
            var out = new StringBuilder(text.length());
            int i = 0;
            while (amp >= 0) {
                out.append(text, i, amp);
                int semi = text.indexOf(';', amp);
                String replacement = semi < 0 || semi - amp > 10 ? null : reference(text.substring(amp + 1, semi));
                if (replacement == null) {
                    out.append('&');
                    i = amp + 1;
                } else {
                    out.append(replacement);
                    i = semi + 1;
                }
                amp = text.indexOf('&', i);
            }
            return out.append(text, i, text.length()).toString();
        }

        private static String reference(String name) {
            switch (name) {
                case "amp": return "&";
                case "lt": return "<";
                case "gt": return ">";
                case "quot": return "\"";
                case "apos": return "'";
                case "nbsp": return "\u00A0";
                default:
                    break;
            }
            if (name.startsWith("#")) {
                try {
                    int cp = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }
}
