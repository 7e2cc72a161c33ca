package org.abierto.render;

import org.abierto.model.Edition;
import org.abierto.model.Formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A place in the site model, as a template reaches it from {@code editions}: {@code site} is
 * {@code editions/es}, {@code site.menu[2].title} is {@code editions/es/menu/2/title}, and
 * {@code site.menu?size} is {@code editions/es/menu/#size}. Whatever name a template gives a value
 * (a macro parameter, an {@code #assign}, a {@code #list} variable), the value keeps its place, so a
 * read is known by where the value is, not by how the template wrote it.
 *
 * <p>The places form one tree, grown as templates read: equal places are the same object, safe to
 * reach from parallel renders. {@link #valueIn} reads a place again in another site model, to tell
 * whether what a page read then is still what it would read now.
 */
public final class ModelPath {
    private enum Step { ROOT, FIELD, INDEX, SIZE, KEYS }

    /** The fingerprint of an absent value ({@code null}, a missing key, an index past the end). */
    private static final Object NOTHING = new Marker("nothing");
    private static final Object A_LIST = new Marker("a list");
    private static final Object A_MAP = new Marker("a map");

    private record Marker(String name) {
    }

    private final ModelPath parent;
    private final Step step;
    private final String name;
    private final int index;
    private final Map<Object, ModelPath> children = new ConcurrentHashMap<>();

    private ModelPath(ModelPath parent, Step step, String name, int index) {
        this.parent = parent;
        this.step = step;
        this.name = name;
        this.index = index;
    }

    /** The root of a new tree: the map of every language's edition. */
    public static ModelPath editions() {
        return new ModelPath(null, Step.ROOT, null, -1);
    }

    /** The field {@code name} of the record or map here. */
    ModelPath field(String name) {
        return children.computeIfAbsent(name, n -> new ModelPath(this, Step.FIELD, name, -1));
    }

    /** The item {@code index} of the list here. */
    ModelPath item(int index) {
        return children.computeIfAbsent(index, i -> new ModelPath(this, Step.INDEX, null, index));
    }

    /** How many items or entries the value here has. */
    ModelPath size() {
        return children.computeIfAbsent(Step.SIZE, s -> new ModelPath(this, Step.SIZE, null, -1));
    }

    /** The keys of the map here, in order. */
    ModelPath keys() {
        return children.computeIfAbsent(Step.KEYS, s -> new ModelPath(this, Step.KEYS, null, -1));
    }

    /**
     * The value at this place in a site model, as templates would read it now.
     *
     * @param editions the site's editions, by language code
     * @param found    the values of places already read in these editions (filled in here)
     */
    public Object valueIn(Map<String, Edition> editions, Map<ModelPath, Object> found) {
        if (step == Step.ROOT) {
            return editions;
        }
        Object known = found.get(this);
        if (known != null || found.containsKey(this)) {
            return known;
        }
        Object value = stepFrom(parent.valueIn(editions, found));
        found.put(this, value);
        return value;
    }

    private Object stepFrom(Object owner) {
        return switch (step) {
            case ROOT -> owner;
            case FIELD -> TemplateData.fieldOf(owner, name);
            case INDEX -> owner instanceof List<?> list && index < list.size() ? list.get(index) : null;
            case SIZE -> owner instanceof List<?> list ? (Object) list.size()
                    : owner instanceof Map<?, ?> map ? (Object) map.size() : null;
            case KEYS -> owner instanceof Map<?, ?> map ? keysOf(map) : null;
        };
    }

    /**
     * What a render that read {@code value} here depends on: its {@link #fingerprint}, or the number
     * or the keys themselves at a place that counts them.
     */
    Object fingerprintOf(Object value) {
        return step == Step.SIZE || step == Step.KEYS ? value : fingerprint(value);
    }

    /** What a read here would depend on in these editions ({@link #fingerprintOf} the value now). */
    public Object fingerprintIn(Map<String, Edition> editions, Map<ModelPath, Object> found) {
        return fingerprintOf(valueIn(editions, found));
    }

    static List<String> keysOf(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return List.copyOf(keys);
    }

    /**
     * What of a value a read at a place depends on: a text, number, true/false, file or format is
     * itself; a record is its kind (its fields are read, and recorded, one by one); a list or a map is
     * just that (its size, keys and items are read, and recorded, on their own).
     */
    static Object fingerprint(Object value) {
        if (value == null) {
            return NOTHING;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof Path || value instanceof Formats || value instanceof Locale) {
            return value;
        }
        if (value instanceof List<?>) {
            return A_LIST;
        }
        if (value instanceof Map<?, ?>) {
            return A_MAP;
        }
        return value.getClass(); // a record; anything else is refused by TemplateData
    }

    @Override
    public String toString() {
        return switch (step) {
            case ROOT -> "editions";
            case FIELD -> parent + "/" + name;
            case INDEX -> parent + "/" + index;
            case SIZE -> parent + "/#size";
            case KEYS -> parent + "/#keys";
        };
    }
}
