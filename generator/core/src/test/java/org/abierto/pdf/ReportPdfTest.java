package org.abierto.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One document laid out as a PDF, read back with PDFBox: what it holds, where and in which font. */
class ReportPdfTest {
    /** One per test, as one per build: its fonts are parsed by the test that uses them. */
    final ReportPdf layout = new ReportPdf();
    static final Function<String, byte[]> NO_FILES = path -> null;

    private static org.w3c.dom.Document document(String lang, String title, String body) {
        return new W3CDom().fromJsoup(Jsoup.parse("<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>" + title
                + "</title></head><body>" + body + "</body></html>"));
    }

    private ReportPdf.Made write(String body, String date, Function<String, byte[]> files) {
        return layout.write(document("es", "Informe de prueba", body), date, body.getBytes(StandardCharsets.UTF_8), files);
    }

    @Test
    void aDocumentIsATaggedA4PdfInItsLanguageWithItsTitle() throws IOException {
        String body = "<h1>Informe</h1>" + "<p>Un párrafo de texto que ocupa su lugar en la página.</p>".repeat(120);
        ReportPdf.Made made = write(body, "2024-07", NO_FILES);
        assertEquals("%PDF-", new String(Arrays.copyOf(made.bytes(), 5), StandardCharsets.US_ASCII));
        try (PDDocument pdf = Loader.loadPDF(made.bytes())) {
            assertTrue(made.pages() > 1, "a long document has several pages: " + made.pages());
            assertEquals(pdf.getNumberOfPages(), made.pages());
            var catalog = pdf.getDocumentCatalog();
            assertEquals("es", catalog.getLanguage());
            assertEquals("Informe de prueba", pdf.getDocumentInformation().getTitle());
            assertEquals("Abierto", pdf.getDocumentInformation().getProducer());
            assertNotNull(catalog.getStructureTreeRoot(), "tagged");
            assertTrue(types(catalog.getStructureTreeRoot()).contains("H1"), types(catalog.getStructureTreeRoot()).toString());
            PDPage page = pdf.getPage(0);
            assertEquals(210 / 25.4 * 72, page.getMediaBox().getWidth(), 0.5, "A4");
            assertEquals(297 / 25.4 * 72, page.getMediaBox().getHeight(), 0.5, "A4");
        }
    }

    private static Set<String> types(PDStructureNode node) {
        Set<String> types = new TreeSet<>();
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                types.addAll(types(element));
            }
        }
        return types;
    }

    @Test
    void theSameDocumentGivesTheSameBytesAndItsIdentifierComesFromItsIdentity() throws Exception {
        var body = "<h1>Informe</h1><p>Texto.</p>";
        byte[] first = layout.write(document("es", "Informe", body), "2024-07-15", "uno".getBytes(StandardCharsets.UTF_8), NO_FILES).bytes();
        Thread.sleep(1100); // a clock in the file would show now
        byte[] again = layout.write(document("es", "Informe", body), "2024-07-15", "uno".getBytes(StandardCharsets.UTF_8), NO_FILES).bytes();
        assertArrayEquals(first, again);
        byte[] other = layout.write(document("es", "Informe", body), "2024-07-15", "dos".getBytes(StandardCharsets.UTF_8), NO_FILES).bytes();
        for (var identity : Map.of("uno", first, "dos", other).entrySet()) {
            try (PDDocument pdf = Loader.loadPDF(identity.getValue())) {
                COSArray ids = (COSArray) pdf.getDocument().getTrailer().getDictionaryObject(COSName.ID);
                byte[] expected = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(identity.getKey().getBytes(StandardCharsets.UTF_8)), 16);
                assertEquals(2, ids.size());
                assertArrayEquals(expected, ((COSString) ids.getObject(0)).getBytes(), identity.getKey());
                assertArrayEquals(expected, ((COSString) ids.getObject(1)).getBytes(), identity.getKey());
            }
        }
    }

    @Test
    void theDatesAreTheReportsDateAtMidnightUtcInTheInformationAndTheMetadata() throws Exception {
        for (var date : Map.of("2024-07", "2024-07-01T00:00:00Z", "2024-07-15", "2024-07-15T00:00:00Z", "2023-12-31", "2023-12-31T00:00:00Z").entrySet()) {
            long expected = Instant.parse(date.getValue()).toEpochMilli();
            try (PDDocument pdf = Loader.loadPDF(write("<p>Texto.</p>", date.getKey(), NO_FILES).bytes())) {
                var info = pdf.getDocumentInformation();
                assertEquals(expected, info.getCreationDate().getTimeInMillis(), date.getKey());
                assertEquals(expected, info.getModificationDate().getTimeInMillis(), date.getKey());
                XMPMetadata xmp = xmp(pdf);
                assertEquals(expected, xmp.getXMPBasicSchema().getCreateDate().getTimeInMillis(), date.getKey());
                assertEquals(expected, xmp.getXMPBasicSchema().getModifyDate().getTimeInMillis(), date.getKey());
                assertEquals(expected, xmp.getXMPBasicSchema().getMetadataDate().getTimeInMillis(), date.getKey());
                assertEquals("Informe de prueba", xmp.getDublinCoreSchema().getTitle(), "the metadata's title");
            }
        }
    }

    @Test
    void aReportWithoutADateGivesAPdfWithoutOneAndStillTheSameBytes() throws Exception {
        byte[] first = write("<p>Texto.</p>", null, NO_FILES).bytes();
        Thread.sleep(1100);
        byte[] again = write("<p>Texto.</p>", null, NO_FILES).bytes();
        try (PDDocument pdf = Loader.loadPDF(first)) {
            assertNull(pdf.getDocumentInformation().getCreationDate());
            assertNull(pdf.getDocumentInformation().getModificationDate());
        }
        assertArrayEquals(first, again);
    }

    private static XMPMetadata xmp(PDDocument pdf) throws Exception {
        try (InputStream in = pdf.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
            return new DomXmpParser().parse(in);
        }
    }

    @Test
    void eachLinkDescribesItselfWithItsTextOrItsTitle() throws IOException {
        String body = "<p><a href=\"#fin\">Ir   al\n  final</a> y <a href=\"https://example.org/\" title=\"Sitio del ejemplo\">ejemplo</a>.</p>"
                + "<h2 id=\"fin\">Fin</h2>";
        try (PDDocument pdf = Loader.loadPDF(write(body, "2024-07", NO_FILES).bytes())) {
            List<String> contents = new ArrayList<>();
            for (PDAnnotation annotation : pdf.getPage(0).getAnnotations()) {
                if (annotation instanceof PDAnnotationLink) {
                    contents.add(annotation.getContents());
                }
            }
            assertEquals(List.of("Ir al final", "Sitio del ejemplo"), contents);
            List<String> described = new ArrayList<>();
            links(pdf.getDocumentCatalog().getStructureTreeRoot(), described);
            assertEquals(2, described.size(), "two links in the structure");
            assertEquals(Arrays.asList(null, null), described, "the description is the annotation's, not the structure's");
        }
    }

    private static void links(PDStructureNode node, List<String> described) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (element.getStructureType().equals("Link")) {
                    described.add(element.getAlternateDescription());
                }
                links(element, described);
            }
        }
    }

    private static byte[] png() throws IOException {
        var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void imagesComeOnlyFromTheFilesGivenNeverFromTheDiskOrTheNetwork(@TempDir Path dir) throws IOException {
        byte[] png = png();
        Path onDisk = Files.write(dir.resolve("disco.png"), png);
        Map<String, Integer> asked = new ConcurrentHashMap<>();
        Function<String, byte[]> files = path -> {
            asked.merge(path, 1, Integer::sum);
            return path.equals("/figuras/punto.png") ? png : null;
        };
        String body = "<p><img src=\"/figuras/punto.png\" alt=\"Punto\" style=\"width: 20px; height: 20px\"></p>"
                + "<p><img src=\"/figuras/falta.png\" alt=\"Falta\" style=\"width: 20px; height: 20px\"></p>"
                + "<p><img src=\"" + onDisk.toUri() + "\" alt=\"Del disco\" style=\"width: 20px; height: 20px\"></p>"
                + "<p><img src=\"http://127.0.0.1:9/remota.png\" alt=\"Remota\" style=\"width: 20px; height: 20px\"></p>";
        try (PDDocument pdf = Loader.loadPDF(write(body, "2024-07", files).bytes())) {
            int images = 0;
            var resources = pdf.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertEquals(1, images, "only the image the site has");
        }
        assertEquals(Set.of("/figuras/punto.png", "/figuras/falta.png"), asked.keySet());
    }

    /** Each run of text with where it starts (in points from the page's top left) and its font. */
    record Run(String text, float x, float y, String font) {
    }

    /** Each word of the text, by its first appearance, with where its first glyph starts and its font. */
    private static Map<String, Run> runs(byte[] bytes) throws IOException {
        Map<String, Run> runs = new LinkedHashMap<>();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            var stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    StringBuilder word = new StringBuilder();
                    TextPosition first = null;
                    for (TextPosition p : positions) {
                        if (p.getUnicode().isBlank()) {
                            add(word, first);
                            word.setLength(0);
                            first = null;
                        } else {
                            first = first == null ? p : first;
                            word.append(p.getUnicode());
                        }
                    }
                    add(word, first);
                }

                private void add(StringBuilder word, TextPosition first) {
                    if (first != null) {
                        runs.putIfAbsent(word.toString(), new Run(word.toString(), first.getXDirAdj(), first.getYDirAdj(), first.getFont().getName()));
                    }
                }
            };
            stripper.setSortByPosition(false);
            stripper.getText(pdf);
        }
        return runs;
    }

    @Test
    void textIsSetInTheEmbeddedDejaVuFaces() throws IOException {
        String body = "<p>Normal <strong>Fuerte</strong> <em>Cursiva</em> <strong><em>Ambas</em></strong> <code>Codigo</code> "
                + "<code><strong>CodigoFuerte</strong></code></p>";
        byte[] bytes = layout.write(new W3CDom().fromJsoup(Jsoup.parse("<!DOCTYPE html><html lang=\"es\"><head><title>Caras</title>"
                + "<style>code { font-family: 'DejaVu Sans Mono'; }</style></head><body>" + body + "</body></html>")), "2024-07",
                body.getBytes(StandardCharsets.UTF_8), NO_FILES).bytes();
        Map<String, String> fonts = new LinkedHashMap<>();
        runs(bytes).forEach((word, run) -> fonts.put(word, run.font()));
        Map<String, String> faces = new LinkedHashMap<>();
        fonts.forEach((word, font) -> faces.put(word, font.substring(font.indexOf('+') + 1)));
        assertEquals("DejaVuSans", faces.get("Normal"), fonts.toString());
        assertEquals("DejaVuSans-Bold", faces.get("Fuerte"), fonts.toString());
        assertEquals("DejaVuSans-Oblique", faces.get("Cursiva"), fonts.toString());
        assertEquals("DejaVuSans-BoldOblique", faces.get("Ambas"), fonts.toString());
        assertEquals("DejaVuSansMono", faces.get("Codigo"), fonts.toString());
        assertEquals("DejaVuSansMono-Bold", faces.get("CodigoFuerte"), fonts.toString());
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            var resources = pdf.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
            }
        }
    }

    /** A chart as the theme draws it: 400 px wide, text 10 px, so that 1em = 10 px and 50% = 200 px. */
    static final String CHART = """
            <svg class="chart__svg" role="img" alt="Entregables por año" width="100%" height="12em" xmlns="http://www.w3.org/2000/svg">
              <title>Entregables por año</title>
              <desc>Una barra por año.</desc>
              <text class="chart__title" x="0" y="1em">Título<tspan x="0" dy="1.5em">Segunda</tspan></text>
              <g class="chart__row">
                <text class="chart__label" x="10px" y="4em">Etiqueta<tspan dy="1em">Debajo</tspan></text>
                <rect class="chart__bar" x="10px" y="6em" width="50%" height="1em"/>
                <text class="chart__value" x="50%" dx="0.4em" y="7em">42</text>
              </g>
              <text class="chart__label" x="0" y="9em">Nota<tspan x="20px" dy="1em">Sangría</tspan></text>
              <circle r="5"/>
            </svg>""";
    static final String CHART_STYLE = "<style>.chart__svg { display: block; width: 400px; font-size: 10px; color: #336699; }</style>";

    /** The height of an A4 page, in points. */
    static final float A4_HEIGHT = (float) (297 / 25.4 * 72);

    /** The rectangles filled on the first page, in points from its bottom left, with their fill colour. */
    record Filled(float x, float y, float width, float height, float[] rgb) {
    }

    private static List<Filled> filled(byte[] bytes) throws IOException {
        List<Filled> filled = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDPage page = pdf.getPage(0);
            var engine = new org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine(page) {
                final List<java.awt.geom.Point2D> path = new ArrayList<>();

                @Override
                public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2, java.awt.geom.Point2D p3) {
                    path.addAll(List.of(p0, p1, p2, p3));
                }

                @Override
                public void moveTo(float x, float y) {
                    path.add(transformedPoint(x, y));
                }

                @Override
                public void lineTo(float x, float y) {
                    path.add(transformedPoint(x, y));
                }

                @Override
                public void fillPath(int windingRule) throws IOException {
                    double minX = path.stream().mapToDouble(java.awt.geom.Point2D::getX).min().orElse(0);
                    double maxX = path.stream().mapToDouble(java.awt.geom.Point2D::getX).max().orElse(0);
                    double minY = path.stream().mapToDouble(java.awt.geom.Point2D::getY).min().orElse(0);
                    double maxY = path.stream().mapToDouble(java.awt.geom.Point2D::getY).max().orElse(0);
                    filled.add(new Filled((float) minX, (float) minY, (float) (maxX - minX), (float) (maxY - minY),
                            getGraphicsState().getNonStrokingColor().getComponents()));
                    path.clear();
                }

                @Override
                public void fillAndStrokePath(int windingRule) throws IOException {
                    fillPath(windingRule);
                }

                @Override public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage image) { }
                @Override public void clip(int windingRule) { }
                @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { path.add(transformedPoint(x3, y3)); }
                @Override public java.awt.geom.Point2D getCurrentPoint() { return new java.awt.geom.Point2D.Float(); }
                @Override public void closePath() { }
                @Override public void endPath() { path.clear(); }
                @Override public void strokePath() { path.clear(); }
                @Override public void shadingFill(COSName shadingName) { }
            };
            engine.processPage(page);
        }
        return filled;
    }

    @Test
    void aChartIsDrawnWithItsTextWhereItsLengthsSayAndItsBarsInTheTextColour() throws IOException {
        byte[] bytes = layout.write(new W3CDom().fromJsoup(Jsoup.parse("<!DOCTYPE html><html lang=\"es\"><head><title>Gráfica</title>"
                + CHART_STYLE + "</head><body>" + CHART + "</body></html>")), "2024-07", "g".getBytes(StandardCharsets.UTF_8), NO_FILES).bytes();
        Map<String, Run> runs = runs(bytes);
        for (String text : List.of("Título", "Segunda", "Etiqueta", "Debajo", "42", "Nota", "Sangría")) {
            assertTrue(runs.containsKey(text), text + " is not drawn: " + runs.keySet());
        }
        assertFalse(runs.containsKey("Entregables"), "the title and description are the text alternative, not drawn: " + runs.keySet());
        Run title = runs.get("Título");
        double px = runs.get("Etiqueta").x() - title.x(); // the label starts 10 px right of the title
        assertTrue(px > 1, "the label is not right of the title: " + runs);
        px /= 10;
        assertEquals(title.x(), runs.get("Segunda").x(), 0.01, "a tspan with x=0 starts where the drawing does");
        assertEquals(runs.get("Etiqueta").x(), runs.get("Debajo").x(), 0.01, "a tspan without x starts where its text does");
        assertEquals(20 * px, runs.get("Sangría").x() - title.x(), px / 2, "a tspan's own x is from the drawing's left");
        assertEquals(204 * px, runs.get("42").x() - title.x(), px / 2, "x = 50% of 400 px, dx = 0.4em of 10 px");
        assertEquals(15 * px, runs.get("Segunda").y() - title.y(), px / 2, "dy = 1.5em");
        assertEquals(30 * px, runs.get("Etiqueta").y() - title.y(), px / 2, "y = 4em, the title's 1em");
        assertEquals(10 * px, runs.get("Debajo").y() - runs.get("Etiqueta").y(), px / 2, "dy = 1em");
        assertEquals(60 * px, runs.get("42").y() - title.y(), px / 2, "y = 7em");

        assertTrue(runs.get("Título").font().endsWith("DejaVuSans-Bold"), runs.get("Título").toString());
        assertTrue(runs.get("Segunda").font().endsWith("DejaVuSans-Bold"), "a tspan is in its text's face");
        assertTrue(runs.get("42").font().endsWith("DejaVuSans-Bold"), runs.get("42").toString());
        assertTrue(runs.get("Etiqueta").font().endsWith("DejaVuSans"), runs.get("Etiqueta").toString());

        List<Filled> bars = filled(bytes);
        assertEquals(1, bars.size(), "one rect; the circle is no chart's: " + bars);
        Filled bar = bars.get(0);
        assertEquals(runs.get("Etiqueta").x(), bar.x(), px / 2, "x = 10 px");
        assertEquals(200 * px, bar.width(), px / 2, "width = 50%");
        assertEquals(10 * px, bar.height(), px / 2, "height = 1em");
        // The bar's top is 6em below the drawing's top, which is 1em above the title's baseline: 50 px below it.
        float barTop = A4_HEIGHT - (bar.y() + bar.height());
        assertEquals(50 * px, barTop - title.y(), px / 2, "y = 6em");
        assertArrayEquals(new float[] {0x33 / 255f, 0x66 / 255f, 0x99 / 255f}, bar.rgb(), 0.01f, "the drawing's CSS color");
    }

    @Test
    void aChartWithoutAWidthIs480PxWideAndAsHighAsItSays() throws IOException {
        // The drawing's box is its intrinsic size: what follows it starts that much lower.
        double[] gaps = new double[2];
        double px = 0;
        for (int i = 0; i < 2; i++) {
            String svg = "<svg class=\"chart__svg\" role=\"img\" alt=\"Barra\" height=\"" + (i == 0 ? "5em" : "15em") + "\" xmlns=\"http://www.w3.org/2000/svg\">"
                    + "<text x=\"0\" y=\"1em\">Inicio</text><text x=\"100%\" y=\"1em\">Fin</text></svg>";
            byte[] bytes = layout.write(new W3CDom().fromJsoup(Jsoup.parse("<!DOCTYPE html><html lang=\"es\"><head><title>Gráfica</title>"
                    + "<style>.chart__svg { display: block; font-size: 10px; } p { margin: 0; font-size: 10px; }</style></head><body>"
                    + "<p>Antes</p>" + svg + "<p>Después</p></body></html>")), "2024-07", "g".getBytes(StandardCharsets.UTF_8), NO_FILES).bytes();
            Map<String, Run> runs = runs(bytes);
            px = (runs.get("Fin").x() - runs.get("Inicio").x()) / 480;
            gaps[i] = runs.get("Después").y() - runs.get("Antes").y();
        }
        assertTrue(px > 0.1, "the drawing is 480 px wide");
        assertEquals(100 * px, gaps[1] - gaps[0], px, "10em more of height, 100 px lower");
    }

    /** How far below "Antes" the text after a chart starts, and the length of a pixel there (both in points). */
    private double[] gapAfter(String heightAttribute) throws IOException {
        String svg = "<svg class=\"chart__svg\" role=\"img\" alt=\"Barra\"" + heightAttribute + " xmlns=\"http://www.w3.org/2000/svg\">"
                + "<text x=\"0\" y=\"1em\">Inicio</text><text x=\"100%\" y=\"1em\">Fin</text></svg>";
        byte[] bytes = layout.write(new W3CDom().fromJsoup(Jsoup.parse("<!DOCTYPE html><html lang=\"es\"><head><title>Gráfica</title>"
                + "<style>.chart__svg { display: block; font-size: 10px; } p { margin: 0; font-size: 10px; }</style></head><body>"
                + "<p>Antes</p>" + svg + "<p>Después</p></body></html>")), "2024-07", "g".getBytes(StandardCharsets.UTF_8), NO_FILES).bytes();
        Map<String, Run> runs = runs(bytes);
        return new double[] {runs.get("Después").y() - runs.get("Antes").y(), (runs.get("Fin").x() - runs.get("Inicio").x()) / 480};
    }

    @Test
    void aChartWithoutAHeightIs150PxHigh() throws IOException {
        // A drawing that says no height still takes room (an SVG's default of 150 px), so the text after it
        // does not run over its bars.
        double[] none = gapAfter("");
        double[] said = gapAfter(" height=\"150px\"");
        double[] lower = gapAfter(" height=\"50px\"");
        double px = said[1];
        assertTrue(px > 0.1, "the drawing is 480 px wide");
        assertEquals(said[0], none[0], px / 2, "no height is 150 px");
        assertEquals(100 * px, said[0] - lower[0], px, "and 150 px is 100 px more than 50 px");
    }

    @Test
    void wordsWithLigaturesReadBackLetterForLetter() throws IOException {
        // No glyph substitution: "fi" stays two glyphs, so the text is copied and searched as written, and
        // each line is as wide as the layout measured it.
        Map<String, Run> runs = runs(write("<p>oficina flujo eficaz affine</p>", "2024-07", NO_FILES).bytes());
        for (String word : List.of("oficina", "flujo", "eficaz", "affine")) {
            assertTrue(runs.containsKey(word), word + " does not read back as written: " + runs.keySet());
        }
    }
}
