package org.abierto.serve;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which file of the site an address names, and which addresses are refused before any look-up. */
class SitePathTest {

    @Test
    void anAddressNamesAFileOfTheSiteAndAFolderItsIndex() {
        assertEquals(new SitePath(false, "index.html"), SitePath.of("/"));
        assertEquals(new SitePath(false, "es/index.html"), SitePath.of("/es/"));
        assertEquals(new SitePath(false, "es/diagnostico/index.html"), SitePath.of("/es/diagnostico/"));
        assertEquals(new SitePath(false, "es/diagnostico"), SitePath.of("/es/diagnostico"), "no slash: the server redirects");
        assertEquals(new SitePath(false, "es/informe.pdf"), SitePath.of("/es/informe.pdf"));
    }

    @Test
    void anAddressIsDecodedOnceWithPlusAsAPlus() {
        assertEquals("es/diagnóstico/index.html", SitePath.of("/es/diagn%C3%B3stico/").file());
        assertEquals("a b.txt", SitePath.of("/a%20b.txt").file());
        assertEquals("a+b.txt", SitePath.of("/a+b.txt").file(), "a + in a path is a plus, not a space");
        assertEquals("a%41.txt", SitePath.of("/a%2541.txt").file(), "decoded once only");
        assertEquals("a..b/index.html", SitePath.of("/a..b/").file(), "two dots inside a name climb nowhere");
    }

    @Test
    void anythingThatCouldClimbOutOfTheSiteIsRefused() {
        for (String raw : List.of("/..", "/../secreto.txt", "/es/../../secreto.txt", "/./es/", "/es/.", "/es/./a",
                "/%2e%2e/secreto.txt", "/%2E%2E/secreto.txt", "/es/%2fetc", "/es/%2Fetc", "/es/..%5csecreto", "/es/..%5Csecreto",
                "/es/%00.html", "/es/\\secreto", "//etc/passwd", "/es//a", "/a\u0000b", "/\u0000", "/%zz", "/%")) {
            SitePath path = SitePath.of(raw);
            assertTrue(path.refused(), raw);
            assertNull(path.file(), raw);
        }
    }

    @Test
    void anAddressThatIsNoPathIsRefused() {
        assertTrue(SitePath.of(null).refused());
        assertTrue(SitePath.of("").refused());
        assertTrue(SitePath.of("es/index.html").refused());
        assertFalse(SitePath.of("/es/index.html").refused());
    }

    @Test
    void theFirstFolderNamesTheLanguage() {
        assertEquals(Optional.of("es"), SitePath.of("/es/no-existe/").language());
        assertEquals(Optional.of("en"), SitePath.of("/en/a/b.html").language());
        assertEquals(Optional.empty(), SitePath.of("/no-existe.html").language(), "a file at the root has no language folder");
        assertEquals(Optional.empty(), SitePath.of("/").language());
    }
}
