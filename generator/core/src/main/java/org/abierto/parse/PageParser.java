package org.abierto.parse;

import org.abierto.yaml.YamlFields;
import org.abierto.yaml.YamlDocument;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.SourceFile;
import org.abierto.model.Fingerprint;
import org.abierto.schema.SchemaCheck;
import org.abierto.model.Slug;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parse stage for pages: splits the front matter, reads it as YAML, checks its keys and
 * types, and converts the body from Markdown.
 */
public final class PageParser {
    static final Set<String> KEYS = Set.of("title", "description", "order", "linkTitle", "slug",
            "translationKey", "sourceHash", "layout", "draft", "listed", "params");

    private final YamlReader yaml;
    private final SchemaCheck schemas;
    private final Markdown markdown;

    public PageParser(YamlReader yaml, SchemaCheck schemas, Markdown markdown) {
        this.yaml = yaml;
        this.schemas = schemas;
        this.markdown = markdown;
    }

    /**
     * What parsing one file on its own gave.
     *
     * @param page        the page, or empty when the file has errors
     * @param diagnostics the problems found in it
     */
    public record Result(Optional<ParsedPage> page, List<org.abierto.diagnostic.Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Parses every page; pages with errors are reported and left out. Runs in parallel, keeps order. */
    public List<ParsedPage> parseAll(List<SourceFile> files, Diagnostics diagnostics) {
        return parseAll(files, this::parseAlone, diagnostics);
    }

    /** As {@link #parseAll(List, Diagnostics)}, each file parsed by {@code parsing} (e.g. {@link #parseAlone}). */
    public static List<ParsedPage> parseAll(List<SourceFile> files, java.util.function.Function<SourceFile, Result> parsing,
                                            Diagnostics diagnostics) {
        List<Result> results = files.parallelStream().map(parsing).toList();
        results.forEach(r -> r.diagnostics().forEach(diagnostics::add));
        return results.stream().map(Result::page).flatMap(Optional::stream).toList();
    }

    /** Parses one file, keeping its problems with it. */
    public Result parseAlone(SourceFile file) {
        var own = new Diagnostics();
        Optional<ParsedPage> page = parse(file, own);
        return new Result(page, own.all());
    }

    /** Parses one page, or reports why it cannot. */
    public Optional<ParsedPage> parse(SourceFile file, Diagnostics diagnostics) {
        String[] parts = file.relative().split("/");
        String language = parts[0];
        List<String> folders = Arrays.asList(parts).subList(1, parts.length - 1);
        String fileName = parts[parts.length - 1].replaceFirst("\\.md$", "");

        String text = file.text();
        if (!text.startsWith("---\n")) {
            diagnostics.error(file.path(), 1, 1, "front-matter-missing",
                    "the page has no front matter; start the file with a line '---', then 'title: …', then a line '---'");
            return Optional.empty();
        }
        int close = findClosing(text);
        if (close < 0) {
            diagnostics.error(file.path(), 1, 1, "front-matter-unclosed",
                    "the front matter is not closed; add a line '---' after its last key");
            return Optional.empty();
        }
        String yamlText = text.substring(4, close);
        int bodyStart = text.indexOf('\n', close) + 1;
        if (bodyStart == 0) {
            bodyStart = text.length();
        }
        int bodyLineOffset = (int) text.substring(0, bodyStart).chars().filter(c -> c == '\n').count();

        Optional<YamlDocument> document = yaml.read(file.path(), yamlText, 1, "front matter", diagnostics);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Optional<FrontMatter> frontMatter = schemas.validate(document.get(), SchemaCheck.Kind.FRONT_MATTER, diagnostics)
                ? frontMatter(document.get(), diagnostics) : Optional.empty();
        String bodyText = text.substring(bodyStart);
        MarkdownBody body = markdown.convert(file.path(), bodyText, bodyLineOffset, diagnostics);
        return frontMatter.map(fm -> new ParsedPage(file.withoutText(), language, folders, fileName,
                fm, body, Fingerprint.of(fm.title(), fm.description(), bodyText)));
    }

    /** The offset of the closing "---" (or "...") line, or -1. */
    private static int findClosing(String text) {
        int lineStart = 4;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            String line = (end < 0 ? text.substring(lineStart) : text.substring(lineStart, end)).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            if (end < 0) {
                return -1;
            }
            lineStart = end + 1;
        }
        return -1;
    }

    private static Optional<FrontMatter> frontMatter(YamlDocument yaml, Diagnostics diagnostics) {
        if (!(yaml.root() instanceof Map<?, ?>)) {
            diagnostics.error(yaml.position(""), "front-matter-type",
                    "the front matter must be keys and values such as 'title: Diagnóstico'");
            return Optional.empty();
        }
        var fields = new YamlFields(yaml, diagnostics, "front matter");
        fields.onlyKeys("", KEYS);
        String title = fields.text("/title", true);
        String description = fields.text("/description", false);
        Long order = fields.integer("/order");
        String linkTitle = fields.text("/linkTitle", false);
        String slug = fields.text("/slug", false);
        if (slug != null && !Slug.isValid(slug)) {
            fields.error("/slug", "slug",
                    "the slug '" + slug + "' may use only lower-case letters without accents, digits and hyphens, e.g. '"
                            + Slug.fold(slug) + "'");
        }
        String translationKey = fields.text("/translationKey", false);
        String sourceHash = fields.text("/sourceHash", false);
        if (sourceHash != null && !sourceHash.matches("[0-9a-f]{12}")) {
            fields.error("/sourceHash", "source-hash", "sourceHash is written by 'abierto translations --mark'; "
                    + "it is 12 hexadecimal digits, not '" + sourceHash + "'");
        }
        String layout = fields.text("/layout", false);
        if (layout != null && !layout.matches("[a-z0-9][a-z0-9_/-]*")) {
            fields.error("/layout", "layout",
                    "the layout '" + layout + "' must name a template of templates/ without '.ftlh', e.g. 'home'");
        }
        boolean draft = fields.bool("/draft", false);
        boolean listed = fields.bool("/listed", true);
        Map<String, Object> params = fields.map("/params", false);
        if (fields.failed()) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(title, description, order == null ? null : order.intValue(), linkTitle, slug,
                translationKey, sourceHash, layout, draft, listed, params, yaml));
    }
}
