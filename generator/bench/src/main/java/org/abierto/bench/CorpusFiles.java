package org.abierto.bench;

import org.abierto.bench.Words.Lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files both versions of the corpus share: site texts, the deliverables data, the image. */
final class CorpusFiles {
    /** The image every page shows, under {@code static/}. */
    static final String IMAGE = "bench/figura.svg";
    static final String IMAGE_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">
              <rect width="320" height="180" fill="#e8eef4"/>
              <rect x="30" y="100" width="40" height="60" fill="#1f5f8b"/>
              <rect x="90" y="70" width="40" height="90" fill="#1f5f8b"/>
              <rect x="150" y="40" width="40" height="120" fill="#1f5f8b"/>
              <rect x="210" y="85" width="40" height="75" fill="#1f5f8b"/>
            </svg>
            """;
    static final int DELIVERABLES = 8;

    private CorpusFiles() {
    }

    static String siteTitle(Lang lang) {
        return lang == Lang.ES ? "Informes de Gobierno Abierto" : "Open Government Reports";
    }

    static String siteDescription(Lang lang) {
        return lang == Lang.ES ? "Un corpus sintético de informes para medir la velocidad de Abierto."
                : "A synthetic corpus of reports to measure Abierto's speed.";
    }

    static String siteYaml(CorpusPlan plan) {
        return """
                # A synthetic corpus written by org.abierto.bench.Corpus (seed %d, %d pages per language).
                # Regenerate it rather than editing it.
                title:
                  es: %s
                  en: %s
                subtitle:
                  es: Corpus de prueba de rendimiento
                  en: Performance test corpus
                description:
                  es: %s
                  en: %s
                baseUrl: /
                languages:
                  - code: es
                    locale: es-MX
                    name: Español
                  - code: en
                    locale: en-US
                    name: English
                organisation:
                  name: Coalición de Prueba
                licence:
                  name: CC BY 4.0
                  url: https://creativecommons.org/licenses/by/4.0/
                date: "2024-07"
                params:
                  period:
                    from: "2023-01"
                    to: "2024-06"
                  plan:
                    es: Plan de Acción Local de Gobierno Abierto de prueba
                    en: Test Open Government Local Action Plan
                  hashtag: "#CORPUS"
                """.formatted(plan.seed(), plan.pages(), siteTitle(Lang.ES), siteTitle(Lang.EN),
                siteDescription(Lang.ES), siteDescription(Lang.EN));
    }

    /** data/entregables.yaml: eight deliverables, each with an address, so none is reported as missing. */
    static String deliverablesYaml() {
        var out = new StringBuilder("""
                title:
                  es: Entregables del corpus
                  en: Deliverables of the corpus
                columns:
                  - key: hito
                    label:
                      es: Hito
                      en: Milestone
                    type: text
                  - key: entregable
                    label:
                      es: Entregable
                      en: Deliverable
                    type: text
                    link: true
                rows:
                """);
        String[][] names = {
                {"Mapeo de materiales", "Mapping of materials"}, {"Diagnóstico", "Diagnosis"},
                {"Sistematización de comentarios", "Systematisation of comments"}, {"Guía publicada", "Published guide"},
                {"Materiales", "Materials"}, {"Comunicado oficial", "Official press release"},
                {"Mapeo de talleres", "Mapping of workshops"}, {"Formato carta compromiso", "Commitment letter template"}};
        for (int i = 0; i < DELIVERABLES; i++) {
            out.append("""
                      - id: entregable-%d
                        hito:
                          es: Hito %d del plan de trabajo.
                          en: Milestone %d of the work plan.
                        entregable:
                          es: %s
                          en: %s
                        url: https://datos.example.org/entregables/entregable-%d.pdf
                    """.formatted(i + 1, i + 1, i + 1, names[i][0], names[i][1], i + 1));
        }
        return out.toString();
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
