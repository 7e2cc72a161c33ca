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
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Every field a template reads, of a record or of a map, goes through {@link #field}: the one place
 * to record what each page read, for re-rendering only the pages an edit reaches.
 */
final class TemplateData implements ObjectWrapper {
    /** Values a record computes from its components, which templates read like components. */
    private static final Map<Class<?>, List<String>> DERIVED = Map.of(
            Page.class, List.of("topSection"),
            Figure.class, List.of("available", "srcset"),
            Table.Document.class, List.of("available"),
            TranslationStatus.class, List.of("stateId"),
            org.abierto.model.Download.class, List.of("made"));

    private final Path contentDir;
    // Each record class's readable fields, found once per class.
    private final Map<Class<?>, Map<String, MethodHandle>> fields = new ConcurrentHashMap<>();

    /** @param contentDir the content folder, inside which files are named to templates */
    TemplateData(Path contentDir) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
    }

    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
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
            return new ListModel(list);
        }
        if (value instanceof Map<?, ?> map) {
            return new MapModel(map);
        }
        if (value instanceof Formats format) {
            return new FormatFunctions(format);
        }
        if (value instanceof Record record) {
            return new RecordModel(record);
        }
        throw new TemplateModelException("templates see data only (text, numbers, true/false, lists, maps and records), "
                + "not a " + value.getClass().getName() + "; this is a bug in Abierto, please report it");
    }

    /**
     * A field a template reads: {@code name} of {@code owner} (a record or a map), whose value is {@code value}.
     */
    private TemplateModel field(Object owner, String name, Object value) throws TemplateModelException {
        return wrap(value);
    }

    private String insideContent(Path file) throws TemplateModelException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(contentDir)) {
            throw new TemplateModelException("templates see only files of the content folder; this is a bug in Abierto, please report it");
        }
        return contentDir.relativize(absolute).toString().replace('\\', '/');
    }

    /** A record's components, and its derived values, by name; nothing else of it. */
    private Map<String, MethodHandle> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, t -> {
            Map<String, MethodHandle> readable = new LinkedHashMap<>();
            try {
                for (RecordComponent component : t.getRecordComponents()) {
                    readable.put(component.getName(), handle(component.getAccessor()));
                }
                for (String derived : DERIVED.getOrDefault(t, List.of())) {
                    readable.put(derived, handle(t.getMethod(derived)));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the fields of " + t.getName(), e);
            }
            return java.util.Collections.unmodifiableMap(readable);
        });
    }

    private static MethodHandle handle(Method accessor) throws IllegalAccessException {
        return MethodHandles.publicLookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
    }

    /** A record, as a map of its fields. */
    private final class RecordModel implements TemplateHashModelEx2 {
        private final Record record;
        private final Map<String, MethodHandle> readable;

        RecordModel(Record record) {
            this.record = record;
            this.readable = fieldsOf(record.getClass());
        }

        @Override
        public TemplateModel get(String name) throws TemplateModelException {
            MethodHandle accessor = readable.get(name);
            return accessor == null ? null : field(record, name, read(accessor));
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
            for (MethodHandle accessor : readable.values()) {
                values.add(read(accessor));
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

        MapModel(Map<?, ?> map) {
            this.map = map;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return field(map, key, map.get(key));
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return new CollectionModel(map.keySet().stream().map(String::valueOf).toList());
        }

        @Override
        public TemplateCollectionModel values() {
            return new CollectionModel(map.values());
        }

        @Override
        public KeyValuePairIterator keyValuePairIterator() {
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
                    return pair(key, field(map, key, entry.getValue()));
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

        ListModel(List<?> list) {
            this.list = list;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            return index >= 0 && index < list.size() ? wrap(list.get(index)) : null;
        }

        @Override
        public int size() {
            return list.size();
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
