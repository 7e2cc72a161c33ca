package org.abierto.search;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.Site;
import org.abierto.parse.ContentParser;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the index holds while a build runs: a large index's texts files leave as their pages come in. */
class SearchIndexTest {
    @TempDir
    Path dir;

    private Site site(int pages) {
        var site = MiniSite.create(dir)
                .file("templates/search.ftlh", "<html><body><main>${content}</main></body></html>")
                .file("content/es/buscar.md", "---\ntitle: Buscar\nlayout: search\nlisted: false\n---\n\nTodas.\n");
        for (int i = 0; i < pages; i++) {
            site.file("content/es/p" + i + ".md", "---\ntitle: Página " + i + "\n---\n\nTexto.\n");
        }
        var diagnostics = new Diagnostics();
        Sources sources = new ContentLoader().load(site.root().resolve("content"), site.root().resolve("templates"), diagnostics).orElseThrow();
        var parsed = new ContentParser(new SafelistFilter()).parseAll(sources, diagnostics);
        return new SiteAssembler().assemble(parsed, sources, null, diagnostics).orElseThrow();
    }

    private static byte[] html(int words) {
        var text = new StringBuilder("<main>");
        for (int w = 0; w < words; w++) {
            text.append(w % 40 == 0 ? "<p>" : " ").append("palabra").append(Integer.toString(w, 36));
            if (w % 40 == 39) {
                text.append("</p>");
            }
        }
        return text.append("</p></main>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeIndexWritesItsTextsAsTheirPagesComeInInPageOrder() {
        Site site = site(120);
        var index = new SearchIndex(site);
        List<Page> pages = site.pages().stream().filter(SearchIndex::indexed).toList();
        // The second half first, as another thread would: nothing of it can leave before the first half.
        List<OutputFile.Generated> early = new ArrayList<>();
        for (Page page : pages.subList(pages.size() / 2, pages.size())) {
            early.addAll(index.add(page, html(400)));
        }
        assertEquals(List.of(), early, "texts wait for the pages before them");
        List<OutputFile.Generated> asTheyCame = new ArrayList<>();
        for (Page page : pages.subList(0, pages.size() / 2)) {
            asTheyCame.addAll(index.add(page, html(400)));
        }
        List<OutputFile.Generated> atTheEnd = index.files();
        List<String> texts = atTheEnd.stream().map(OutputFile.Generated::path).filter(p -> p.contains("/texts-")).toList();
        assertTrue(asTheyCame.size() > 3, "most texts files leave before the end: " + asTheyCame.size());
        assertTrue(texts.size() <= 1, "only the last one is left for the end: " + texts);
        assertTrue(asTheyCame.stream().allMatch(f -> f.path().startsWith("es/buscar/texts-")), asTheyCame.toString());
        for (int i = 0; i < asTheyCame.size(); i++) {
            assertEquals("es/buscar/texts-" + i + ".js", asTheyCame.get(i).path(), "in page order");
        }
    }

    @Test
    void aSmallIndexHasOneTextsFileMadeAtTheEnd() {
        Site site = site(3);
        var index = new SearchIndex(site);
        for (Page page : site.pages().stream().filter(SearchIndex::indexed).toList()) {
            assertEquals(List.of(), index.add(page, html(100)));
        }
        assertEquals(List.of("es/buscar/meta.js", "es/buscar/terms-0.js", "es/buscar/positions-0.js", "es/buscar/texts-0.js"),
                index.files().stream().map(OutputFile.Generated::path).toList());
    }
}
