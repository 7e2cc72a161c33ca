package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies the links of every page against the whole output, once every page is checked on its own:
 * each link must lead to a file the site will hold, and to an anchor that page has.
 */
public final class LinkVerification {
    private LinkVerification() {
    }

    /** Each page's anchors, by its path in the site ({@code /es/anexo/index.html}). */
    public static Map<String, Set<String>> anchors(Collection<HtmlChecker.CheckedPage> pages) {
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach(c -> ids.put("/" + c.page().outputPath(), c.ids()));
        return ids;
    }

    /** Verifies a page's links against the whole output: the files it will hold, and each page's anchors. */
    public static void verify(HtmlChecker.CheckedPage page, Set<String> files, Map<String, Set<String>> ids, Diagnostics diagnostics) {
        for (LinkCheck link : page.links()) {
            verify(link, files, ids, diagnostics);
        }
    }

    /** The external addresses the pages link to, each with where it is linked from, in page order. */
    public static Map<String, List<SourcePosition>> external(List<HtmlChecker.CheckedPage> ordered) {
        Map<String, List<SourcePosition>> external = new TreeMap<>();
        ordered.forEach(c -> c.external().forEach(link ->
                external.computeIfAbsent(link.written(), k -> new ArrayList<>()).add(link.at())));
        return external;
    }

    private static void verify(LinkCheck link, Set<String> files, Map<String, Set<String>> ids, Diagnostics diagnostics) {
        String file = link.target().substring(1);
        if (!files.contains(file)) {
            String hint = files.contains(file + "/index.html") ? "; end the address with '/'" : "";
            diagnostics.error(link.at(), "broken-link", "the link " + LinkRewriting.abbreviate(link.written())
                    + " leads to " + link.target() + ", which the site does not have" + hint);
            return;
        }
        Set<String> anchors = ids.get(link.target());
        if (link.fragment() != null && anchors != null && !anchors.contains(link.fragment())) {
            diagnostics.error(link.at(), "broken-anchor", "the link " + LinkRewriting.abbreviate(link.written())
                    + " points at the anchor #" + link.fragment() + ", which " + link.target().replaceFirst("index\\.html$", "")
                    + " does not have");
        }
    }
}
