package org.abierto.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SitePathsTest {
    @ParameterizedTest
    @CsvSource({
            "/es/ruta-de-trabajo/diagnostico/, /es/anexo/, ../../anexo/",
            "/es/ruta-de-trabajo/diagnostico/, /es/ruta-de-trabajo/diagnostico/, ./",
            "/es/ruta-de-trabajo/, /es/ruta-de-trabajo/diagnostico/, diagnostico/",
            "/, /es/, es/",
            "/es/, /assets/style.css, ../assets/style.css",
            "/es/a/, /en/b/, ../../en/b/",
            "/es/, /, ../",
            // a file named as the page's own folder is in the folder above, not the page itself
            "/es/datos/, /es/datos, ../datos"})
    void relativeAddressesFromAPage(String from, String to, String expected) {
        assertEquals(expected, SitePaths.relative(from, to));
    }

    @ParameterizedTest
    @CsvSource({
            "/es/ruta-de-trabajo/diagnostico/, /es/anexo/, true, ../../anexo/index.html",
            "/es/ruta-de-trabajo/diagnostico/, /es/ruta-de-trabajo/diagnostico/, true, index.html",
            "/, /es/, true, es/index.html",
            "/es/, /, true, ../index.html",
            "/es/, /assets/style.css, true, ../assets/style.css",
            "/es/, /es/datos/tabla.csv, true, datos/tabla.csv",
            "/es/ruta-de-trabajo/diagnostico/, /es/anexo/, false, ../../anexo/",
            "/es/, /, false, ../",
            "/, /es/, false, es/"})
    void aPortableSiteNamesTheIndexOfAFolder(String from, String to, boolean portable, String expected) {
        assertEquals(expected, SitePaths.address(from, to, portable));
    }

    @ParameterizedTest
    @CsvSource({
            "/es/a/, ../b/, /es/b/",
            "/es/a/, ./, /es/a/",
            "/es/a/, x.css, /es/a/x.css",
            "/es/a/, ../../assets/s.css, /assets/s.css",
            "/es/a/, .., /es/",
            "/es/, ../../x, ''"})
    void resolvesRelativeReferences(String folder, String relative, String expected) {
        assertEquals(expected.isEmpty() ? null : expected, SitePaths.resolve(folder, relative));
    }
}
