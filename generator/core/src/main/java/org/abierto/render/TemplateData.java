package org.abierto.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import org.abierto.model.Figure;
import org.abierto.model.Formats;
import org.abierto.model.Page;
import org.abierto.model.Table;
import org.abierto.model.TranslationStatus;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What templates see: data, never Java objects. Freemarker's object wrapper, replacing its default
 * one (which lets a template call any public method of any object it reaches, e.g. a file's
 * {@code getFileSystem()}).
 *
 * <p>A value reaches a template as one of: a text, a number, true/false, a list, a map, or a record
 * of those, whose fields are its components (and the few values computed from them listed in
 * {@link #DERIVED}). A file is the text of its path inside the content folder ({@code page.source}:
 * {@code es/anexo.md}); {@code format} is the three functions {@code number}, {@code date} and
 * {@code size}. Nothing else is reachable: no method of any object, no class, no static member.
 * Anything else is refused with an error, so a Java object that slips into the model later cannot be
 * used either.
 *
 * <p>Every field a template reads, of a record or of a map, goes through {@link #field}, and every
 * item of a list through {@link #item}: the one place where a render records what it read
 * ({@link Reads}), by where the value sits in the model ({@link ModelPath}) whatever the template
 * calls it. The live preview renders again exactly the pages whose recorded reads changed.
 */
final class TemplateData implements ObjectWrapper {
    /** Values a record computes from its components, which templates read like components. */
    private static final Map<Class<?>, List<String>> DERIVED = Map.of(
            Page.class, List.of("topSection"),
            Figure.class, List.of("available", "srcset"),
            Table.Document.class, List.of("available"),
            TranslationStatus.class, List.of("stateId"));

    // Each record class's readable fields, found once per class (for every build of this process:
    // what a class offers does not change).
    private static final ClassValue<Map<String, MethodHandle>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return fieldsOf(type);
        }
    };

    private final Path contentDir;

    /**
     * Where a value sits in the site model, and the record of the render reading it; a value that
     * belongs to the page alone has none.
     */
    record Trail(ModelPath path, Reads reads) {
        Trail field(String name) {
            return new Trail(path.field(name), reads);
        }
    }

    /** @param contentDir the content folder, inside which files are named to templates */
    TemplateData(Path contentDir) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
    }

    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
        return wrap(value, null);
    }

    /**
     * The data model of one render: each variable's value, and where in the site model the shared
     * ones sit ({@code site} at {@code editions/es}…); the others belong to the page alone.
     */
    TemplateHashModelEx2 root(Map<String, Object> values, Map<String, Trail> trails) {
        return new RootModel(values, trails);
    }

    private TemplateModel wrap(Object value, Trail trail) throws TemplateModelException {
        if (value == null) {
            return null;
        }
        if (value instanceof TemplateModel model) {
            return model; // what the renderer made for templates: HTML already safe (content), functions
        }
        if (value instanceof String text) {
            return new SimpleScalar(text);
        }
        if (value instanceof Number number) {
            return new SimpleNumber(number);
        }
        if (value instanceof Boolean bool) {
            return bool ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        }
        if (value instanceof Enum<?> constant) {
            return new SimpleScalar(constant.name());
        }
        if (value instanceof Path file) {
            return new SimpleScalar(insideContent(file));
        }
        if (value instanceof List<?> list) {
            return new ListModel(list, trail);
        }
        if (value instanceof Map<?, ?> map) {
            return new MapModel(map, trail);
        }
        if (value instanceof Formats format) {
            return new FormatFunctions(format);
        }
        if (value instanceof Record record) {
            return new RecordModel(record, trail);
        }
        throw new TemplateModelException("templates see data only (text, numbers, true/false, lists, maps and records), "
                + "not a " + value.getClass().getName() + "; this is a bug in Abierto, please report it");
    }

    /**
     * A field a template reads: {@code name} of {@code owner} (a record or a map, at the place
     * {@code owner} in the model, or null when it belongs to the page alone), whose value is {@code value}.
     */
    private TemplateModel field(Trail owner, String name, Object value) throws TemplateModelException {
        Trail trail = owner == null ? null : owner.field(name);
        if (trail != null) {
            trail.reads().value(trail.path(), value);
        }
        return wrap(value, trail);
    }

    /** An item of a list a template reads: {@code index} of {@code owner}, whose value is {@code value}. */
    private TemplateModel item(Trail owner, int index, Object value) throws TemplateModelException {
        Trail trail = owner == null ? null : new Trail(owner.path().item(index), owner.reads());
        if (trail != null) {
            trail.reads().value(trail.path(), value);
        }
        return wrap(value, trail);
    }

    /** A template learns how many items or entries a list or map has. */
    private static int sized(Trail owner, int size) {
        if (owner != null) {
            owner.reads().value(owner.path().size(), size);
        }
        return size;
    }

    /** A template learns which keys a map has, in their order. */
    private static void keyed(Trail owner, Map<?, ?> map) {
        if (owner != null) {
            owner.reads().value(owner.path().keys(), ModelPath.keysOf(map));
        }
    }

    /**
     * The field {@code name} of a record or a map, as {@link #field} gives it to templates; null
     * when there is none. Used to read a place again in another site model ({@link ModelPath#valueIn}).
     */
    static Object fieldOf(Object owner, String name) {
        if (owner instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (owner instanceof Record record) {
            MethodHandle accessor = FIELDS.get(record.getClass()).get(name);
            try {
                return accessor == null ? null : (Object) accessor.invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private String insideContent(Path file) throws TemplateModelException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(contentDir)) {
            throw new TemplateModelException("templates see only files of the content folder; this is a bug in Abierto, please report it");
        }
        return contentDir.relativize(absolute).toString().replace('\\', '/');
    }

    /** A record's components, and its derived values, by name; nothing else of it. */
    private static Map<String, MethodHandle> fieldsOf(Class<?> type) {
        Map<String, MethodHandle> readable = new LinkedHashMap<>();
        try {
            for (RecordComponent component : type.getRecordComponents()) {
                readable.put(component.getName(), handle(component.getAccessor()));
            }
            for (String derived : DERIVED.getOrDefault(type, List.of())) {
                readable.put(derived, handle(type.getMethod(derived)));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the fields of " + type.getName(), e);
        }
        return java.util.Collections.unmodifiableMap(readable);
    }

    private static MethodHandle handle(Method accessor) throws IllegalAccessException {
        return MethodHandles.publicLookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
    }

    /** A record, as a map of its fields. */
    private final class RecordModel implements TemplateHashModelEx2 {
        private final Record record;
        private final Trail trail;
        private final Map<String, MethodHandle> readable;

        RecordModel(Record record, Trail trail) {
            this.record = record;
            this.trail = trail;
            this.readable = FIELDS.get(record.getClass());
        }

        @Override
        public TemplateModel get(String name) throws TemplateModelException {
            MethodHandle accessor = readable.get(name);
            return field(trail, name, accessor == null ? null : read(accessor));
        }

        private Object read(MethodHandle accessor) throws TemplateModelException {
            try {
                return (Object) accessor.invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException(e);
            }
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public int size() {
            return readable.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return new CollectionModel(readable.keySet());
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            List<Object> values = new ArrayList<>();
            for (String name : readable.keySet()) {
                values.add(get(name));
            }
            return new CollectionModel(values);
        }

        @Override
        public KeyValuePairIterator keyValuePairIterator() {
            Iterator<String> names = readable.keySet().iterator();
            return new KeyValuePairIterator() {
                @Override
                public boolean hasNext() {
                    return names.hasNext();
                }

                @Override
                public KeyValuePair next() throws TemplateModelException {
                    String name = names.next();
                    TemplateModel value = get(name);
                    return pair(name, value);
                }
            };
        }
    }

    /** A map with text keys (front matter, data files, interface words, directive arguments). */
    private final class MapModel implements TemplateHashModelEx2 {
        private final Map<?, ?> map;
        private final Trail trail;

        MapModel(Map<?, ?> map, Trail trail) {
            this.map = map;
            this.trail = trail;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return field(trail, key, map.get(key));
        }

        @Override
        public boolean isEmpty() {
            return sized(trail, map.size()) == 0;
        }

        @Override
        public int size() {
            return sized(trail, map.size());
        }

        @Override
        public TemplateCollectionModel keys() {
            keyed(trail, map);
            return new CollectionModel(map.keySet().stream().map(String::valueOf).toList());
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            keyed(trail, map);
            List<Object> values = new ArrayList<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                values.add(field(trail, String.valueOf(entry.getKey()), entry.getValue()));
            }
            return new CollectionModel(values);
        }

        @Override
        public KeyValuePairIterator keyValuePairIterator() {
            keyed(trail, map);
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            return new KeyValuePairIterator() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public KeyValuePair next() throws TemplateModelException {
                    Map.Entry<?, ?> entry = entries.next();
                    String key = String.valueOf(entry.getKey());
                    return pair(key, field(trail, key, entry.getValue()));
                }
            };
        }
    }

    private static TemplateHashModelEx2.KeyValuePair pair(String key, TemplateModel value) {
        return new TemplateHashModelEx2.KeyValuePair() {
            @Override
            public TemplateModel getKey() {
                return new SimpleScalar(key);
            }

            @Override
            public TemplateModel getValue() {
                return value;
            }
        };
    }

    private final class ListModel implements TemplateSequenceModel {
        private final List<?> list;
        private final Trail trail;

        ListModel(List<?> list, Trail trail) {
            this.list = list;
            this.trail = trail;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            if (index < 0) {
                return null;
            }
            return item(trail, index, index < list.size() ? list.get(index) : null);
        }

        @Override
        public int size() {
            return sized(trail, list.size());
        }
    }

    /** The variables of one render. */
    private final class RootModel implements TemplateHashModelEx2 {
        private final Map<String, Object> values;
        private final Map<String, Trail> trails;

        RootModel(Map<String, Object> values, Map<String, Trail> trails) {
            this.values = values;
            this.trails = trails;
        }

        @Override
        public TemplateModel get(String name) throws TemplateModelException {
            Trail trail = trails.get(name);
            Object value = values.get(name);
            if (trail != null) {
                trail.reads().value(trail.path(), value);
            }
            return wrap(value, trail);
        }

        @Override
        public boolean isEmpty() {
            return values.isEmpty();
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return new CollectionModel(List.copyOf(values.keySet()));
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            List<Object> models = new ArrayList<>();
            for (String name : values.keySet()) {
                models.add(get(name));
            }
            return new CollectionModel(models);
        }

        @Override
        public KeyValuePairIterator keyValuePairIterator() {
            Iterator<String> names = values.keySet().iterator();
            return new KeyValuePairIterator() {
                @Override
                public boolean hasNext() {
                    return names.hasNext();
                }

                @Override
                public KeyValuePair next() throws TemplateModelException {
                    String name = names.next();
                    return pair(name, get(name));
                }
            };
        }
    }

    private final class CollectionModel implements TemplateCollectionModel {
        private final Collection<?> items;

        CollectionModel(Collection<?> items) {
            this.items = items;
        }

        @Override
        public TemplateModelIterator iterator() {
            Iterator<?> it = items.iterator();
            return new TemplateModelIterator() {
                @Override
                public TemplateModel next() throws TemplateModelException {
                    return wrap(it.next());
                }

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }
            };
        }
    }

    /** {@code format.number(x)}, {@code format.date("2024-02-28")}, {@code format.size(bytes)}: the only functions templates get. */
    private static final class FormatFunctions implements TemplateHashModel {
        private final Map<String, TemplateMethodModelEx> functions;

        FormatFunctions(Formats format) {
            functions = Map.of(
                    "number", arguments -> new SimpleScalar(format.number(number(arguments, "number", true))),
                    "date", arguments -> {
                        String iso = text(arguments, "date");
                        try {
                            return new SimpleScalar(format.date(iso));
                        } catch (DateTimeParseException e) {
                            throw new TemplateModelException("format.date: '" + iso
                                    + "' is neither a date such as 2024-02-28 nor a month such as 2024-07");
                        }
                    },
                    "size", arguments -> new SimpleScalar(format.size(((Number) number(arguments, "size", false)).longValue())));
        }

        @Override
        public TemplateModel get(String name) {
            return functions.get(name);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        private static Object number(List<?> arguments, String name, boolean textAllowed) throws TemplateModelException {
            TemplateModel argument = single(arguments, name);
            if (argument instanceof TemplateNumberModel n) {
                return n.getAsNumber();
            }
            if (textAllowed && argument instanceof TemplateScalarModel s) {
                return s.getAsString();
            }
            throw new TemplateModelException("format." + name + " takes a number, e.g. format." + name + "(1234)");
        }

        private static String text(List<?> arguments, String name) throws TemplateModelException {
            if (single(arguments, name) instanceof TemplateScalarModel s) {
                return s.getAsString();
            }
            throw new TemplateModelException("format." + name + " takes a date written as text, e.g. format.date(\"2024-02-28\")");
        }

        private static TemplateModel single(List<?> arguments, String name) throws TemplateModelException {
            if (arguments.size() != 1 || arguments.get(0) == null) {
                throw new TemplateModelException("format." + name + " takes one value, e.g. format." + name
                        + (name.equals("date") ? "(\"2024-02-28\")" : "(1234)"));
            }
            return (TemplateModel) arguments.get(0);
        }
    }
}
