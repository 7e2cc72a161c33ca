package org.abierto.model;


import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A page of the site, placed in the report's structure.
 *
 * @param source      the Markdown file, or null for generated pages
 * @param language    its language code
 * @param key         its translation key
 * @param kind        landing, home, section or page
 * @param url         its address from the site root, ending in '/'
 * @param outputPath  the file written, relative to the output ({@code es/presentacion/index.html})
 * @param title       its title
 * @param linkTitle   its short title for menus
 * @param description one sentence for search engines, or null
 * @param layout      the template that renders it (without {@code .ftlh})
 * @param body        its content: HTML and directives
 * @param outline     its headings, for the on-page table of contents
 * @param params      free-form values from {@code params:} in its front matter
 * @param ancestors   from the home down to its parent, for breadcrumbs
 * @param children    the pages of its section, in order (for section pages)
 * @param previous    the page before it in reading order, or null
 * @param next        the page after it in reading order, or null
 * @param alternates  the same page in each other language
 * @param self        a reference to this page
 * @param listed      whether it appears in menus, section lists and previous/next
 */
public record Page(
        Path source,
        String language,
        String key,
        PageKind kind,
        String url,
        String outputPath,
        String title,
        String linkTitle,
        String description,
        String layout,
        List<BodyPart> body,
        List<Heading> outline,
        Map<String, Object> params,
        List<PageRef> ancestors,
        List<PageRef> children,
        PageRef previous,
        PageRef next,
        List<Alternate> alternates,
        PageRef self,
        boolean listed) {

    public Page {
        body = List.copyOf(body);
        outline = List.copyOf(outline);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        ancestors = List.copyOf(ancestors);
        children = List.copyOf(children);
        alternates = List.copyOf(alternates);
    }

    /** This page with another content: what changes when only the text of its file does. */
    public Page withContent(List<BodyPart> body, List<Heading> outline, Map<String, Object> params) {
        return new Page(source, language, key, kind, url, outputPath, title, linkTitle, description, layout, body, outline,
                params, ancestors, children, previous, next, alternates, self, listed);
    }

    /** The top-level section this page belongs to (itself when it is one), or null on the home page. */
    public PageRef topSection() {
        if (ancestors.size() >= 2) {
            return ancestors.get(1);
        }
        return kind == PageKind.HOME || kind == PageKind.LANDING ? null : self;
    }
}
