package org.abierto;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.parse.YamlReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spanish content keeps the source report's wording: every sentence of docs/source/informe-final.txt
 * appears word for word in content/es or in the Spanish texts of content/data, except the departures
 * below, each made on purpose.
 */
class SourceFidelityTest {
    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    /** Sentences of the source deliberately not kept as written, with why. */
    static final Map<String, String> DEPARTURES = Map.of(
            "HACIENDO TRANSPARENCIA PROACTIVA EN NUEVO LEÓN",
            "the cover's capitals: the title is written in sentence case",
            "La matriz de los talleres realizados a partir de la publicación de la guía se puede consultar [aquí](#).",
            "the link had no target: it names the deliverable and links to its row in the annex",
            "Secretaría de Administración (3), Instituto Estatal de Cultura Física y Deporte (INDE) (3), Secretaría del Trabajo (2), "
                    + "Secretaría de Medio Ambiente (2), Secretaría de las Mujeres (1), Secretaría de Cultura (1) y Secretaría de Economía (1).",
            "the enumeration is the table data/practicas.yaml, placed right there",
            "Mapeo de talleres y capacitaciones",
            "the annex row is data/entregables.yaml; its underline marked a link whose address is unknown",
            "Entregables de la Hoja de Ruta:",
            "the annex's lead line is the caption of its table (data/entregables.yaml), not repeated above it",
            "La Guía se publicó de manera digital en el portal del Gobierno del Estado, del INFO NL y de la Coalición Nuevo Abierto.",
            "the coalition's name corrected to 'Coalición Nuevo León Abierto', as the source writes it everywhere else"
                    + " (content/README.md, 'Corrections to the source')",
            "Evento de presentación Pública de la Guía Práctica Transparencia Práctica",
            "a garbled caption, corrected to the Guide's name as the source gives it (content/README.md, 'Corrections to the source')");

    @Test
    void everySentenceOfTheSourceIsInTheSpanishContent() throws IOException {
        String corpus = normalize(spanishContent());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(PROJECT.resolve("docs/source/informe-final.txt"), StandardCharsets.UTF_8)) {
            String text = normalize(line).replaceFirst("^(\\d+\\.|-) ", "").replaceAll("</?u>", "");
            if (text.split(" ").length < 3 || DEPARTURES.containsKey(text)) {
                continue;
            }
            for (String sentence : text.split("(?<=[.:])\\s+")) {
                if (sentence.split(" ").length < 5 || DEPARTURES.containsKey(sentence)) {
                    continue;
                }
                checked++;
                if (!corpus.contains(sentence)) {
                    missing.add(sentence);
                }
            }
        }
        assertTrue(checked > 150, "only " + checked + " sentences checked: did the source move?");
        assertEquals(List.of(), missing);
    }

    private static String spanishContent() throws IOException {
        var out = new StringBuilder();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("content/es"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String body = text.substring(text.indexOf("\n---", 3) + 4);
                out.append(body.replaceAll("\\]\\([^)]*\\)", "]").replaceAll("\\{lang=[a-z]+}", "")
                        .replace("[", "").replace("]", "").replace("\\\n", " ")
                        .replaceAll("(?m)^(\\d+\\.|-) ", "")).append('\n');
            }
        }
        var yaml = new YamlReader();
        try (Stream<Path> files = Files.list(PROJECT.resolve("content/data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                yaml.read(f, Files.readString(f, StandardCharsets.UTF_8), 0, "data file", new Diagnostics())
                        .ifPresent(doc -> spanishTexts(doc.root(), out));
            }
        }
        return out.toString();
    }

    private static void spanishTexts(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!"en".equals(k)) {
                    spanishTexts(v, out);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> spanishTexts(v, out));
        } else if (value instanceof String s) {
            out.append(s).append('\n');
        }
    }

    private static String normalize(String text) {
        return text.replace("**", "").replace('“', '"').replace('”', '"').replaceAll("\\s+", " ").strip();
    }
}
