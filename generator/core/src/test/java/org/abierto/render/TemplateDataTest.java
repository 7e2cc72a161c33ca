package org.abierto.render;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import org.abierto.model.Edition;
import org.abierto.model.Figure;
import org.abierto.model.Formats;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Table;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a template can reach: data, and nothing of the Java objects that hold it. */
class TemplateDataTest {
    static final Path CONTENT = Path.of("/report/content");
    final TemplateData data = new TemplateData(CONTENT);

    @Test
    void plainValuesBecomeTextNumbersAndBooleans() throws TemplateModelException {
        assertEquals("texto", ((TemplateScalarModel) data.wrap("texto")).getAsString());
        assertEquals(new BigDecimal("3.5"), ((TemplateNumberModel) data.wrap(new BigDecimal("3.5"))).getAsNumber());
        assertEquals(60L, ((TemplateNumberModel) data.wrap(60L)).getAsNumber());
        assertSame(TemplateBooleanModel.TRUE, data.wrap(true));
        assertSame(TemplateBooleanModel.FALSE, data.wrap(false));
        assertEquals("HOME", ((TemplateScalarModel) data.wrap(PageKind.HOME)).getAsString());
        assertNull(data.wrap(null));
        var markup = new SimpleScalar("kept");
        assertSame(markup, data.wrap(markup), "what the renderer made for templates passes as it is");
    }

    @Test
    void aFileIsItsPathInsideTheContent() throws TemplateModelException {
        assertEquals("es/ruta-de-trabajo/diagnostico.md",
                ((TemplateScalarModel) data.wrap(CONTENT.resolve("es/ruta-de-trabajo/diagnostico.md"))).getAsString());
        var outside = assertThrows(TemplateModelException.class, () -> data.wrap(Path.of("/etc/passwd")));
        assertTrue(outside.getMessage().startsWith("templates see only files of the content folder"), outside.getMessage());
        var sibling = assertThrows(TemplateModelException.class, () -> data.wrap(Path.of("/report/content-other/x.md")));
        assertTrue(sibling.getMessage().startsWith("templates see only files of the content folder"), sibling.getMessage());
    }

    @Test
    void anythingElseIsRefused() {
        for (Object object : List.of(new Object(), new File("/etc/passwd"), Locale.ROOT, new StringBuilder("x"), Set.of("a"),
                new int[] {1}, Runtime.getRuntime())) {
            var e = assertThrows(TemplateModelException.class, () -> data.wrap(object), object.getClass().getName());
            assertEquals("templates see data only (text, numbers, true/false, lists, maps and records), not a "
                    + object.getClass().getName() + "; this is a bug in Abierto, please report it", e.getMessage());
        }
    }

    @Test
    void aRecordShowsItsComponentsAndNoMethod() throws TemplateModelException {
        var document = new Table.Document(null, true, "PDF", "1.2 MB", null);
        var model = (TemplateHashModelEx2) data.wrap(document);
        assertEquals("PDF", ((TemplateScalarModel) model.get("format")).getAsString());
        assertSame(TemplateBooleanModel.TRUE, model.get("file"));
        assertNull(model.get("href"));
        assertSame(TemplateBooleanModel.FALSE, model.get("available"), "a derived value listed for templates");
        for (String method : List.of("getClass", "hashCode", "toString", "equals", "class", "notify")) {
            assertNull(model.get(method), method);
        }
        assertEquals(List.of("href", "file", "format", "size", "host", "available"), keys(model));
        assertEquals(6, model.size());
        assertFalse(model.isEmpty());
        List<String> pairs = new ArrayList<>();
        var it = model.keyValuePairIterator();
        while (it.hasNext()) {
            var pair = it.next();
            TemplateModel value = pair.getValue();
            pairs.add(((TemplateScalarModel) pair.getKey()).getAsString() + "=" + (value == null ? "null" : value instanceof TemplateScalarModel s
                    ? s.getAsString() : value == TemplateBooleanModel.TRUE ? "true" : "false"));
        }
        assertEquals(List.of("href=null", "file=true", "format=PDF", "size=1.2 MB", "host=null", "available=false"), pairs);
        assertEquals(6, count(model.values().iterator()));
    }

    @Test
    void onlyTheListedDerivedValuesOfARecordAreShown() throws TemplateModelException {
        var figure = new Figure("f", "figuras/a.jpg", "alt", "caption", null, null, 1600, 900,
                Figure.variantsOf("figuras/a.jpg", 1600));
        var model = (TemplateHashModelEx2) data.wrap(figure);
        assertSame(TemplateBooleanModel.TRUE, model.get("available"));
        assertEquals("/figuras/a.480w.jpg 480w, /figuras/a.800w.jpg 800w, /figuras/a.1200w.jpg 1200w, /figuras/a.jpg 1600w",
                ((TemplateScalarModel) model.get("srcset")).getAsString());
        assertEquals(4, ((TemplateSequenceModel) model.get("variants")).size());
        assertNull(((TemplateHashModelEx2) data.wrap(new Table.Row(null, null, null, null, List.of()))).get("withCells"));
    }

    @Test
    void listsAndMapsAreReadThroughTheSameRules() throws TemplateModelException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 1);
        map.put("files", List.of(CONTENT.resolve("static/a.pdf"), "b"));
        map.put("none", null);
        var model = (TemplateHashModelEx2) data.wrap(map);
        var files = (TemplateSequenceModel) model.get("files");
        assertEquals(2, files.size());
        assertEquals("static/a.pdf", ((TemplateScalarModel) files.get(0)).getAsString());
        assertNull(files.get(2));
        assertNull(files.get(-1));
        assertNull(model.get("none"));
        assertNull(model.get("getClass"));
        assertEquals(List.of("n", "files", "none"), keys(model));
        assertEquals(3, model.size());
        assertFalse(model.isEmpty());
        assertTrue(((TemplateHashModelEx2) data.wrap(Map.of())).isEmpty());
        var it = model.keyValuePairIterator();
        var first = it.next();
        assertEquals("n", ((TemplateScalarModel) first.getKey()).getAsString());
        assertEquals(1, ((TemplateNumberModel) first.getValue()).getAsNumber());
        assertEquals(3, count(model.values().iterator()));
        map.put("secret", new File("/etc/passwd"));
        assertThrows(TemplateModelException.class, () -> model.get("secret"), "a Java object inside data is refused too");
    }

    @Test
    void formatIsThreeFunctionsAndNothingElse() throws TemplateModelException {
        var format = (freemarker.template.TemplateHashModel) data.wrap(new Formats(Locale.forLanguageTag("es-MX"), "MMMM 'de' y"));
        assertEquals("1,234,567", call(format, "number", new SimpleNumber(1234567L)));
        assertEquals("3.5", call(format, "number", new SimpleNumber(new BigDecimal("3.5"))));
        assertEquals("sin dato", call(format, "number", new SimpleScalar("sin dato")));
        assertEquals("28 de febrero de 2024", call(format, "date", new SimpleScalar("2024-02-28")));
        assertEquals("julio de 2024", call(format, "date", new SimpleScalar("2024-07")));
        assertEquals("1.2 MB", call(format, "size", new SimpleNumber(1_200_000L)));
        assertNull(format.get("locale"));
        assertNull(format.get("isDate"));
        assertFalse(format.isEmpty());
        assertEquals("format.size takes a number, e.g. format.size(1234)",
                assertThrows(TemplateModelException.class, () -> call(format, "size", new SimpleScalar("12"))).getMessage());
        assertEquals("format.date takes a date written as text, e.g. format.date(\"2024-02-28\")",
                assertThrows(TemplateModelException.class, () -> call(format, "date", new SimpleNumber(2024))).getMessage());
        assertEquals("format.date: '2024-02-30' is neither a date such as 2024-02-28 nor a month such as 2024-07",
                assertThrows(TemplateModelException.class, () -> call(format, "date", new SimpleScalar("2024-02-30"))).getMessage());
        assertEquals("format.number takes one value, e.g. format.number(1234)",
                assertThrows(TemplateModelException.class, () -> ((TemplateMethodModelEx) format.get("number")).exec(List.of())).getMessage());
        assertEquals("format.date takes one value, e.g. format.date(\"2024-02-28\")",
                assertThrows(TemplateModelException.class, () -> ((TemplateMethodModelEx) format.get("date"))
                        .exec(List.of(new SimpleScalar("2024-02-28"), new SimpleScalar("x")))).getMessage());
    }

    /**
     * Every value a template can reach from {@code page} and {@code site} is data, by its declared type: a
     * model change that adds a Java object (a file, a service) fails here, not in a template.
     */
    @Test
    void everythingReachableFromPageAndSiteIsData() {
        List<String> notData = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        check(Page.class, "page", seen, notData);
        check(Edition.class, "site", seen, notData);
        assertEquals(List.of(), notData);
        assertTrue(seen.size() > 20, "the walk reached only " + seen);
    }

    private static void check(Type type, String path, Set<Type> seen, List<String> notData) {
        if (type instanceof WildcardType wildcard) {
            check(wildcard.getUpperBounds()[0], path, seen, notData);
            return;
        }
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            if (raw == List.class) {
                check(generic.getActualTypeArguments()[0], path + "[i]", seen, notData);
            } else if (raw == Map.class && generic.getActualTypeArguments()[0] == String.class) {
                check(generic.getActualTypeArguments()[1], path + "[key]", seen, notData);
            } else {
                notData.add(path + ": " + type.getTypeName());
            }
            return;
        }
        Class<?> c = (Class<?>) type;
        if (!seen.add(c) || c == String.class || c.isPrimitive() || c == Boolean.class || Number.class.isAssignableFrom(c)
                || c.isEnum() || c == Path.class || c == Formats.class
                || c == Object.class) { // values of YAML files: text, numbers, booleans, lists and maps, checked as they are read
            return;
        }
        if (c.isRecord() || c.isInterface() && c.isSealed()) {
            for (Class<?> variant : c.isRecord() ? new Class<?>[] {c} : c.getPermittedSubclasses()) {
                for (RecordComponent component : variant.getRecordComponents()) {
                    check(component.getGenericType(), path + "." + component.getName(), seen, notData);
                }
            }
            return;
        }
        notData.add(path + ": " + c.getName());
    }

    private static String call(freemarker.template.TemplateHashModel format, String name, TemplateModel argument) throws TemplateModelException {
        return ((TemplateScalarModel) ((TemplateMethodModelEx) format.get(name)).exec(List.of(argument))).getAsString();
    }

    private static List<String> keys(TemplateHashModelEx2 model) throws TemplateModelException {
        List<String> keys = new ArrayList<>();
        var it = model.keys().iterator();
        while (it.hasNext()) {
            keys.add(((TemplateScalarModel) it.next()).getAsString());
        }
        return keys;
    }

    private static int count(TemplateModelIterator it) throws TemplateModelException {
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }
}
