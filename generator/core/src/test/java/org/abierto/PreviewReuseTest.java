package org.abierto;

import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the live preview keeps between updates still gives what a fresh build gives: the problems of files
 * not edited are reported again, links are verified again when what they point at changes, and what is
 * kept (a page's check, an image's copies, a template's version) is kept only while its inputs are the same.
 */
class PreviewReuseTest {
    @TempDir
    Path dir;
    MiniSite site;
    Workspace workspace;

    @BeforeEach
    void site() {
        site = MiniSite.create(dir)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto del diagnóstico.\n\n## Hallazgos\n\nTexto.\n")
                .file("content/es/propuesta.md", "---\ntitle: Propuesta\norder: 2\n---\n\nVer [los hallazgos](diagnostico.md#hallazgos).\n")
                .file("content/en/proposal.md", "---\ntitle: Proposal\norder: 2\ntranslationKey: propuesta\n---\n\nSee the findings.\n");
        new Abierto().translations(site.request(), true, List.of(), true);
        workspace = new Workspace(site.request());
    }

    /** Updates after {@code path} was written, as the watcher reports it, and asserts a fresh build gives the same. */
    private Workspace.Snapshot edit(String path, String text) throws IOException {
        site.file(path, text);
        return updated(site.root().resolve(path));
    }

    private Workspace.Snapshot updated(Path changed) throws IOException {
        Workspace.Snapshot snapshot = workspace.update(List.of(changed));
        Workspace.Snapshot fresh = new Workspace(site.request()).update(List.of());
        assertEquals(fresh.diagnostics(), snapshot.diagnostics());
        assertEquals(fresh.result().pages(), snapshot.result().pages());
        assertEquals(fresh.files().keySet(), snapshot.files().keySet());
        for (var file : fresh.files().entrySet()) {
            assertArrayEquals(bytes(file.getValue()), bytes(snapshot.files().get(file.getKey())), file.getKey());
        }
        return snapshot;
    }

    private static byte[] bytes(OutputFile file) throws IOException {
        return file instanceof OutputFile.Generated g ? g.bytes() : Files.readAllBytes(((OutputFile.Copied) file).source());
    }

    private String read(String path) throws IOException {
        return Files.readString(site.root().resolve(path));
    }

    private List<String> errors(Workspace.Snapshot snapshot) {
        return report(snapshot).stream().filter(d -> d.contains(": error: ")).toList();
    }

    private List<String> report(Workspace.Snapshot snapshot) {
        return snapshot.diagnostics().stream().map(d -> d.format(site.root())).toList();
    }

    @Test
    void theWarningsOfFilesNotEditedAreReportedAgain() throws IOException {
        site.file("content/es/diagnostico.md", read("content/es/diagnostico.md") + "\nUn <span onclick=\"x()\">aviso</span>.\n");
        site.delete("content/en/proposal.md");
        Workspace.Snapshot first = workspace.update(List.of());
        List<String> warnings = report(first);
        assertEquals(List.of("content/es/diagnostico.md:12:4: warning: raw HTML: removed the onclick attribute of <span>; only safe "
                        + "markup is published (see content/README.md)"),
                warnings.stream().filter(w -> w.contains("raw HTML")).toList());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("content/es/propuesta.md") && w.contains("warning")), warnings.toString());

        Workspace.Snapshot after = edit("content/en/_index.md", read("content/en/_index.md").replace("Welcome.", "Welcome!"));
        assertEquals(warnings, report(after));
        assertEquals(Set.of("/en/"), after.rendered());
    }

    @Test
    void aPageWhoseLinkedAnchorIsRenamedReportsItWithoutBeingRenderedAgain() throws IOException {
        assertEquals(List.of(), workspace.update(List.of()).diagnostics());
        Workspace.Snapshot renamed = edit("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("## Hallazgos", "## Resultados"));
        assertEquals(List.of("content/es/propuesta.md:6:5: error: the link 'diagnostico.md#hallazgos' points at the anchor #hallazgos, "
                + "which /es/diagnostico/ does not have"), errors(renamed));
        assertEquals(Set.of("/es/diagnostico/"), renamed.rendered());

        Workspace.Snapshot other = edit("content/en/_index.md", read("content/en/_index.md").replace("Welcome.", "Welcome!"));
        assertEquals(errors(renamed), errors(other), "still broken after an edit elsewhere");

        assertEquals(List.of(), errors(edit("content/es/diagnostico.md", read("content/es/diagnostico.md")
                .replace("## Resultados", "## Hallazgos"))));
    }

    @Test
    void aPageWhoseLinkedPageIsDeletedReportsIt() throws IOException {
        assertEquals(List.of(), workspace.update(List.of()).diagnostics());
        site.delete("content/es/diagnostico.md").delete("content/en/diagnosis.md");
        Workspace.Snapshot deleted = updated(site.root().resolve("content/es/diagnostico.md"));
        assertEquals(List.of("content/es/propuesta.md:6:5: error: the link 'diagnostico.md#hallazgos' points at content/es/diagnostico.md, "
                + "which is not a published page; check the file name (drafts are not published)"), errors(deleted));
    }

    @Test
    void aFileThatCannotBeReadIsReportedAtEveryUpdateUntilItIsFixed() throws IOException {
        Path page = site.root().resolve("content/es/diagnostico.md");
        Files.write(page, "---\ntitle: Diagnóstico\n---\n\nTexto \u00ff.\n".getBytes(StandardCharsets.ISO_8859_1));
        Workspace.Snapshot broken = workspace.update(List.of());
        assertEquals(1, broken.result().errors(), report(broken).toString());
        String error = report(broken).stream().filter(d -> d.contains("error")).findFirst().orElseThrow();
        assertTrue(error.startsWith("content/es/diagnostico.md:2:13: error: the byte 0xF3 is not valid UTF-8"), error);

        Workspace.Snapshot other = edit("content/es/_index.md", read("content/es/_index.md").replace("Bienvenida.", "Bienvenidos."));
        assertTrue(report(other).contains(error), report(other).toString());

        Workspace.Snapshot fixed = edit("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n\n## Hallazgos\n\nTexto.\n");
        assertEquals(0, fixed.result().errors(), report(fixed).toString());
    }

    @Test
    void aKnownFileSavedInAnotherEncodingIsReportedUntilItIsFixed() throws IOException {
        assertEquals(List.of(), workspace.update(List.of()).diagnostics());
        Path page = site.root().resolve("content/es/diagnostico.md");
        // Only a known file edited: the preview reads it alone, and must report it as a full read does.
        Files.write(page, "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n".getBytes(StandardCharsets.ISO_8859_1));
        Workspace.Snapshot broken = updated(page);
        assertTrue(errors(broken).stream().anyMatch(e -> e.startsWith("content/es/diagnostico.md:2:13: error: the byte 0xF3 is not valid UTF-8")),
                report(broken).toString());
        Workspace.Snapshot other = edit("content/en/_index.md", read("content/en/_index.md").replace("Welcome.", "Welcome!"));
        assertEquals(errors(broken), errors(other), "still reported after an edit elsewhere");
        assertEquals(List.of(), errors(edit("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n\n## Hallazgos\n\nTexto.\n")));
    }

    @Test
    void aPageIsCheckedAgainOnlyWhenItsHtmlChanges() throws IOException {
        Workspace.Snapshot first = workspace.update(List.of());
        Workspace.Snapshot after = edit("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("Texto.", "Otro texto."));
        assertEquals(Set.of("/es/diagnostico/"), after.rendered());
        assertSame(((OutputFile.Generated) first.files().get("es/propuesta/index.html")).bytes(),
                ((OutputFile.Generated) after.files().get("es/propuesta/index.html")).bytes(), "checked once");
        assertNotSame(((OutputFile.Generated) first.files().get("es/diagnostico/index.html")).bytes(),
                ((OutputFile.Generated) after.files().get("es/diagnostico/index.html")).bytes());
    }

    /** Writes a file with text of the same length as before and gives it back its date, as a quick save can leave it. */
    private Path sameSizeAndDate(String path, String from, String to) throws IOException {
        assertEquals(from.length(), to.length());
        Path file = site.root().resolve(path);
        var modified = Files.getLastModifiedTime(file);
        site.file(path, read(path).replace(from, to));
        Files.setLastModifiedTime(file, modified);
        return file;
    }

    private String page(Workspace.Snapshot snapshot, String path) {
        return new String(((OutputFile.Generated) snapshot.files().get(path)).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anEditOfTheSameSizeAndDateShowsAndStillShowsAfterAFileIsAdded() throws IOException {
        workspace.update(List.of());
        // A quick save of the same length can keep the file's date: the watcher's report is what tells.
        Path edited = sameSizeAndDate("content/es/diagnostico.md", "Texto del", "TEXTO DEL");
        assertTrue(page(updated(edited), "es/diagnostico/index.html").contains("TEXTO DEL diagnóstico."));
        // A file added: every file is listed again, and the one edited above is not taken from before its edit.
        Workspace.Snapshot added = edit("content/es/nueva.md", "---\ntitle: Nueva\norder: 3\n---\n\nNueva.\n");
        assertTrue(page(added, "es/diagnostico/index.html").contains("TEXTO DEL diagnóstico."));
    }

    @Test
    void aFileReportedChangedIsReadAgainEvenWithTheSameSizeAndDate() throws IOException {
        workspace.update(List.of());
        // Reported with a file added: the whole content is listed again, and the file reported is read again.
        Path edited = sameSizeAndDate("content/es/diagnostico.md", "Texto del", "TEXTO DEL");
        site.file("content/es/nueva.md", "---\ntitle: Nueva\norder: 3\n---\n\nNueva.\n");
        Workspace.Snapshot both = workspace.update(List.of(edited, site.root().resolve("content/es/nueva.md")));
        assertTrue(page(both, "es/diagnostico/index.html").contains("TEXTO DEL diagnóstico."));
        assertTrue(both.files().containsKey("es/nueva/index.html"));
        // Nothing reported (events were lost): every file is read again.
        sameSizeAndDate("content/es/diagnostico.md", "TEXTO DEL", "Texto del");
        Workspace.Snapshot lost = workspace.update(List.of());
        assertTrue(page(lost, "es/diagnostico/index.html").contains("Texto del diagnóstico."));
    }

    @Test
    void aLinkToAStaticFileIsCheckedAgainWhenTheFileIsDeletedOrAdded() throws IOException {
        site.file("content/static/datos.csv", "a,b\n1,2\n")
                .file("content/es/propuesta.md", read("content/es/propuesta.md") + "\nDescargue [los datos](../static/datos.csv).\n");
        assertEquals(List.of(), errors(workspace.update(List.of())));
        // The page's HTML is the same: what its link resolves against is not.
        site.delete("content/static/datos.csv");
        assertEquals(List.of("content/es/propuesta.md:8:11: error: the link '../static/datos.csv' points at content/static/datos.csv, "
                + "which does not exist"), errors(updated(site.root().resolve("content/static/datos.csv"))));
        assertEquals(Set.of(), workspace.update(List.of(site.root().resolve("content/es"))).rendered(), "not rendered again");
        site.file("content/static/datos.csv", "a,b\n1,2\n");
        assertEquals(List.of(), errors(updated(site.root().resolve("content/static/datos.csv"))));
    }

    @Test
    void aProblemTheCheckFoundMovesWithItsLineWhenTheFrontMatterGrows() throws IOException {
        site.file("content/es/propuesta.md", read("content/es/propuesta.md") + "\nVer [el anexo](anexo.md).\n");
        List<String> before = errors(workspace.update(List.of()));
        assertEquals(List.of("content/es/propuesta.md:8:5: error: the link 'anexo.md' points at content/es/anexo.md, which is not a "
                + "published page; check the file name (drafts are not published)"), before);
        // The same HTML, for a page whose body now starts a line further down.
        Workspace.Snapshot grown = edit("content/es/propuesta.md", read("content/es/propuesta.md").replace("order: 2\n", "order: 2\ndescription: Una propuesta\n"));
        assertEquals(List.of(before.get(0).replace(":8:5:", ":9:5:")), errors(grown));
    }

    @Test
    void aLinkToATablesFileIsReportedWhenItsDataIsDeleted() throws IOException {
        site.file("templates/datasets.ftlh", read("templates/page.ftlh"))
                .file("content/es/datos.md", "---\ntitle: Datos\norder: 3\nlayout: datasets\n---\n\nLos datos.\n")
                .file("content/data/cifras.yaml", "title: {es: Cifras, en: Figures}\ncolumns:\n  - {key: nombre, label: {es: Nombre, en: Name}}\n"
                        + "rows:\n  - {nombre: Uno}\n")
                .file("content/es/propuesta.md", read("content/es/propuesta.md") + "\nDescargue [las cifras](/es/datos/cifras.csv).\n");
        Workspace.Snapshot first = workspace.update(List.of());
        assertEquals(List.of(), errors(first));
        assertTrue(first.files().containsKey("es/datos/cifras.csv"), first.files().keySet().toString());
        // Neither the page nor what its links resolve against changed: only the site's files did.
        site.delete("content/data/cifras.yaml");
        Workspace.Snapshot deleted = updated(site.root().resolve("content/data/cifras.yaml"));
        assertEquals(1, errors(deleted).size(), report(deleted).toString());
        assertTrue(errors(deleted).get(0).startsWith("content/es/propuesta.md:8:11: error: "), errors(deleted).toString());
        assertEquals(Set.of("/es/datos/"), deleted.rendered(), "the page linking it is not rendered again");
        site.file("content/data/cifras.yaml", "title: {es: Cifras, en: Figures}\ncolumns:\n  - {key: nombre, label: {es: Nombre, en: Name}}\n"
                + "rows:\n  - {nombre: Dos}\n");
        Workspace.Snapshot back = updated(site.root().resolve("content/data/cifras.yaml"));
        assertEquals(List.of(), errors(back));
        assertTrue(page(back, "es/datos/cifras.csv").contains("Dos"));
    }

    @Test
    void theProblemsOfATableAndOfThePlacesKeptAreReportedAgain() throws IOException {
        site.file("content/data/cifras.yaml", "title: {es: Cifras, en: Figures}\ncolumns:\n  - {key: nombre, label: {es: Nombre}}\n"
                        + "  - {key: nombre, label: {es: Otro, en: Other}}\nrows:\n  - {nombre: Uno}\n")
                .file("content/en/extra.md", "---\ntitle: Extra\norder: 5\ntranslationKey: nada\n---\n\nMore.\n");
        List<String> problems = report(workspace.update(List.of())).stream().filter(w -> w.contains("cifras.yaml") || w.contains("extra.md")).toList();
        assertEquals(List.of("content/data/cifras.yaml:3:26: warning: 'label' has no en (English) version; add 'en: …' beside the other "
                        + "languages; until then the original is shown",
                "content/data/cifras.yaml:4:11: error: two columns have the key 'nombre'",
                "content/en/extra.md:4:17: warning: no Español page has the translationKey 'nada'; give this page the key of the page it translates"),
                problems.stream().sorted().toList());
        // A page's text edited: the table and the pages' places are kept, and so are their problems.
        Workspace.Snapshot edited = edit("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("Texto del", "El texto del"));
        assertTrue(report(edited).containsAll(problems), report(edited).toString());
    }

    @Test
    void aLinkToAMissingAnchorAddedToAPageIsReported() throws IOException {
        assertEquals(List.of(), errors(workspace.update(List.of())));
        // The page's own links changed, and nothing it links to did.
        Workspace.Snapshot added = edit("content/es/propuesta.md", read("content/es/propuesta.md") + "\nY [el resumen](diagnostico.md#resumen).\n");
        assertEquals(List.of("content/es/propuesta.md:8:3: error: the link 'diagnostico.md#resumen' points at the anchor #resumen, "
                + "which /es/diagnostico/ does not have"), errors(added));
    }

    @Test
    void aTemplateEditedGivesEveryPageItsNewHtml() throws IOException {
        workspace.update(List.of());
        // The pages are the same: only their HTML changes.
        Workspace.Snapshot edited = edit("templates/page.ftlh", read("templates/page.ftlh").replace("</main>", "</main><footer>Pie</footer>"));
        assertEquals(Set.of("/es/diagnostico/", "/es/propuesta/", "/en/diagnosis/", "/en/proposal/"), edited.rendered());
        assertTrue(page(edited, "es/propuesta/index.html").contains("<footer>Pie</footer>"), page(edited, "es/propuesta/index.html"));
    }

    @Test
    void aPageMadeASectionAtTheSameAddressResolvesItsLinksFromItsNewFolder() throws IOException {
        assertEquals(List.of(), errors(workspace.update(List.of())));
        // The same text at the same address, so the same HTML: only where its links start from changed.
        String text = read("content/es/propuesta.md");
        site.delete("content/es/propuesta.md").file("content/es/propuesta/_index.md", text);
        Workspace.Snapshot moved = updated(site.root().resolve("content/es/propuesta"));
        assertEquals(List.of("content/es/propuesta/_index.md:6:5: error: the link 'diagnostico.md#hallazgos' points at "
                + "content/es/propuesta/diagnostico.md, which is not a published page; check the file name (drafts are not published)"),
                errors(moved));
    }

    @Test
    void aTemplateSavedUnchangedRendersNothing() throws IOException {
        workspace.update(List.of());
        assertEquals(Set.of(), edit("templates/page.ftlh", read("templates/page.ftlh")).rendered());
        assertEquals(Set.of(), edit("templates/directives/table.ftlh", read("templates/directives/table.ftlh")).rendered());
    }

    @Test
    void aFigureIsResizedAgainOnlyWhenItsImageChanges() throws IOException {
        site.file("templates/directives/figure.ftlh", Files.readString(Path.of("../../templates/directives/figure.ftlh")))
                .file("content/i18n/es.yaml", "next: Siguiente\nfigureSource: Fuente\nformat:\n  month: MMMM 'de' y\n")
                .file("content/i18n/en.yaml", "next: Next\nfigureSource: Source\nformat:\n  month: MMMM y\n")
                .file("content/data/figuras.yaml", "reunion:\n  image: figuras/reunion.png\n  alt: {es: Una mesa, en: A table}\n"
                        + "  caption: {es: Reunión, en: Meeting}\n")
                .file("content/es/propuesta.md", read("content/es/propuesta.md") + "\n::figure{id=reunion}\n");
        Path image = site.root().resolve("content/static/figuras/reunion.png");
        Files.createDirectories(image.getParent());
        ImageIO.write(new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        Workspace.Snapshot first = workspace.update(List.of());
        assertEquals(0, first.result().errors(), report(first).toString());
        byte[] copy = ((OutputFile.Generated) first.files().get("figuras/reunion.480w.png")).bytes();

        Workspace.Snapshot edited = edit("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("Texto.", "Otro texto."));
        assertSame(copy, ((OutputFile.Generated) edited.files().get("figuras/reunion.480w.png")).bytes(), "not resized again");

        ImageIO.write(new BufferedImage(900, 900, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        Workspace.Snapshot replaced = updated(image);
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(
                ((OutputFile.Generated) replaced.files().get("figuras/reunion.480w.png")).bytes()));
        assertEquals(480, small.getHeight(), "the new image's copy");
        assertEquals(new TreeSet<>(List.of("figuras/reunion.480w.png", "figuras/reunion.800w.png")),
                new TreeSet<>(replaced.files().keySet().stream().filter(f -> f.startsWith("figuras/reunion.") && f.contains("w.")).toList()));
    }
}
