package org.abierto;

import org.abierto.check.ExternalLinks;
import org.abierto.model.OutputFile;
import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An update whose build throws (a bug, or an input that breaks a library) is an error of its snapshot,
 * at the file saved, and the next update starts over: it reads, renders and makes everything again, as a
 * fresh build does. What throws here is the clock of the external-link check, the last step of a build:
 * a stand-in for anything that breaks after the stages have kept their results. Each result is compared
 * with what a build writes.
 */
class PreviewRecoveryTest {
    @TempDir
    Path dir;
    MiniSite site;
    BreakingClock clock;
    Workspace workspace;

    /** A clock that throws while it is broken. */
    static final class BreakingClock extends Clock {
        volatile boolean broken;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (broken) {
                throw new IllegalStateException("the clock broke");
            }
            return Instant.parse("2026-12-01T00:00:00Z");
        }
    }

    @BeforeEach
    void site() {
        site = MiniSite.create(dir);
        clock = new BreakingClock();
        workspace = new Workspace(request());
    }

    private BuildRequest request() {
        BuildRequest r = site.request();
        return new BuildRequest(r.contentDir(), r.templatesDir(), r.outputDir(), null, false, false,
                new ExternalLinks.Options(dir.resolve("links.json"), clock, Duration.ofSeconds(1), 1));
    }

    private Path path(String path) {
        return site.root().resolve(path);
    }

    private String read(String path) throws IOException {
        return Files.readString(path(path));
    }

    private List<String> report(Workspace.Snapshot snapshot) {
        return snapshot.diagnostics().stream().map(d -> d.format(site.root())).toList();
    }

    private List<String> errors(Workspace.Snapshot snapshot) {
        return report(snapshot).stream().filter(d -> d.contains(": error: ")).toList();
    }

    private static String text(OutputFile file) {
        return new String(((OutputFile.Generated) file).bytes(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(OutputFile file) throws IOException {
        return file instanceof OutputFile.Generated g ? g.bytes() : Files.readAllBytes(((OutputFile.Copied) file).source());
    }

    /** Asserts that {@code snapshot} holds what a fresh build of the same files writes (its manifest aside). */
    private void assertFresh(Workspace.Snapshot snapshot) throws IOException {
        BuildResult fresh = site.build();
        assertEquals(site.report(fresh), report(snapshot));
        assertEquals(fresh.pages(), snapshot.result().pages());
        if (!fresh.written()) {
            assertEquals(Map.of(), snapshot.files());
            return;
        }
        Map<String, byte[]> written = new TreeMap<>();
        for (String path : site.outputFiles()) {
            if (!path.equals("abierto-manifest.json")) {
                written.put(path, Files.readAllBytes(site.out().resolve(path)));
            }
        }
        assertEquals(written.keySet(), new TreeSet<>(snapshot.files().keySet()));
        for (var file : written.entrySet()) {
            assertArrayEquals(file.getValue(), bytes(snapshot.files().get(file.getKey())), file.getKey());
        }
    }

    /** Writes a file with text of the same length as before and gives it back its date, as a quick save can leave it. */
    private void sameSizeAndDate(String path, String from, String to) throws IOException {
        assertEquals(from.length(), to.length());
        Path file = path(path);
        var modified = Files.getLastModifiedTime(file);
        String before = Files.readString(file);
        site.file(path, before.replace(from, to));
        Files.setLastModifiedTime(file, modified);
        assertEquals(Files.size(file), before.getBytes(StandardCharsets.UTF_8).length);
    }

    private static final String BROKEN = "the site could not be built after this change (java.lang.IllegalStateException: the clock broke); "
            + "undo or fix the change and save again. This is a bug in Abierto: please report it, with the file";

    @Test
    void aBuildThatThrowsIsAnErrorAtTheFileSavedWithNoFiles() throws IOException {
        Workspace.Snapshot first = workspace.update(List.of());
        assertEquals(List.of(), report(first));
        assertTrue(first.files().containsKey("es/diagnostico/index.html"));

        clock.broken = true;
        site.file("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("Texto", "Nuevo texto"));
        // An editor's save may touch the folder too: the file is named, wherever it comes in the list.
        Workspace.Snapshot broken = workspace.update(List.of(path("content/es"), path("content/es/diagnostico.md")));
        assertEquals(List.of("content/es/diagnostico.md: error: " + BROKEN), errors(broken));
        assertEquals(2, broken.version());
        assertEquals(Map.of(), broken.files());
        assertEquals(Map.of(), broken.result().pages());
        assertEquals(0, broken.result().files());

        assertEquals(List.of("content/es: error: " + BROKEN), errors(workspace.update(List.of(path("content/es")))),
                "only a folder saved: the folder");
        assertEquals(List.of("content: error: " + BROKEN), errors(workspace.update(List.of())),
                "nothing known to have changed: the content");

        clock.broken = false;
        Workspace.Snapshot recovered = workspace.update(List.of(path("content/es/diagnostico.md")));
        assertEquals(5, recovered.version());
        assertTrue(text(recovered.files().get("es/diagnostico/index.html")).contains("Nuevo texto del diagnóstico."));
        assertFresh(recovered);
    }

    static final String CIFRAS = """
            title: {es: Cifras, en: Figures}
            columns:
              - {key: nombre, label: {es: Nombre, en: Name}}
            rows:
              - {nombre: Uno}
            """;

    @Test
    void theUpdateAfterAFailureReadsRendersAndMakesEverythingAgain() throws IOException {
        site.file("templates/directives/figure.ftlh", Files.readString(Path.of("../../templates/directives/figure.ftlh")))
                .file("content/i18n/es.yaml", "next: Siguiente\nfigureSource: Fuente\nformat:\n  month: MMMM 'de' y\n")
                .file("content/i18n/en.yaml", "next: Next\nfigureSource: Source\nformat:\n  month: MMMM y\n")
                .file("content/data/figuras.yaml", "reunion:\n  image: figuras/reunion.png\n  alt: {es: Una mesa, en: A table}\n"
                        + "  caption: {es: Reunión, en: Meeting}\n")
                .file("content/data/cifras.yaml", CIFRAS)
                .file("templates/datasets.ftlh", read("templates/page.ftlh"))
                .file("content/es/datos.md", "---\ntitle: Datos\norder: 2\nlayout: datasets\n---\n\nLos datos.\n")
                .file("content/es/diagnostico.md", read("content/es/diagnostico.md") + "\n::figure{id=reunion}\n");
        Path image = path("content/static/figuras/reunion.png");
        Files.createDirectories(image.getParent());
        ImageIO.write(new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        new Abierto().translations(site.request(), true, List.of(), true);
        Workspace.Snapshot first = workspace.update(List.of());
        assertEquals(List.of(), errors(first));
        Set<String> pages = Set.of("/", "/es/", "/en/", "/es/diagnostico/", "/en/diagnosis/", "/es/datos/");
        assertEquals(pages, first.rendered());

        // Changed without the watcher saying so, with the same size and date: an update trusts what it read before...
        sameSizeAndDate("content/en/diagnosis.md", "Diagnosis text.", "Diagnosis TEXT.");
        site.file("content/es/nueva.md", "---\ntitle: Nueva\norder: 3\n---\n\nNueva.\n");
        Workspace.Snapshot trusted = workspace.update(List.of(path("content/es/nueva.md")));
        assertTrue(text(trusted.files().get("en/diagnosis/index.html")).contains("Diagnosis text."), "read again though not reported");

        // ...but not after a failure: everything is read, rendered and made again.
        clock.broken = true;
        assertEquals(1, workspace.update(List.of(path("content/es/nueva.md"))).result().errors());
        clock.broken = false;
        Workspace.Snapshot after = workspace.update(List.of(path("content/es/nueva.md")));
        assertTrue(text(after.files().get("en/diagnosis/index.html")).contains("Diagnosis TEXT."), "the text read before the failure");
        assertEquals(Set.of("/", "/es/", "/en/", "/es/diagnostico/", "/en/diagnosis/", "/es/datos/", "/es/nueva/"), after.rendered());
        for (String made : List.of("figuras/reunion.480w.png", "es/datos/cifras.csv", "robots.txt")) {
            assertNotSame(((OutputFile.Generated) trusted.files().get(made)).bytes(), ((OutputFile.Generated) after.files().get(made)).bytes(),
                    made + " made again");
        }
        assertFresh(after);

        // The control: without a failure, an update keeps the image's copies and the sitemap.
        Workspace.Snapshot next = workspace.update(List.of(path("content/es/nueva.md")));
        for (String made : List.of("figuras/reunion.480w.png", "es/datos/cifras.csv", "robots.txt")) {
            assertSame(((OutputFile.Generated) after.files().get(made)).bytes(), ((OutputFile.Generated) next.files().get(made)).bytes(), made);
        }
    }

    @Test
    void editsBeforeAndAfterAFailureGiveWhatABuildWrites() throws IOException {
        assertFresh(workspace.update(List.of()));
        site.file("content/data/cifras.yaml", CIFRAS);
        assertFresh(workspace.update(List.of(path("content/data/cifras.yaml"))));
        site.delete("content/i18n/en.yaml");
        assertFresh(workspace.update(List.of(path("content/i18n/en.yaml"))));
        site.delete("content/data/cifras.yaml");
        assertFresh(workspace.update(List.of(path("content/data/cifras.yaml"))));

        clock.broken = true;
        site.file("content/en/_index.md", read("content/en/_index.md").replace("Welcome.", "Welcome!"));
        assertEquals(1, workspace.update(List.of(path("content/en/_index.md"))).result().errors());
        clock.broken = false;
        site.file("content/i18n/en.yaml", "next: Next\nformat:\n  month: MMMM y\n")
                .file("content/es/diagnostico.md", read("content/es/diagnostico.md").replace("Texto", "Otro texto"));
        Workspace.Snapshot recovered = workspace.update(List.of(path("content/i18n/en.yaml"), path("content/es/diagnostico.md")));
        assertTrue(text(recovered.files().get("en/index.html")).contains("Welcome!"), "the edit saved while the build failed");
        assertFresh(recovered);
        site.delete("content/en/diagnosis.md");
        assertFresh(workspace.update(List.of(path("content/en/diagnosis.md"))));
    }

    @Test
    void thePreviewAskedToCheckExternalLinksReportsABrokenOne() throws IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String gone = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone";
            site.file("content/es/diagnostico.md", read("content/es/diagnostico.md") + "\nVer [el informe anterior](" + gone + ").\n");
            assertEquals(List.of("content/es/diagnostico.md:8:5: error: the external address '" + gone + "' answered HTTP 404; "
                    + "update or remove the link"), errors(workspace.update(List.of())));
        } finally {
            server.stop(0);
        }
    }
}
