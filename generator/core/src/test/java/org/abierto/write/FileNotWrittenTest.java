package org.abierto.write;

import org.abierto.model.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A file that cannot be written names the file to look at — the content file that could not be read,
 * or the place in the output that could not be written — and says why in words.
 */
class FileNotWrittenTest {
    @TempDir
    Path tmp;

    private static OutputFile page(String path, String text) {
        return new OutputFile.Generated(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aContentFileThatVanishedIsNamedAsTheFileToLookAt() throws IOException {
        Path out = tmp.resolve("site");
        Path missing = tmp.resolve("content/foto.jpg");

        try (SiteWriter.Staging staging = new SiteWriter().open(out, false)) {
            FileNotWritten e = assertThrows(FileNotWritten.class, () -> staging.add(new OutputFile.Copied("img/foto.jpg", missing)));
            assertEquals(missing, e.at(), "the source that could not be read, not the output file");
            assertEquals("it no longer exists", e.getMessage());
            assertInstanceOf(NoSuchFileException.class, e.getCause());
        }
        assertFalse(Files.exists(out), "the failed build left no output");
    }

    @Test
    void anOutputPlaceTakenByAFolderIsNamedInTheOutput() throws IOException {
        Path out = tmp.resolve("site");
        try (SiteWriter.Staging staging = new SiteWriter().open(out, false)) {
            staging.add(page("es/index.html", "<p>hola"));
            // "es" is already a folder of the new output: the page cannot be written in its place.
            FileNotWritten e = assertThrows(FileNotWritten.class, () -> staging.add(page("es", "<p>choca")));
            assertEquals(out.resolve("es"), e.at());
            FileSystemException cause = assertInstanceOf(FileSystemException.class, e.getCause());
            assertEquals(FileNotWritten.reason(cause), e.getMessage());
        }
    }

    @Test
    void aCopyWhoseOutputPlaceIsTakenNamesTheOutputNotTheSource() throws IOException {
        Path out = tmp.resolve("site");
        Path source = tmp.resolve("content/es");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "datos");
        try (SiteWriter.Staging staging = new SiteWriter().open(out, false)) {
            staging.add(page("es/index.html", "<p>hola"));
            FileNotWritten e = assertThrows(FileNotWritten.class, () -> staging.add(new OutputFile.Copied("es", source)));
            assertEquals(out.resolve("es"), e.at());
        }
    }

    @Test
    void aFailedFileLeavesThePreviousOutputAsItWas() throws IOException {
        Path out = tmp.resolve("site");
        new SiteWriter().write(List.of(page("index.html", "<p>antes")), out, false);

        assertThrows(FileNotWritten.class, () -> new SiteWriter().write(List.of(page("index.html", "<p>después"),
                new OutputFile.Copied("foto.jpg", tmp.resolve("no-existe.jpg"))), out, false));

        assertEquals("<p>antes", Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("foto.jpg")));
    }

    @Test
    void theReasonIsSaidInWords() {
        assertEquals("permission denied", FileNotWritten.reason(new AccessDeniedException("/x")));
        assertEquals("it no longer exists", FileNotWritten.reason(new NoSuchFileException("/x")));
        assertEquals("a file or folder of this name is already there", FileNotWritten.reason(new java.nio.file.FileAlreadyExistsException("/x")));
        assertEquals("it is not a folder", FileNotWritten.reason(new java.nio.file.NotDirectoryException("/x")));
        assertEquals("Is a directory", FileNotWritten.reason(new FileSystemException("/x", null, "Is a directory")));
        assertEquals("the system refused it", FileNotWritten.reason(new FileSystemException("/x")));
        assertEquals("disk full", FileNotWritten.reason(new IOException("disk full")));
        assertEquals("IOException", FileNotWritten.reason(new IOException()), "without a message, at least what failed");
    }
}
