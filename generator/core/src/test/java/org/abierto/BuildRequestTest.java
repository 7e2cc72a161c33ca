package org.abierto;

import org.abierto.check.ExternalLinks;
import org.abierto.diagnostic.Strictness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a request holds: its folders made absolute, the conventional layout, the strictness asked for, where link answers are kept. */
class BuildRequestTest {
    @TempDir
    Path dir;

    @Test
    void theConventionalLayoutOfAProject() {
        BuildRequest request = BuildRequest.defaults(dir);
        assertEquals(dir.resolve("content"), request.contentDir());
        assertEquals(dir.resolve("templates"), request.templatesDir());
        assertEquals(dir.resolve("site/target/site"), request.outputDir());
        assertEquals(null, request.baseUrl());
        assertFalse(request.strict() || request.gzip() || request.requireDeliverables() || request.pdf() || request.offline());
        assertEquals(null, request.externalLinks());
    }

    @Test
    void foldersAreAbsoluteAndNormalized() {
        var request = new BuildRequest(Path.of("a/../content"), Path.of("./templates"), Path.of("out/./site"), null, false);
        assertEquals(Path.of("content").toAbsolutePath(), request.contentDir());
        assertEquals(Path.of("templates").toAbsolutePath(), request.templatesDir());
        assertEquals(Path.of("out/site").toAbsolutePath(), request.outputDir());
    }

    @Test
    void everyFolderIsRequiredAndNamed() {
        Path p = dir;
        assertEquals("contentDir", assertThrows(NullPointerException.class, () -> new BuildRequest(null, p, p, null, false)).getMessage());
        assertEquals("templatesDir", assertThrows(NullPointerException.class, () -> new BuildRequest(p, null, p, null, false)).getMessage());
        assertEquals("outputDir", assertThrows(NullPointerException.class, () -> new BuildRequest(p, p, null, null, false)).getMessage());
    }

    @Test
    void theDownloadsAreAskedForApartKeepingTheRest() {
        var options = ExternalLinks.Options.defaults(dir.resolve("cache.json"));
        var request = new BuildRequest(dir.resolve("c"), dir.resolve("t"), dir.resolve("o"), "https://example.org/", true, true, options, true);
        assertFalse(request.pdf() || request.offline(), "no download unless asked for");
        assertEquals(new BuildRequest(dir.resolve("c"), dir.resolve("t"), dir.resolve("o"), "https://example.org/", true, true, options, true,
                true, false), request.withDownloads(true, false));
        assertEquals(new BuildRequest(dir.resolve("c"), dir.resolve("t"), dir.resolve("o"), "https://example.org/", true, true, options, true,
                false, true), request.withDownloads(false, true));
        assertEquals(new BuildRequest(dir.resolve("c"), dir.resolve("t"), dir.resolve("o"), "https://example.org/", false, true, null, false),
                new BuildRequest(dir.resolve("c"), dir.resolve("t"), dir.resolve("o"), "https://example.org/", false, true));
        assertEquals(new BuildRequest(dir.resolve("c"), dir.resolve("t"), dir.resolve("o"), null, false, false, options, false),
                new BuildRequest(dir.resolve("c"), dir.resolve("t"), dir.resolve("o"), null, false, false, options));
    }

    @Test
    void strictnessRaisesWhatWasAskedFor() {
        Path p = dir;
        assertEquals(Strictness.of(false, false), new BuildRequest(p, p, p, null, false).strictness());
        assertEquals(Strictness.of(true, false), new BuildRequest(p, p, p, null, true).strictness());
        assertEquals(Strictness.of(false, true), new BuildRequest(p, p, p, null, false, false, null, true).strictness());
        assertTrue(new BuildRequest(p, p, p, null, true, false, null, true).strictness().raised()
                .containsAll(Strictness.DELIVERABLES));
    }

    @Test
    void linkAnswersAreKeptBesideTheOutput() {
        assertEquals(dir.resolve("site/target/abierto-link-cache.json"), BuildRequest.defaults(dir).linkCache());
    }
}
