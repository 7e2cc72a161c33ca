package org.abierto;

import org.abierto.model.TranslationStatus;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A translation records which version of its original it follows; the build notices when the original moves on. */
class TranslationStatusTest {
    @TempDir
    Path dir;

    private TranslationReport translations(MiniSite site, boolean mark, List<Path> files) {
        return new Abierto().translations(site.request(), mark, files, false);
    }

    private List<String> states(TranslationReport report) {
        return report.statuses().stream().map(s -> s.key() + "=" + s.stateId()).toList();
    }

    @Test
    void unmarkedTranslationsAreReportedUntilMarked() throws IOException {
        var site = MiniSite.create(dir)
                .file("content/en/_index.md", "---\ntitle: Home\ntranslationKey: home\n---\n\nWelcome.\n")
                .file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\n---\n\nDiagnosis text.\n");
        assertEquals(List.of(
                "content/en/_index.md: warning: this translation does not record which version of content/es/_index.md it translates; "
                        + "once it is complete, run 'abierto translations --mark content/en/_index.md'",
                "content/en/diagnosis.md: warning: this translation does not record which version of content/es/diagnostico.md it "
                        + "translates; once it is complete, run 'abierto translations --mark content/en/diagnosis.md'"),
                site.report(site.build()));

        Path diagnosis = site.root().resolve("content/en/diagnosis.md");
        TranslationReport marked = translations(site, true, List.of(diagnosis));
        assertEquals(List.of(diagnosis), marked.marked());
        assertEquals(List.of("home=unmarked", "diagnostico=current"), states(marked));
        assertEquals("---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\nsourceHash: \""
                + marked.statuses().get(1).fingerprint() + "\"\n---\n\nDiagnosis text.\n", Files.readString(diagnosis));
    }

    @Test
    void changingTheOriginalMakesTheTranslationStale() {
        var site = MiniSite.create(dir);
        new Abierto().translations(site.request(), true, List.of(), true);
        assertEquals(List.of(), site.report(site.build()));

        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto del diagnóstico, corregido.\n");
        String stale = "content/en/diagnosis.md:5:13: %s: the original content/es/diagnostico.md changed since this translation was "
                + "marked; update it, then run 'abierto translations --mark content/en/diagnosis.md'";
        assertEquals(List.of(stale.formatted("warning")), site.report(site.build()));
        assertEquals(List.of(stale.formatted("error")), site.errors(site.buildStrict()));
        assertEquals(List.of("home=current", "diagnostico=stale"), states(translations(site, false, List.of())));
    }

    @Test
    void fingerprintIgnoresFrontMatterOtherThanTitleAndDescription() {
        var site = MiniSite.create(dir);
        new Abierto().translations(site.request(), true, List.of(), true);
        site.file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 3\nslug: diagnostico\n---\n\nTexto del diagnóstico.  \n");
        assertEquals(List.of("home=current", "diagnostico=current"), states(translations(site, false, List.of())));
    }

    @Test
    void missingTranslationIsListed() {
        var site = MiniSite.create(dir).delete("content/en/diagnosis.md");
        TranslationReport report = translations(site, false, List.of());
        assertEquals(List.of("home=current", "diagnostico=missing"), states(report));
        TranslationStatus missing = report.statuses().get(1);
        assertEquals("en", missing.language());
        assertEquals(null, missing.translation());
        assertTrue(report.json(site.root()).contains("\"state\": \"missing\""), report.json(site.root()));
    }

    @Test
    void markingAFileThatIsNotATranslationIsAnError() {
        var site = MiniSite.create(dir);
        TranslationReport report = translations(site, true, List.of(site.root().resolve("content/es/diagnostico.md")));
        assertEquals(List.of("content/es/diagnostico.md: error: this file is not the translation of a page of the original "
                + "language; mark the translated file, e.g. content/en/…"),
                report.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(site.root())).toList());
        assertEquals(List.of(), report.marked());
    }

    @Test
    void markingATranslationByAnyPathToItMarksItAlone() throws IOException {
        var site = MiniSite.create(dir)
                .file("content/en/_index.md", "---\ntitle: Home\ntranslationKey: home\n---\n\nWelcome.\n")
                .file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\n---\n\nDiagnosis text.\n");
        Path diagnosis = site.root().resolve("content/en/diagnosis.md");
        TranslationReport marked = translations(site, true, List.of(site.root().resolve("content/es/../en/./diagnosis.md")));
        assertEquals(List.of(), marked.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(site.root())).toList());
        assertEquals(List.of(diagnosis), marked.marked());
        assertEquals(List.of("home=unmarked", "diagnostico=current"), states(marked));
        assertEquals("---\ntitle: Home\ntranslationKey: home\n---\n\nWelcome.\n", Files.readString(site.root().resolve("content/en/_index.md")));
    }
}
