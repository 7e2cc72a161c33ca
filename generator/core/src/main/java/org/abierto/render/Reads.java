package org.abierto.render;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one page's render read of the site model, recorded while it ran: each place it read with the
 * {@link ModelPath#fingerprint} of the value there, and the name of every template it used (its
 * layout, its directives' templates, and what they import or include, found or not).
 *
 * <p>Only what is shared between pages is recorded, under {@code editions}: {@code site}, {@code data},
 * {@code i18n}, {@code format} and {@code editions} itself. What belongs to the page alone
 * ({@code page}, {@code args}, {@code content}, {@code structuredData}) is in {@link PageRenderer.Pass#facts}.
 * A render runs on one thread, but the record is safe to fill from several.
 */
public final class Reads {
    private static final Reads NONE = new Reads(null);

    private final ModelPath editions;
    private final Map<ModelPath, Object> values = new ConcurrentHashMap<>();
    private final Set<String> templates = ConcurrentHashMap.newKeySet();

    /** @param editions the root of the places to record, shared by every render that is compared */
    public Reads(ModelPath editions) {
        this.editions = editions;
    }

    /** A record that keeps nothing: a build that renders once has no use for it. */
    public static Reads none() {
        return NONE;
    }

    /** The root to record under, or null when nothing is recorded. */
    ModelPath editions() {
        return editions;
    }

    void value(ModelPath place, Object value) {
        if (editions != null) {
            values.put(place, place.fingerprintOf(value));
        }
    }

    void template(String name) {
        if (editions != null) {
            templates.add(name);
        }
    }

    /** Each place read → the fingerprint of its value then. */
    public Map<ModelPath, Object> values() {
        return Map.copyOf(values);
    }

    /** The templates looked up, by name. */
    public Set<String> templates() {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(templates));
    }
}
