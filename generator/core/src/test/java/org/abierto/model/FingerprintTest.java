package org.abierto.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What a translation records of its original: twelve hex digits of what the translator translates, whatever its line endings. */
class FingerprintTest {
    private static String sha256Of(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isTheFirstTwelveDigitsOfTheSha256OfTitleDescriptionAndBody() throws Exception {
        assertEquals(sha256Of("Diagnóstico\nUna frase.\n\nTexto.").substring(0, 12),
                Fingerprint.of("Diagnóstico", "Una frase.", "Texto.\n"));
    }

    @Test
    void aMissingTitleOrDescriptionCountsAsEmpty() throws Exception {
        assertEquals(sha256Of("Texto.").substring(0, 12), Fingerprint.of(null, null, "Texto."));
        assertEquals(Fingerprint.of("", "", "Texto."), Fingerprint.of(null, null, "Texto."));
        assertEquals(sha256Of("Título\n\n\nTexto.").substring(0, 12), Fingerprint.of("Título", null, "Texto."));
    }

    @Test
    void lineEndingsAndTrailingSpacesDoNotChangeIt() {
        String fingerprint = Fingerprint.of("Título", "Frase.", "Uno.\n\nDos.\n");
        assertEquals(fingerprint, Fingerprint.of("Título", "Frase.", "Uno.\r\n\r\nDos.\r\n"));
        assertEquals(fingerprint, Fingerprint.of("Título  ", "Frase.\t", "Uno.   \n\nDos.\n\n\n"));
    }

    @Test
    void anyWordChangedChangesIt() {
        String fingerprint = Fingerprint.of("Título", "Frase.", "Uno.\n\nDos.\n");
        assertNotEquals(fingerprint, Fingerprint.of("Titulo", "Frase.", "Uno.\n\nDos.\n"));
        assertNotEquals(fingerprint, Fingerprint.of("Título", "Frase", "Uno.\n\nDos.\n"));
        assertNotEquals(fingerprint, Fingerprint.of("Título", "Frase.", "Uno.\n\nTres.\n"));
        // Moved between the title and the body, the same words are another text.
        assertNotEquals(Fingerprint.of("A", null, "B"), Fingerprint.of(null, "A", "B"));
    }
}
