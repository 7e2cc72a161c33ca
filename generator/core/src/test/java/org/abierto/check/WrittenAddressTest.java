package org.abierto.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WrittenAddressTest {
    @Test
    void anAddressSplitsIntoPathQueryAndAnchor() {
        assertEquals(new WrittenAddress("/es/anexo/", "?v=2", "tabla-1"), WrittenAddress.of("/es/anexo/?v=2#tabla-1"));
        assertEquals(new WrittenAddress("anexo.md", "", null), WrittenAddress.of("anexo.md"));
    }

    @Test
    void aQueryOrAnAnchorAloneKeepsAnEmptyPath() {
        // "?v=2" and "#notas" lead to the same page: its path is empty, not the query or the anchor.
        assertEquals(new WrittenAddress("", "?v=2", null), WrittenAddress.of("?v=2"));
        assertEquals(new WrittenAddress("", "", "notas"), WrittenAddress.of("#notas"));
        assertEquals(new WrittenAddress("", "?v=2", ""), WrittenAddress.of("?v=2#"));
    }
}
