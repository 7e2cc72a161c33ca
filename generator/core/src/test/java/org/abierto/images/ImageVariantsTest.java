package org.abierto.images;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.StaticFile;
import org.abierto.model.Edition;
import org.abierto.model.Figure;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The smaller copies of figures' images a site publishes for phones, and the images it refuses to resize. */
class ImageVariantsTest {
    @TempDir
    Path dir;
    final Diagnostics diagnostics = new Diagnostics();
    final List<String> resized = Collections.synchronizedList(new ArrayList<>());

    /** A stand-in for resizing that records what it was asked and returns a recognisable text. */
    private byte[] record(Path original, int width, String path) {
        resized.add(original.getFileName() + " " + width + " " + path);
        return (path + "@" + width).getBytes();
    }

    private StaticFile image(String target, int width, int height) throws IOException {
        Path file = dir.resolve(target);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "stands for an image");
        }
        return new StaticFile(file, target, 19, null, width, height);
    }

    private static Figure figure(String id, StaticFile image) {
        return new Figure(id, image.target(), "alt", null, null, null, image.width(), image.height(),
                Figure.variantsOf(image.target(), image.width()));
    }

    private static Edition edition(String language, Figure... figures) {
        Map<String, Figure> byId = new LinkedHashMap<>();
        for (Figure f : figures) {
            byId.put(f.id(), f);
        }
        return new Edition(null, List.of(), language, null, null, "/", null, null, null, Map.of(), Map.of(), Map.of(), Map.of(), byId,
                null, Map.of(), List.of(), List.of(), List.of(), null, null, null, null, List.of());
    }

    private static Site site(List<StaticFile> statics, Edition... editions) {
        Map<String, Edition> byLanguage = new LinkedHashMap<>();
        for (Edition e : editions) {
            byLanguage.put(e.title(), e);
        }
        return new Site(null, List.of(), byLanguage, List.of(), statics, Map.of());
    }

    private static List<String> paths(List<OutputFile.Generated> files) {
        return files.stream().map(OutputFile.Generated::path).toList();
    }

    @Test
    void eachNarrowerWidthIsMadeOnceWhateverTheFiguresThatShowTheImage() throws IOException {
        StaticFile mapa = image("img/mapa.png", 1000, 600);
        StaticFile logo = image("img/logo.jpg", 300, 100);
        Site site = site(List.of(mapa, logo), edition("es", figure("mapa", mapa), figure("logo", logo)), edition("en", figure("map", mapa)));
        List<OutputFile.Generated> files = new ImageVariants().files(site, diagnostics, this::record);
        assertEquals(List.of("img/mapa.480w.png", "img/mapa.800w.png"), paths(files), "the original and the logo are published as they are");
        assertArrayEquals("img/mapa.480w.png@480".getBytes(), files.get(0).bytes());
        assertArrayEquals("img/mapa.800w.png@800".getBytes(), files.get(1).bytes());
        assertEquals(List.of("mapa.png 480 img/mapa.480w.png", "mapa.png 800 img/mapa.800w.png"), resized.stream().sorted().toList());
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void anImageOfMoreThan40MegapixelsIsRefusedWithoutBeingOpened() throws IOException {
        StaticFile limit = image("img/limite.jpg", 8_000, 5_000);
        StaticFile over = image("img/grande.jpg", 8_000, 5_001);
        StaticFile huge = image("img/enorme.png", 50_000, 50_000); // more pixels than an int counts
        Site site = site(List.of(limit, over, huge), edition("es", figure("a", limit), figure("b", over), figure("c", huge)));
        List<OutputFile.Generated> files = new ImageVariants().files(site, diagnostics, this::record);
        assertEquals(List.of("img/limite.1200w.jpg", "img/limite.480w.jpg", "img/limite.800w.jpg"), paths(files));
        assertEquals(List.of("limite.jpg", "limite.jpg", "limite.jpg"), resized.stream().map(r -> r.split(" ")[0]).toList());
        assertEquals(List.of(
                "img/enorme.png:1:1: error: the image is 50,000 × 50,000 pixels, more than the 40 megapixels Abierto resizes for small "
                        + "screens (see content/README.md, 'Limits'); save it smaller, e.g. 4,000 pixels wide",
                "img/grande.jpg:1:1: error: the image is 8,000 × 5,001 pixels, more than the 40 megapixels Abierto resizes for small "
                        + "screens (see content/README.md, 'Limits'); save it smaller, e.g. 4,000 pixels wide"),
                diagnostics.all().stream().map(d -> d.format(dir)).toList());
    }

    @Test
    void anImageThatCannotBeResizedIsReportedOnceAndTheOthersStillGetTheirCopies() throws IOException {
        StaticFile broken = image("img/roto.jpg", 1000, 600);
        StaticFile odd = image("img/raro.jpg", 1000, 600);
        StaticFile fine = image("img/bien.jpg", 600, 400);
        Site site = site(List.of(broken, odd, fine), edition("es", figure("a", broken), figure("b", odd), figure("c", fine)));
        List<OutputFile.Generated> files = new ImageVariants().files(site, diagnostics, (original, width, path) -> {
            if (path.contains("roto")) {
                throw new IOException("Unsupported Image Type");
            }
            if (path.contains("raro")) {
                throw new IllegalStateException();
            }
            return record(original, width, path);
        });
        assertEquals(List.of("img/bien.480w.jpg"), paths(files));
        assertEquals(List.of(
                "img/raro.jpg:1:1: error: this image cannot be resized for small screens (IllegalStateException); it may be damaged: "
                        + "export it again as JPEG or PNG",
                "img/roto.jpg:1:1: error: this image cannot be resized for small screens (Unsupported Image Type); it may be damaged: "
                        + "export it again as JPEG or PNG"),
                diagnostics.all().stream().map(d -> d.format(dir)).toList());
    }

    @Test
    void aBuildsCopiesAreResizedImages() throws IOException {
        Path file = dir.resolve("img/plano.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        StaticFile plano = new StaticFile(file, "img/plano.png", Files.size(file), null, 600, 300);
        List<OutputFile.Generated> files = new ImageVariants().files(site(List.of(plano), edition("es", figure("plano", plano))), diagnostics);
        assertEquals(List.of("img/plano.480w.png"), paths(files));
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(files.get(0).bytes()));
        assertEquals(List.of(480, 240), List.of(copy.getWidth(), copy.getHeight()));
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void aCopyHasTheWidthAskedAndTheFormatOfItsPathsExtension() throws IOException {
        Path original = dir.resolve("foto.png");
        ImageIO.write(new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB), "png", original.toFile());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ImageVariants.resize(original, 40, "img/foto.40w.PNG")));
        assertEquals(List.of(40, 20), List.of(png.getWidth(), png.getHeight()));
        byte[] jpeg = ImageVariants.resize(original, 40, "img/foto.40w.jpg");
        assertEquals(List.of(0xFF, 0xD8), List.of(jpeg[0] & 0xFF, jpeg[1] & 0xFF), "a JPEG starts with its SOI marker");
        assertEquals(0x89, ImageVariants.resize(original, 40, "img/foto.40w.png")[0] & 0xFF, "a PNG starts with its signature");
    }
}
