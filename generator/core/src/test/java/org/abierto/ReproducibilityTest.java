package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same inputs give byte-identical output, in another folder and on another run. */
class ReproducibilityTest {

    @Test
    void twoCopiesOfTheSameContentBuildIdentically(@TempDir Path a, @TempDir Path b) throws IOException {
        var first = rich(MiniSite.create(a));
        var second = rich(MiniSite.create(b));
        assertEquals(java.util.List.of(), first.errors(first.build()));
        assertEquals(java.util.List.of(), second.errors(second.build()));
        Map<String, byte[]> one = OutputSafetyTest.snapshot(first.out());
        Map<String, byte[]> two = OutputSafetyTest.snapshot(second.out());
        assertEquals(one.keySet(), two.keySet());
        one.forEach((path, bytes) -> assertArrayEquals(bytes, two.get(path), path));
    }

    @Test
    void rebuildingGivesTheSameBytes(@TempDir Path dir) throws IOException {
        var site = rich(MiniSite.create(dir));
        assertEquals(java.util.List.of(), site.errors(site.build()));
        Map<String, byte[]> one = OutputSafetyTest.snapshot(site.out());
        assertTrue(site.build().succeeded());
        Map<String, byte[]> two = OutputSafetyTest.snapshot(site.out());
        assertEquals(one.keySet(), two.keySet());
        one.forEach((path, bytes) -> assertArrayEquals(bytes, two.get(path), path));
    }

    /** Enough pages, data and sections that ordering or parallelism mistakes would show. */
    private static MiniSite rich(MiniSite site) {
        site.file("content/data/ejemplares.yaml", """
                title: {es: Ejemplares, en: Copies}
                columns:
                  - {key: institucion, label: {es: Institución, en: Institution}, lang: es}
                  - {key: n, label: {es: Ejemplares, en: Copies}, type: integer, total: true}
                rows:
                  - {institucion: INFO NL, n: 40}
                  - {institucion: Consejo Nuevo León, n: 10}
                """);
        for (int i = 1; i <= 12; i++) {
            site.file("content/es/seccion/_index.md", "---\ntitle: Sección\ntranslationKey: seccion\n---\n\nIntro.\n");
            site.file("content/en/section/_index.md", "---\ntitle: Section\ntranslationKey: seccion\n---\n\nIntro.\n");
            site.file("content/es/seccion/pagina-" + i + ".md", "---\ntitle: Página " + i + "\ntranslationKey: p" + i
                    + "\n---\n\n## Parte {#parte}\n\nTexto[^1] con [el diagnóstico](../diagnostico.md).\n\n::table{data=ejemplares}\n\n[^1]: Nota.\n");
            site.file("content/en/section/page-" + i + ".md", "---\ntitle: Page " + i + "\ntranslationKey: p" + i
                    + "\n---\n\n## Part {#parte}\n\nText[^1] with [the diagnosis](../diagnosis.md).\n\n::table{data=ejemplares}\n\n[^1]: Note.\n");
        }
        return site;
    }
}
