package org.abierto.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command as a user runs it: exit codes, the report format, and no stack traces. */
class AbiertoCommandTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeSite() throws IOException {
        write("pom.xml", "<project/>\n");
        write("content/site.yaml", "title: Informe\nlanguages:\n  - {code: es, locale: es-MX, name: Español}\n"
                + "organisation:\n  name: Coalición\nlicence:\n  name: CC BY 4.0\n");
        write("content/i18n/es.yaml", "hola: Hola\n");
        write("content/es/_index.md", "---\ntitle: Inicio\n---\n\nTexto.\n");
        write("templates/home.ftlh", "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>${page.title}</title></head>"
                + "<body>${content}</body></html>\n");
        write("templates/landing.ftlh", "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>x</title></head>"
                + "<body><a href=\"/es/\">${i18n.hola}</a></body></html>\n");
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private int run(String... args) {
        return AbiertoCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildWithDefaultsWritesSiteTargetSite() throws IOException {
        assertEquals(0, run("build"));
        assertTrue(Files.exists(dir.resolve("site/target/site/es/index.html")));
        // The page, robots.txt, the manifest, the root page, and the offline copy (this theme has no pdf.ftlh: no PDF).
        assertTrue(out().matches("Built 1 page \\(es 1\\), 5 files in all → site/target/site: 0 errors, 0 warnings \\((\\d+ ms|\\d+\\.\\d s)\\)\\n"), out());
        assertEquals("", err());
        try (var zips = Files.list(dir.resolve("site/target/site"))) {
            assertEquals(1, zips.filter(f -> f.toString().endsWith(".zip")).count());
        }
    }

    @Test
    void noPdfAndNoOfflineLeaveTheDownloadsOut() {
        assertEquals(0, run("build", "--no-pdf", "--no-offline"));
        assertTrue(out().matches("Built 1 page \\(es 1\\), 4 files in all → site/target/site: 0 errors, 0 warnings \\((\\d+ ms|\\d+\\.\\d s)\\)\\n"), out());
    }

    @Test
    void pdfWithAThemeWithoutItsTemplateSaysSoAndExitsWith1() {
        assertEquals(1, run("pdf"));
        assertTrue(err().contains("error: the theme has no template for the PDF (pdf.ftlh"), err());
        assertFalse(Files.exists(dir.resolve("site/target/pdf/es")));
    }

    @Test
    void contentErrorsExitWith1AndPrintFileLineColumnWithoutStackTrace() throws IOException {
        write("content/es/_index.md", "---\ntitle: Inicio\norder: uno\n---\n");
        assertEquals(1, run("build", "--out", "salida"));
        assertTrue(err().startsWith("content/es/_index.md:3:8: error: 'order' must be a whole number, not the text 'uno'\n"
                + "Build failed: 1 error, 0 warnings; salida was left as it was ("), err());
        assertFalse(err().contains("Exception"), err());
        assertFalse(err().contains("\tat "), err());
        assertFalse(Files.exists(dir.resolve("salida")));
    }

    @Test
    void aTemplateReachingForTheFileSystemExitsWith1AndLeavesTheOutput() throws IOException {
        assertEquals(0, run("build", "--out", "salida"));
        String page = Files.readString(dir.resolve("salida/es/index.html"));
        write("templates/home.ftlh", "<#if page.source??><#list page.source.getFileSystem().provider()"
                + ".newInputStream(page.source.resolve(\"/etc/passwd\")).readAllBytes() as b>${b?c},</#list></#if>\n");
        err.reset();
        assertEquals(1, run("build", "--out", "salida"));
        assertTrue(err().startsWith("templates/home.ftlh:1:27: error: 'page.source' has no fields to read after it: templates see "
                + "data only"), err());
        assertFalse(err().contains("Exception"), err());
        assertEquals(page, Files.readString(dir.resolve("salida/es/index.html")));
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("build", "--no-such-option"));
        assertTrue(err().contains("Unknown option: '--no-such-option'"), err());
        assertEquals(2, run("publish"));
        assertEquals(2, run());
    }

    @Test
    void serveOnAPortInUseSaysSoAtOnceWithoutBuildingOrAStackTrace() throws IOException {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(2, run("serve", "--port", String.valueOf(taken.getLocalPort())));
        }
        assertTrue(err().startsWith("abierto: cannot listen on 127.0.0.1:"), err());
        assertTrue(err().contains("choose another port with --port"), err());
        assertFalse(err().contains("internal error") || err().contains("\tat "), err());
        assertEquals("", out(), "nothing was built before the port was known");
    }

    @Test
    void serveBeyondThisComputerIsWarnedOf() {
        // 192.0.2.1 (a documentation address) is no address of this computer: the warning comes, then the refusal to listen.
        assertEquals(2, run("serve", "--bind", "192.0.2.1", "--port", "0"));
        assertTrue(err().startsWith("abierto: warning: the preview listens on 192.0.2.1, beyond this computer: anyone who can reach it "
                + "on the network can read the site, drafts included; leave out --bind (or give 127.0.0.1) to keep it on this computer\n"
                + "abierto: cannot listen on 192.0.2.1:0"), err());
    }

    @Test
    void anOutputInsideTheContentOrTemplatesIsAUsageError() {
        // Issue 13, item 6: --out content/static wrote the site into the content, and every later build failed.
        assertEquals(2, run("build", "--out", "content/static"));
        assertTrue(err().startsWith("--out content/static: refusing to write the site there: it is inside " + dir.resolve("content")
                + ", where the next build would read the site as content; use a folder outside it, such as site/target/site\n"), err());
        assertFalse(Files.exists(dir.resolve("content/static")));
        err.reset();
        assertEquals(2, run("build", "--out", "templates/vista"));
        assertTrue(err().startsWith("--out templates/vista: refusing to write the site there: it is inside " + dir.resolve("templates")), err());
        assertFalse(Files.exists(dir.resolve("templates/vista")));
        err.reset();
        assertEquals(2, run("build", "--out", "."));
        assertTrue(err().startsWith("--out .: refusing to write the site there: it is, or contains, "), err());
    }

    @Test
    void aFileAddedToTheOutputStopsTheBuildAndIsKept() throws IOException {
        // Issue 13, item 3: `echo x > out/CNAME; build --out out` deleted CNAME without a word.
        assertEquals(0, run("build", "--out", "out"));
        write("out/CNAME", "x\n");
        err.reset();
        assertEquals(1, run("build", "--out", "out"));
        assertTrue(err().startsWith("out/CNAME:1:1: error: refusing to replace the output folder: Abierto did not write this file (its "
                + "abierto-manifest.json does not list it); move what you need out of the folder (a file the site needs, such as CNAME, "
                + "belongs in content/static/) or delete it, or choose an empty or new folder; then build again\n"
                + "Build failed: 1 error, 0 warnings; out was left as it was ("), err());
        assertEquals("x\n", Files.readString(dir.resolve("out/CNAME")));
        assertTrue(Files.exists(dir.resolve("out/es/index.html")));
    }

    @Test
    void newSiteRefusesTheRootAFullFolderAndTheInsideOfAReport() throws IOException {
        // Issue 13, item 6. Only the refusal of / runs here as it is decided before anything is written.
        assertEquals(1, run("new", "site", "/"));
        assertEquals("/: error: refusing to make a report at the root of the file system; name a new folder, e.g. abierto new site "
                + "informe\n", err());
        err.reset();
        assertEquals(1, run("new", "site", "content"));
        assertEquals("content: error: this folder already holds files (es), which would be mixed with the report's; name a new or "
                + "empty folder\n", err());
        err.reset();
        assertEquals(1, run("new", "site", "content/anexo"));
        assertEquals("content/anexo: error: refusing to make a report inside the content folder " + dir.resolve("content")
                + " of another report, whose builds would read it as content; choose a folder outside it\n", err());
        assertFalse(Files.exists(dir.resolve("content/anexo")));
        assertEquals("", out());
    }

    @Test
    void checkWritesNothing() {
        assertEquals(0, run("check"));
        assertFalse(Files.exists(dir.resolve("site")));
        assertTrue(out().startsWith("Checked 1 page (es 1): 0 errors, 0 warnings ("), out());
    }

    @Test
    void strictTurnsMissingTranslationsIntoErrors() throws IOException {
        write("content/site.yaml", "title: Informe\nlanguages:\n  - {code: es, name: Español}\n  - {code: en, name: English}\n"
                + "organisation:\n  name: Coalición\nlicence:\n  name: CC BY 4.0\n");
        write("content/i18n/en.yaml", "hola: Hello\n");
        write("content/en/_index.md", "---\ntitle: Home\n---\n");
        write("content/es/otra.md", "---\ntitle: Otra\n---\n");
        write("templates/page.ftlh", "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>x</title></head><body></body></html>\n");
        assertEquals(0, run("check"));
        assertEquals(1, run("check", "--strict"));
        assertTrue(err().contains("content/es/otra.md: error: this page has no English translation"), err());
    }

    @Test
    void strictPublishesADeliverableWithoutAddressAndListsItWhileRequireDeliverablesFails() throws Exception {
        write("content/data/entregables.yaml", "title: Entregables\ncolumns:\n  - {key: nombre, label: Nombre, type: text, link: true}\n"
                + "rows:\n  - nombre: Guía\n    url: https://example.org/guia.pdf\n  - nombre: Diagnóstico\n");
        assertEquals(0, run("build", "--strict", "--out", "publicar"));
        assertEquals("content/data/entregables.yaml:7:5: warning: 'Diagnóstico' has no address (url: or file:), so it is shown as not"
                + " yet available online; add its address when it is published\n", err());
        assertTrue(out().matches("Built 1 page \\(es 1\\), \\d+ files in all → publicar: 0 errors, 1 warning"
                + " \\(1 deliverable without an address, shown as not yet online\\) \\((\\d+ ms|\\d+\\.\\d s)\\)\\n"), out());
        assertTrue(Files.exists(dir.resolve("publicar/es/index.html")));

        out.reset();
        err.reset();
        assertEquals(0, run("check", "--strict", "--format", "json"));
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
        assertEquals(1, report.get("summary").get("deliverablesWithoutAddress").asInt());
        var listed = report.get("diagnostics").get(0);
        assertEquals("content/data/entregables.yaml", listed.get("file").asText());
        assertEquals(7, listed.get("line").asInt());
        assertEquals("warning", listed.get("severity").asText());
        assertEquals("document-unavailable", listed.get("code").asText());

        out.reset();
        err.reset();
        String previous = Files.readString(dir.resolve("publicar/es/index.html"));
        write("content/es/_index.md", "---\ntitle: Inicio\n---\n\nOtro texto.\n");
        assertEquals(1, run("build", "--strict", "--require-deliverables", "--out", "publicar"));
        assertTrue(err().startsWith("content/data/entregables.yaml:7:5: error: 'Diagnóstico' has no address"), err());
        assertTrue(err().contains("Build failed: 1 error, 0 warnings (1 deliverable without an address, shown as not yet online);"
                + " publicar was left as it was"), err());
        assertEquals(previous, Files.readString(dir.resolve("publicar/es/index.html")));
    }

    @Test
    void strictHelpSaysWhatItTurnsIntoErrors() {
        assertEquals(0, run("build", "--help"));
        String help = out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--strict Treat as errors what would make the published site wrong: missing, stale or unmarked"
                + " translations"), help);
        assertTrue(help.contains("A deliverable without an address stays a warning; see --require-deliverables."), help);
        assertTrue(help.contains("--require-deliverables Treat a deliverable without an address"), help);
    }

    @Test
    void translationsTableJsonAndMarking() throws IOException {
        write("content/site.yaml", "title: Informe\nlanguages:\n  - {code: es, name: Español}\n  - {code: en, name: English}\n"
                + "organisation:\n  name: Coalición\nlicence:\n  name: CC BY 4.0\n");
        write("content/i18n/en.yaml", "hola: Hello\n");
        write("content/en/_index.md", "---\ntitle: Home\n---\n");
        assertEquals(0, run("translations"));
        assertEquals("STATE     ORIGINAL              TRANSLATION\n"
                + "unmarked  content/es/_index.md  content/en/_index.md\n"
                + "1 translations: 0 current, 0 stale, 1 unmarked, 0 missing\n", out());
        assertEquals(1, run("translations", "--strict"));
        out.reset();
        assertEquals(0, run("translations", "--mark", "content/en/_index.md", "--format", "json"));
        assertTrue(out().contains("\"state\": \"current\""), out());
        assertTrue(err().contains("marked content/en/_index.md"), err());
        assertTrue(Files.readString(dir.resolve("content/en/_index.md")).matches("---\ntitle: Home\nsourceHash: \"[0-9a-f]{12}\"\n---\n"));
        assertEquals(0, run("translations", "--strict"));
        assertEquals(2, run("translations", "--mark"));
        assertEquals(2, run("translations", "--format", "xml"));
    }

    @Test
    void checkJsonReportValidatesAgainstItsDocumentedSchema() throws Exception {
        write("content/es/_index.md", "---\ntitle: Inicio\norder: uno\n---\n\nVer [aquí](#).\n");
        assertEquals(1, run("check", "--format", "json"));
        assertEquals("", err());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var report = mapper.readTree(out());
        var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../../docs/check-report.schema.json")));
        var json = com.networknt.schema.InputFormat.JSON;
        assertEquals(java.util.List.of(), schema.validate(out(), json));
        // the schema is really applied: a report without its fields does not pass
        assertFalse(schema.validate("{}", json).isEmpty());
        assertEquals(false, report.get("succeeded").asBoolean());
        var first = report.get("diagnostics").get(0);
        assertEquals("content/es/_index.md", first.get("file").asText());
        assertEquals(3, first.get("line").asInt());
        assertEquals(8, first.get("column").asInt());
        assertEquals("error", first.get("severity").asText());
        assertEquals("schema-type", first.get("code").asText());

        out.reset();
        write("content/es/_index.md", "---\ntitle: Inicio\n---\n\nTexto.\n");
        assertEquals(0, run("check", "--format", "json"));
        var clean = mapper.readTree(out());
        assertEquals(java.util.List.of(), schema.validate(out(), json));
        assertEquals(1, clean.get("summary").get("pages").get("es").asInt());
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("Usage: abierto"), out());
        assertTrue(out().contains("build") && out().contains("check"), out());
        assertEquals(0, run("--version"));
        assertTrue(out().contains("abierto 0.1.0-SNAPSHOT"), out());
        assertEquals(0, run("build", "--help"));
        assertTrue(out().contains("--base-url=URL"), out());
    }
}
