package org.abierto.parse;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.SourceFile;
import org.abierto.load.Sources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parse stage: reads every YAML file and every page of the sources. */
public final class ContentParser {
    private final YamlReader yaml = new YamlReader();
    private final PageParser pages;

    /** @param rawHtmlFilter keeps raw HTML in Markdown safe */
    public ContentParser(RawHtmlFilter rawHtmlFilter) {
        this.pages = new PageParser(yaml, new Markdown(rawHtmlFilter));
    }

    public ParsedContent parseAll(Sources sources, Diagnostics diagnostics) {
        SourceFile siteFile = sources.siteFile();
        YamlDocument site = yaml.read(siteFile.path(), siteFile.text(), 0, "site file", diagnostics)
                .orElse(YamlDocument.empty(siteFile.path()));
        return new ParsedContent(site,
                byName(sources.i18nFiles(), "i18n file", diagnostics),
                byName(sources.dataFiles(), "data file", diagnostics),
                pages.parseAll(sources.pageFiles(), diagnostics));
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
