package org.abierto.load;

import org.abierto.diagnostic.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

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

    private Sources load(ContentLoader loader) {
        return loader.load(dir.resolve("content"), dir.resolve("templates"), diagnostics).orElseThrow();
    }
}
