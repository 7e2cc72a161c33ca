package org.abierto.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CI variables and secrets the README tells a person to set (Publishing, step 4), read from its
 * table, so that the rehearsal sets exactly those: a setting the pipelines need but the README forgets
 * fails the rehearsal, and so does one the README names but the rehearsal cannot give a value.
 *
 * @param name     e.g. {@code PUBLISH_HOST}
 * @param secret   a secret (GitHub) or a protected File variable (GitLab), rather than a plain variable
 * @param optional whether the README allows leaving it unset
 */
record ReadmeSettings(String name, boolean secret, boolean optional) {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (variable|secret)(, optional)? \\|");

    static List<ReadmeSettings> read(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf("### 4. Set the CI variables and secrets");
        if (start < 0) {
            throw new IllegalStateException(readme + " no longer has the section '4. Set the CI variables and secrets'");
        }
        List<ReadmeSettings> out = new ArrayList<>();
        for (String line : text.substring(start).lines().skip(1).toList()) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                out.add(new ReadmeSettings(m.group(1), m.group(2).equals("secret"), m.group(3) != null));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(readme + ": the table of step 4 has no rows the rehearsal can read");
        }
        return List.copyOf(out);
    }

    /**
     * The value of each setting, from {@code values}; an optional setting without a value is left out.
     *
     * @throws IllegalStateException when a required setting has no value
     */
    static Map<String, String> values(List<ReadmeSettings> settings, Map<String, String> values, boolean secrets) {
        var out = new java.util.LinkedHashMap<String, String>();
        for (ReadmeSettings s : settings) {
            String v = values.get(s.name());
            if (v == null && !s.optional()) {
                throw new IllegalStateException("the README tells a person to set " + s.name() + ", which the rehearsal has no value for");
            }
            if (v != null && s.secret() == secrets) {
                out.put(s.name(), v);
            }
        }
        for (String name : values.keySet()) {
            if (settings.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalStateException("the rehearsal sets " + name + ", which the README's table (Publishing, step 4) does not name");
            }
        }
        return out;
    }
}
