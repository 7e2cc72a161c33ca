package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Addresses, sections, reading order and translations, seen through a template that prints them. */
class SiteStructureTest {
    @TempDir
    Path dir;

    static final String STRUCTURE = """
            <!DOCTYPE html><html lang="${site.language.code}"><head><meta charset="utf-8"><title>${page.title}</title></head><body><pre>
            ${page.url} ${page.kind} key=${page.key} layout=${page.layout}
            up=<#list page.ancestors as a>${a.url} </#list>
            children=<#list page.children as c>${c.url} </#list>
            prev=${(page.previous.url)!"-"} next=${(page.next.url)!"-"}
            alternates=<#list page.alternates as a>${a.language.code}:${a.page.url}:${a.translated?c} </#list>
            </pre></body></html>
            """;

    private MiniSite site() {
        return MiniSite.create(dir)
                .file("templates/page.ftlh", STRUCTURE).file("templates/section.ftlh", STRUCTURE).file("templates/home.ftlh", STRUCTURE)
                .file("content/es/ruta/_index.md", "---\ntitle: Ruta de trabajo\norder: 2\ntranslationKey: ruta\n---\n")
                .file("content/es/ruta/b.md", "---\ntitle: Bravo\ntranslationKey: b\n---\n")
                .file("content/es/ruta/a.md", "---\ntitle: Zulu\norder: 1\nslug: primera-fase\ntranslationKey: a\n---\n")
                .file("content/es/ruta/c.md", "---\ntitle: Águila\ntranslationKey: c\n---\n")
                .file("content/es/borrador.md", "---\ntitle: Borrador\ndraft: true\n---\n")
                .file("content/en/roadmap/_index.md", "---\ntitle: Roadmap\norder: 2\ntranslationKey: ruta\n---\n")
                .file("content/en/roadmap/first.md", "---\ntitle: First\norder: 1\ntranslationKey: a\n---\n")
                .file("content/en/roadmap/bravo.md", "---\ntitle: Bravo\ntranslationKey: b\n---\n")
                .file("content/en/roadmap/eagle.md", "---\ntitle: Eagle\ntranslationKey: c\n---\n");
    }

    private static String structure(String html) {
        return html.substring(html.indexOf("<pre>") + 5, html.indexOf("</pre>")).strip();
    }

    @Test
    void sectionsOrderAndReadingOrder() {
        var site = site();
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals("""
                /es/ruta/ SECTION key=ruta layout=section
                up=/es/\s
                children=/es/ruta/primera-fase/ /es/ruta/c/ /es/ruta/b/\s
                prev=/es/diagnostico/ next=/es/ruta/primera-fase/
                alternates=en:/en/roadmap/:true""", structure(site.output("es/ruta/index.html")));
        assertEquals("""
                /es/ruta/b/ PAGE key=b layout=page
                up=/es/ /es/ruta/\s
                children=
                prev=/es/ruta/c/ next=-
                alternates=en:/en/roadmap/bravo/:true""", structure(site.output("es/ruta/b/index.html")));
    }

    @Test
    void withoutItsPublicAddressASiteNamesIndexHtmlSoItWorksFromDisk() {
        // baseUrl: / (MiniSite's): the address is not known, so links must also work opened from disk.
        var site = MiniSite.create(dir);
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals(List.of("es/index.html", "en/index.html"), hrefs(site.output("index.html")));
        assertEquals(List.of("../../en/diagnosis/index.html"), hrefs(site.output("es/diagnostico/index.html")));
        // With its public address, the same site keeps clean folder addresses.
        site.file("content/site.yaml", site.output("../content/site.yaml").replace("baseUrl: /", "baseUrl: https://example.gob.mx/informe/"));
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals(List.of("es/", "en/"), hrefs(site.output("index.html")));
        assertEquals(List.of("../../en/diagnosis/"), hrefs(site.output("es/diagnostico/index.html")));
    }

    private static List<String> hrefs(String html) {
        return org.jsoup.Jsoup.parse(html).select("body a[href]").eachAttr("href");
    }

    @Test
    void pagesWithoutTranslationSendToTheOtherHome() {
        var site = site().delete("content/en/roadmap/eagle.md");
        site.build();
        assertEquals("alternates=en:/en/:false", structure(site.output("es/ruta/c/index.html")).lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void draftsAreNotWritten() {
        var site = site();
        site.build();
        assertEquals(false, site.outputFiles().stream().anyMatch(f -> f.contains("borrador")));
    }

    @Test
    void folderWithoutSectionPageIsAnError() {
        var site = site().delete("content/es/ruta/_index.md");
        assertEquals(List.of(
                "content/es/ruta/a.md: error: the folder content/es/ruta/ has no _index.md; create it with the section's title and order"),
                site.errors(site.build()));
    }

    @Test
    void fileNamesThatCannotBeAddressesAreErrors() {
        var site = site().file("content/es/Visión a futuro.md", "---\ntitle: Visión\n---\n");
        assertEquals(List.of("content/es/Visión a futuro.md: error: the file name 'Visión a futuro.md' cannot be part of an address; "
                + "rename it 'vision-a-futuro.md' or set a slug"), site.errors(site.build()));
    }

    @Test
    void duplicateTranslationKeysInOneLanguage() {
        var site = site().file("content/es/otra.md", "---\ntitle: Otra\ntranslationKey: b\n---\n");
        assertEquals(List.of("content/es/ruta/b.md: error: this page and content/es/otra.md have the same translationKey 'b'; "
                + "each page of a language needs its own"), site.errors(site.build()));
    }
}
