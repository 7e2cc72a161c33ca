package org.abierto.parse;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.BodyPart;
import org.abierto.model.Heading;
import org.abierto.model.Slug;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a Markdown page body to HTML with Flexmark: CommonMark, GFM tables (with captions),
 * footnotes, autolinks and attributes, plus Abierto's own syntax — directive lines
 * ({@code ::table{data=ejemplares}}) and phrases marked with a language ({@code [texto]{lang=es}}).
 *
 * <p>Built once per build and shared by all pages (Flexmark's parser and renderer are thread-safe).
 * Links, images, headings and tables carry a {@code data-src="line:col"} attribute so the check
 * stage can point at the Markdown source; the check stage removes it.
 *
 * <p>What editors write as HTML passes one {@link HtmlSafelist}: raw HTML, attributes in braces and
 * directive parameters. What it removes is a warning where it was written.
 */
public final class Markdown {
    /** The attribute that carries a Markdown position into the HTML. */
    public static final String SOURCE_ATTRIBUTE = "data-src";
    /**
     * The attribute that carries, on an element given attributes in braces, where each was written
     * ({@code onclick@5:12 class@5:28}), so what the safelist removes is reported there. Never published.
     */
    public static final String ATTRIBUTES_SOURCE = "data-src-attributes";

    /**
     * The attribute that carries, on an element of raw HTML that the check stage may report on, where
     * its tag was written ({@code 12:5}), so its message says where to look. Never published.
     */
    public static final String RAW_SOURCE_ATTRIBUTE = "data-src-html";
    // The elements of raw HTML the check stage reports on: those whose addresses it verifies
    // (HtmlChecker.LINK_ATTRIBUTES), and those of the safelist the accessibility lint judges (tables, headings).
    private static final Pattern REPORTED_TAG = Pattern.compile(
            "<(a|area|img|source|video|audio|track|iframe|link|script|table|h[1-6])(?=[\\s/>])", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT_END = Pattern.compile("--!?>");

    private static final DataKey<Map<Node, Map<String, String>>> EXTRA_ATTRIBUTES =
            new DataKey<>("ABIERTO_EXTRA_ATTRIBUTES", Map.of());
    private static final DataKey<Map<Node, String>> ATTRIBUTE_MARKS = new DataKey<>("ABIERTO_ATTRIBUTE_MARKS", Map.of());
    private static final Pattern DIRECTIVE = Pattern.compile("::([a-z][a-z0-9-]*)(?:\\{([^}\\n]*)})?");
    private static final Pattern DIRECTIVE_START = Pattern.compile("::[A-Za-z]");
    private static final Pattern DIRECTIVE_ARG = Pattern.compile("\\s*([a-zA-Z][\\w-]*)=(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    // NUL cannot come from Markdown (CommonMark replaces it), so it safely marks where directives go.
    private static final Pattern MARKER = Pattern.compile("\u0000D(\\d+)\u0000\n?");
    private static final Set<String> PHRASE_ATTRIBUTES = Set.of("lang", "dir");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /**
     * The deepest a page's Markdown may nest: quotes, lists, emphasis and links inside one another, each
     * a level (content/README.md, "Limits"). Real pages stay under 10; Flexmark's parser and renderer
     * recurse once per level, and a few thousand exhaust a thread's stack.
     */
    public static final int MAX_NESTING = 50;

    /** With Autolink: for pages that may hold a bare address ({@link #mayHoldBareAddress}). */
    private final Parser parser;
    /** Without Autolink, which costs about 40 % of Flexmark's time on a page that has nothing to link. */
    private final Parser parserWithoutAutolink;
    private final HtmlRenderer renderer;
    private final HtmlSafelist safelist;

    /** @param safelist what editors may write as HTML */
    public Markdown(HtmlSafelist safelist) {
        this.safelist = safelist;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                AutolinkExtension.create(),
                AttributesExtension.create()));
        options.set(TablesExtension.WITH_CAPTION, true);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // Flexmark silently drops javascript: links; keep them so the check stage reports them as errors.
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!x)x");
        options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "↩");
        var frozen = options.toImmutable();
        parser = Parser.builder(frozen).build();
        // Autolink only adds nodes where a text holds a bare address; without one, both parsers give the same tree.
        parserWithoutAutolink = Parser.builder(new MutableDataSet(frozen).set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                AttributesExtension.create())).toImmutable()).build();
        renderer = HtmlRenderer.builder(frozen)
                .nodeRendererFactory(AbiertoNodes::new)
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return new ExtraAttributes(EXTRA_ATTRIBUTES.get(context.getDocument()),
                                ATTRIBUTE_MARKS.get(context.getDocument()));
                    }
                })
                .build();
    }

    /**
     * Converts one page body.
     *
     * @param file       the page, for positions
     * @param body       the Markdown after the front matter
     * @param lineOffset lines of the file before the body
     */
    public MarkdownBody convert(Path file, String body, int lineOffset, Diagnostics diagnostics) {
        var lines = new LineIndex(body);
        Parser pageParser = mayHoldBareAddress(body) ? parser : parserWithoutAutolink;
        Document document;
        try {
            document = pageParser.parse(body);
        } catch (StackOverflowError e) {
            // Flexmark walks its tree recursively: thousands of levels exhaust the stack before they can be
            // counted. Parsed again where the stack is larger, the page says where it nests too deep.
            int offset = Nesting.offsetBeyond(pageParser, body, MAX_NESTING);
            int[] at = offset >= 0 ? new int[] {lines.line(offset), lines.column(offset)} : Nesting.deepestLine(body, MAX_NESTING);
            diagnostics.error(new SourcePosition(file, at[0] + lineOffset, at[1]), Nesting.CODE, Nesting.message());
            return new MarkdownBody(List.of(), List.of());
        }
        Node tooDeep = Nesting.firstBeyond(document, MAX_NESTING);
        if (tooDeep != null) {
            // Rendering (Flexmark's and ours) is recursive too: a page this deep is reported, not rendered.
            diagnostics.error(new SourcePosition(file, lines.line(tooDeep.getStartOffset()) + lineOffset,
                    lines.column(tooDeep.getStartOffset())), Nesting.CODE, Nesting.message());
            return new MarkdownBody(List.of(), List.of());
        }
        var conversion = new Conversion(file, lines, lineOffset, diagnostics);
        conversion.visit(document);
        conversion.markAttributes(AttributesExtension.NODE_ATTRIBUTES.get(document));
        document.set(EXTRA_ATTRIBUTES, conversion.extra);
        document.set(ATTRIBUTE_MARKS, conversion.marks);
        String html = markRawHtml(renderer.render(document), conversion);

        // HTML made from Markdown syntax alone is safe by construction; what editors wrote as HTML
        // or attributes is cleaned, with the whole body, since raw HTML may span several nodes.
        boolean clean = conversion.hasRawHtml || !conversion.marks.isEmpty();
        List<BodyPart> parts = new ArrayList<>();
        int from = 0;
        if (!conversion.directives.isEmpty()) { // without a directive there is no marker (most pages): no scan
            Matcher marker = MARKER.matcher(html);
            while (marker.find()) {
                addHtml(parts, html.substring(from, marker.start()), clean, conversion);
                parts.add(conversion.directives.get(Integer.parseInt(marker.group(1))));
                from = marker.end();
            }
        }
        addHtml(parts, html.substring(from), clean, conversion);
        return new MarkdownBody(parts, conversion.outline);
    }

    /**
     * Whether Autolink could find something to link in this body. Its link extractor starts only at
     * {@code ://} (addresses), {@code www.} (any case) and {@code @} (e-mail), on the text after
     * unescaping; {@code &} stands for any character reference, which could spell one of those. A
     * body without any of them parses to the same tree with or without Autolink.
     */
    static boolean mayHoldBareAddress(String body) {
        // String.indexOf, not a loop of charAt: on C1 (the launcher's compiler for most builds) each
        // charAt is a call that checks its index, and this runs on every page.
        if (body.indexOf('@') >= 0 || body.indexOf('&') >= 0 || body.contains("://")) {
            return true;
        }
        for (int dot = body.indexOf('.', 3); dot >= 0; dot = body.indexOf('.', dot + 1)) {
            if (body.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives each element of raw HTML the check stage reports on the place its tag was written. Flexmark
     * copies raw HTML as it is, in order: each piece is found again in the output, after the previous one.
     */
    private static String markRawHtml(String html, Conversion conversion) {
        if (conversion.raw.isEmpty()) {
            return html;
        }
        var out = new StringBuilder(html.length() + 32 * conversion.raw.size());
        int from = 0;
        for (Node node : conversion.raw) {
            String written = node.getChars().toString();
            int found = html.indexOf(written, from);
            if (found < 0) {
                continue;
            }
            out.append(html, from, found);
            int copied = 0;
            for (int[] tag : reportedTags(written)) {
                SourcePosition at = conversion.at(node.getStartOffset() + tag[0]);
                int name = tag[1];
                out.append(written, copied, name).append(' ').append(RAW_SOURCE_ATTRIBUTE).append("=\"")
                        .append(at.line()).append(':').append(at.column()).append('"');
                copied = name;
            }
            out.append(written, copied, written.length());
            from = found + written.length();
        }
        return out.append(html, from, html.length()).toString();
    }

    /**
     * Each start tag of an element the check stage reports on in a piece of HTML, as {where its '<' is,
     * where its name ends}, skipping comments and what is quoted inside tags (a value may hold "<a").
     */
    private static List<int[]> reportedTags(String html) {
        List<int[]> found = new ArrayList<>();
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            if (html.startsWith("<!--", i)) {
                // As a browser reads it: "<!-->" and "<!--->" are comments already closed, and "--!>" closes one too.
                Matcher close = COMMENT_END.matcher(html).region(i + 2, html.length());
                i = close.find() ? close.end() : html.length();
                continue;
            }
            Matcher tag = REPORTED_TAG.matcher(html).region(i, html.length());
            if (tag.lookingAt()) {
                found.add(new int[] {i, tag.end()});
            }
            i++;
            char quote = 0;
            while (i < html.length()) {
                char c = html.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>' || c == '<') {
                    break;
                }
                i++;
            }
        }
        return found;
    }

    private void addHtml(List<BodyPart> parts, String html, boolean clean, Conversion conversion) {
        if (html.isBlank()) {
            return;
        }
        if (!clean) {
            parts.add(new BodyPart.Html(html));
            return;
        }
        HtmlSafelist.Cleaned cleaned = safelist.cleaned(html);
        // Raw HTML was reported where it is written (rawHtml); attributes in braces are reported here,
        // on the element they ended up on, so the safelist judges them with their element.
        for (HtmlSafelist.Removal removal : cleaned.removals()) {
            if (removal.mark() != null) {
                SourcePosition at = conversion.written(removal);
                conversion.diagnostics.warning(at, "unsafe-html", "attributes in braces: removed "
                        + removal.what() + "; only safe markup is published (see content/README.md)"
                        + (conversion.bare.contains(at) ? "; if the braces are text to show, write a backslash before the {" : ""));
            }
        }
        parts.add(new BodyPart.Html(cleaned.html()));
    }

    /** One walk over a parsed body: rewrites Abierto syntax and records what the HTML needs. */
    private final class Conversion {
        final Path file;
        final LineIndex lines;
        final int lineOffset;
        final Diagnostics diagnostics;
        final Map<Node, Map<String, String>> extra = new IdentityHashMap<>();
        final Map<Node, String> marks = new IdentityHashMap<>();
        // Lines that look like a directive but are not one: reported as errors, their braces are not attributes.
        final Set<Node> notDirectives = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** Where a name without a value was written in braces ({string}): perhaps text meant to show its braces. */
        final Set<SourcePosition> bare = new java.util.HashSet<>();
        final List<BodyPart.Directive> directives = new ArrayList<>();
        final List<Heading> outline = new ArrayList<>();
        final Map<String, Integer> usedIds = new HashMap<>();
        final List<Node> raw = new ArrayList<>();
        boolean hasRawHtml;

        Conversion(Path file, LineIndex lines, int lineOffset, Diagnostics diagnostics) {
            this.file = file;
            this.lines = lines;
            this.lineOffset = lineOffset;
            this.diagnostics = diagnostics;
        }

        SourcePosition at(Node node) {
            return at(node.getStartOffset());
        }

        SourcePosition at(int offset) {
            return new SourcePosition(file, lines.line(offset) + lineOffset, lines.column(offset));
        }

        /**
         * Marks each element given attributes in braces with where each was written. Flexmark's
         * attributes extension decides which element they belong to; its own record of that is read here.
         */
        void markAttributes(Map<Node, ? extends List<AttributesNode>> written) {
            written.forEach((element, blocks) -> {
                var mark = new java.util.StringJoiner(" ");
                for (AttributesNode braces : blocks) {
                    if (braces.getParent() == null || notDirectives.contains(braces.getAncestorOfType(Paragraph.class))) {
                        continue; // a marked phrase's {lang=es}, already its span; or a mistyped directive's
                    }
                    for (Node a = braces.getFirstChild(); a != null; a = a.getNext()) {
                        if (a instanceof AttributeNode attribute) {
                            SourcePosition p = at(attribute);
                            mark.add(name(attribute) + "@" + p.line() + ":" + p.column());
                            if (!attribute.isImplicitName() && attribute.getAttributeSeparator().isEmpty()) {
                                bare.add(p);
                            }
                        }
                    }
                }
                if (mark.length() > 0) {
                    marks.put(element, mark.toString());
                }
            });
        }

        /** Where the attribute a removal names was written in braces (or the first of them). */
        SourcePosition written(HtmlSafelist.Removal removal) {
            String[] entries = removal.mark().split(" ");
            String entry = java.util.Arrays.stream(entries)
                    .filter(e -> e.substring(0, e.lastIndexOf('@')).equals(removal.attribute()))
                    .findFirst().orElse(entries[0]);
            String[] position = entry.substring(entry.lastIndexOf('@') + 1).split(":");
            return new SourcePosition(file, Integer.parseInt(position[0]), Integer.parseInt(position[1]));
        }

        void visit(Node node) {
            // Children are copied first: the rewrites below replace nodes while walking.
            List<Node> children = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (Node child : children) {
                if (child.getParent() == null) {
                    continue; // removed by an earlier rewrite
                }
                if (child instanceof Paragraph paragraph && directive(paragraph)) {
                    continue;
                }
                if (child instanceof LinkRef ref && phrase(ref)) {
                    continue;
                }
                if (child instanceof com.vladsch.flexmark.ast.Heading heading) {
                    heading(heading);
                } else if (child instanceof Link || child instanceof Image || child instanceof AutoLink
                        || child instanceof LinkRef || child instanceof ImageRef || child instanceof TableBlock) {
                    mark(child);
                } else if (child instanceof TableCell cell) {
                    cell(cell);
                } else if (child instanceof HtmlBlock || child instanceof HtmlInline || child instanceof HtmlCommentBlock) {
                    rawHtml(child); // a comment block runs to the end of its line, which may hold more HTML
                } else if (child instanceof HtmlInlineComment) {
                    hasRawHtml = true; // comments are dropped by the cleaner, silently
                }
                visit(child);
            }
        }

        boolean directive(Paragraph paragraph) {
            // Every paragraph of every page comes here: only one that starts with "::" is made a string.
            var line = paragraph.getChars();
            int first = 0;
            while (first < line.length() && Character.isWhitespace(line.charAt(first))) {
                first++;
            }
            if (first + 1 >= line.length() || line.charAt(first) != ':' || line.charAt(first + 1) != ':') {
                return false;
            }
            String text = line.toString().strip();
            if (!DIRECTIVE_START.matcher(text).lookingAt()) {
                return false;
            }
            Matcher m = DIRECTIVE.matcher(text);
            if (!m.matches()) {
                notDirectives.add(paragraph);
                diagnostics.error(at(paragraph), "directive-syntax",
                        "a directive is one line such as ::table{data=ejemplares}, in lower case, with a blank line before and after it");
                return false;
            }
            if (!(paragraph.getParent() instanceof Document)) {
                notDirectives.add(paragraph);
                diagnostics.error(at(paragraph), "directive-nested",
                        "the directive ::" + m.group(1) + " is inside a list or quote; put it at the start of a line of its own");
                return false;
            }
            Map<String, String> args = new LinkedHashMap<>();
            String raw = m.group(2) == null ? "" : m.group(2);
            Matcher arg = DIRECTIVE_ARG.matcher(raw);
            String chars = paragraph.getChars().toString();
            int rawStart = paragraph.getStartOffset() + (chars.length() - chars.stripLeading().length()) + m.start(2);
            int end = 0;
            while (arg.find() && arg.start() == end) {
                String name = arg.group(1);
                String value = arg.group(2) != null ? arg.group(2) : arg.group(3) != null ? arg.group(3) : arg.group(4);
                String unsafe = safelist.unsafeParameter(name, value);
                if (unsafe == null) {
                    args.put(name, value);
                } else {
                    diagnostics.warning(at(rawStart + arg.start(1)), "unsafe-parameter", "::" + m.group(1) + ": removed the parameter "
                            + name + ", " + unsafe + "; a directive's template gets only safe values (see content/README.md)");
                }
                end = arg.end();
            }
            if (!raw.substring(end).isBlank()) {
                notDirectives.add(paragraph);
                diagnostics.error(at(paragraph), "directive-syntax",
                        "cannot read the attributes {" + raw + "} of ::" + m.group(1) + "; write them as name=value separated by spaces");
                return false;
            }
            var directive = new BodyPart.Directive(m.group(1), args, at(paragraph));
            var node = new DirectiveNode(directives.size());
            directives.add(directive);
            paragraph.insertBefore(node);
            paragraph.unlink();
            return true;
        }

        /** {@code [text]{lang=es}}: an undefined reference followed by attributes becomes a span. */
        boolean phrase(LinkRef ref) {
            if (ref.isDefined() || !(ref.getNext() instanceof AttributesNode attributes)) {
                return false;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Node a = attributes.getFirstChild(); a != null; a = a.getNext()) {
                if (a instanceof AttributeNode attribute) {
                    String name = attribute.getName().toString();
                    if (!PHRASE_ATTRIBUTES.contains(name)) {
                        diagnostics.error(at(attributes), "phrase-attribute",
                                "a marked phrase takes only lang (and dir), as in [Coalición Nuevo León Abierto]{lang=es}; remove " + name);
                        return false;
                    }
                    values.put(name, attribute.getValue().toString());
                }
            }
            String lang = values.get("lang");
            if (lang != null && !LANGUAGE_TAG.matcher(lang).matches()) {
                diagnostics.error(at(attributes), "phrase-lang",
                        "'" + lang + "' is not a language code; use a code such as es or en");
            }
            var phrase = new PhraseNode(values);
            while (ref.getFirstChild() != null) {
                phrase.appendChild(ref.getFirstChild());
            }
            ref.insertBefore(phrase);
            ref.unlink();
            attributes.unlink();
            visit(phrase);
            return true;
        }

        void heading(com.vladsch.flexmark.ast.Heading heading) {
            String explicit = null;
            for (Node c = heading.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof AttributesNode attributes) {
                    for (Node a = attributes.getFirstChild(); a != null; a = a.getNext()) {
                        if (a instanceof AttributeNode attribute && (attribute.isId() || attribute.getName().toString().equals("id"))) {
                            explicit = attribute.getValue().toString();
                        }
                    }
                }
            }
            String text = plainText(heading).strip();
            String folded = explicit != null ? null : Slug.fold(text);
            String id = explicit != null ? explicit : unique(folded.isEmpty() ? "seccion" : folded);
            if (explicit != null) {
                usedIds.merge(explicit, 1, Integer::sum);
            }
            outline.add(new Heading(heading.getLevel(), id, text));
            var attributes = new LinkedHashMap<String, String>();
            attributes.put("id", id);
            attributes.putAll(position(heading));
            extra.put(heading, attributes);
        }

        String unique(String base) {
            int n = usedIds.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + "-" + n;
        }

        void mark(Node node) {
            extra.put(node, position(node));
        }

        Map<String, String> position(Node node) {
            SourcePosition p = at(node);
            var attributes = new LinkedHashMap<String, String>();
            attributes.put(SOURCE_ATTRIBUTE, p.line() + ":" + p.column());
            return attributes;
        }

        void cell(TableCell cell) {
            // GFM alignment becomes a class: the align attribute is obsolete in HTML5.
            if (cell.getAlignment() != null) {
                extra.put(cell, Map.of("class", "align-" + cell.getAlignment().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }

        void rawHtml(Node node) {
            hasRawHtml = true;
            raw.add(node);
            for (HtmlSafelist.Removal removed : safelist.removals(node.getChars().toString())) {
                diagnostics.warning(at(node), "unsafe-html",
                        "raw HTML: removed " + removed.what() + "; only safe markup is published (see content/README.md)");
            }
        }
    }

    /** An attribute's name as HTML reads it: {@code #id} is id, {@code .class} is class. */
    private static String name(AttributeNode attribute) {
        if (attribute.isImplicitName()) {
            return attribute.isId() ? "id" : "class";
        }
        return attribute.getName().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** The plain text of a node, without attribute blocks. */
    static String plainText(Node node) {
        var out = new StringBuilder();
        collect(node, out);
        return WHITESPACE.matcher(out).replaceAll(" ");
    }

    private static void collect(Node node, StringBuilder out) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof AttributesNode) {
                continue;
            }
            if (c instanceof Text) {
                out.append(c.getChars().unescape());
            } else if (c instanceof Code code) {
                out.append(code.getText());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                out.append(' ');
            } else {
                collect(c, out);
            }
        }
    }

    /** Where a directive goes; rendered as a marker the converter splits on. */
    static final class DirectiveNode extends Block {
        final int index;

        DirectiveNode(int index) {
            this.index = index;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** A phrase in another language: {@code <span lang="es">}. */
    static final class PhraseNode extends Node {
        final Map<String, String> attributes;

        PhraseNode(Map<String, String> attributes) {
            this.attributes = Map.copyOf(attributes);
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    private static final class AbiertoNodes implements NodeRenderer {
        AbiertoNodes(DataHolder options) {
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(DirectiveNode.class, (node, context, html) ->
                            html.line().raw("\u0000D" + node.index + "\u0000").line()),
                    new NodeRenderingHandler<>(PhraseNode.class, (node, context, html) -> {
                        node.attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .forEach(e -> html.attr(e.getKey(), e.getValue()));
                        html.withAttr().tag("span");
                        context.renderChildren(node);
                        html.tag("/span");
                    }));
        }
    }

    private record ExtraAttributes(Map<Node, Map<String, String>> extra, Map<Node, String> marks) implements AttributeProvider {
        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            String mark = marks.get(node);
            if (mark != null) {
                attributes.replaceValue(ATTRIBUTES_SOURCE, mark);
            }
            Map<String, String> values = extra.get(node);
            if (values == null || !(part == AttributablePart.NODE || part == AttributablePart.LINK)) {
                return;
            }
            values.forEach((name, value) -> {
                if (name.equals("class")) {
                    attributes.addValue(name, value);
                } else {
                    attributes.replaceValue(name, value);
                }
            });
            if (node instanceof TableCell) {
                attributes.remove("align");
            }
        }
    }
}
