package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each kind of data file is checked against its own schema, chosen by what it holds: a table (columns
 * or rows), a list (items), the figures (data/figuras.yaml); any other file is free-form.
 */
class DataSchemaTest {
    @TempDir
    Path dir;

    @Test
    void aListWithAMistypedKeyIsAnErrorAtTheKey() {
        var site = MiniSite.create(dir).file("content/data/razones.yaml",
                "title: {es: Razones, en: Reasons}\norderd: true\nitems:\n  - {es: Una, en: One}\n");
        assertEquals(List.of("content/data/razones.yaml:2:1: error: unknown key 'orderd' in the list; did you mean 'ordered'?"),
                site.errors(site.build()));
    }

    @Test
    void theFiguresWithAMistypedKeyAreAnErrorAtTheKey() {
        var site = MiniSite.create(dir).file("content/data/figuras.yaml",
                "reunion:\n  image: figuras/reunion.jpg\n  caption: {es: Reunión, en: Meeting}\n  captoin: {es: Otra, en: Other}\n");
        assertEquals(List.of("content/data/figuras.yaml:4:3: error: unknown key 'captoin' in the figure list; did you mean 'caption'?"),
                site.errors(site.build()));
    }

    @Test
    void aFileThatIsNeitherTableNorListNorFiguresIsFreeForm() {
        var site = MiniSite.create(dir).file("content/data/contacto.yaml", "correo: transparencia@example.org\norderd: true\n");
        assertEquals(List.of(), site.errors(site.build()));
    }
}
