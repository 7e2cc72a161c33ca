package org.abierto.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the theme's charts, inline SVG, as vector graphics in the PDF: rectangles and text in the
 * embedded font, nothing rasterised. It understands what charts are made of — {@code g},
 * {@code rect}, {@code text} and {@code tspan}, with lengths in em, % or px — and nothing else of
 * SVG (a general SVG renderer would bring a much larger library); an element it does not know is
 * left out of the drawing. Bars and text take the drawing's CSS {@code color}; text marked
 * {@code chart__title} or {@code chart__value} is bold.
 *
 * <p>In the PDF's structure the drawing is a figure whose alternative text is the drawing's
 * {@code alt}, which {@code PrintableDocument} makes from its {@code <title>} and {@code <desc>}.
 */
final class ChartDrawing implements SVGDrawer {

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight, double dotsPerPixel) {
        float em = box.getStyle().getFSFont(css).getSize2D();
        double width = cssWidth >= 0 ? cssWidth : 480 * dotsPerPixel;
        double height = cssHeight >= 0 ? cssHeight : length(svg.getAttribute("height"), em, width, dotsPerPixel, 150 * dotsPerPixel);
        return new Drawing(svg, box, em, width, height, dotsPerPixel);
    }

    /** A length of the drawing in device units: {@code 1.5em}, {@code 40%} (of the width) or {@code 12} (px). */
    static double length(String value, double em, double width, double dotsPerPixel, double otherwise) {
        String v = value == null ? "" : value.strip();
        try {
            if (v.endsWith("em")) {
                return Double.parseDouble(v.substring(0, v.length() - 2)) * em;
            }
            if (v.endsWith("%")) {
                return Double.parseDouble(v.substring(0, v.length() - 1)) * width / 100;
            }
            if (v.endsWith("px")) {
                return Double.parseDouble(v.substring(0, v.length() - 2)) * dotsPerPixel;
            }
            return v.isEmpty() ? otherwise : Double.parseDouble(v) * dotsPerPixel;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static final class Drawing implements SVGImage {
        private final Element svg;
        private final Box box;
        private final double em;
        private final double width;
        private final double height;
        private final double dotsPerPixel;

        Drawing(Element svg, Box box, double em, double width, double height, double dotsPerPixel) {
            this.svg = svg;
            this.box = box;
            this.em = em;
            this.width = width;
            this.height = height;
            this.dotsPerPixel = dotsPerPixel;
        }

        @Override
        public int getIntrinsicWidth() {
            return (int) Math.round(width);
        }

        @Override
        public int getIntrinsicHeight() {
            return (int) Math.round(height);
        }

        @Override
        public void drawSVG(OutputDevice device, RenderingContext ctx, double x, double y) {
            PdfBoxOutputDevice pdf = (PdfBoxOutputDevice) device;
            pdf.setColor(box.getStyle().getColor() instanceof FSRGBColor rgb ? rgb : FSRGBColor.BLACK);
            draw(svg, pdf, ctx, x, y);
        }

        private void draw(Element parent, PdfBoxOutputDevice pdf, RenderingContext ctx, double x, double y) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) {
                    continue;
                }
                switch (e.getLocalName() == null ? e.getTagName() : e.getLocalName()) {
                    case "g" -> draw(e, pdf, ctx, x, y);
                    case "rect" -> pdf.fillRect((int) Math.round(x + horizontal(e, "x")), (int) Math.round(y + vertical(e, "y")),
                            (int) Math.round(horizontal(e, "width")), (int) Math.round(vertical(e, "height")));
                    case "text" -> text(e, pdf, ctx, x, y);
                    default -> {
                        // title and desc are the text alternative, not drawn; anything else is not a chart's
                    }
                }
            }
        }

        /** A text element: its own text at (x + dx, y), then each tspan on its own line. */
        private void text(Element text, PdfBoxOutputDevice pdf, RenderingContext ctx, double x, double y) {
            FontSpecification spec = font(text.getAttribute("class"));
            // The device draws a lighter face bolder when the current specification asks for more weight:
            // it must be this text's, not that of the last text laid out.
            if (pdf instanceof com.openhtmltopdf.render.AbstractOutputDevice device) {
                device.setFontSpecification(spec);
            }
            pdf.setFont(ctx.getFont(spec));
            double left = x + horizontal(text, "x") + horizontal(text, "dx");
            double baseline = y + vertical(text, "y");
            StringBuilder first = new StringBuilder();
            List<Element> spans = new ArrayList<>();
            for (Node n = text.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element span && "tspan".equals(span.getLocalName() == null ? span.getTagName() : span.getLocalName())) {
                    spans.add(span);
                } else if (n.getNodeType() == Node.TEXT_NODE && spans.isEmpty()) {
                    first.append(n.getNodeValue());
                }
            }
            pdf.drawString(first.toString().strip(), (float) left, (float) baseline, null);
            for (Element span : spans) {
                double spanLeft = span.hasAttribute("x") ? x + horizontal(span, "x") : left;
                baseline += vertical(span, "dy");
                pdf.drawString(span.getTextContent().strip(), (float) spanLeft, (float) baseline, null);
            }
        }

        private FontSpecification font(String classes) {
            FontSpecification own = box.getStyle().getFontSpecification();
            var spec = new FontSpecification();
            spec.families = own.families;
            spec.size = own.size;
            spec.fontStyle = own.fontStyle;
            spec.variant = own.variant;
            boolean bold = (" " + classes + " ").contains(" chart__title ") || (" " + classes + " ").contains(" chart__value ");
            spec.fontWeight = bold ? IdentValue.FONT_WEIGHT_700 : IdentValue.FONT_WEIGHT_400;
            return spec;
        }

        private double horizontal(Element e, String attribute) {
            return length(e.getAttribute(attribute), em, width, dotsPerPixel, 0);
        }

        private double vertical(Element e, String attribute) {
            return length(e.getAttribute(attribute), em, height, dotsPerPixel, 0);
        }
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        // The chart's text uses the document's fonts.
    }

    @Override
    public void addFontFile(File fontFile, String family, Integer weight, FontStyle style) {
        // The chart's text uses the document's fonts.
    }

    @Override
    public void close() {
        // Nothing is held.
    }
}
