package org.abierto.parse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes YAML that the {@link YamlReader} reads back as it was meant, with Jackson's generator:
 * a text that looks like a number, a truth value or nothing ({@code 2024}, {@code 1e3}, {@code true},
 * {@code null}) or that starts with a symbol ({@code : x}, {@code #x}) is quoted; any other is written
 * plainly, as an editor would. For the files Abierto writes for editors (new pages), never built by hand.
 */
public final class YamlWriter {
    private static final YAMLFactory MINIMAL = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();
    private static final YAMLFactory QUOTED = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private YamlWriter() {
    }

    /**
     * One key and its value as a line of YAML, ending with a line break: {@code title: "2024"}.
     *
     * @param value a text, a whole number or true/false
     */
    public static String entry(String key, Object value) {
        String plain = write(MINIMAL, key, value);
        if (!(value instanceof String text)) {
            return plain;
        }
        // Jackson's generator leaves some texts plain that its reader takes for numbers (1e3, 0x1F): what is
        // written is read back, and quoted when it does not come back as the same text.
        Object read = new YamlReader().read(java.nio.file.Path.of("new"), plain, 0, "text", new org.abierto.diagnostic.Diagnostics())
                .map(doc -> doc.rootMap().get(key)).orElse(null);
        return text.equals(read) ? plain : write(QUOTED, key, value);
    }

    private static String write(YAMLFactory factory, String key, Object value) {
        var out = new StringWriter();
        try (JsonGenerator yaml = factory.createGenerator(out)) {
            yaml.writeStartObject();
            yaml.writeFieldName(key);
            if (value instanceof String text) {
                yaml.writeString(text);
            } else if (value instanceof Integer || value instanceof Long) {
                yaml.writeNumber(((Number) value).longValue());
            } else if (value instanceof Boolean truth) {
                yaml.writeBoolean(truth);
            } else {
                throw new IllegalArgumentException("a text, a whole number or true/false, not " + value);
            }
            yaml.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
