package org.abierto.assemble;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A theme asset's published name carries its content's hash before the extension, so it can be cached for a year. */
class FingerprintedNameTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void theHashGoesBeforeTheLastExtensionOfTheFileName() {
        assertEquals("style.0123456789.css", SiteAssembler.fingerprinted("style.css", SHA));
        assertEquals("css/site.min.0123456789.css", SiteAssembler.fingerprinted("css/site.min.css", SHA));
    }

    @Test
    void aNameWithoutExtensionEndsWithTheHashEvenInAFolderWithADot() {
        assertEquals("LICENSE.0123456789", SiteAssembler.fingerprinted("LICENSE", SHA));
        assertEquals("fonts.d/LICENSE.0123456789", SiteAssembler.fingerprinted("fonts.d/LICENSE", SHA));
    }
}
