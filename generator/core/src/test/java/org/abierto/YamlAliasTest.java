package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 14, item 6: a YAML alias ({@code *f}) was published as the word "f". Abierto refuses aliases,
 * at the alias, naming the anchor it repeats (content/README.md, "YAML aliases"): resolving them would
 * also mean bounding how far aliases of aliases expand, for a convenience editors do not need.
 */
class YamlAliasTest {
    @TempDir
    Path dir;

    @Test
    void anAliasInADataFileIsAnErrorAtTheAliasNotTheWordPublished() {
        var site = MiniSite.create(dir)
                .file("content/data/ejemplares.yaml", """
                        title: {es: Ejemplares, en: Copies}
                        source: &f Coalición Nuevo León Abierto
                        columns:
                          - {key: institucion, label: {es: Institución, en: Institution}}
                        rows:
                          - institucion: *f
                        """)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\n::table{data=ejemplares}\n");
        BuildResult result = site.build();
        assertEquals(List.of("content/data/ejemplares.yaml:6:18: error: '*f' is a YAML alias, which repeats the value marked '&f' on "
                + "line 2; Abierto does not read aliases (see content/README.md, 'YAML aliases'): write the value itself here"),
                site.errors(result));
        assertFalse(result.written());
    }

    @Test
    void anAliasInFrontMatterOrAMergeKeyIsAnErrorToo() {
        var site = MiniSite.create(dir)
                .file("content/es/diagnostico.md", "---\ntitle: &t Diagnóstico\nlinkTitle: *t\norder: 1\n---\n\nTexto.\n")
                .file("content/data/base.yaml", "comun: &base {a: 1}\notro:\n  <<: *base\n  b: 2\n");
        assertEquals(List.of("content/data/base.yaml:3:7: error: '*base' is a YAML alias, which repeats the value marked '&base' on line 1; "
                        + "Abierto does not read aliases (see content/README.md, 'YAML aliases'): write the value itself here",
                "content/es/diagnostico.md:3:12: error: '*t' is a YAML alias, which repeats the value marked '&t' on line 2; Abierto does "
                        + "not read aliases (see content/README.md, 'YAML aliases'): write the value itself here"),
                site.errors(site.build()));
    }

    @Test
    void anAnchorAloneIsReadAsItsValue() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: &t Diagnóstico\norder: 1\n---\n\nTexto.\n");
        assertEquals(List.of(), site.errors(site.build()));
    }
}
