package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.SourceFile;
import org.abierto.load.Sources;
import org.abierto.schema.SchemaCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The parse stage: reads every YAML file and every page of the sources. */
public final class ContentParser {
    /** The data file of the report's figures (validated with the figures schema). */
    public static final String FIGURES = "figuras";

    private final YamlReader yaml = new YamlReader();
    private final SchemaCheck schemas = new SchemaCheck();
    private final PageParser pages;

    /** @param safelist what editors may write as HTML */
    public ContentParser(HtmlSafelist safelist) {
        this.pages = new PageParser(yaml, schemas, new Markdown(safelist));
    }

    /** Parses the site file, the interface words, the data files and every page. */
    public ParsedContent parseAll(Sources sources, Diagnostics diagnostics) {
        return parseAll(sources, pages::parseAlone, this::parseYaml, diagnostics);
    }

    /** One page on its own, with its problems: what {@link #parseAll} does for each page. */
    public PageParser.Result parsePage(SourceFile file) {
        return pages.parseAlone(file);
    }

    /** Which of the content's YAML files a file is: what messages call it and which schemas apply. */
    public enum YamlRole {
        SITE("site file"), I18N("i18n file"), DATA("data file");

        private final String what;

        YamlRole(String what) {
            this.what = what;
        }
    }

    /** A YAML file of the content read and checked against its schema, with its problems. */
    public record YamlResult(Optional<YamlDocument> document, List<Diagnostic> diagnostics) {
        public YamlResult {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** One YAML file on its own, with its problems: what {@link #parseAll} does for each. */
    public YamlResult parseYaml(SourceFile file, YamlRole role) {
        var own = new Diagnostics();
        Optional<YamlDocument> read = yaml.read(file.path(), file.text(), 0, role.what, own);
        // A site file that cannot be read is checked as an empty one, so what it must hold is reported too.
        Optional<YamlDocument> doc = role == YamlRole.SITE ? Optional.of(read.orElse(YamlDocument.empty(file.path()))) : read;
        doc.ifPresent(d -> {
            Optional<SchemaCheck.Kind> kind = switch (role) {
                case SITE -> Optional.of(SchemaCheck.Kind.SITE);
                case I18N -> Optional.of(SchemaCheck.Kind.I18N);
                case DATA -> schemaOf(dataName(file), d);
            };
            kind.ifPresent(k -> schemas.validate(d, k, own));
        });
        return new YamlResult(doc, own.all());
    }

    /**
     * As {@link #parseAll(Sources, Diagnostics)}, each page parsed by {@code pageParsing} and each YAML
     * file by {@code yamlParsing}: the live preview gives back what it parsed before of a text that
     * did not change.
     */
    public ParsedContent parseAll(Sources sources, Function<SourceFile, PageParser.Result> pageParsing,
                                  BiFunction<SourceFile, YamlRole, YamlResult> yamlParsing, Diagnostics diagnostics) {
        // The YAML files are read, one after another, while the pages are parsed: neither depends on the
        // other, and in a small report's build the second core would otherwise wait (about a tenth of a
        // second of the real report's cold build). Their problems come first, as before.
        var yamlFound = new Diagnostics();
        java.util.concurrent.CompletableFuture<ParsedContent> yaml = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            YamlResult siteFile = yamlParsing.apply(sources.siteFile(), YamlRole.SITE);
            siteFile.diagnostics().forEach(yamlFound::add);
            YamlDocument site = siteFile.document().orElse(YamlDocument.empty(sources.siteFile().path()));
            Map<String, YamlDocument> i18n = byName(sources.i18nFiles(), YamlRole.I18N, yamlParsing, yamlFound);
            Map<String, YamlDocument> data = byName(sources.dataFiles(), YamlRole.DATA, yamlParsing, yamlFound);
            return new ParsedContent(site, i18n, data, List.of());
        });
        var pagesFound = new Diagnostics();
        List<ParsedPage> pages = PageParser.parseAll(sources.pageFiles(), pageParsing, pagesFound);
        ParsedContent read;
        try {
            read = yaml.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e; // as if read on this thread
        }
        yamlFound.all().forEach(diagnostics::add);
        pagesFound.all().forEach(diagnostics::add);
        return new ParsedContent(read.site(), read.i18n(), read.data(), pages);
    }

    /** Which schema a data file follows: tables have columns or rows, lists have items; others are free-form. */
    static Optional<SchemaCheck.Kind> schemaOf(String name, YamlDocument doc) {
        Map<String, Object> root = doc.rootMap();
        if (name.equals(FIGURES)) {
            return Optional.of(SchemaCheck.Kind.FIGURES);
        }
        if (root.containsKey("columns") || root.containsKey("rows")) {
            return Optional.of(SchemaCheck.Kind.TABLE);
        }
        if (root.containsKey("items")) {
            return Optional.of(SchemaCheck.Kind.LIST);
        }
        return Optional.empty();
    }

    private static Map<String, YamlDocument> byName(List<SourceFile> files, YamlRole role,
                                                    BiFunction<SourceFile, YamlRole, YamlResult> parsing, Diagnostics diagnostics) {
        var result = new LinkedHashMap<String, YamlDocument>();
        for (SourceFile file : files) {
            YamlResult parsed = parsing.apply(file, role);
            parsed.diagnostics().forEach(diagnostics::add);
            parsed.document().ifPresent(doc -> result.put(dataName(file), doc));
        }
        return result;
    }

    /** data/ejemplares.yaml → ejemplares; files in sub-folders keep them: data/a/b.yaml → a/b. */
    private static String dataName(SourceFile file) {
        return file.relative().substring(file.relative().indexOf('/') + 1).replaceFirst("\\.yaml$", "");
    }
}
