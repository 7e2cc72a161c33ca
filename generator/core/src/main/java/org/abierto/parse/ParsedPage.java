package org.abierto.parse;

import org.abierto.load.SourceFile;

import java.util.List;

/**
 * A page after the parse stage.
 *
 * @param source       the Markdown file (its name only: the text is not kept once parsed)
 * @param language     the language folder it lives in ({@code es})
 * @param folders      the folders between the language folder and the file ({@code [ruta-de-trabajo]})
 * @param fileName     the file name without {@code .md} ({@code diagnostico}, or {@code _index})
 * @param frontMatter  its front matter
 * @param body         its body converted to HTML and directives
 * @param fingerprint  the {@link org.abierto.model.Fingerprint} of its title, description and body
 */
public record ParsedPage(
        SourceFile source,
        String language,
        List<String> folders,
        String fileName,
        FrontMatter frontMatter,
        MarkdownBody body,
        String fingerprint) {

    public static final String SECTION_INDEX = "_index";

    public ParsedPage {
        folders = List.copyOf(folders);
    }

    /** Whether this is the page of a section (or of a language's home): {@code _index.md}. */
    public boolean isSectionIndex() {
        return fileName.equals(SECTION_INDEX);
    }

    /** The path inside its language folder without extension: {@code ruta-de-trabajo/diagnostico}, {@code ruta-de-trabajo/_index}. */
    public String pathInLanguage() {
        return folders.isEmpty() ? fileName : String.join("/", folders) + "/" + fileName;
    }
}
