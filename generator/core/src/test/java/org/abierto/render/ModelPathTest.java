package org.abierto.render;

import org.abierto.model.Edition;
import org.abierto.model.Formats;
import org.abierto.model.PageRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A place in the site model is read again in another model to tell whether a page's render still
 * holds: the value there now, or nothing where the place no longer exists, and what of it a render
 * depended on.
 */
class ModelPathTest {
    /** Editions made of maps and records: {@code valueIn} reads both alike, by field name, as templates do. */
    private static PageRef ref(String url, String title) {
        return new PageRef(url, title, null, "es", null, null);
    }

    private static Object valueIn(ModelPath place, Map<String, ?> root) {
        @SuppressWarnings("unchecked")
        Map<String, Edition> editions = (Map<String, Edition>) root;
        return place.valueIn(editions, new HashMap<>());
    }

    private static Map<String, Object> model() {
        Map<String, Object> es = new LinkedHashMap<>();
        es.put("title", "Informe");
        es.put("menu", List.of(ref("/es/diagnostico/", "Diagnóstico"), ref("/es/anexo/", "Anexo")));
        es.put("data", Map.of("metas", Map.of("n", 3)));
        es.put("vacio", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("es", es);
        root.put("en", Map.of("title", "Report"));
        return root;
    }

    @Test
    void aPlaceIsReadAgainByItsFieldsItemsSizeAndKeys() {
        ModelPath editions = ModelPath.editions();
        ModelPath es = editions.field("es");
        Map<String, Object> model = model();
        assertSame(model, valueIn(editions, model));
        assertEquals("Informe", valueIn(es.field("title"), model));
        assertEquals("Anexo", valueIn(es.field("menu").item(1).field("title"), model));
        assertEquals("/es/diagnostico/", valueIn(es.field("menu").item(0).field("url"), model));
        assertEquals(2, valueIn(es.field("menu").size(), model));
        assertEquals(1, valueIn(es.field("data").size(), model));
        assertEquals(List.of("es", "en"), valueIn(editions.keys(), model));
        assertEquals(3, valueIn(es.field("data").field("metas").field("n"), model));
    }

    @Test
    void aPlaceThatNoLongerExistsHoldsNothing() {
        ModelPath es = ModelPath.editions().field("es");
        Map<String, Object> model = model();
        assertNull(valueIn(es.field("menu").item(2), model), "past the end of the list");
        assertNull(valueIn(es.field("menu").item(2).field("title"), model));
        assertNull(valueIn(es.field("title").size(), model), "a text has no size");
        assertNull(valueIn(es.field("menu").keys(), model), "a list has no keys");
        assertNull(valueIn(es.field("title").item(0), model), "a text has no items");
        assertNull(valueIn(es.field("falta").field("title"), model));
        assertNull(valueIn(es.field("menu").item(0).field("getClass"), model), "a record has only its fields");
        assertNull(valueIn(es.field("title").field("length"), model));
    }

    @Test
    void aPlaceReadOnceInAModelIsNotReadTwice() {
        ModelPath es = ModelPath.editions().field("es");
        ModelPath empty = es.field("vacio");
        Map<ModelPath, Object> found = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Edition> model = (Map<String, Edition>) (Map<String, ?>) model();
        assertNull(empty.valueIn(model, found));
        assertTrue(found.containsKey(empty), "an absent value is remembered too");
        found.put(empty, "recordado");
        assertEquals("recordado", empty.valueIn(model, found));
        found.clear();
        found.put(es, Map.of("vacio", "ahora"));
        assertEquals("ahora", empty.valueIn(model, found), "what was found of the owner is used");
        found.put(empty, null);
        assertNull(empty.valueIn(Map.of(), found), "nothing, found before, is not looked for again");
    }

    @Test
    void equalPlacesAreTheSameObjectAndSayWhereTheyAre() {
        ModelPath editions = ModelPath.editions();
        assertSame(editions.field("es").field("menu").item(0), editions.field("es").field("menu").item(0));
        assertSame(editions.field("es").keys(), editions.field("es").keys());
        assertSame(editions.field("es").size(), editions.field("es").size());
        assertEquals("editions", editions.toString());
        assertEquals("editions/es/menu/2/title", editions.field("es").field("menu").item(2).field("title").toString());
        assertEquals("editions/es/menu/#size", editions.field("es").field("menu").size().toString());
        assertEquals("editions/es/data/#keys", editions.field("es").field("data").keys().toString());
        assertNotEquals(editions.field("es").field("2"), editions.field("es").item(2), "a key '2' is not the item 2");
    }

    @Test
    void aRenderDependsOnAValueItselfOnARecordsKindAndOnAListOrMapBeingOne() {
        ModelPath title = ModelPath.editions().field("es").field("title");
        assertEquals("Informe", title.fingerprintOf("Informe"));
        assertEquals(3, title.fingerprintOf(3));
        assertEquals(true, title.fingerprintOf(true));
        assertEquals(Path.of("content/es/a.md"), title.fingerprintOf(Path.of("content/es/a.md")));
        assertEquals(Locale.ROOT, title.fingerprintOf(Locale.ROOT));
        var format = new Formats(Locale.ROOT, "MMMM y");
        assertSame(format, title.fingerprintOf(format));
        assertEquals(PageRef.class, title.fingerprintOf(ref("/es/", "Inicio")), "its fields are read, and recorded, one by one");
        assertEquals(title.fingerprintOf(List.of(1)), title.fingerprintOf(List.of(2, 3)), "its items are read one by one");
        assertEquals(title.fingerprintOf(Map.of("a", 1)), title.fingerprintOf(Map.of()));
        assertNotEquals(title.fingerprintOf(List.of()), title.fingerprintOf(Map.of()), "a list that becomes a map is a change");
        assertNotEquals(title.fingerprintOf(null), title.fingerprintOf(Map.of()));
        assertNotEquals(title.fingerprintOf(null), title.fingerprintOf(List.of()));
        assertNotEquals(title.fingerprintOf(null), title.fingerprintOf("nothing"));
        // Where a template counts or lists keys, the number and the keys themselves are what it read.
        ModelPath menu = ModelPath.editions().field("es").field("menu");
        assertEquals(2, menu.size().fingerprintOf(2));
        assertEquals(List.of("a", "b"), menu.keys().fingerprintOf(List.of("a", "b")));
        assertEquals(ModelPath.fingerprint(null), menu.item(5).fingerprintIn(Map.of(), new HashMap<>()));
    }

    @Test
    void aReadsThatKeepsNothingRecordsNothing() {
        Reads none = Reads.none();
        none.value(ModelPath.editions().field("es"), "x");
        none.template("page.ftlh");
        assertEquals(Map.of(), none.values());
        assertEquals(Set.of(), none.templates());
        assertNull(none.editions());

        ModelPath editions = ModelPath.editions();
        var reads = new Reads(editions);
        reads.template("page.ftlh");
        reads.template("directives/table.ftlh");
        reads.value(editions.field("es").field("menu"), List.of(1, 2));
        reads.value(editions.field("es").field("menu").size(), 2);
        assertEquals(List.of("directives/table.ftlh", "page.ftlh"), List.copyOf(reads.templates()), "in order of their names");
        assertEquals(Map.of(editions.field("es").field("menu"), ModelPath.fingerprint(List.of()), editions.field("es").field("menu").size(), 2),
                reads.values());
        assertSame(editions, reads.editions());
    }
}
