package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.StaticFile;
import org.abierto.model.Figure;
import org.abierto.yaml.YamlDocument;
import org.abierto.yaml.YamlFields;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code data/figuras.yaml}: the report's figures. A figure whose image file does not exist
 * yet is kept (its caption and credit are content) but not shown, and the build lists it.
 */
final class FigureReader {
    static final String FILE = org.abierto.parse.ContentParser.FIGURES;
    static final Set<String> KEYS = Set.of("image", "alt", "caption", "source", "sourceLang");

    /** Checks the figures once; reports missing images and alt texts. */
    void check(YamlDocument doc, Set<String> staticTargets, Set<String> codes, Diagnostics diagnostics) {
        var fields = new YamlFields(doc, diagnostics, "figure list");
        for (String id : doc.rootMap().keySet()) {
            String at = "/" + YamlDocument.token(id);
            fields.onlyKeys(at, KEYS);
            fields.perLanguageText(at + "/caption", codes, true);
            if (!"".equals(fields.get(at + "/alt"))) { // alt: "" is a decorative image, as in HTML
                fields.perLanguageText(at + "/alt", codes, false);
            }
            String image = fields.text(at + "/image", true);
            String sourceLang = fields.text(at + "/sourceLang", false);
            if (sourceLang != null && !codes.contains(sourceLang)) {
                fields.error(at + "/sourceLang", "figure-lang", "'" + sourceLang + "' is not a language of site.yaml");
            }
            if (image == null) {
                continue;
            }
            if (!staticTargets.contains(image)) {
                diagnostics.warning(doc.position(at + "/image"), "figure-missing-image",
                        "the figure '" + id + "' has no image yet: content/static/" + image + " does not exist; add the file to publish the image beside its caption");
            } else if (fields.get(at + "/alt") == null) {
                diagnostics.error(doc.position(at), "figure-alt",
                        "the figure '" + id + "' has an image but no 'alt': describe what it shows, or write alt: \"\" if it is only decorative");
            }
        }
    }

    /** The figures in one language. */
    Map<String, Figure> show(YamlDocument doc, Map<String, StaticFile> staticFiles, String code, Localizer localizer) {
        var figures = new LinkedHashMap<String, Figure>();
        doc.rootMap().forEach((id, value) -> {
            Map<String, Object> record = YamlDocument.asMap(value);
            String at = "/" + YamlDocument.token(id);
            Object image = record.get("image");
            StaticFile file = image instanceof String s ? staticFiles.get(s) : null;
            boolean exists = file != null;
            String sourceLang = (String) record.get("sourceLang");
            figures.put(id, new Figure(id,
                    exists ? (String) image : null,
                    exists ? localizer.text(doc, record.get("alt"), at + "/alt", code) : null,
                    localizer.text(doc, record.get("caption"), at + "/caption", code),
                    localizer.text(doc, record.get("source"), at + "/source", code),
                    sourceLang == null || sourceLang.equals(code) ? null : sourceLang,
                    exists ? file.width() : 0, exists ? file.height() : 0,
                    exists && file.isImage() ? Figure.variantsOf((String) image, file.width()) : java.util.List.of()));
        });
        return figures;
    }
}
