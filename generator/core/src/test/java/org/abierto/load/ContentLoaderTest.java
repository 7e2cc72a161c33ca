package org.abierto.load;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentLoaderTest {
    @TempDir
    Path dir;
    final Diagnostics diagnostics = new Diagnostics();

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void sortsAndClassifiesTheFiles() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/README.md", "notes for editors\n");
        write("content/es/b.md", "b");
        write("content/es/a/_index.md", "a");
        write("content/es/_borrador.md", "ignored");
        write("content/es/.oculto.md", "ignored");
        write("content/es/guia.pdf", "%PDF");
        write("content/data/cifras.yaml", "x: 1\n");
        write("content/i18n/es.yaml", "x: y\n");
        write("content/static/img/logo.svg", "<svg/>");
        write("templates/assets/style.css", "body{}");
        Sources sources = new ContentLoader().load(dir.resolve("content"), dir.resolve("templates"), diagnostics).orElseThrow();
        assertEquals(List.of("es/a/_index.md", "es/b.md"), sources.pageFiles().stream().map(SourceFile::relative).toList());
        assertEquals(List.of("data/cifras.yaml"), sources.dataFiles().stream().map(SourceFile::relative).toList());
        assertEquals(List.of("i18n/es.yaml"), sources.i18nFiles().stream().map(SourceFile::relative).toList());
        assertEquals(List.of("es/guia.pdf", "img/logo.svg", "assets/style.css"),
                sources.staticFiles().stream().map(StaticFile::target).toList());
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void refusesLinksLeadingOutsideAndWrongExtensionsAndBadEncoding() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("secret.txt", "password");
        Files.createDirectories(dir.resolve("content/static"));
        Files.createSymbolicLink(dir.resolve("content/static/secret.txt"), dir.resolve("secret.txt"));
        write("content/data/cifras.yml", "x: 1\n");
        Files.createDirectories(dir.resolve("content/es"));
        Files.write(dir.resolve("content/es/latin1.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xE9, '\n'});
        Files.createDirectories(dir.resolve("templates"));
        Sources sources = new ContentLoader().load(dir.resolve("content"), dir.resolve("templates"), diagnostics).orElseThrow();
        assertEquals(List.of(), sources.staticFiles());
        assertEquals(List.of(
                "content/data/cifras.yml:1:1: error: rename the file to end in .yaml; .yml files are not read",
                "content/es/latin1.md:2:1: error: the byte 0xE9 is not valid UTF-8 (the file was saved in another encoding, such as "
                        + "Latin-1 or Windows-1252); save it as UTF-8",
                "content/static/secret.txt:1:1: error: this symbolic link leads outside content/; copy the file in instead"),
                diagnostics.all().stream().map(d -> d.format(dir)).toList());
    }

    @Test
    void missingFoldersAndSiteFile() throws IOException {
        Files.createDirectories(dir.resolve("content"));
        new ContentLoader().load(dir.resolve("content"), dir.resolve("tema"), diagnostics);
        assertEquals(List.of("tema: error: the templates folder does not exist; pass the right one with --templates"),
                diagnostics.all().stream().map(d -> d.format(dir)).toList());
        var again = new Diagnostics();
        Files.createDirectories(dir.resolve("tema"));
        new ContentLoader().load(dir.resolve("content"), dir.resolve("tema"), again);
        assertEquals(List.of("content/site.yaml: error: the content folder has no site.yaml; create it with the site's title and languages (see content/README.md)"),
                again.all().stream().map(d -> d.format(dir)).toList());
    }

    @Test
    void aLoaderKeepsNothingFromOneLoadToTheNext() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/es/a.md", "uno");
        write("templates/base.ftlh", "x");
        Path page = dir.resolve("content/es/a.md");
        var time = Files.getLastModifiedTime(page);
        ContentLoader loader = new ContentLoader();
        SourceFile first = load(loader).pageFiles().get(0);
        // Same size, same date: a loader that kept what it read could be fooled; this one reads again.
        Files.writeString(page, "dos");
        Files.setLastModifiedTime(page, time);
        SourceFile second = load(loader).pageFiles().get(0);
        assertEquals("uno", first.text());
        assertEquals("dos", second.text());
    }

    @Test
    void aByteOrderMarkIsDroppedAndWindowsLineEndsReadAsLineFeeds() throws IOException {
        Files.createDirectories(dir.resolve("es"));
        Path page = dir.resolve("es/a.md");
        Files.write(page, bytes("\uFEFF---\r\ntitle: a\r\n---\r\ntexto\r\n"));
        SourceFile file = ContentLoader.read(dir, page, diagnostics);
        assertEquals("---\ntitle: a\n---\ntexto\n", file.text());
        assertEquals("es/a.md", file.relative());
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void aBadByteIsPointedAtByLineAndColumnInCharactersNotBytes() throws IOException {
        Path page = dir.resolve("a.md");
        // Line 2 starts with "ñá" (two characters, four bytes): the bad byte is the third character.
        Files.write(page, concat(bytes("título\nñá"), new byte[] {(byte) 0xFF}, bytes("\n")));
        SourceFile file = ContentLoader.read(dir, page, diagnostics);
        assertEquals("", file.text());
        assertEquals(List.of("a.md:2:3: error: the byte 0xFF is not valid UTF-8 (the file was saved in another encoding, "
                + "such as Latin-1 or Windows-1252); save it as UTF-8"), formatted());
    }

    @Test
    void aByteOrderMarkIsNotAColumnOfTheFirstLine() throws IOException {
        Path page = dir.resolve("a.md");
        Files.write(page, concat(bytes("\uFEFFab"), new byte[] {(byte) 0xE9}));
        ContentLoader.read(dir, page, diagnostics);
        assertEquals("a.md:1:3", formatted().get(0).substring(0, "a.md:1:3".length()));
    }

    @Test
    void aTextFileOfUpTo3MiBIsReadAndALargerOneIsAnErrorReadAsEmpty() throws IOException {
        Path fits = dir.resolve("cabe.yaml");
        Files.write(fits, filled(ContentLoader.MAX_TEXT_BYTES));
        assertEquals(ContentLoader.MAX_TEXT_BYTES, ContentLoader.read(dir, fits, diagnostics).text().length());
        assertEquals(List.of(), diagnostics.all());

        Path large = dir.resolve("grande.yaml");
        Files.write(large, filled(ContentLoader.MAX_TEXT_BYTES + 1));
        assertEquals("", ContentLoader.read(dir, large, diagnostics).text());
        assertEquals(List.of("grande.yaml:1:1: error: the file is 3.0 MiB (3,145,729 bytes), more than the 3 MiB a page or a "
                + "YAML file may have (see content/README.md, 'Limits'); split it into several files"), formatted());
    }

    @Test
    void aFileThatDisappearedBeforeItWasReadIsReportedAndReadAsEmpty() {
        SourceFile file = ContentLoader.read(dir, dir.resolve("es/borrado.md"), diagnostics);
        assertEquals("", file.text());
        assertEquals("es/borrado.md", file.relative());
        assertEquals(List.of("es/borrado.md:1:1: error: the file cannot be read (it disappeared while it was read); "
                + "check its permissions"), formatted());
    }

    @Test
    void aFolderReadAsAFileIsReportedWithTheSystemsReason() throws IOException {
        Files.createDirectories(dir.resolve("es"));
        assertEquals("", ContentLoader.read(dir, dir.resolve("es"), diagnostics).text());
        assertEquals(1, diagnostics.all().size());
        Diagnostic d = diagnostics.all().get(0);
        assertEquals("unreadable", d.code());
        assertEquals(1, d.line());
        assertTrue(d.message().startsWith("the file cannot be read (") && !d.message().contains("(null)")
                && !d.message().contains("IOException"), d.message());
    }

    @Test
    void aStaticFileOfUpTo1GiBIsCopiedAndALargerOneIsAnError() throws IOException {
        write("content/site.yaml", "title: x\n");
        sparse("content/static/cabe.bin", ContentLoader.MAX_STATIC_BYTES);
        sparse("content/static/video.mp4", ContentLoader.MAX_STATIC_BYTES + 1);
        sparse("templates/assets/fuente.woff2", ContentLoader.MAX_STATIC_BYTES + 1);
        Sources sources = load(new ContentLoader());
        assertEquals(List.of("cabe.bin"), sources.staticFiles().stream().map(StaticFile::target).toList());
        assertEquals(ContentLoader.MAX_STATIC_BYTES, sources.staticFiles().get(0).size());
        String tooLarge = ":1:1: error: the file is 1.0 GiB (1,073,741,825 bytes), more than the 1 GiB a file copied to the "
                + "site may have (see content/README.md, 'Limits'); publish it on a service made for large files (a data "
                + "portal, a video platform) and link to its address";
        assertEquals(List.of("content/static/video.mp4" + tooLarge, "templates/assets/fuente.woff2" + tooLarge), formatted());
    }

    @Test
    void sizesAreWrittenAsPeopleReadThem() {
        assertEquals("1 GiB", ContentLoader.bytes(ContentLoader.MAX_STATIC_BYTES));
        assertEquals("3 MiB", ContentLoader.bytes(ContentLoader.MAX_TEXT_BYTES));
        assertEquals("2.5 GiB (2,684,354,560 bytes)", ContentLoader.bytes(5L << 29));
        assertEquals("1023.0 MiB (1,072,693,248 bytes)", ContentLoader.bytes(1023L << 20));
    }

    @Test
    void aThemeAssetCarriesTheSha256OfItsBytesAndOtherFilesDoNot() throws IOException, NoSuchAlgorithmException {
        write("content/site.yaml", "title: x\n");
        write("content/static/a.css", "body{}");
        write("templates/assets/css/style.css", "body{color:red}");
        Sources sources = load(new ContentLoader());
        StaticFile copied = sources.staticFiles().get(0);
        StaticFile asset = sources.staticFiles().get(1);
        assertEquals("a.css", copied.target());
        assertEquals(null, copied.sha256());
        assertFalse(copied.isThemeAsset());
        assertEquals("assets/css/style.css", asset.target());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes("body{color:red}"))), asset.sha256());
        assertEquals(15, asset.size());
        assertTrue(asset.isThemeAsset());
    }

    @Test
    void theSizeOfPngAndJpegImagesIsReadAndOtherFilesHaveNone() throws IOException {
        write("content/site.yaml", "title: x\n");
        Files.createDirectories(dir.resolve("content/static"));
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("content/static/a.png").toFile());
        ImageIO.write(new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB), "jpg", dir.resolve("content/static/b.JPG").toFile());
        Files.copy(dir.resolve("content/static/a.png"), dir.resolve("content/static/c.gif"));
        Files.copy(dir.resolve("content/static/a.png"), dir.resolve("content/static/png"));
        write("content/static/d.png", "not an image");
        Files.createDirectories(dir.resolve("templates"));
        Sources sources = load(new ContentLoader());
        assertEquals(List.of("a.png 3x2 true", "b.JPG 5x4 true", "c.gif 0x0 false", "d.png 0x0 false", "png 0x0 false"),
                sources.staticFiles().stream().map(f -> f.target() + " " + f.width() + "x" + f.height() + " " + f.isImage()).toList());
    }

    @Test
    void anImageIsOneWhoseWidthAndHeightAreBothKnown() {
        assertTrue(new StaticFile(dir, "a.png", 1, null, 1, 1).isImage());
        assertFalse(new StaticFile(dir, "a.png", 1, null, 1, 0).isImage());
        assertFalse(new StaticFile(dir, "a.png", 1, null, 0, 1).isImage());
    }

    @Test
    void ignoredFoldersAreNotEnteredButTheContentFolderMayHaveAnyName() throws IOException {
        write("_contenido/site.yaml", "title: x\n");
        write("_contenido/es/a.md", "a");
        write("_contenido/es/_notas/b.md", "b");
        write("_contenido/es/.git/c.md", "c");
        write("_contenido/es/sub/_index.md", "d");
        write("_contenido/data/_viejo/x.yaml", "x: 1\n");
        write("_contenido/i18n/notas.txt", "not read");
        write("_contenido/i18n/es.yml", "x: y\n");
        Files.createDirectories(dir.resolve(".tema"));
        write(".tema/page.ftlh", "x");
        write(".tema/_partes/pie.ftlh", "x");
        write(".tema/directives/table.ftlh", "x");
        write(".tema/notas.txt", "x");
        Sources sources = new ContentLoader().load(dir.resolve("_contenido"), dir.resolve(".tema"), diagnostics).orElseThrow();
        assertEquals(List.of("es/a.md", "es/sub/_index.md"), sources.pageFiles().stream().map(SourceFile::relative).toList());
        assertEquals(List.of(), sources.dataFiles());
        assertEquals(List.of(), sources.i18nFiles());
        assertEquals(Set.of("directives/table.ftlh", "page.ftlh"), sources.templates());
        assertEquals(List.of("_contenido/i18n/es.yml:1:1: error: rename the file to end in .yaml; .yml files are not read"), formatted());
    }

    @Test
    void aSymbolicLinkInsideTheFolderIsReadAsItsFileAndOneToAFolderOrNowhereIsNotAndSaysSo() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/es/a.md", "uno");
        Files.createSymbolicLink(dir.resolve("content/es/b.md"), dir.resolve("content/es/a.md"));
        Files.createDirectories(dir.resolve("content/es/sub"));
        Files.createSymbolicLink(dir.resolve("content/es/carpeta.md"), dir.resolve("content/es/sub"));
        Files.createSymbolicLink(dir.resolve("content/es/roto.md"), dir.resolve("content/es/no-existe.md"));
        Files.createDirectories(dir.resolve("templates"));
        Sources sources = load(new ContentLoader());
        assertEquals(List.of("es/a.md uno", "es/b.md uno"), sources.pageFiles().stream().map(f -> f.relative() + " " + f.text()).toList());
        assertEquals(List.of("content/es/carpeta.md: error: this symbolic link leads to a folder, whose files are not read (each "
                        + "would have two addresses); move the folder here instead, or link its files one by one",
                "content/es/roto.md:1:1: error: this symbolic link leads nowhere: what it names does not exist; remove it, or copy "
                        + "the file in instead"),
                formatted());
    }

    @Test
    void aPipeIsNotReadAndSaysSo() throws IOException, InterruptedException {
        // Read as a page, a named pipe would hold the build until something writes to it.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        write("content/site.yaml", "title: x\n");
        write("content/es/a.md", "uno");
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("content/es/tubo.md").toString()).start().waitFor());
        Files.createDirectories(dir.resolve("templates"));
        Sources sources = load(new ContentLoader());
        assertEquals(List.of("es/a.md uno"), sources.pageFiles().stream().map(f -> f.relative() + " " + f.text()).toList());
        assertEquals(List.of("content/es/tubo.md: error: this is neither a file nor a folder (a pipe, a socket or a device), so "
                + "it is not read; remove it"), formatted());
    }

    @Test
    void bothMissingFoldersAreReported() {
        assertTrue(new ContentLoader().load(dir.resolve("contenido"), dir.resolve("tema"), diagnostics).isEmpty());
        assertEquals(List.of("contenido: error: the content folder does not exist; pass the right one with --content",
                "tema: error: the templates folder does not exist; pass the right one with --templates"), formatted());
    }

    @Test
    void aReaderGivenToTheLoadReadsEveryTextFile() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/es/a.md", "a");
        write("content/data/d.yaml", "x: 1\n");
        write("content/i18n/es.yaml", "x: y\n");
        Files.createDirectories(dir.resolve("templates"));
        ContentLoader.TextReader reader = (root, file, d) -> new SourceFile(file, ContentLoader.relative(root, file), "leído");
        Sources sources = new ContentLoader().load(dir.resolve("content"), dir.resolve("templates"), reader, diagnostics).orElseThrow();
        assertEquals("leído", sources.siteFile().text());
        assertEquals("leído", sources.pageFiles().get(0).text());
        assertEquals("leído", sources.dataFiles().get(0).text());
        assertEquals("leído", sources.i18nFiles().get(0).text());
    }

    @Test
    void rereadingReadsTheEditedFilesAgainAndKeepsTheOthers() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/es/a.md", "a");
        write("content/es/b.md", "b");
        write("content/data/d.yaml", "x: 1\n");
        write("content/i18n/es.yaml", "x: y\n");
        write("content/static/s.css", "s{}");
        write("content/static/t.css", "t{}");
        write("templates/assets/style.css", "body{}");
        ContentLoader loader = new ContentLoader();
        Sources before = load(loader);
        write("content/site.yaml", "title: y\n");
        write("content/es/a.md", "a2");
        write("content/data/d.yaml", "x: 2\n");
        write("content/i18n/es.yaml", "x: z\n");
        write("content/static/s.css", "s{color:red}");
        write("templates/assets/style.css", "body{color:red}");
        Set<Path> edited = Set.of(dir.resolve("content/site.yaml"), dir.resolve("content/es/a.md"), dir.resolve("content/data/d.yaml"),
                dir.resolve("content/i18n/es.yaml"), dir.resolve("content/static/s.css"), dir.resolve("templates/assets/style.css"));
        Sources after = loader.reread(before, edited, diagnostics);
        Sources fresh = load(loader);
        assertEquals(fresh, after);
        assertEquals("title: y\n", after.siteFile().text());
        assertEquals("a2", after.pageFiles().get(0).text());
        assertSame(before.pageFiles().get(1), after.pageFiles().get(1));
        assertSame(before.staticFiles().get(1), after.staticFiles().get(1));
        assertEquals(12, after.staticFiles().get(0).size());
        assertTrue(after.staticFiles().get(2).isThemeAsset());
        assertNotSame(before.staticFiles().get(2).sha256(), after.staticFiles().get(2).sha256());
        assertEquals(fresh.staticFiles().get(2).sha256(), after.staticFiles().get(2).sha256());
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void aStaticFileEditedToBeTooLargeIsLeftOutWhenReread() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/static/video.mp4", "v");
        write("content/static/z.css", "z");
        Files.createDirectories(dir.resolve("templates"));
        ContentLoader loader = new ContentLoader();
        Sources before = load(loader);
        sparse("content/static/video.mp4", ContentLoader.MAX_STATIC_BYTES + 1);
        Sources after = loader.reread(before, Set.of(dir.resolve("content/static/video.mp4")), diagnostics);
        assertEquals(List.of("z.css"), after.staticFiles().stream().map(StaticFile::target).toList());
        assertEquals(List.of("file-too-large"), diagnostics.all().stream().map(Diagnostic::code).toList());
    }

    @Test
    void aStaticFileOrThemeAssetGoneWhenRereadIsReportedAndLeftOut() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/static/s.css", "s{}");
        write("templates/assets/style.css", "body{}");
        ContentLoader loader = new ContentLoader();
        Sources before = load(loader);
        Files.delete(dir.resolve("content/static/s.css"));
        Files.delete(dir.resolve("templates/assets/style.css"));
        Sources after = loader.reread(before, Set.of(dir.resolve("content/static/s.css"), dir.resolve("templates/assets/style.css")), diagnostics);
        assertEquals(List.of(), after.staticFiles());
        String gone = ":1:1: error: the file cannot be read (it disappeared while it was read); check its permissions";
        assertEquals(List.of("content/static/s.css" + gone, "templates/assets/style.css" + gone), formatted());
    }

    @Test
    void aFileWithoutItsTextKeepsWhereItIs() {
        SourceFile file = new SourceFile(dir.resolve("es/a.md"), "es/a.md", "texto");
        assertEquals(new SourceFile(dir.resolve("es/a.md"), "es/a.md", ""), file.withoutText());
    }

    @Test
    void anEditIsOfAFileTheLoadReadOrOfATemplate() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/es/a.md", "a");
        write("content/data/d.yaml", "x: 1\n");
        write("content/i18n/es.yaml", "x: y\n");
        write("content/static/s.css", "s{}");
        write("templates/page.ftlh", "x");
        write("templates/assets/style.css", "body{}");
        Sources sources = load(new ContentLoader());
        for (String read : List.of("content/site.yaml", "content/es/a.md", "content/data/d.yaml", "content/i18n/es.yaml",
                "content/static/s.css", "templates/page.ftlh", "templates/assets/style.css")) {
            assertTrue(ContentLoader.isEditOf(sources, dir.resolve(read)), read);
        }
        write("content/es/nueva.md", "n");
        write("templates/nueva.ftlh", "n");
        write("otro/page.ftlh", "n");
        Files.createSymbolicLink(dir.resolve("content/es/enlace.md"), dir.resolve("content/es/a.md"));
        for (String notRead : List.of("content/es/nueva.md", "templates/nueva.ftlh", "otro/page.ftlh", "content/es", "content/es/enlace.md")) {
            assertFalse(ContentLoader.isEditOf(sources, dir.resolve(notRead)), notRead);
        }
        Files.delete(dir.resolve("content/es/a.md"));
        assertFalse(ContentLoader.isEditOf(sources, dir.resolve("content/es/a.md")), "a deleted file is not an edit");
    }

    @Test
    void hiddenAndUnderscoreNamesAndFilesOutsideBothFoldersAreIgnored() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("templates/page.ftlh", "x");
        Sources sources = load(new ContentLoader());
        for (String ignored : List.of("content/es/.a.md.swp", "content/es/_borrador.md", "content/es/_notas/a.md",
                "templates/.git/HEAD", "templates/_viejo.ftlh", "otro/a.md", "content", "templates")) {
            assertTrue(ContentLoader.isIgnored(sources, dir.resolve(ignored)), ignored);
        }
        for (String read : List.of("content/es/a.md", "content/es/_index.md", "content/es/sub/_index.md", "templates/page.ftlh",
                "templates/assets/a.css")) {
            assertFalse(ContentLoader.isIgnored(sources, dir.resolve(read)), read);
        }
    }

    @Test
    void withoutLeavesOutThoseTextFilesButKeepsTheSiteFile() throws IOException {
        write("content/site.yaml", "title: x\n");
        write("content/es/a.md", "a");
        write("content/es/b.md", "b");
        write("content/data/d.yaml", "x: 1\n");
        write("content/i18n/es.yaml", "x: y\n");
        write("content/static/s.css", "s{}");
        write("templates/page.ftlh", "x");
        Sources sources = load(new ContentLoader());
        Sources less = sources.without(Set.of(dir.resolve("content/es/a.md"), dir.resolve("content/data/d.yaml"),
                dir.resolve("content/i18n/es.yaml"), dir.resolve("content/site.yaml")));
        assertEquals(List.of("es/b.md"), less.pageFiles().stream().map(SourceFile::relative).toList());
        assertEquals(List.of(), less.dataFiles());
        assertEquals(List.of(), less.i18nFiles());
        assertEquals(sources.siteFile(), less.siteFile());
        assertEquals(sources.staticFiles(), less.staticFiles());
        assertEquals(sources.templates(), less.templates());
    }

    private Sources load(ContentLoader loader) {
        return loader.load(dir.resolve("content"), dir.resolve("templates"), diagnostics).orElseThrow();
    }

    private List<String> formatted() {
        return diagnostics.all().stream().map(d -> d.format(dir)).toList();
    }

    private void sparse(String path, long size) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        try (var f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(long size) {
        byte[] b = new byte[(int) size];
        java.util.Arrays.fill(b, (byte) 'a');
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
