package org.abierto.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a build reads, in a stable order (sorted by path).
 *
 * @param contentRoot   the content folder
 * @param templatesRoot the templates folder
 * @param siteFile      {@code site.yaml}
 * @param i18nFiles     {@code i18n/*.yaml}
 * @param dataFiles     {@code data/*.yaml}
 * @param pageFiles     Markdown files under the language folders ({@code es/**.md}, …)
 * @param staticFiles   {@code static/**}, non-Markdown files of the language folders, and the theme's {@code assets/**}
 * @param templates     the theme's template names ({@code page.ftlh}, {@code directives/table.ftlh})
 */
public record Sources(
        Path contentRoot,
        Path templatesRoot,
        SourceFile siteFile,
        List<SourceFile> i18nFiles,
        List<SourceFile> dataFiles,
        List<SourceFile> pageFiles,
        List<StaticFile> staticFiles,
        java.util.Set<String> templates) {

    public Sources {
        i18nFiles = List.copyOf(i18nFiles);
        dataFiles = List.copyOf(dataFiles);
        pageFiles = List.copyOf(pageFiles);
        staticFiles = List.copyOf(staticFiles);
        templates = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(templates));
    }

    /** These sources without the i18n, data and page files at {@code paths} (the site file stays). */
    public Sources without(java.util.Set<Path> paths) {
        java.util.function.Function<List<SourceFile>, List<SourceFile>> kept =
                files -> files.stream().filter(f -> !paths.contains(f.path())).toList();
        return new Sources(contentRoot, templatesRoot, siteFile, kept.apply(i18nFiles), kept.apply(dataFiles),
                kept.apply(pageFiles), staticFiles, templates);
    }
}
