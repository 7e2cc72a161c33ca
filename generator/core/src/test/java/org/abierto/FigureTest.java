package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Figures: shown once their image exists, with size, responsive copies and a description. */
class FigureTest {
    @TempDir
    Path dir;

    private MiniSite site() throws IOException {
        var site = MiniSite.create(dir)
                .file("templates/directives/figure.ftlh", Files.readString(Path.of("../../templates/directives/figure.ftlh")))
                .file("content/i18n/es.yaml", "next: Siguiente\nfigureSource: Fuente\nformat:\n  month: MMMM 'de' y\n")
                .file("content/i18n/en.yaml", "next: Next\nfigureSource: Source\nformat:\n  month: MMMM y\n")
                .file("content/data/figuras.yaml", """
                        reunion:
                          image: figuras/reunion.png
                          alt: {es: Personas reunidas alrededor de una mesa, en: People gathered around a table}
                          caption: {es: Reunión del grupo de trabajo, en: Working group meeting}
                          source: Coalición Nuevo León Abierto
                          sourceLang: es
                        """)
                .file("content/es/diagnostico.md", "---\ntitle: Diagnóstico\norder: 1\n---\n\nTexto.\n\n::figure{id=reunion}\n")
                .file("content/en/diagnosis.md", "---\ntitle: Diagnosis\norder: 1\ntranslationKey: diagnostico\n---\n\nText.\n\n::figure{id=reunion}\n");
        new Abierto().translations(site.request(), true, List.of(), true);
        return site;
    }

    private static void image(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    @Test
    void aFigureWithoutItsImageShowsItsCaptionAndCreditAndIsListed() throws IOException {
        var site = site();
        BuildResult result = site.build();
        assertEquals(List.of("content/data/figuras.yaml:2:10: warning: the figure 'reunion' has no image yet: "
                + "content/static/figuras/reunion.png does not exist; add the file to publish the image beside its caption"), site.report(result));
        // The caption and the credit are the report's text: they are published before the image is.
        var figure = org.jsoup.Jsoup.parse(site.output("es/diagnostico/index.html")).selectFirst("figure");
        assertTrue(figure != null, "no <figure> on the page");
        assertTrue(figure.select("img").isEmpty());
        assertEquals("Reunión del grupo de trabajo Fuente: Coalición Nuevo León Abierto", figure.selectFirst("figcaption").text());
        assertTrue(figure.hasClass("figure--pending"));
    }

    @Test
    void aFigureWithItsImageHasSizeResponsiveCopiesAndItsCredit() throws IOException {
        var site = site();
        image(site.root().resolve("content/static/figuras/reunion.png"), 1000, 600);
        BuildResult result = site.build();
        assertEquals(List.of(), site.report(result));
        String html = site.output("es/diagnostico/index.html");
        assertTrue(html.contains("<img src=\"../../figuras/reunion.png\" alt=\"Personas reunidas alrededor de una mesa\" width=\"1000\" "
                + "height=\"600\" srcset=\"../../figuras/reunion.480w.png 480w, ../../figuras/reunion.800w.png 800w, "
                + "../../figuras/reunion.png 1000w\" sizes=\"(min-width: 66rem) 62rem, 100vw\" loading=\"lazy\" decoding=\"async\">"), html);
        assertTrue(html.contains("Fuente: <span>Coalición Nuevo León Abierto</span>") || html.contains("Fuente: Coalición Nuevo León Abierto"), html);
        assertTrue(site.output("en/diagnosis/index.html").contains("Source: <span lang=\"es\">Coalición Nuevo León Abierto</span>"));
        BufferedImage small = ImageIO.read(site.out().resolve("figuras/reunion.480w.png").toFile());
        assertEquals(480, small.getWidth());
        assertEquals(288, small.getHeight());
    }

    @Test
    void anImageWithoutDescriptionIsAnError() throws IOException {
        var site = site();
        site.file("content/data/figuras.yaml", "reunion:\n  image: figuras/reunion.png\n  caption: {es: Reunión, en: Meeting}\n");
        image(site.root().resolve("content/static/figuras/reunion.png"), 300, 200);
        assertEquals(List.of("content/data/figuras.yaml:2:3: error: the figure 'reunion' has an image but no 'alt': describe what it "
                + "shows, or write alt: \"\" if it is only decorative"), site.errors(site.build()));
    }

    @Test
    void anAltLeftEmptyIsNoDescriptionWhileAnEmptyTextMarksADecorativeImage() throws IOException {
        var site = site();
        image(site.root().resolve("content/static/figuras/reunion.png"), 300, 200);
        site.file("content/data/figuras.yaml", "reunion:\n  image: figuras/reunion.png\n  alt:\n  caption: {es: Reunión, en: Meeting}\n");
        assertEquals(List.of("content/data/figuras.yaml:2:3: error: the figure 'reunion' has an image but no 'alt': describe what it "
                + "shows, or write alt: \"\" if it is only decorative"), site.errors(site.build()));
        site.file("content/data/figuras.yaml", "reunion:\n  image: figuras/reunion.png\n  alt: \"\"\n  caption: {es: Reunión, en: Meeting}\n");
        assertEquals(List.of(), site.errors(site.build()));
        assertTrue(site.output("es/diagnostico/index.html").contains("<img src=\"../../figuras/reunion.png\" alt=\"\" "),
                site.output("es/diagnostico/index.html"));
    }
}
