package org.abierto;

import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview's snapshots: what an update holds, and the files it makes only when a reader asks for them. */
class WorkspaceTest {
    @TempDir
    Path dir;

    private static String text(OutputFile file) {
        return new String(((OutputFile.Generated) file).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void eachUpdateIsANewVersionWithThePagesOfEachLanguage() {
        var site = MiniSite.create(dir);
        var workspace = new Workspace(site.request());
        assertEquals(site.request(), workspace.request());
        Workspace.Snapshot first = workspace.update(List.of());
        assertEquals(1, first.version());
        assertEquals(List.of(), first.diagnostics());
        assertEquals(List.of(Map.entry("es", 2), Map.entry("en", 2)), List.copyOf(first.result().pages().entrySet()));
        assertEquals(first.files().size(), first.result().files());
        assertFalse(first.result().written(), "the preview writes nothing");
        assertTrue(first.files().containsKey("es/diagnostico/index.html"), first.files().keySet().toString());
        assertTrue(text(first.files().get("es/diagnostico/index.html")).contains("Texto del diagnóstico."));
        assertEquals(2, workspace.update(List.of()).version());
    }

    @Test
    void anUpdateSaysHowLongItTook() {
        var workspace = new Workspace(MiniSite.create(dir).request());
        long before = System.nanoTime();
        Workspace.Snapshot snapshot = workspace.update(List.of());
        long took = System.nanoTime() - before;
        assertFalse(snapshot.took().isNegative(), snapshot.took().toString());
        assertTrue(snapshot.took().toNanos() <= took, snapshot.took() + " of " + took + " ns");
    }

    @Test
    void contentWithErrorsHasNoFilesNoPagesAndNothingOnDemand() {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", DownloadsTest.PDF_TEMPLATE);
        var workspace = new Workspace(site.request().withDownloads(true, false));
        assertTrue(workspace.update(List.of()).result().succeeded());
        assertTrue(workspace.onDemand("es/informe-de-prueba.pdf").isPresent());

        site.file("content/es/diagnostico.md", "---\ntitle: [roto\n---\n\nTexto.\n");
        Workspace.Snapshot broken = workspace.update(List.of(site.root().resolve("content/es/diagnostico.md")));
        assertEquals(1, broken.result().errors());
        assertEquals(Map.of(), broken.files());
        assertEquals(Map.of(), broken.result().pages());
        assertEquals(0, broken.result().files());
        assertEquals(Optional.empty(), workspace.onDemand("es/informe-de-prueba.pdf"));
    }

    @Test
    void aPageThatFailsToRenderLeavesNoFiles() {
        var site = MiniSite.create(dir);
        site.file("templates/page.ftlh", "<html>${page.nada}</html>\n");
        Workspace.Snapshot snapshot = new Workspace(site.request()).update(List.of());
        assertEquals(1, snapshot.result().errors(), snapshot.diagnostics().toString());
        assertTrue(snapshot.diagnostics().get(0).message().endsWith("(while rendering content/en/diagnosis.md and 1 other page)"));
        assertEquals(Map.of(), snapshot.files(), "the pages that rendered are not served either");
    }

    @Test
    void thePdfIsMadeWhenAskedForOncePerUpdate() {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", DownloadsTest.PDF_TEMPLATE);
        var workspace = new Workspace(site.request().withDownloads(true, false));
        Workspace.Snapshot snapshot = workspace.update(List.of());
        assertEquals(List.of(), snapshot.diagnostics());
        assertTrue(snapshot.files().keySet().stream().noneMatch(f -> f.endsWith(".pdf")), "an update makes no PDF");

        OutputFile pdf = workspace.onDemand("es/informe-de-prueba.pdf").orElseThrow();
        assertEquals("es/informe-de-prueba.pdf", pdf.path());
        assertTrue(text(pdf).startsWith("%PDF-"));
        assertSame(pdf, workspace.onDemand("es/informe-de-prueba.pdf").orElseThrow(), "made once");
        assertEquals("en/test-report.pdf", workspace.onDemand("en/test-report.pdf").orElseThrow().path());
        assertEquals(Optional.empty(), workspace.onDemand("es/otro.pdf"));
        assertEquals(Optional.empty(), workspace.onDemand("es/diagnostico/index.html"), "a page is in the snapshot, not made on demand");

        workspace.update(List.of());
        OutputFile again = workspace.onDemand("es/informe-de-prueba.pdf").orElseThrow();
        assertFalse(pdf == again, "made again for the next update");
    }

    @Test
    void noPdfOnDemandUnlessTheRequestAsksForThem() {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", DownloadsTest.PDF_TEMPLATE);
        var workspace = new Workspace(site.request());
        assertEquals(List.of(), workspace.update(List.of()).diagnostics());
        assertEquals(Optional.empty(), workspace.onDemand("es/informe-de-prueba.pdf"));
    }

    @Test
    void theSearchIndexIsMadeWhenItsPageAsksForIt() {
        var site = MiniSite.create(dir)
                .file("templates/search.ftlh", SearchTest.SEARCH_TEMPLATE)
                .file("content/es/buscar.md", "---\ntitle: Buscar\nlayout: search\nlisted: false\n---\n\nTodas las páginas.\n");
        var workspace = new Workspace(site.request());
        Workspace.Snapshot snapshot = workspace.update(List.of());
        assertEquals(List.of(), snapshot.diagnostics().stream().filter(d -> d.isError()).toList());
        assertTrue(snapshot.files().containsKey("es/buscar/index.html"));
        assertTrue(snapshot.files().keySet().stream().noneMatch(f -> f.endsWith(".js")), "an update indexes nothing");

        OutputFile meta = workspace.onDemand("es/buscar/meta.js").orElseThrow();
        assertEquals("es/buscar/meta.js", meta.path());
        OutputFile texts = workspace.onDemand("es/buscar/texts-0.js").orElseThrow();
        assertTrue(text(texts).contains("Texto del diagnóstico"), text(texts));
        assertSame(meta, workspace.onDemand("es/buscar/meta.js").orElseThrow(), "indexed once per update");
        assertEquals(Optional.empty(), workspace.onDemand("en/buscar/meta.js"), "English has no search page");

        // What a build writes beside the search page.
        assertEquals(List.of(), site.errors(site.build()));
        assertEquals(site.output("es/buscar/texts-0.js"), text(texts));
        assertEquals(site.output("es/buscar/meta.js"), text(meta));
    }
}
