package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import java.util.Map;

/**
 * The front matter of a page: the YAML between the two {@code ---} lines.
 *
 * @param title          the page title (required)
 * @param description    one sentence for search engines and previews, or null
 * @param order          position among its siblings, or null (last, by title)
 * @param linkTitle      a shorter title for menus and breadcrumbs, or null
 * @param slug           the last part of the address instead of the file name, or null
 * @param translationKey links translations of one page, or null (the path inside the language folder)
 * @param sourceHash     on a translation: the fingerprint of the original it translates, or null
 * @param layout         the template to use instead of the default for its kind, or null
 * @param draft          drafts are not built
 * @param listed         false keeps the page out of menus, section lists and previous/next (it is still published)
 * @param params         any further keys under {@code params:}, free-form, for templates
 * @param yaml           the front matter as read, for positions
 */
public record FrontMatter(
        String title,
        String description,
        Integer order,
        String linkTitle,
        String slug,
        String translationKey,
        String sourceHash,
        String layout,
        boolean draft,
        boolean listed,
        Map<String, Object> params,
        YamlDocument yaml) {

    public FrontMatter {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
