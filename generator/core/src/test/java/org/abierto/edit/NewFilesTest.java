package org.abierto.edit;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.Fingerprint;
import org.abierto.parse.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code abierto new page} and {@code abierto new site} write, and where they refuse to. */
class NewFilesTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aPagesTitleComesFromItsFileName() {
        assertEquals("Nueva fase", Scaffold.titleOf(Path.of("es/nueva-fase.md")));
        assertEquals("Ñandú", Scaffold.titleOf(Path.of("ñandú.md")));
        assertEquals("Nueva página", Scaffold.titleOf(Path.of("-.md")));
        assertEquals("Nueva página", Scaffold.titleOf(Path.of(".md")));
    }

    @Test
    void aNewPageIsADraftWhoseFrontMatterReadsBackAsWritten() {
        String page = Scaffold.page("2024", 3, "nueva-fase", "Escriba aquí.");
        assertTrue(page.startsWith("---\n") && page.endsWith("---\n\nEscriba aquí.\n"), page);
        String frontMatter = page.substring(4, page.indexOf("---\n", 4));
        var doc = new YamlReader().read(Path.of("a.md"), frontMatter, 1, "front matter", new Diagnostics()).orElseThrow();
        assertEquals(Map.of("title", "2024", "order", 3L, "translationKey", "nueva-fase", "draft", true), doc.rootMap(),
                "a title that looks like a number is still text");
    }

    @Test
    void aNewPageComesAfterTheLastPageOfItsSectionInEveryLanguage() throws IOException {
        write("es/fase/a.md", "---\ntitle: a\norder: 3\n---\n");
        write("es/fase/b.md", "---\ntitle: b\ndraft: true\norder: 5\n---\n");
        write("es/fase/_index.md", "---\ntitle: s\norder: 99\n---\n");
        write("es/fase/notas.txt", "order: 50\n");
        write("en/phase/a.md", "---\r\ntitle: a\r\norder: 4\r\n---\r\n");
        assertEquals(6, Scaffold.nextOrder(List.of(dir.resolve("es/fase"), dir.resolve("en/phase"), dir.resolve("pt/fase"))));
        write("en/phase/c.md", "---\ntitle: c\norder: 7\n---\n");
        assertEquals(8, Scaffold.nextOrder(List.of(dir.resolve("es/fase"), dir.resolve("en/phase"))));
    }

    @Test
    void anEmptySectionStartsAtOne() throws IOException {
        assertEquals(1, Scaffold.nextOrder(List.of(dir.resolve("es/nueva"))));
        write("es/fase/_index.md", "---\ntitle: s\norder: 4\n---\n");
        assertEquals(1, Scaffold.nextOrder(List.of(dir.resolve("es/fase"))));
    }

    @Test
    void pagesWithoutAReadableOrderCountAsZero() throws IOException {
        write("es/fase/sin.md", "texto sin front matter\n");
        write("es/fase/abierto.md", "---\ntitle: a\norder: 9\n");
        write("es/fase/texto.md", "---\ntitle: a\norder: nueve\n---\n");
        write("es/fase/roto.md", "---\ntitle: [a\norder: 9\n---\n");
        write("es/fase/negativo.md", "---\ntitle: a\norder: -4\n---\n");
        assertEquals(1, Scaffold.nextOrder(List.of(dir.resolve("es/fase"))));
    }

    @Test
    void anOrderBeyondTheLargestNumberStopsThere() throws IOException {
        write("es/fase/a.md", "---\ntitle: a\norder: 9999999999\n---\n");
        assertEquals(Integer.MAX_VALUE, Scaffold.nextOrder(List.of(dir.resolve("es/fase"))));
    }

    @Test
    void aFileNameIsSuggestedForEachLanguage() {
        assertEquals("new-phase", Scaffold.exampleName("en"));
        assertEquals("nombre-en-pt", Scaffold.exampleName("pt"));
    }

    @Test
    void aKeyIsThePathWhenItIsAlreadySlugLikeAndItsFoldedFormOtherwise() {
        assertEquals("ruta-de-trabajo/nueva-fase", Scaffold.keyOf("ruta-de-trabajo/nueva-fase"));
        assertEquals("ruta-nueva-fase", Scaffold.keyOf("Ruta/Nueva Fase"));
    }

    @Test
    void aNewFileNeverReplacesOne() throws IOException {
        Path page = dir.resolve("es/fase/a.md");
        Scaffold.create(page, "uno");
        assertEquals("uno", Files.readString(page));
        var e = assertThrows(FileAlreadyExistsException.class, () -> Scaffold.create(page, "dos"));
        assertEquals(page + " already exists; choose another name", e.getMessage());
        assertEquals("uno", Files.readString(page));
    }

    @Test
    void aNewFileTellsTheFoldersItMadeOutermostFirst() throws IOException {
        Files.createDirectories(dir.resolve("es"));
        assertEquals(List.of(dir.resolve("es/anexos"), dir.resolve("es/anexos/2024")),
                Scaffold.create(dir.resolve("es/anexos/2024/a.md"), "uno"));
        assertEquals(List.of(), Scaffold.create(dir.resolve("es/anexos/2024/b.md"), "dos"), "no folder made for the second");
    }

    @Test
    void aFileThatCannotBeWrittenLeavesNoFolderOfItsOwnBehind() throws IOException {
        // A name longer than any file system allows: the folders are made, then the file is refused.
        Files.createDirectories(dir.resolve("es/fase"));
        Files.writeString(dir.resolve("es/fase/a.md"), "uno");
        String tooLong = "n".repeat(300) + ".md";
        assertThrows(IOException.class, () -> Scaffold.create(dir.resolve("es/fase/anexos/2024/" + tooLong), "dos"));
        assertTrue(Files.notExists(dir.resolve("es/fase/anexos")), "the folders made for it are gone");
        assertEquals("uno", Files.readString(dir.resolve("es/fase/a.md")), "what was there stays");
        assertThrows(IOException.class, () -> Scaffold.create(dir.resolve("es/" + tooLong), "dos"));
        assertTrue(Files.isDirectory(dir.resolve("es")), "a folder it did not make stays, even empty of the new file");
    }

    @Test
    void aFileStandingWhereAFolderMustGoIsNeverRemoved() throws IOException {
        Files.writeString(dir.resolve("anexos"), "un archivo");
        assertThrows(IOException.class, () -> Scaffold.create(dir.resolve("anexos/2024/a.md"), "uno"));
        assertEquals("un archivo", Files.readString(dir.resolve("anexos")));
        Scaffold.removeEmpty(List.of(dir.resolve("anexos")));
        assertEquals("un archivo", Files.readString(dir.resolve("anexos")), "only folders are removed");
    }

    @Test
    void onlyEmptyFoldersAreRemovedInnermostFirst() throws IOException {
        List<Path> made = Scaffold.create(dir.resolve("a/b/c/p.md"), "uno");
        Files.writeString(dir.resolve("a/otro.md"), "de otro");
        Files.delete(dir.resolve("a/b/c/p.md"));
        Scaffold.removeEmpty(made);
        assertTrue(Files.notExists(dir.resolve("a/b")), "b and c were empty");
        assertEquals("de otro", Files.readString(dir.resolve("a/otro.md")), "a holds another file: it stays");
    }

    @Test
    void aNewReportGoesIntoANewOrEmptyFolderOutsideAnyOtherReport() throws IOException {
        assertEquals(Optional.empty(), Scaffold.siteRefusal(dir.resolve("informe")));
        Files.createDirectories(dir.resolve("vacia"));
        assertEquals(Optional.empty(), Scaffold.siteRefusal(dir.resolve("vacia")));
        assertEquals(Optional.empty(), Scaffold.siteRefusal(dir.resolve("templates/x")), "a folder named templates beside no content");
        assertTrue(Scaffold.siteRefusal(dir.getRoot()).orElseThrow().startsWith("refusing to make a report at the root of the file system"));
        write("archivo", "x");
        assertEquals(Optional.of("this is a file; name a new or empty folder"), Scaffold.siteRefusal(dir.resolve("archivo")));
        write("llena/b.txt", "x");
        write("llena/a.txt", "x");
        assertEquals(Optional.of("this folder already holds files (a.txt), which would be mixed with the report's; name a new or empty folder"),
                Scaffold.siteRefusal(dir.resolve("llena")));
    }

    @Test
    void aNewReportIsNotMadeInsideTheContentOrTemplatesOfAnother() throws IOException {
        write("otro/content/site.yaml", "title: x\n");
        assertEquals(Optional.of("refusing to make a report inside the content folder " + dir.resolve("otro/content") + " of another report, "
                + "whose builds would read it as content; choose a folder outside it"), Scaffold.siteRefusal(dir.resolve("otro/content/es/x")));
        assertEquals(Optional.of("refusing to make a report inside the templates folder " + dir.resolve("otro/templates") + " of another "
                + "report, whose builds would read it as templates; choose a folder outside it"), Scaffold.siteRefusal(dir.resolve("otro/templates/x")));
        assertEquals(Optional.empty(), Scaffold.siteRefusal(dir.resolve("otro/nuevo")));
    }

    @Test
    void aNewReportHasItsSiteFileHomePagesInBothLanguagesAndTheTheme() throws IOException {
        Path informe = dir.resolve("informe");
        List<Path> written = Scaffold.site(informe);
        for (Path file : written) {
            assertTrue(Files.isRegularFile(file), file.toString());
        }
        List<String> theme = Scaffold.bundled("templates/");
        assertTrue(theme.contains("templates/page.ftlh"), theme.toString());
        assertEquals(theme.stream().sorted().toList(), theme);
        assertTrue(theme.stream().allMatch(t -> t.startsWith("templates/")), theme.toString());
        for (String t : theme) {
            assertTrue(written.contains(informe.resolve(t)), t);
        }
        assertTrue(written.contains(informe.resolve("content/i18n/es.yaml")));
        assertTrue(written.contains(informe.resolve("content/site.yaml")));
        assertTrue(Files.readString(informe.resolve("content/site.yaml")).contains("  - code: en\n"));
        assertEquals(List.of(), Scaffold.bundled("no-existe/"));
        String english = Files.readString(informe.resolve("content/en/_index.md"));
        assertTrue(english.contains("sourceHash: \"" + Fingerprint.of("Título del informe", null, "\nPrimer párrafo del informe.\n") + "\"\n"),
                "the English home is marked as translating the Spanish one as written:\n" + english);
        assertTrue(Files.readString(informe.resolve("content/es/_index.md")).endsWith("---\n\nPrimer párrafo del informe.\n"));

        var refused = assertThrows(FileAlreadyExistsException.class, () -> Scaffold.site(informe));
        assertEquals("this folder already holds files (content), which would be mixed with the report's; name a new or empty folder",
                refused.getReason());
    }
}
