package org.abierto.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

/**
 * Lays out one document as a tagged PDF (PDF/UA-1): the structure tree follows the document's
 * elements in reading order, headings are H1–H6, tables keep their header cells and scopes, charts
 * are figures with their text alternative, each element's {@code lang} is its structure element's
 * language, and the title, language and bookmarks come from the document's head.
 *
 * <p>Text is set in DejaVu Sans (regular, bold, oblique; DejaVu Sans Mono for code), embedded as
 * subsets: the fonts come with the library from Maven Central, never from the system, and no font
 * is used that is not embedded.
 *
 * <p>The same document gives the same bytes: the PDF's dates are the report's date (from
 * {@code site.yaml}), and its identifier is made from the document's content, not from the clock.
 * Nothing is fetched from the network: the document may load only the files {@link #write} is
 * given.
 */
public final class ReportPdf {
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String SANS = "DejaVu Sans";
    private static final String MONO = "DejaVu Sans Mono";
    /** The scheme under which the document names the site's own files. */
    private static final String LOCAL = "abierto:";

    // Each font file is read and parsed once, then shared by every document of the build (both
    // languages, laid out at the same time): parsing DejaVu Sans was half the time of a PDF. Each
    // document makes its own PDF font (and subset) from the parsed one.
    private final Map<String, TrueTypeFont> fonts = new ConcurrentHashMap<>();

    static {
        // openhtmltopdf logs through java.util.logging to the console by default; its messages reach
        // us through each document's diagnostic consumer instead, and the core never prints.
        XRLog.setLoggerImpl(new Silent());
    }

    /**
     * A PDF.
     *
     * @param bytes the file
     * @param pages its number of pages
     */
    public record Made(byte[] bytes, int pages) {
    }

    /**
     * Lays out the document.
     *
     * @param document the document ({@code PrintableDocument}): its {@code html lang} is the PDF's
     *                 language, its {@code title} the PDF's title
     * @param date     the report's date ({@code 2024-07} or {@code 2024-07-15}), the PDF's creation
     *                 and modification date; or null, for none
     * @param identity bytes that change when the document does (e.g. a digest of its HTML), from
     *                 which the PDF's identifier is made
     * @param files    the files the document may load (its images): site path ({@code /figuras/a.jpg})
     *                 → the file's bytes, or null when the site has no such file
     */
    public Made write(org.w3c.dom.Document document, String date, byte[] identity, java.util.function.Function<String, byte[]> files) {
        describeLinks(document.getDocumentElement());
        var builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Abierto");
        builder.useDefaultPageSize(210, 297, PageSizeUnits.MM);
        builder.withW3cDocument(document, LOCAL + "/");
        builder.useSVGDrawer(new ChartDrawing());
        // The document's own files only (its images, by their address in the site): nothing from the
        // network, nothing else from the disk.
        builder.useUriResolver((base, uri) -> uri.startsWith("/") ? LOCAL + uri : uri);
        builder.useExternalResourceAccessControl((uri, type) -> uri.startsWith(LOCAL + "/"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useProtocolsStreamImplementation(uri -> new com.openhtmltopdf.extend.FSStream() {
            @Override
            public InputStream getStream() {
                byte[] bytes = files.apply(uri.substring(LOCAL.length()));
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public java.io.Reader getReader() {
                return null;
            }
        }, LOCAL.substring(0, LOCAL.length() - 1));
        builder.withDiagnosticConsumer(diagnostic -> {
            // Messages about the layout are the theme's business (its template and styles); the
            // checks that matter, PDF/UA and text, are done on the result by the tests.
        });
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            // What builder.useFont(…, {DOCUMENT, FALLBACK_PRE}) does, with the fonts parsed once per build:
            // DejaVu Sans also before the built-in fallback fonts (which PDF/UA refuses: not embedded).
            PdfBoxFontResolver resolver = renderer.getFontResolver();
            font(resolver, renderer, "DejaVuSans.ttf", SANS, 400, IdentValue.NORMAL, FontGroup.PRE_BUILT_IN_FALLBACK);
            font(resolver, renderer, "DejaVuSans-Bold.ttf", SANS, 700, IdentValue.NORMAL, FontGroup.PRE_BUILT_IN_FALLBACK);
            font(resolver, renderer, "DejaVuSans-Oblique.ttf", SANS, 400, IdentValue.ITALIC, FontGroup.PRE_BUILT_IN_FALLBACK);
            font(resolver, renderer, "DejaVuSans-BoldOblique.ttf", SANS, 700, IdentValue.ITALIC, FontGroup.PRE_BUILT_IN_FALLBACK);
            font(resolver, renderer, "DejaVuSansMono.ttf", MONO, 400, IdentValue.NORMAL, FontGroup.MAIN);
            font(resolver, renderer, "DejaVuSansMono-Bold.ttf", MONO, 700, IdentValue.NORMAL, FontGroup.MAIN);
            renderer.layout();
            renderer.createPDFWithoutClosing();
            try (PDDocument pdf = renderer.getPdfDocument()) {
                settle(pdf, date, identity);
                var out = new ByteArrayOutputStream();
                pdf.save(out);
                return new Made(out.toByteArray(), pdf.getNumberOfPages());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Readies the layout while the build does other work: parses the fonts every PDF embeds and lays
     * out a small document, so that the first real document does not pay for a cold layout engine
     * (loading and initialising its classes): on two cores, about a tenth of a second off a build of
     * the real report. Runs on a daemon thread; the PDFs laid out later wait for a font only if it is
     * still being parsed. What goes wrong here is left for the real documents to meet and report.
     */
    public void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                textFonts().forEach(this::parsed);
                write(new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(SAMPLE)), null, new byte[0], path -> null);
            } catch (RuntimeException | OutOfMemoryError e) {
                // the documents' own layout fails the same way, where it is reported (a heap too small, by the command)
            }
        }, "abierto-pdf-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** What the warm-up lays out: the elements every report has, in each font of its text. */
    private static final String SAMPLE = "<!DOCTYPE html><html lang=\"es\"><head><title>Informe</title></head><body>"
            + "<h1>Título</h1><h2>Sección</h2><p>Texto <strong>fuerte</strong> <em>énfasis</em> <a href=\"#t\">enlace</a></p>"
            + "<ul><li>uno</li><li>dos</li></ul><ol><li>tres</li></ol>"
            + "<table id=\"t\"><caption>Tabla</caption><thead><tr><th scope=\"col\">A</th><th scope=\"col\">B</th></tr></thead>"
            + "<tbody><tr><td>1</td><td>2</td></tr></tbody></table></body></html>";

    /**
     * PDF/UA wants each link annotation to describe itself ({@code /Contents}); the layout gives a
     * link's structure element its {@code title} as alternative text. Every link is given its own
     * text as title here, and {@link #settle} moves it to the annotation.
     */
    private static void describeLinks(org.w3c.dom.Element element) {
        if ("a".equals(element.getLocalName() == null ? element.getTagName() : element.getLocalName())
                && element.hasAttribute("href") && !element.hasAttribute("title")) {
            element.setAttribute("title", element.getTextContent().strip().replaceAll("\\s+", " "));
        }
        for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element child) {
                describeLinks(child);
            }
        }
    }

    /** Each link's description, which the layout put on its structure element, moved to its annotations. */
    private static void describeAnnotations(PDStructureNode node) throws IOException {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (StandardStructureTypes.LINK.equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    for (Object inner : element.getKids()) {
                        if (inner instanceof PDObjectReference reference && reference.getReferencedObject() instanceof PDAnnotation annotation) {
                            annotation.setContents(element.getAlternateDescription());
                        }
                    }
                    element.setAlternateDescription(null);
                }
                describeAnnotations(element);
            }
        }
    }

    /**
     * Offers one font to a document, as a subset of the parsed font made into this document's own PDF
     * font when the layout first uses it (a font the document never uses costs nothing).
     */
    private void font(PdfBoxFontResolver resolver, PdfBoxRenderer renderer, String file, String family, int weight,
                      IdentValue style, FontGroup group) {
        resolver.addFont(new PDFontSupplier(null) {
            private PDFont font;

            @Override
            public PDFont supply() {
                if (font == null) {
                    try {
                        font = PDType0Font.load(renderer.getPdfDocument(), parsed(file), true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return font;
            }
        }, family, weight, style, true, group);
    }

    /**
     * The font, parsed once. Every table a PDF font reads is read here, before the font is shared
     * between documents laid out at the same time (fontbox reads its tables lazily; glyphs are read
     * under its own lock).
     */
    private TrueTypeFont parsed(String file) {
        return fonts.computeIfAbsent(file, f -> {
            try (InputStream in = ReportPdf.class.getResourceAsStream(FONTS + f)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + f + " is missing from the class path (jasperreports-fonts)");
                }
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                // No glyph substitution: the layout measures text without it (PDFBox applies it only when
                // drawing), so ligatures could only make a line's width differ from its measure; and
                // applying it was a third of the time spent drawing the report's text.
                font.setEnableGsub(false);
                font.getNaming();
                font.getPostScript();
                font.getOS2Windows();
                font.getHeader();
                font.getHorizontalHeader();
                font.getHorizontalMetrics();
                font.getMaximumProfile();
                font.getIndexToLocation();
                font.getGlyph();
                font.getCmap();
                font.getKerning();
                font.getUnicodeCmapLookup();
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Replaces what would differ between two layouts of the same document — the creation date, taken
     * from the clock, and the identifier, from the clock too — by values from the document and the
     * report's date, in the information dictionary and in the XMP metadata alike.
     */
    private static void settle(PDDocument pdf, String date, byte[] identity) throws IOException {
        Calendar when = calendar(date);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(when);
        info.setModificationDate(when);
        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try (InputStream in = metadata.exportXMPMetadata()) {
                XMPMetadata xmp = new DomXmpParser().parse(in);
                XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic == null) {
                    basic = xmp.createAndAddXMPBasicSchema();
                }
                if (when != null) {
                    basic.setCreateDate(when);
                    basic.setModifyDate(when);
                    basic.setMetadataDate(when);
                }
                DublinCoreSchema dc = xmp.getDublinCoreSchema();
                if (dc == null) {
                    dc = xmp.createAndAddDublinCoreSchema();
                }
                if (dc.getTitle() == null && info.getTitle() != null) {
                    dc.setTitle(info.getTitle());
                }
                var out = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, out, true);
                metadata.importXMPMetadata(out.toByteArray());
            } catch (org.apache.xmpbox.xml.XmpParsingException | org.apache.xmpbox.type.BadFieldValueException | javax.xml.transform.TransformerException e) {
                throw new IOException("the PDF's metadata cannot be rewritten: " + e.getMessage(), e);
            }
        }
        if (pdf.getDocumentCatalog().getStructureTreeRoot() != null) {
            describeAnnotations(pdf.getDocumentCatalog().getStructureTreeRoot());
        }
        byte[] id = Arrays.copyOf(digest(identity), 16);
        var ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** Midnight UTC of the report's date, or null when it has none. */
    private static Calendar calendar(String date) {
        if (date == null) {
            return null;
        }
        LocalDate day = date.length() == 7 ? YearMonth.parse(date).atDay(1) : LocalDate.parse(date);
        var calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.clear();
        calendar.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 0, 0, 0);
        return calendar;
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops openhtmltopdf's log lines: see the static initialiser. */
    private static final class Silent implements XRLogger {
        @Override
        public void log(String where, Level level, String msg) {
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(com.openhtmltopdf.util.Diagnostic diagnostic) {
            return false;
        }
    }

    /**
     * The fonts of a report's text, which the warm-up parses. Not the monospaced ones: they set code,
     * which few reports have (the real one has none), and a document that uses them parses them then.
     */
    static List<String> textFonts() {
        return List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf");
    }
}
