package org.abierto.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Diagnóstico|diagnostico",
            "Planeación y coordinación|planeacion-y-coordinacion",
            "Sesión de rendición de cuentas con OGP|sesion-de-rendicion-de-cuentas-con-ogp",
            "  ¿Qué sigue?  |que-sigue",
            "Año 2024: 96 sujetos|ano-2024-96-sujetos",
            "Ñandú — über|nandu-uber",
            "Straße|strase",
            "---|''"})
    void foldsAccentsAndPunctuation(String text, String slug) {
        assertEquals(slug, Slug.fold(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagnostico", "ruta-de-trabajo", "2024", "a-1-b"})
    void aSlugIsLowerCaseLettersAndDigitsJoinedBySingleHyphens(String text) {
        assertTrue(Slug.isValid(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Diagnostico", "diagnóstico", "-inicio", "fin-", "dos--guiones", "con espacio", "a_b"})
    void anythingElseIsNoSlug(String text) {
        assertFalse(Slug.isValid(text), text);
    }
}
