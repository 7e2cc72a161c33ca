package org.abierto.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which templates a template uses ({@code <#import>}, {@code <#include>}, transitively) and what it
 * reads, so an incremental build re-renders only the pages that depend on what changed. What a
 * template reads is found by name in its text ({@code site.menu}, {@code data}, {@code i18n}): a
 * conservative reading, since a template that names a value may not read it, but one that reads it
 * always names it.
 */
final class TemplateGraph {
    private static final Pattern USES = Pattern.compile("<#(?:import|include)\\s+\"([^\"]+)\"");

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Set<String>> closures = new java.util.concurrent.ConcurrentHashMap<>(); // read by parallel renders

    TemplateGraph(Path templates) {
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path f : files.filter(f -> f.toString().endsWith(PageRenderer.EXTENSION)).toList()) {
                texts.put(templates.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template and every template it imports or includes, transitively. */
    Set<String> closure(String name) {
        return closures.computeIfAbsent(name, n -> {
            Set<String> seen = new HashSet<>();
            var todo = new ArrayDeque<String>();
            todo.add(n);
            while (!todo.isEmpty()) {
                String current = todo.poll();
                if (!seen.add(current) || !texts.containsKey(current)) {
                    continue;
                }
                Matcher m = USES.matcher(texts.get(current));
                while (m.find()) {
                    String used = m.group(1);
                    Path base = Path.of(current).getParent();
                    String resolved = used.startsWith("/") ? used.substring(1)
                            : (base == null ? Path.of(used) : base.resolve(used)).normalize().toString().replace('\\', '/');
                    todo.add(resolved);
                }
            }
            return seen;
        });
    }

    /** Whether any of these templates names {@code word}. */
    boolean mentions(Set<String> templates, String word) {
        return templates.stream().map(texts::get).anyMatch(text -> text != null && text.contains(word));
    }
}
