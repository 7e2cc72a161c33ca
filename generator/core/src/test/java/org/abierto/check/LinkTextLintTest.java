package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkTextLintTest {
    private static final Page PAGE = new Page(Path.of("content/es/pagina.md"), "es", "", PageKind.PAGE, "/es/pagina/",
            "es/pagina/index.html", "T", "T", "", "page", List.of(), List.of(), Map.of(), List.of(), List.of(), null, null, List.of(),
            null, true);

    private static List<String> lint(String body) {
        var diagnostics = new Diagnostics();
        LinkTextLint.check(PAGE, new PageElements(Jsoup.parseBodyFragment(body)), diagnostics);
        return diagnostics.all().stream().map(d -> d.line() + ":" + d.column() + " " + d.code() + ": " + d.message()).toList();
    }

    @Test
    void aLinkWithoutTextIsAnError() {
        assertEquals(List.of("2:3 empty-link-text: a link has no text; screen readers would announce only its address"),
                lint("<p><a data-src=\"2:3\" href=\"/es/\"> </a></p>"));
        assertEquals(List.of("2:3 empty-link-text: a link has no text; screen readers would announce only its address"),
                lint("<p><a data-src=\"2:3\" href=\"/es/\"><img src=\"logo.svg\" alt=\"\"></a></p>"));
        assertEquals(List.of("2:3 empty-link-text: a link has no text; screen readers would announce only its address"),
                lint("<p><a data-src=\"2:3\" href=\"\"></a></p>"));
        // An anchor without an address is a place to link to, not a link (HTML: a placeholder).
        assertEquals(List.of(), lint("<p><a data-src=\"2:3\" id=\"seguridad\"></a>Texto.</p>"));
        // An image's description names the link.
        assertEquals(List.of(), lint("<p><a href=\"/es/\"><img src=\"logo.svg\" alt=\"Inicio\"></a></p>"));
    }

    @Test
    void vagueTextIsAnErrorWhateverItsPunctuation() {
        assertEquals(List.of("2:3 vague-link-text: the link text '¡Aquí!' says nothing out of context; name where it leads, "
                + "e.g. the document's title"), lint("<p><a data-src=\"2:3\" href=\"/es/\">¡Aquí!</a></p>"));
        assertEquals(List.of(), lint("<p><a href=\"/es/\">Aquí está el informe</a></p>"));
    }
}
