package org.abierto.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlugTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Diagnóstico|diagnostico",
            "Planeación y coordinación|planeacion-y-coordinacion",
            "Sesión de rendición de cuentas con OGP|sesion-de-rendicion-de-cuentas-con-ogp",
            "  ¿Qué sigue?  |que-sigue",
            "Año 2024: 96 sujetos|ano-2024-96-sujetos",
            "Ñandú — über|nandu-uber",
            "---|''"})
    void foldsAccentsAndPunctuation(String text, String slug) {
        assertEquals(slug, Slug.fold(text));
    }
}
