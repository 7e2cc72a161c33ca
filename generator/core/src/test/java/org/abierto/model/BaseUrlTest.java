package org.abierto.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which texts may be a site's base URL, and what an editor is told about the others. */
class BaseUrlTest {
    static final String NOT_AN_ADDRESS = "it must be an address such as https://example.gob.mx/informe/, or a path starting with /";
    static final String BAD_HOST = "its host name is not valid; write it as https://example.gob.mx/informe/";

    @ParameterizedTest
    @ValueSource(strings = {"/", "/informe/", "https://example.gob.mx/", "http://example.org/informe/2024/", "https://a.b:8080/x/"})
    void anAddressOrAPathFromTheRoot(String url) {
        assertEquals(Optional.empty(), SiteConfig.baseUrlProblem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "informe/", "https://example.gob.mx", "/informe con espacio/", "/informe/?v=2", "/informe/#inicio",
            "ftp://example.gob.mx/"})
    void anythingElseIsNoAddress(String url) {
        assertEquals(Optional.of(NOT_AN_ADDRESS), SiteConfig.baseUrlProblem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/", "https://mi_sitio.gob.mx/"})
    void aHostWithoutADotOrThatIsNoHostName(String url) {
        assertEquals(Optional.of(BAD_HOST), SiteConfig.baseUrlProblem(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "/informe\"2024/|\"|9",
            "https://example.gob.mx/a<b/|<|25",
            "/%zz/|%|2"})
    void aCharacterAnAddressMayNotHoldIsNamedWithItsPosition(String url, String character, int position) {
        assertEquals(Optional.of("an address may not hold the character '" + character + "' (at position " + position
                + "); write it encoded (e.g. %22 for a quote) or leave it out"), SiteConfig.baseUrlProblem(url));
    }
}
