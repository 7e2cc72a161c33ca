package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An output that cannot be written: the build or {@code abierto pdf} names the file in the way and why, and
 * leaves what was there as it was. (Tests run as root here, so a file stands where a folder must go.)
 */
class UnwritableOutputTest {
    @TempDir
    Path dir;

    @Test
    void anOutputBelowAFileIsReportedWhereTheFolderCannotBeMade() throws IOException {
        var site = MiniSite.create(dir);
        Files.writeString(site.root().resolve("publicar"), "un archivo, no una carpeta");
        var r = site.request();
        BuildResult result = new Abierto().build(new BuildRequest(r.contentDir(), r.templatesDir(), site.root().resolve("publicar/sitio/web"),
                null, false));
        assertEquals(List.of("publicar/sitio: error: cannot prepare the output folder web: Not a directory; the previous output is unchanged"),
                site.errors(result));
        assertFalse(result.written());
        assertEquals(Map.of(), result.pages());
        assertEquals("un archivo, no una carpeta", Files.readString(site.root().resolve("publicar")));
    }

    @Test
    void aStaticFileWhereTheSiteNeedsAFolderIsNamedInTheOutputAndThePreviousOutputKept() throws IOException {
        var site = MiniSite.create(dir);
        assertTrue(site.build().written());
        String before = site.output("es/diagnostico/index.html");
        site.file("content/static/es", "un archivo llamado como la carpeta del español");
        BuildResult result = site.build();
        assertEquals(1, result.errors(), site.errors(result).toString());
        assertTrue(site.errors(result).get(0).matches("out/es(/[a-z/.]+)?:1:1: error: cannot write this file of the site: .+; "
                + "the previous output is unchanged"), site.errors(result).toString());
        assertFalse(result.written());
        assertEquals(0, result.files());
        assertEquals(before, site.output("es/diagnostico/index.html"));
    }

    @Test
    void thePdfsCannotBeWrittenWhereAFileStands() throws IOException {
        var site = MiniSite.create(dir).file("templates/pdf.ftlh", DownloadsTest.PDF_TEMPLATE);
        Path out = site.root().resolve("pdf");
        Files.writeString(out, "un archivo");
        var r = site.request();
        BuildResult result = new Abierto().pdf(new BuildRequest(r.contentDir(), r.templatesDir(), out, null, false));
        assertEquals(1, result.errors(), site.errors(result).toString());
        assertTrue(site.errors(result).get(0).startsWith("pdf: error: cannot write the PDFs: "), site.errors(result).toString());
        assertFalse(result.written());
        assertEquals(0, result.files());
        assertEquals("un archivo", Files.readString(out));
    }

    @Test
    void aLanguageWithoutPagesIsCountedAsNone() throws IOException {
        var site = MiniSite.create(dir).file("content/i18n/fr.yaml", "next: Suivant\nformat:\n  month: MMMM y\n");
        site.file("content/site.yaml", Files.readString(site.root().resolve("content/site.yaml")).replace("""
                  - code: en
                """, """
                  - code: fr
                    locale: fr-FR
                    name: Français
                  - code: en
                """).replace("en: Test report", "en: Test report\n  fr: Rapport d'essai"));
        BuildResult result = new Abierto().check(site.request());
        assertEquals(List.of(), site.errors(result));
        assertEquals(List.of(Map.entry("es", 2), Map.entry("fr", 0), Map.entry("en", 2)), List.copyOf(result.pages().entrySet()));
    }
}
