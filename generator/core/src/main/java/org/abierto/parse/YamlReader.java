package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML with Jackson's streaming parser, keeping the position of every node so later stages
 * can point editors at the exact line and column of a wrong value.
 */
public final class YamlReader {
    /**
     * The deepest a YAML file may nest lists and mappings (content/README.md, "Limits"): the report's
     * deepest data nests 4; the later stages walk the values recursively.
     */
    public static final int MAX_NESTING = 100;

    private final YAMLFactory factory = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // 'key:' with nothing after it is YAML's null, as '~' is (off, Jackson read it as ''): an empty
            // cell, a translation not written, a word left empty are then told apart from a text ''.
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    /**
     * Parses {@code text}.
     *
     * @param file       the file, for positions
     * @param text       the YAML
     * @param lineOffset lines before the YAML in its file (1 for front matter after the opening "---")
     * @param what       what the YAML is, for messages ("front matter", "data file")
     * @return the document, or empty after reporting a syntax error
     */
    public Optional<YamlDocument> read(Path file, String text, int lineOffset, String what, Diagnostics diagnostics) {
        var reading = new Reading(file, text, lineOffset);
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            Object root = first == null ? null : reading.value(parser, "", 1);
            if (!reading.aliases.isEmpty()) {
                reading.aliases.forEach(alias -> diagnostics.error(alias.at(), "yaml-alias", alias.message()));
                return Optional.empty();
            }
            return Optional.of(new YamlDocument(file, root, reading.positions, reading.keys));
        } catch (TooDeep e) {
            diagnostics.error(e.at, "yaml-nesting", "lists and mappings are nested more than " + MAX_NESTING
                    + " levels deep here, the most Abierto reads (see content/README.md, 'Limits'); flatten the " + what);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
            int col = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.contains("exceeds the limit") && message.contains("code points")) {
                // SnakeYAML's own bound on a document's length: a limit, not a syntax error.
                diagnostics.error(file, 1 + lineOffset, 1, "file-too-large", "the " + what + " is longer than 3,145,728 characters, "
                        + "the most Abierto reads (see content/README.md, 'Limits'); split it into several files");
                return Optional.empty();
            }
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getContextMark() != null && marked.getProblemMark() != null
                    && unclosed(marked.getContext()) != null && (marked.getProblemMark().getIndex() >= text.length()
                    || marked.getProblemMark().getLine() > marked.getContextMark().getLine())) {
                // A '[', '{' or quote left open: SnakeYAML notices lines later, or at the end of the text;
                // where it was opened is where to look.
                diagnostics.error(file, marked.getContextMark().getLine() + 1 + lineOffset, marked.getContextMark().getColumn() + 1,
                        "yaml-syntax", "invalid " + what + ": " + unclosed(marked.getContext()));
                return Optional.empty();
            }
            if (e.getCause() instanceof ReaderException unreadable && unreadable.getPosition() >= 0
                    && unreadable.getPosition() <= text.codePointCount(0, text.length())) {
                // A control character: SnakeYAML refuses the whole text before reading it, and says where
                // in code points, not lines.
                int where = text.offsetByCodePoints(0, unreadable.getPosition());
                var lines = new LineIndex(text);
                diagnostics.error(file, lines.line(where) + lineOffset, lines.column(where), "yaml-syntax", "invalid " + what
                        + ": the character " + String.format("U+%04X", unreadable.getCodePoint()) + " cannot be in a YAML file "
                        + "(a control character, perhaps pasted from another program); delete it");
                return Optional.empty();
            }
            int[] quote = openQuote(text, line);
            if (quote != null) {
                // A quote left open swallows the lines after it, up to the next quote: SnakeYAML complains there.
                diagnostics.error(file, quote[0] + lineOffset, quote[1], "yaml-syntax",
                        "invalid " + what + ": " + unclosed("while scanning a quoted scalar"));
                return Optional.empty();
            }
            String problem = describe(e) + CHECK;
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null && marked.getProblem() != null) {
                // SnakeYAML names what went wrong (its problem) where it went wrong; its first line is only
                // the context ("while scanning a double-quoted scalar"), and Jackson points at its last token.
                line = marked.getProblemMark().getLine() + 1;
                col = marked.getProblemMark().getColumn() + 1;
                String first = marked.getProblem().lines().findFirst().orElse("").strip();
                var escape = UNKNOWN_ESCAPE.matcher(first);
                if (escape.matches()) {
                    col = Math.max(1, col - 1); // SnakeYAML marks the letter after the backslash; the escape starts at it
                    problem = "\\" + escape.group(1) + " is not an escape YAML knows inside double quotes; write \\\\ for a "
                            + "backslash, or put the text in single quotes";
                } else if (first.equals("could not find expected ':'") && marked.getContextMark() != null) {
                    // Noticed at the next line's token; the key without a colon is where the context began.
                    line = marked.getContextMark().getLine() + 1;
                    col = marked.getContextMark().getColumn() + 1;
                    problem = "a line here is not 'key: value'; add the colon after its key, or, if it continues the text above, "
                            + "put that whole text in quotes";
                } else if (first.startsWith("expected <block end>, but found")) {
                    problem = "this line is indented differently from the lines above it; align it with the keys or the list "
                            + "items it belongs to";
                } else {
                    problem = first + CHECK;
                }
            }
            diagnostics.error(file, line + lineOffset, col, "yaml-syntax", "invalid " + what + ": " + problem);
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(file, 0, 0, "unreadable", "cannot read the " + what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** One document being read: where each value and key is, and the aliases found. */
    private static final class Reading {
        final Path file;
        final String text;
        final int lineOffset;
        final Map<String, SourcePosition> positions = new HashMap<>();
        final Map<String, SourcePosition> keys = new HashMap<>();
        final Map<String, SourcePosition> anchors = new HashMap<>();
        final List<Alias> aliases = new ArrayList<>();
        /** Whether the text holds an '&' at all, so that a single value may carry an anchor. */
        private final boolean mayHoldAnchors;
        /** Where the text's lines start, found the first time a single value may carry an anchor. */
        private LineIndex lines;

        Reading(Path file, String text, int lineOffset) {
            this.file = file;
            this.text = text;
            this.lineOffset = lineOffset;
            this.mayHoldAnchors = text.indexOf('&') >= 0;
        }

        /**
         * Where the anchor an alias repeats is written, found in the text: Jackson does not tell the
         * anchor of a single value. The last line before the alias that marks it; null if none does.
         */
        SourcePosition anchorWritten(String name, SourcePosition alias) {
            var marked = java.util.regex.Pattern.compile("&" + java.util.regex.Pattern.quote(name) + "(?=[\\s,\\]}]|$)");
            SourcePosition found = null;
            int line = 1 + lineOffset;
            for (String written : text.split("\n", -1)) {
                if (line > alias.line()) {
                    break;
                }
                var m = marked.matcher(written);
                if (m.find()) {
                    found = new SourcePosition(file, line, m.start() + 1);
                }
                line++;
            }
            return found;
        }

        /**
         * The anchor written before a single value ({@code &name}, before or after a tag), read from the
         * text where the value starts: Jackson names the anchor of a mapping or a list only. Null if none.
         */
        String writtenAnchor(JsonLocation at) {
            if (!mayHoldAnchors) {
                return null; // most files mark nothing: no need to find where their lines start
            }
            if (lines == null) {
                lines = new LineIndex(text);
            }
            int i = lines.offset(at.getLineNr(), at.getColumnNr());
            if (i < 0) {
                return null;
            }
            for (int property = 0; property < 2 && i < text.length(); property++) {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && ",[]{}".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (text.charAt(i) == '&') {
                    return end > i + 1 ? text.substring(i + 1, end) : null;
                }
                if (text.charAt(i) != '!') {
                    return null;
                }
                i = end; // a tag such as !!str: its anchor may follow it
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
            }
            return null;
        }

        Object value(JsonParser p, String pointer, int depth) throws IOException {
            SourcePosition at = position(p.currentTokenLocation(), file, lineOffset);
            if (depth > MAX_NESTING) {
                throw new TooDeep(at);
            }
            positions.put(pointer, at);
            Object anchor = p.getObjectId() != null ? p.getObjectId()
                    : p.currentToken().isScalarValue() ? writtenAnchor(p.currentTokenLocation()) : null;
            if (anchor instanceof String name) {
                anchors.put(name, at);
            }
            JsonToken token = p.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    var map = new LinkedHashMap<String, Object>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        String child = YamlDocument.child(pointer, name);
                        keys.put(child, position(p.currentTokenLocation(), file, lineOffset));
                        p.nextToken();
                        map.put(name, value(p, child, depth + 1));
                    }
                    return Collections.unmodifiableMap(map);
                }
                case START_ARRAY -> {
                    var list = new ArrayList<Object>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        list.add(value(p, YamlDocument.child(pointer, list.size()), depth + 1));
                    }
                    return Collections.unmodifiableList(list);
                }
                case VALUE_STRING -> {
                    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                        // Jackson gives an alias (*name) as the text of its name: it would be published as that word.
                        aliases.add(new Alias(at, p.getText(), anchors.containsKey(p.getText()) ? anchors.get(p.getText())
                                : anchorWritten(p.getText(), at)));
                    }
                    return p.getText();
                }
                case VALUE_NUMBER_INT -> {
                    return p.getLongValue();
                }
                case VALUE_NUMBER_FLOAT -> {
                    return p.getDecimalValue();
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return p.getBooleanValue();
                }
                case VALUE_NULL -> {
                    return null;
                }
                default -> throw new IllegalStateException("unexpected YAML token " + token);
            }
        }
    }

    /** A YAML alias ({@code *name}), which Abierto refuses: where it is, and the anchor it repeats. */
    private record Alias(SourcePosition at, String name, SourcePosition anchor) {
        String message() {
            return "'*" + name + "' is a YAML alias, which repeats the value marked '&" + name + "'"
                    + (anchor == null ? "" : " on line " + anchor.line())
                    + "; Abierto does not read aliases (see content/README.md, 'YAML aliases'): write the value itself here";
        }
    }

    /** Nesting past {@link #MAX_NESTING}, found where it happens. */
    private static final class TooDeep extends IOException {
        final transient SourcePosition at;

        TooDeep(SourcePosition at) {
            super(null, null);
            this.at = at;
        }
    }

    private static SourcePosition position(JsonLocation at, Path file, int lineOffset) {
        return new SourcePosition(file, Math.max(1, at.getLineNr()) + lineOffset, Math.max(1, at.getColumnNr()));
    }

    /** The parser's message without its location suffix and source excerpt. */
    /** What to do about a bracket, brace or quote SnakeYAML names in {@code context} ("while parsing a flow sequence") left open; null for anything else. */
    static String unclosed(String context) {
        return switch (context == null ? "" : context.strip()) {
            case "while parsing a flow sequence" -> "a list in brackets opens here with '[' and its ']' is missing; "
                    + "close it, or put the whole value in quotes if the bracket is part of the text";
            case "while parsing a flow mapping" -> "a mapping in braces opens here with '{' and its '}' is missing; "
                    + "close it, or put the whole value in quotes if the brace is part of the text";
            case "while scanning a quoted scalar" -> "a quoted text opens here and its closing quote is missing; add it";
            default -> null;
        };
    }

    private static final java.util.regex.Pattern QUOTED_VALUE =
            java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?(?:[^\\s#'\"-][^:#]*:\\s+)?([\"'])");

    /**
     * The line and column (from 1) of the first value, on a line before {@code line}, that opens with a
     * quote and does not close it before {@code line} (a quoted text closed on a later line is a text of
     * several lines, not an error); null when there is none.
     */
    static int[] openQuote(String text, int line) {
        String[] lines = text.split("\n", -1);
        int before = Math.min(line - 1, lines.length);
        for (int i = 0; i < before; i++) {
            var m = QUOTED_VALUE.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            char quote = lines[i].charAt(m.start(1));
            int closed = i;
            int from = m.start(1) + 1;
            while (closed < before && !closes(lines[closed], from, quote)) {
                closed++;
                from = 0;
            }
            if (closed == before) {
                return new int[] {i + 1, m.start(1) + 1};
            }
            i = closed;
        }
        return null;
    }

    /** Whether {@code quote} closes on {@code line} from {@code from} on (a backslash escapes in double quotes, '' is a quote in single ones). */
    private static boolean closes(String line, int from, char quote) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a syntax error without a more precise advice adds. */
    private static final String CHECK = "; check the indentation and quote text that contains ': ' or starts with a symbol";
    private static final java.util.regex.Pattern UNKNOWN_ESCAPE = java.util.regex.Pattern.compile("found unknown escape character (.+)\\(\\d+\\)");

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unreadable YAML";
        }
        String first = message.lines().findFirst().orElse(message).strip();
        int in = first.indexOf(" in 'reader'");
        if (in > 0) {
            first = first.substring(0, in);
        }
        if (first.startsWith("Duplicate field")) {
            return "the key " + first.substring(first.indexOf('\'')) + " is written twice";
        }
        return first;
    }

}
