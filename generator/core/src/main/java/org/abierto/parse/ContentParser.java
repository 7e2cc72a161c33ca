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

    /** A parser for one build; {@code safelist} is what editors may write as HTML. */
    public ContentParser(HtmlSafelist safelist) {
        this(safelist, false);
    }

    /** @param remember whether it will parse the same content again (the dev server) and should keep its results */
    public ContentParser(HtmlSafelist safelist, boolean remember) {
        this.pages = new PageParser(yaml, schemas, new Markdown(safelist), remember);
    }

    public ParsedContent parseAll(Sources sources, Diagnostics diagnostics) {
        SourceFile siteFile = sources.siteFile();
        YamlDocument site = yaml.read(siteFile.path(), siteFile.text(), 0, "site file", diagnostics)
                .orElse(YamlDocument.empty(siteFile.path()));
        schemas.validate(site, SchemaCheck.Kind.SITE, diagnostics);
        Map<String, YamlDocument> i18n = byName(sources.i18nFiles(), "i18n file", diagnostics);
        i18n.values().forEach(doc -> schemas.validate(doc, SchemaCheck.Kind.I18N, diagnostics));
        Map<String, YamlDocument> data = byName(sources.dataFiles(), "data file", diagnostics);
        data.forEach((name, doc) -> schemaOf(name, doc).ifPresent(kind -> schemas.validate(doc, kind, diagnostics)));
        return new ParsedContent(site, i18n, data, pages.parseAll(sources.pageFiles(), diagnostics));
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
