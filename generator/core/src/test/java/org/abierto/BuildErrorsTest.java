package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of mistake an editor can make gives one clear error, at the right place. */
class BuildErrorsTest {
    @TempDir
    Path dir;

    @Test
    void miniSiteBuildsWithoutProblems() {
        var site = MiniSite.create(dir);
        BuildResult result = site.build();
        assertEquals(List.of(), site.report(result));
        assertTrue(result.written());
        assertEquals(List.of("abierto-manifest.json", "en/diagnosis/index.html", "en/index.html",
                "es/diagnostico/index.html", "es/index.html", "index.html", "robots.txt"), site.outputFiles());
    }

    @Test
    void missingFoldersAreTheEditorsErrorsBothReportedAtOnce() throws java.io.IOException {
        var site = MiniSite.create(dir);
        java.nio.file.Files.move(site.root().resolve("templates"), site.root().resolve("theme"));
        java.nio.file.Files.move(site.root().resolve("content"), site.root().resolve("contenido"));
        assertEquals(List.of("content: error: the content folder does not exist; pass the right one with --content",
                        "templates: error: the templates folder does not exist; pass the right one with --templates"),
                site.errors(site.build()));
        assertEquals(2, new Abierto().check(site.request()).diagnostics().size());
    }

    @Test
    void malformedFrontMatterPointsAtTheLineAndColumnInThePage() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\norder: [1\n---\n\nTexto.\n");
        BuildResult result = site.build();
        assertEquals(List.of("content/es/diagnostico.md:3:8: error: invalid front matter: a list in brackets opens here with '[' "
                        + "and its ']' is missing; close it, or put the whole value in quotes if the bracket is part of the text"),
                site.errors(result));
        assertFalse(result.written());
    }

    @Test
    void anUnclosedBracketOrQuoteIsReportedWhereItOpensNotWhereTheFrontMatterEnds() {
        var site = MiniSite.create(dir)
                .file("content/es/diagnostico.md", "---\ntitle: [Diagnóstico\norder: 1\n---\n\nTexto.\n")
                .file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ndescription: \"The first phase\n---\n\nText.\n")
                .file("content/es/_index.md", "---\ntitle: Inicio\ntranslationKey: home\nparams: {a: 1\n---\n\nBienvenida.\n");
        assertEquals(List.of("content/en/diagnosis.md:4:14: error: invalid front matter: a quoted text opens here and its closing quote "
                        + "is missing; add it",
                "content/es/_index.md:4:9: error: invalid front matter: a mapping in braces opens here with '{' and its '}' is missing; "
                        + "close it, or put the whole value in quotes if the brace is part of the text",
                "content/es/diagnostico.md:2:8: error: invalid front matter: a list in brackets opens here with '[' and its ']' is missing; "
                        + "close it, or put the whole value in quotes if the bracket is part of the text"),
                site.errors(site.build()));
    }

    @Test
    void aQuoteLeftOpenThatSwallowsLinesUpToALaterQuoteIsReportedWhereItOpens() {
        var site = MiniSite.create(dir)
                .file("content/es/diagnostico.md", "---\ntitle: \"Diagnóstico\norder: 1\ntranslationKey: 'diag'\n---\n\nTexto.\n")
                .file("content/en/diagnosis.md", "---\ntitle: 'It''s a diagnosis'\norder: 1\ndescription: \"Phase \\\"one\\\"\nkey: \"x\" y\n---\n\nText.\n");
        assertEquals(List.of("content/en/diagnosis.md:4:14: error: invalid front matter: a quoted text opens here and its closing quote "
                        + "is missing; add it",
                "content/es/diagnostico.md:2:8: error: invalid front matter: a quoted text opens here and its closing quote "
                        + "is missing; add it"),
                site.errors(site.build()));
    }

    @Test
    void colonInsideAnUnquotedValueIsReportedWhereItIs() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\ndescription: Fase 2: diagnóstico\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:3:20: error: invalid front matter: mapping values are not allowed here; "
                        + "check the indentation and quote text that contains ': ' or starts with a symbol"),
                site.errors(site.build()));
    }

    @Test
    void anUnknownEscapeInADoubleQuotedTitleIsReportedAtItsBackslash() {
        // The example of content/README.md, "Data".
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: \"Visión \\q a futuro\"\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:2:16: error: invalid front matter: \\q is not an escape YAML knows inside "
                        + "double quotes; write \\\\ for a backslash, or put the text in single quotes"),
                site.errors(site.build()));
    }

    @Test
    void pageWithoutFrontMatter() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "Texto sin encabezado.\n");
        assertEquals(List.of("content/es/diagnostico.md:1:1: error: the page has no front matter; start the file with a line "
                + "'---', then 'title: …', then a line '---'"), site.errors(site.build()));
    }

    @Test
    void frontMatterNotClosed() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:1:1: error: the front matter is not closed; add a line '---' after its last key"),
                site.errors(site.build()));
    }

    @Test
    void unknownFrontMatterKeySuggestsTheClosestOne() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\nordre: 1\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:3:1: error: unknown key 'ordre' in the front matter; did you mean 'order'?"),
                site.errors(site.build()));
    }

    @Test
    void wrongTypeInFrontMatterIsReportedAtTheValue() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: dos\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:3:8: error: 'order' must be a whole number, not the text 'dos'"),
                site.errors(site.build()));
    }

    @Test
    void aSlugWithAccentsOrSpacesSaysWhichCharactersItMayUseAndSuggestsOne() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\nslug: Diagnóstico Final\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:3:7: error: the slug 'Diagnóstico Final' may use only lower-case letters "
                + "without accents, digits and hyphens, e.g. 'diagnostico-final'"), site.errors(site.build()));
    }

    @Test
    void aSourceHashNotWrittenByTheMarkCommandSaysWhatItIs() {
        var site = MiniSite.create(dir).file("content/en/diagnosis.md",
                "---\ntitle: Diagnosis\ntranslationKey: diagnostico\nsourceHash: a1b2c3\n---\n\nText.\n");
        assertEquals(List.of("content/en/diagnosis.md:4:13: error: sourceHash is written by 'abierto translations --mark'; "
                + "it is 12 hexadecimal digits, not 'a1b2c3'"), site.errors(site.build()));
    }

    @Test
    void aLayoutNamedWithItsExtensionOrCapitalsNamesTheTemplateItShouldBe() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\nlayout: Home.ftlh\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:3:9: error: the layout 'Home.ftlh' must name a template of templates/ "
                + "without '.ftlh', e.g. 'home'"), site.errors(site.build()));
    }

    @Test
    void validSlugSourceHashAndLayoutValuesAreNotErrors() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\nslug: fase-2\nlayout: page\n---\n\nTexto.\n");
        assertEquals(List.of(), site.errors(site.build()));
    }

    @Test
    void missingTitle() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\norder: 1\n---\n\nTexto.\n");
        assertEquals(List.of("content/es/diagnostico.md:2:1: error: the front matter needs 'title'; add it"),
                site.errors(site.build()));
    }

    @Test
    void everyErrorOfARunIsReportedTogether() {
        var site = MiniSite.create(dir)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: dos\n---\n\nTexto.\n")
                .file("content/en/diagnosis.md", "---\ntitel: Diagnosis\ntranslationKey: diagnostico\n---\n\nText.\n");
        assertEquals(List.of(
                "content/en/diagnosis.md:2:1: error: the front matter needs 'title'; add it",
                "content/en/diagnosis.md:2:1: error: unknown key 'titel' in the front matter; did you mean 'title'?",
                "content/es/diagnostico.md:3:8: error: 'order' must be a whole number, not the text 'dos'"),
                site.errors(site.build()));
    }

    @Test
    void aFileThatCannotBeReadIsReportedWithTheOtherPagesErrorsAndNothingMoreOfIt() throws java.io.IOException {
        var site = MiniSite.create(dir)
                .file("content/en/diagnosis.md", "---\ntitel: Diagnosis\ntranslationKey: diagnostico\n---\n\nText.\n");
        // Saved in Latin-1: 'Diagnóstico' with ó as the single byte 0xF3.
        java.nio.file.Files.write(site.root().resolve("content/es/diagnostico.md"),
                "---\ntitle: Diagn\u00f3stico\n---\n\nTexto.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        BuildResult result = site.build();
        assertEquals(List.of(
                "content/en/diagnosis.md:2:1: error: the front matter needs 'title'; add it",
                "content/en/diagnosis.md:2:1: error: unknown key 'titel' in the front matter; did you mean 'title'?",
                "content/es/diagnostico.md:2:13: error: the byte 0xF3 is not valid UTF-8 (the file was saved in another encoding, "
                        + "such as Latin-1 or Windows-1252); save it as UTF-8"),
                site.errors(result));
        assertFalse(result.written());
    }

    @Test
    void undefinedTemplateVariableNamesTheTemplateLineAndThePage() {
        var site = MiniSite.create(dir).file("templates/page.ftlh", """
                <!DOCTYPE html>
                <html lang="es"><head><title>${page.title}</title></head>
                <body>${page.subtitle}</body></html>
                """);
        assertEquals(List.of("templates/page.ftlh:3:9: error: 'page.subtitle' is undefined or null; check its spelling, "
                        + "or write ${x!\"\"} or <#if x??> where it may be missing (while rendering content/en/diagnosis.md "
                        + "and 1 other page)"),
                site.errors(site.build()));
    }

    @Test
    void templateSyntaxErrorIsReportedOnce() {
        var site = MiniSite.create(dir).file("templates/page.ftlh", "<html><#if page.title>\n</html>\n");
        List<String> errors = site.errors(site.build());
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("templates/page.ftlh:2:8: error: template syntax: Unexpected end of file reached. You have an unclosed #if. "
                + "Check if the FreeMarker end-tags are present, and aren't malformed. (Note that FreeMarker end-tags must have # or @ "
                + "after the / character.)", errors.get(0));
    }

    @Test
    void layoutWithoutTemplate() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\nlayout: informe\n---\n\nTexto.\n");
        // Issue 14, items 7 and 8: at the value, with the layouts there are (it was the file alone, from the render stage).
        assertEquals(List.of("content/es/diagnostico.md:3:9: error: there is no layout 'informe': no template templates/informe.ftlh "
                        + "(the layouts are home, landing, page, section)"),
                site.errors(site.build()));
    }

    @Test
    void twoPagesAtTheSameAddressNameBothFiles() {
        var site = MiniSite.create(dir)
                .file("content/es/otro.md", "---\ntitle: Otro\nslug: diagnostico\ntranslationKey: otro\n---\n\nTexto.\n");
        List<String> errors = site.errors(site.build());
        assertEquals(List.of("content/es/otro.md: error: this page and content/es/diagnostico.md would both be published at "
                + "/es/diagnostico/; rename one of them or give it another slug"), errors);
    }

    @Test
    void directiveNamingMissingDataSuggestsTheClosestName() {
        var site = MiniSite.create(dir)
                .file("content/data/ejemplares.yaml", "title: {es: Ejemplares, en: Copies}\ncolumns:\n  - {key: n, label: N, type: integer}\nrows:\n  - {n: 1}\n")
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\nTexto.\n\n::table{data=ejemplars}\n");
        assertEquals(List.of("content/es/diagnostico.md:7:1: error: ::table names the data 'ejemplars', but "
                + "content/data/ejemplars.yaml does not exist; did you mean 'ejemplares'?"), site.errors(site.build()));
    }

    @Test
    void directiveWithoutTemplate() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\n---\n\n::grafica{tipo=barras}\n");
        assertEquals(List.of("content/es/diagnostico.md:5:1: error: there is no directive ::grafica (no template "
                + "templates/directives/grafica.ftlh)"), site.errors(site.build()));
    }

    @Test
    void brokenLinkToAPageNamesTheMarkdownLineAndTheTarget() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\n---\n\nVer [el anexo](anexo.md).\n");
        assertEquals(List.of("content/es/diagnostico.md:5:5: error: the link 'anexo.md' points at content/es/anexo.md, "
                + "which is not a published page; check the file name (drafts are not published)"), site.errors(site.build()));
    }

    @Test
    void brokenAnchorNamesTheMissingAnchor() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\n---\n\nVer [el inicio](_index.md#bienvenida).\n");
        assertEquals(List.of("content/es/diagnostico.md:5:5: error: the link '_index.md#bienvenida' points at the anchor "
                + "#bienvenida, which /es/ does not have"), site.errors(site.build()));
    }

    @Test
    void placeholderLinkAndVagueLinkText() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\n---\n\nLa matriz se puede consultar [aquí](#).\n\nVer [aquí](_index.md).\n");
        assertEquals(List.of(
                "content/es/diagnostico.md:5:30: error: empty link ('#'); link to the real page or file, or write the text without a link",
                "content/es/diagnostico.md:5:30: error: the link text 'aquí' says nothing out of context; name where it leads, "
                        + "e.g. the document's title",
                "content/es/diagnostico.md:7:5: error: the link text 'aquí' says nothing out of context; name where it leads, "
                        + "e.g. the document's title"),
                site.errors(site.build()));
    }

    @Test
    void missingInterfaceWordNamesTheKeyAndTheLanguage() {
        var site = MiniSite.create(dir).file("content/i18n/en.yaml", "format:\n  month: MMMM y\n");
        assertEquals(List.of("content/i18n/en.yaml: error: the interface word 'next' is missing in English (en); "
                + "i18n/es.yaml has it at line 1; add its translation"), site.errors(site.build()));
    }

    @Test
    void unsafeRawHtmlIsRemovedWithAWarningAtItsLine() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\n---\n\nTexto <span onclick=\"robar()\">seguro</span>.\n\n<script>alert(1)</script>\n");
        BuildResult result = site.build();
        assertEquals(List.of(
                "content/es/diagnostico.md:5:7: warning: raw HTML: removed the onclick attribute of <span>; only safe markup is "
                        + "published (see content/README.md)",
                "content/es/diagnostico.md:7:1: warning: raw HTML: removed the <script> element; only safe markup is published "
                        + "(see content/README.md)"),
                site.reportIgnoringTranslations(result));
        String html = site.output("es/diagnostico/index.html");
        assertTrue(html.contains("Texto <span>seguro</span>."), html);
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("onclick"), html);
    }

    @Test
    void javascriptLinksAreErrors() {
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\n---\n\nUn [enlace peligroso](javascript:alert(1)).\n");
        assertEquals(List.of("content/es/diagnostico.md:5:4: error: the link 'javascript:alert(1)' runs code or embeds data; "
                + "link to a page or file instead"), site.errors(site.build()));
    }

    @Test
    void untranslatedPageIsAWarningAndAnErrorWhenStrict() {
        var site = MiniSite.create(dir).delete("content/en/diagnosis.md");
        String expected = "content/es/diagnostico.md: %s: this page has no English translation (translationKey 'diagnostico'); "
                + "the language switcher sends readers to the English home";
        assertEquals(List.of(expected.formatted("warning")), site.report(site.build()));
        assertEquals(List.of(expected.formatted("error")), site.errors(site.buildStrict()));
    }

    @Test
    void anUntranslatedPageWhoseKeyIsWrittenIsReportedAtItsKey() {
        // A mistyped translationKey is the usual cause: the error points at it (a page without one, at the file).
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\norder: 1\ntranslationKey: diagnostic\n---\n\nTexto.\n");
        assertTrue(site.errors(site.buildStrict()).contains("content/es/diagnostico.md:4:17: error: this page has no English translation "
                + "(translationKey 'diagnostic'); the language switcher sends readers to the English home"), site.errors(site.buildStrict()).toString());
    }

    @Test
    void aStrictRunReportsTheBrokenLinksOfASiteWhoseTranslationsItRefusesAndKeepsTheOutput() {
        var site = MiniSite.create(dir);
        assertTrue(site.buildStrict().written());
        String published = site.output("es/diagnostico/index.html");
        // Two problems of two stages: a page left untranslated (assemble, an error only under --strict)
        // and a broken link (check). Both are reported in the one run; nothing is written.
        site.delete("content/en/diagnosis.md").file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\norder: 1\n---\n\nVer [el anexo](anexo.md).\n");
        BuildResult strict = site.buildStrict();
        assertEquals(List.of("content/es/diagnostico.md: error: this page has no English translation (translationKey "
                        + "'diagnostico'); the language switcher sends readers to the English home",
                "content/es/diagnostico.md:6:5: error: the link 'anexo.md' points at content/es/anexo.md, which is not a "
                        + "published page; check the file name (drafts are not published)"),
                site.errors(strict));
        assertFalse(strict.written());
        assertEquals(published, site.output("es/diagnostico/index.html"));
        assertEquals(List.of("abierto-manifest.json", "en/diagnosis/index.html", "en/index.html",
                "es/diagnostico/index.html", "es/index.html", "index.html", "robots.txt"), site.outputFiles());
        // Without --strict the same content builds, with the translation a warning.
        assertEquals(List.of("content/es/diagnostico.md:6:5: error: the link 'anexo.md' points at content/es/anexo.md, "
                + "which is not a published page; check the file name (drafts are not published)"), site.errors(site.build()));
    }

    @Test
    void aStageErrorStillStopsTheRunBeforeTheNextStage() {
        // A layout that does not exist is the assemble stage's own error: the pages are not made, so their
        // links are not checked. The stale translation, found by the same stage, is reported with it.
        var site = MiniSite.create(dir).file("content/es/diagnostico.md",
                "---\ntitle: Diagnóstico\nlayout: ninguno\n---\n\nVer [el anexo](anexo.md).\n");
        assertEquals(List.of("content/en/diagnosis.md:5:13: error: the original content/es/diagnostico.md changed since "
                        + "this translation was marked; update it, then run 'abierto translations --mark content/en/diagnosis.md'",
                "content/es/diagnostico.md:3:9: error: there is no layout 'ninguno': no template templates/ninguno.ftlh "
                        + "(the layouts are home, landing, page, section)"),
                site.errors(site.buildStrict()));
    }

    @Test
    void schemaViolationsInDataFilesPointAtTheOffendingValue() {
        var site = MiniSite.create(dir).file("content/data/ejemplares.yaml", """
                title: {es: Ejemplares, en: Copies}
                columns:
                  - key: institucion
                    lable: {es: Institución, en: Institution}
                  - key: ejemplares
                    label: {es: Ejemplares, en: Copies}
                    type: numero
                    total: si
                rows:
                  - {institucion: INFO NL, ejemplares: 40}
                """);
        assertEquals(List.of(
                "content/data/ejemplares.yaml:3:5: error: entry 1 of 'columns' needs 'label'; add it",
                "content/data/ejemplares.yaml:4:5: error: unknown key 'lable' in the table; did you mean 'label'?",
                "content/data/ejemplares.yaml:7:11: error: 'type' cannot be the text 'numero'; use one of text, integer, decimal, date, month",
                "content/data/ejemplares.yaml:8:12: error: 'total' must be true or false, not the text 'si'"),
                site.errors(site.build()));
    }

    @Test
    void schemaViolationsInSiteAndInterfaceWords() {
        var site = MiniSite.create(dir)
                .file("content/i18n/es.yaml", "next: Siguiente\nformat:\n  month: [MMMM]\n")
                .file("content/site.yaml", "title: Informe\nlanguages:\n  - {code: es, name: Español, locle: es-MX}\n  - {code: en, name: English}\n"
                        + "organisation: Coalición\n");
        assertEquals(List.of(
                "content/i18n/es.yaml:3:10: error: 'month' must be text, a number or keys and values, not a list",
                "content/site.yaml:3:31: error: unknown key 'locle' in the site.yaml; did you mean 'locale'?",
                "content/site.yaml:5:15: error: 'organisation' must be keys and values, not the text 'Coalición'"),
                site.errors(site.build()));
    }
}
