package org.abierto.edit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Marking a translation current: one key of the front matter set, every other byte as the editor wrote it. */
class FrontMatterEditorTest {
    @TempDir
    Path dir;

    @Test
    void aKeyPresentIsReplacedInItsPlaceAndTheRestIsKept() {
        String page = """
                ---
                title: "Presentación"   # comment kept
                sourceHash: "old"
                order: 2
                ---

                sourceHash: "in the body, not touched"
                """;
        assertEquals("""
                ---
                title: "Presentación"   # comment kept
                sourceHash: "new"
                order: 2
                ---

                sourceHash: "in the body, not touched"
                """, FrontMatterEditor.set(page, "sourceHash", "\"new\""));
    }

    @Test
    void aKeyAbsentIsAddedLastInTheFrontMatter() {
        assertEquals("---\ntitle: a\nsourceHash: x\n---\nbody\n", FrontMatterEditor.set("---\ntitle: a\n---\nbody\n", "sourceHash", "x"));
        assertEquals("---\nsourceHash: x\n---\n", FrontMatterEditor.set("---\n---\n", "sourceHash", "x"));
    }

    @Test
    void onlyATopLevelKeyOfThatExactNameIsReplaced() {
        String page = "---\nparams:\n  sourceHash: a\nsourceHashes: b\n---\n";
        assertEquals("---\nparams:\n  sourceHash: a\nsourceHashes: b\nsourceHash: x\n---\n", FrontMatterEditor.set(page, "sourceHash", "x"));
    }

    @Test
    void aFrontMatterClosedWithDotsOrTrailingSpacesIsFound() {
        assertEquals("---\ntitle: a\nk: v\n...\nbody\n", FrontMatterEditor.set("---\ntitle: a\n...\nbody\n", "k", "v"));
        assertEquals("---\ntitle: a\nk: v\n---  \nbody\n", FrontMatterEditor.set("---\ntitle: a\n---  \nbody\n", "k", "v"));
    }

    @Test
    void aPageWithoutAClosedFrontMatterIsRefused() {
        assertEquals("the page has no front matter",
                assertThrows(IllegalArgumentException.class, () -> FrontMatterEditor.set("title: a\n", "k", "v")).getMessage());
        assertEquals("the front matter is not closed",
                assertThrows(IllegalArgumentException.class, () -> FrontMatterEditor.set("---\ntitle: a\n", "k", "v")).getMessage());
    }

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        Path page = dir.resolve("a.md");
        Files.writeString(page, "---\ntitle: Año\n---\ntexto\n");
        FrontMatterEditor.setInFile(page, "sourceHash", "\"abc\"");
        assertEquals("---\ntitle: Año\nsourceHash: \"abc\"\n---\ntexto\n", Files.readString(page));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(page), files.toList());
        }
        Files.writeString(page, "sin front matter\n");
        assertThrows(IllegalArgumentException.class, () -> FrontMatterEditor.setInFile(page, "k", "v"));
        assertEquals("sin front matter\n", Files.readString(page), "a page that cannot be edited is left as it was");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(page), files.toList());
        }
    }
}
