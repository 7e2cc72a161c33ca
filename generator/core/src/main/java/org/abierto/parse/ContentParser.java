package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.SourceFile;
import org.abierto.load.Sources;
import org.abierto.schema.SchemaCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return parseAll(sources, pages::parseAlone, diagnostics);
    }

    /** One page on its own, with its problems: what {@link #parseAll} does for each page. */
    public PageParser.Result parsePage(SourceFile file) {
        return pages.parseAlone(file);
    }

    /**
     * As {@link #parseAll(Sources, Diagnostics)}, each page parsed by {@code parsing}: the live
     * preview gives back what it parsed before of a text that did not change.
     */
    public ParsedContent parseAll(Sources sources, java.util.function.Function<SourceFile, PageParser.Result> parsing,
                                  Diagnostics diagnostics) {
        SourceFile siteFile = sources.siteFile();
        YamlDocument site = yaml.read(siteFile.path(), siteFile.text(), 0, "site file", diagnostics)
                .orElse(YamlDocument.empty(siteFile.path()));
        schemas.validate(site, SchemaCheck.Kind.SITE, diagnostics);
        Map<String, YamlDocument> i18n = byName(sources.i18nFiles(), "i18n file", diagnostics);
        i18n.values().forEach(doc -> schemas.validate(doc, SchemaCheck.Kind.I18N, diagnostics));
        Map<String, YamlDocument> data = byName(sources.dataFiles(), "data file", diagnostics);
        data.forEach((name, doc) -> schemaOf(name, doc).ifPresent(kind -> schemas.validate(doc, kind, diagnostics)));
        return new ParsedContent(site, i18n, data, PageParser.parseAll(sources.pageFiles(), parsing, diagnostics));
    }

    /** Which schema a data file follows: tables have columns or rows, lists have items; others are free-form. */
    static java.util.Optional<SchemaCheck.Kind> schemaOf(String name, YamlDocument doc) {
        Map<String, Object> root = doc.rootMap();
        if (name.equals(FIGURES)) {
            return java.util.Optional.of(SchemaCheck.Kind.FIGURES);
        }
        if (root.containsKey("columns") || root.containsKey("rows")) {
            return java.util.Optional.of(SchemaCheck.Kind.TABLE);
        }
        if (root.containsKey("items")) {
            return java.util.Optional.of(SchemaCheck.Kind.LIST);
        }
        return java.util.Optional.empty();
    }

    private Map<String, YamlDocument> byName(List<SourceFile> files, String what, Diagnostics diagnostics) {
        var result = new LinkedHashMap<String, YamlDocument>();
        for (SourceFile file : files) {
            // data/ejemplares.yaml → ejemplares; files in sub-folders keep them: data/a/b.yaml → a/b
            String name = file.relative().substring(file.relative().indexOf('/') + 1).replaceFirst("\\.yaml$", "");
            yaml.read(file.path(), file.text(), 0, what, diagnostics).ifPresent(doc -> result.put(name, doc));
        }
        return result;
    }
}
