package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What templates find in {@code site} besides the page itself: pages by key, the footer's pages, the 404 pages. */
class SiteModelTest {
    @TempDir
    Path dir;

    private static final String MODEL = """
            <!DOCTYPE html>
            <html lang="${site.language.code}"><head><meta charset="utf-8"><title>${page.title}</title></head>
            <body><main><h1>${page.title}</h1>
            <p>keys <#list site.pages as key, p>${key}=${p.url} </#list></p>
            <p>home ${site.home.url}</p>
            <p>footer <#list site.auxiliary as p>${p.url} </#list></p>
            <p>alternates <#list page.alternates as a>${a.language.code}=${a.page.url} </#list></p>
            <p>children <#list page.children as c>${c.url} </#list></p>
            ${content}
            </main></body></html>
            """;

    private MiniSite site() {
        var site = MiniSite.create(dir)
                .file("templates/page.ftlh", MODEL).file("templates/home.ftlh", MODEL).file("templates/404.ftlh", MODEL)
                .file("content/es/aviso.md", "---\ntitle: Aviso de privacidad\nlisted: false\n---\n\nAviso.\n")
                .file("content/en/notice.md", "---\ntitle: Privacy notice\nlisted: false\ntranslationKey: aviso\n---\n\nNotice.\n");
        new Abierto().translations(site.request(), true, List.of(), true);
        return site;
    }

    private static String line(String html, String name) {
        int start = html.indexOf("<p>" + name + " ");
        assertTrue(start >= 0, "no " + name + " in " + html);
        return html.substring(start + 3, html.indexOf("</p>", start)).strip();
    }

    @Test
    void pagesByKeyAreThePagesOfTheLanguageAndTheFooterItsUnlistedOnes() {
        var site = site();
        assertEquals(List.of(), site.errors(site.build()));
        String es = site.output("es/diagnostico/index.html");
        // In reading order; the landing page at / is not among them: 'home' is this language's home.
        assertEquals("keys home=/es/ diagnostico=/es/diagnostico/ aviso=/es/aviso/ 404=/es/404.html", line(es, "keys"));
        assertEquals("home /es/", line(es, "home"));
        assertEquals("footer /es/aviso/", line(es, "footer"));
        String en = site.output("en/diagnosis/index.html");
        assertEquals("keys home=/en/ diagnostico=/en/diagnosis/ aviso=/en/notice/ 404=/en/404.html", line(en, "keys"));
        assertEquals("footer /en/notice/", line(en, "footer"));
    }

    @Test
    void eachLanguageHasA404PageLinkedToTheOtherHomesAndTheRootsListsEveryHome() {
        var site = site();
        assertEquals(List.of(), site.errors(site.build()));
        String es = site.output("es/404.html");
        assertEquals("alternates en=/en/", line(es, "alternates"));
        assertEquals("children", line(es, "children"));
        assertEquals("footer /es/aviso/", line(es, "footer")); // a 404 page is no page of the footer
        String en = site.output("en/404.html");
        assertEquals("alternates es=/es/", line(en, "alternates"));
        String root = site.output("404.html");
        assertTrue(root.contains("<html lang=\"es\""), root);
        assertEquals("alternates en=/en/", line(root, "alternates"));
        assertEquals("children /es/ /en/", line(root, "children"));
    }
}
