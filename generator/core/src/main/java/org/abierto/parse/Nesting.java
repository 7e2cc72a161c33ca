package org.abierto.parse;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * How deep a page's Markdown nests — quotes in quotes, lists in lists, emphasis in emphasis — measured
 * without recursion, since what it protects against is recursion running out of stack.
 */
final class Nesting {
    static final String CODE = "nesting-depth";

    private Nesting() {
    }

    static String message() {
        return "quotes, lists, emphasis or links are nested more than " + Markdown.MAX_NESTING
                + " levels deep here, each inside the previous; a page may nest them at most " + Markdown.MAX_NESTING
                + " levels (see content/README.md, 'Limits'): flatten the text";
    }

    /**
     * The first node, in document order, nested more than {@code limit} levels deep; null when none is.
     * Each element holding others is a level — a quote, a list, an emphasis, a link — but a list item
     * (its list is one) and a paragraph.
     */
    static Node firstBeyond(Document document, int limit) {
        Node node = document.getFirstChild();
        int level = node == null ? 0 : weight(node);
        while (node != null) {
            if (level > limit) {
                return node;
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                level += weight(node);
                continue;
            }
            while (node != document && node.getNext() == null) {
                level -= weight(node);
                node = node.getParent();
            }
            if (node == document) {
                return null;
            }
            level -= weight(node);
            node = node.getNext();
            level += weight(node);
        }
        return null;
    }

    /**
     * Where a text too deep for the current thread's stack first nests beyond {@code limit}, parsed
     * again in a thread of its own with a stack large enough for any page of the largest size read:
     * the offset of that node, or -1 when even that stack was not enough.
     */
    static int offsetBeyond(Parser parser, String text, int limit) {
        int[] offset = {-1};
        Thread deep = new Thread(null, () -> {
            try {
                Node node = firstBeyond(parser.parse(text), limit);
                offset[0] = node == null ? -1 : Math.max(0, node.getStartOffset());
            } catch (StackOverflowError e) {
                offset[0] = -1;
            }
        }, "abierto-deep-markdown", DEEP_STACK);
        deep.start();
        try {
            deep.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return offset[0];
    }

    // Reserved, not taken: the system gives a thread's stack memory only as it is used.
    private static final long DEEP_STACK = 1L << 30;

    private static int weight(Node node) {
        return node instanceof ListItem || node instanceof Paragraph || node.getFirstChild() == null ? 0 : 1;
    }

    /**
     * Where a text too deep to parse nests deepest, estimated from how its lines start: each marker
     * that opens a quote or a list item ({@code >}, {@code -}, {@code *}, {@code +}, {@code 1.}) is a
     * level, and so is each two columns of indentation (a nested list). Gives {line, column} of where
     * the deepest line passes {@code limit}, or of its start; {1, 1} when no line starts so.
     */
    static int[] deepestLine(String text, int limit) {
        int[] best = {1, 1};
        int bestLevel = 0;
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            int markers = 0;
            int indent = 0;
            int beyond = -1;
            int i = start;
            while (i < end) {
                int next = afterMarker(text, i, end);
                char c = text.charAt(i);
                if (c == ' ' || c == '\t') {
                    indent += c == '\t' ? 4 : 1;
                    next = i + 1;
                } else if (next > i) {
                    markers++;
                } else {
                    break;
                }
                if (beyond < 0 && markers + indent / 2 > limit) {
                    beyond = i;
                }
                i = next;
            }
            int level = markers + indent / 2;
            if (level > bestLevel) {
                bestLevel = level;
                best = new int[] {line, (beyond >= 0 ? beyond : start) - start + 1};
            }
            line++;
            start = end + 1;
        }
        return best;
    }

    /** The offset after a quote or list marker at {@code i}, or {@code i} when there is none. */
    private static int afterMarker(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        boolean spaced = i + 1 < end && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t');
        if ((c == '-' || c == '*' || c == '+') && spaced) {
            return i + 2;
        }
        int digits = i;
        while (digits < end && digits - i < 9 && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits > i && digits + 1 < end && (text.charAt(digits) == '.' || text.charAt(digits) == ')')
                && (text.charAt(digits + 1) == ' ' || text.charAt(digits + 1) == '\t')) {
            return digits + 2;
        }
        return i;
    }
}
