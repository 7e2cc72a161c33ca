package org.abierto.check;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkVerificationTest {
    private static final Path SOURCE = Path.of("content/es/guia.md");

    private static List<String> verified(LinkCheck link) {
        var page = new HtmlChecker.CheckedPage(null, null, Set.of(), List.of(link), List.of());
        var diagnostics = new Diagnostics();
        LinkVerification.verify(page, Set.of("es/anexo/index.html", "es/datos.csv"),
                Map.of("/es/anexo/index.html", Set.of("tabla-1")), diagnostics);
        return diagnostics.all().stream().map(d -> d.line() + ":" + d.column() + " " + d.code() + " " + d.message()).toList();
    }

    @Test
    void aLinkToAFileAndAnchorTheSiteHasIsFine() {
        assertEquals(List.of(), verified(new LinkCheck(new SourcePosition(SOURCE, 3, 5), "anexo.md#tabla-1", "/es/anexo/index.html", "tabla-1")));
        assertEquals(List.of(), verified(new LinkCheck(new SourcePosition(SOURCE, 3, 5), "/es/datos.csv", "/es/datos.csv", null)));
    }

    @Test
    void aMissingFileIsReportedWhereTheLinkIsWritten() {
        assertEquals(List.of("7:2 broken-link the link '/es/nada/' leads to /es/nada/index.html, which the site does not have"),
                verified(new LinkCheck(new SourcePosition(SOURCE, 7, 2), "/es/nada/", "/es/nada/index.html", null)));
        assertEquals(List.of("7:2 broken-link the link '/es/anexo' leads to /es/anexo, which the site does not have; end the address with '/'"),
                verified(new LinkCheck(new SourcePosition(SOURCE, 7, 2), "/es/anexo", "/es/anexo", null)));
    }

    @Test
    void aMissingAnchorIsReportedWithThePageItIsMissingFrom() {
        assertEquals(List.of("9:1 broken-anchor the link 'anexo.md#tabla-2' points at the anchor #tabla-2, which /es/anexo/ does not have"),
                verified(new LinkCheck(new SourcePosition(SOURCE, 9, 1), "anexo.md#tabla-2", "/es/anexo/index.html", "tabla-2")));
    }

    @Test
    void externalAddressesAreSortedWithEveryPlaceTheyAreLinkedFrom() {
        var a = new SourcePosition(SOURCE, 1, 1);
        var b = new SourcePosition(SOURCE, 2, 1);
        var c = new SourcePosition(Path.of("content/es/otra.md"), 4, 3);
        var first = new HtmlChecker.CheckedPage(null, null, Set.of(), List.of(),
                List.of(new LinkCheck(a, "https://z.example.org/", null, null), new LinkCheck(b, "https://a.example.org/", null, null)));
        var second = new HtmlChecker.CheckedPage(null, null, Set.of(), List.of(), List.of(new LinkCheck(c, "https://z.example.org/", null, null)));
        Map<String, List<SourcePosition>> external = LinkVerification.external(List.of(first, second));
        assertEquals(List.of("https://a.example.org/", "https://z.example.org/"), List.copyOf(external.keySet()));
        assertEquals(List.of(a, c), external.get("https://z.example.org/"));
    }
}
