package org.abierto.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.PageRef;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files of one language's index, read back as the browser reads them (templates/assets/search.js):
 * the postings of each term, the texts entry of each page, how they are split into files, and meta.js.
 */
class LanguageIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Page SEARCH = page("en", "/en/search/", "Search", null);
    private static final PageRef HOME = new PageRef("/en/", "Home", "Home", "en", "home", null);

    // ---- building pages and reading the files back ----

    private static Page page(String language, String url, String title, String description, PageRef... ancestors) {
        return new Page(null, language, url, PageKind.PAGE, url, url.substring(1) + "index.html", title, title, description,
                "page", List.of(), List.of(), Map.of(), List.of(ancestors), List.of(), null, null, List.of(),
                new PageRef(url, title, title, language, url, description), true);
    }

    private static Page page(String url, String title) {
        return page("en", url, title, null, HOME);
    }

    /** A block as a test writes it: its text whole. */
    private record Written(String anchor, boolean heading, String text) {
    }

    private static Written text(String text) {
        return new Written("", false, text);
    }

    private static Written heading(String text) {
        return new Written("", true, text);
    }

    private static PageText blocks(Written... blocks) {
        return blocks(List.of(blocks));
    }

    /** A page's text as HtmlText gives it: the blocks' characters one after the other in one array. */
    private static PageText blocks(List<Written> written) {
        var chars = new StringBuilder();
        List<PageText.Block> blocks = new ArrayList<>();
        for (Written w : written) {
            blocks.add(new PageText.Block(w.anchor(), w.heading(), chars.length(), chars.length() + w.text().length()));
            chars.append(w.text());
        }
        return new PageText(chars.toString().toCharArray(), blocks);
    }

    /** The names of files, in the order given: "meta", "terms-0", … */
    private static List<String> names(List<OutputFile.Generated> files) {
        return files.stream().map(LanguageIndexTest::name).toList();
    }

    private static String name(OutputFile.Generated file) {
        String folder = LanguageIndex.folder(SEARCH);
        assertTrue(file.path().startsWith(folder) && file.path().endsWith(".js"), file.path());
        return file.path().substring(folder.length(), file.path().length() - ".js".length());
    }

    /** The data a file hands to the page: {@code abiertoSearch.add("NAME",DATA);}. */
    private static JsonNode data(OutputFile.Generated file) {
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        String prefix = "abiertoSearch.add(\"" + name(file) + "\",";
        assertTrue(text.startsWith(prefix) && text.endsWith(");\n"), text.length() > 200 ? text.substring(0, 200) : text);
        return json(text.substring(prefix.length(), text.length() - ");\n".length()));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, JsonNode> byName(List<OutputFile.Generated> files) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(name(f), data(f)));
        return out;
    }

    /** Every term with its postings as written (page, weight), in the order of the terms files. */
    private static Map<String, String> weights(List<OutputFile.Generated> files) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OutputFile.Generated file : files) {
            if (name(file).startsWith("terms-")) {
                JsonNode pairs = data(file);
                for (int i = 0; i < pairs.size(); i += 2) {
                    out.put(pairs.get(i).asText(), pairs.get(i + 1).asText());
                }
            }
        }
        return out;
    }

    /**
     * Every term with its positions as written (count, places, for each of its pages), read as the
     * browser finds them: the term's number from meta's {@code termNumbers}, its file from meta's
     * {@code positions}.
     */
    private static Map<String, String> positions(List<OutputFile.Generated> files) {
        Map<String, JsonNode> data = byName(files);
        JsonNode meta = data.get("meta");
        List<String> terms = List.copyOf(weights(files).keySet());
        Map<String, String> out = new LinkedHashMap<>();
        for (int f = 0; f < meta.get("terms").size(); f++) {
            JsonNode chunk = data.get("terms-" + f);
            for (int k = 0; k < chunk.size(); k += 2) {
                int number = meta.get("termNumbers").get(f).intValue() + k / 2;
                assertEquals(chunk.get(k).asText(), terms.get(number), "term number " + number);
                List<Integer> first = ints(meta.get("positions"));
                int file = first.size() - 1;
                while (first.get(file) > number) {
                    file--;
                }
                out.put(chunk.get(k).asText(), data.get("positions-" + file).get(number - first.get(file)).asText());
            }
        }
        int placed = 0;
        for (String name : data.keySet()) {
            placed += name.startsWith("positions-") ? data.get(name).size() : 0;
        }
        assertEquals(terms.size(), placed, "one positions entry per term");
        return out;
    }

    /** One page's part of a term's postings, its page and positions made absolute again. */
    private record Posting(int page, int weight, List<Integer> positions) {
    }

    /** Every term with its postings and positions, decoded. */
    private static Map<String, List<Posting>> terms(List<OutputFile.Generated> files) {
        Map<String, String> positions = positions(files);
        Map<String, List<Posting>> out = new LinkedHashMap<>();
        weights(files).forEach((term, postings) -> out.put(term, decode(postings, positions.get(term))));
        return out;
    }

    private static List<Posting> decode(String postings, String positions) {
        int[] n = Numbers.read(postings);
        int[] places = Numbers.read(positions);
        List<Posting> out = new ArrayList<>();
        int page = 0;
        int at = 0;
        for (int i = 0; i < n.length; i += 2) {
            page += n[i];
            int count = places[at++];
            List<Integer> list = new ArrayList<>();
            int position = 0;
            for (int c = 0; c < count; c++) {
                position += places[at++];
                list.add(position);
            }
            out.add(new Posting(page, n[i + 1], list));
        }
        assertEquals(places.length, at, "positions for each page of the postings, no more");
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.intValue()));
        return out;
    }

    /** A single page indexed alone, and the index's files. */
    private static List<OutputFile.Generated> single(Page page, PageText text) {
        var index = new LanguageIndex(SEARCH, List.of(page), false);
        assertEquals(List.of(), index.add(page, text));
        return index.files();
    }

    // ---- postings: weight, count, positions ----

    @Test
    void aTermIsWeightedByItsFieldsAndListedAtEachOfItsPositionsAsDifferences() {
        // Positions: title solar 0, power 1, then a gap (3); heading solar 3, panels 4, gap (6);
        // text solar 6, energy 7, "is" 8 (a stop word), solar 9.
        var files = single(page("/en/solar/", "Solar power"),
                blocks(heading("Solar panels"), text("Solar energy is solar")));
        Map<String, String> weights = weights(files);
        Map<String, String> positions = positions(files);
        assertEquals(List.of("energy", "panel", "power", "solar"), List.copyOf(weights.keySet()), "sorted, stemmed, no stop word");
        // page 0, weight 64 + 16 + 2; 4 times, at 0, 3, 6, 9
        assertArrayEquals(new int[]{0, 82}, Numbers.read(weights.get("solar")));
        assertArrayEquals(new int[]{4, 0, 3, 3, 3}, Numbers.read(positions.get("solar")));
        assertArrayEquals(new int[]{0, 64}, Numbers.read(weights.get("power")));
        assertArrayEquals(new int[]{1, 1}, Numbers.read(positions.get("power")));
        assertArrayEquals(new int[]{0, 16}, Numbers.read(weights.get("panel")));
        assertArrayEquals(new int[]{1, 4}, Numbers.read(positions.get("panel")));
        assertArrayEquals(new int[]{0, 1}, Numbers.read(weights.get("energy")));
        assertArrayEquals(new int[]{1, 7}, Numbers.read(positions.get("energy")));
        assertEquals(List.of("meta", "terms-0", "positions-0", "texts-0"), names(files));
        assertEquals("[\"17\",\"14\",\"11\",\"40333\"]", byName(files).get("positions-0").toString(), "energy, panel, power, solar");
    }

    @Test
    void theDescriptionRanksAsAHeadingBetweenTheTitleAndTheText() {
        // title wind 0, gap; description wind 2, farms 3, gap; text farms 5
        var files = single(page("en", "/en/wind/", "Wind", "Wind farms", HOME), blocks(text("farms")));
        Map<String, List<Posting>> terms = terms(files);
        assertEquals(List.of(new Posting(0, 64 + 16, List.of(0, 2))), terms.get("wind"));
        assertEquals(List.of(new Posting(0, 16 + 1, List.of(3, 5))), terms.get("farm"));
    }

    @Test
    void wordsOfTheSameHashAndLengthAreToldApart() {
        // "Aa" and "BB" have the same String.hashCode: the table of recent words puts them in one slot
        assertEquals("Aa".hashCode(), "BB".hashCode());
        Map<String, List<Posting>> terms = terms(single(page("/en/same/", "Same"), blocks(text("Aa BB Aa BB"))));
        assertEquals(List.of(2, 4), terms.get("aa").get(0).positions()); // the title "same" 0, a gap, the text from 2
        assertEquals(List.of(3, 5), terms.get("bb").get(0).positions());
    }

    @Test
    void headingsCountUpToThreeTextUpToFifteenAndTheTitleOnce() {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pages.add(page("/en/p" + i + "/", List.of("Headings", "Text", "Mixed", "Word word", "Fewer", "Nothing").get(i)));
        }
        List<PageText> texts = List.of(
                blocks(heading("Word"), heading("Word"), heading("Word"), heading("Word")),
                blocks(text("word ".repeat(20))),
                blocks(heading("Word"), heading("Word"), text("word word word")),
                blocks(),
                blocks(text("word ".repeat(14))),
                blocks(text("nothing here")));
        var index = new LanguageIndex(SEARCH, pages, false);
        for (int i = 0; i < pages.size(); i++) {
            index.add(pages.get(i), texts.get(i));
        }
        List<Integer> twenty = new ArrayList<>();
        for (int p = 2; p < 22; p++) {
            twenty.add(p);
        }
        List<Integer> fourteen = new ArrayList<>(twenty.subList(0, 14));
        assertEquals(List.of(
                new Posting(0, 16 * 3, List.of(2, 4, 6, 8)), // four headings weigh as three
                new Posting(1, 15, twenty), // twenty times in the text weigh as fifteen
                new Posting(2, 16 * 2 + 3, List.of(2, 4, 6, 7, 8)),
                new Posting(3, 64, List.of(0, 1)), // twice in the title is still the title
                new Posting(4, 14, fourteen)), terms(index.files()).get("word"));
    }

    @Test
    void aPhraseCannotCrossFromOneBlockToTheNext() {
        // title gap 0, then a free position; "alpha beta" at 2 and 3; a free position; "gamma delta" at 5 and 6
        Map<String, List<Posting>> terms = terms(single(page("/en/gap/", "Gap"), blocks(text("alpha beta"), text("gamma delta"))));
        assertEquals(List.of(3), terms.get("beta").get(0).positions());
        assertEquals(List.of(5), terms.get("gamma").get(0).positions());
        assertEquals(List.of(6), terms.get("delta").get(0).positions());
    }

    @Test
    void aStopWordIsNotATermButKeepsItsPlaceInAPhrase() {
        // zoo 0; cat 2, "of" 3, "the" 4, hat 5, "a" 6 (a single letter), dog 7
        Map<String, List<Posting>> terms = terms(single(page("/en/zoo/", "Zoo"), blocks(text("cat of the hat a dog"))));
        assertEquals(List.of("cat", "dog", "hat", "zoo"), List.copyOf(terms.keySet()));
        assertEquals(List.of(5), terms.get("hat").get(0).positions());
        assertEquals(List.of(7), terms.get("dog").get(0).positions());
    }

    @Test
    void aStrayCombiningMarkIsNeitherATermNorAPlace() {
        // The mark alone is a "word" of the raw text that folds to nothing: dog stays right after cat.
        Map<String, List<Posting>> terms = terms(single(page("/en/mark/", "Mark"), blocks(text("cat \u0301 dog"))));
        assertEquals(List.of("cat", "dog", "mark"), List.copyOf(terms.keySet()));
        assertEquals(List.of(2), terms.get("cat").get(0).positions());
        assertEquals(List.of(3), terms.get("dog").get(0).positions());
    }

    @Test
    void aWordBeyondAToZIsATermOfItsOwnFoldedLetters() {
        // street 0; Straße 2 (ß stays), "in" 3, Αθήνα 4 (its accent goes)
        Map<String, List<Posting>> terms = terms(single(page("/en/s/", "Streets"), blocks(text("Straße in Αθήνα"))));
        assertEquals(List.of("straße", "street", "αθηνα"), List.copyOf(terms.keySet()), "in UTF-16 order");
        assertEquals(List.of(2), terms.get("straße").get(0).positions());
        assertEquals(List.of(4), terms.get("αθηνα").get(0).positions());
    }

    @Test
    void aTermOfManyPagesListsEachPageAsTheDifferenceFromThePreviousOne() {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pages.add(page("/en/p" + i + "/", "Page"));
        }
        var index = new LanguageIndex(SEARCH, pages, false);
        index.add(pages.get(1), blocks(text("alpha")));
        index.add(pages.get(4), blocks(text("alpha beta")));
        index.add(pages.get(0), blocks(text("beta")));
        index.add(pages.get(3), blocks(text("gamma")));
        // page 2 never comes (its check failed): it is null in the texts, and in no postings
        List<OutputFile.Generated> files = index.files();
        Map<String, List<Posting>> terms = terms(files);
        Map<String, String> weights = weights(files);
        Map<String, String> positions = positions(files);
        // alpha: page 1, then 4 (3 further); beta: page 0, then 4; gamma only on page 3
        assertArrayEquals(new int[]{1, 1, 3, 1}, Numbers.read(weights.get("alpha")));
        assertArrayEquals(new int[]{1, 2, 1, 2}, Numbers.read(positions.get("alpha")));
        assertArrayEquals(new int[]{0, 1, 4, 1}, Numbers.read(weights.get("beta")));
        assertArrayEquals(new int[]{1, 2, 1, 3}, Numbers.read(positions.get("beta")));
        assertArrayEquals(new int[]{3, 1}, Numbers.read(weights.get("gamma")));
        assertArrayEquals(new int[]{1, 2}, Numbers.read(positions.get("gamma")));
        assertEquals(List.of(0, 1, 3, 4), terms.get("page").stream().map(Posting::page).toList(), "the title of each page in");
        JsonNode texts = byName(files).get("texts-0");
        assertEquals(5, texts.size());
        assertTrue(texts.get(2).isNull(), texts.toString());
        assertEquals("en/p3/", texts.get(3).get(0).asText());
    }

    @Test
    void manyDifferentWordsOnManyThreadsAreEachTheirOwnTermAtTheirOwnPlaces() throws Exception {
        // Far more words than the table of recent words holds: words that share a slot replace each
        // other there, and each must still come back as itself (its written form, its term, its place).
        int pageCount = 8;
        int wordsPerPage = 3000;
        List<Page> pages = new ArrayList<>();
        for (int p = 0; p < pageCount; p++) {
            pages.add(page("/en/p" + p + "/", "Page"));
        }
        var index = new LanguageIndex(SEARCH, pages, false);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int p = 0; p < pageCount; p++) {
                int page = p;
                done.add(pool.submit(() -> {
                    var text = new StringBuilder();
                    for (int w = 0; w < wordsPerPage; w++) {
                        // every page: its own words, and words shared by all pages, written in two ways
                        text.append(w % 2 == 0 ? "Word" + w + " " : "x" + page + "y" + w + " ");
                    }
                    index.add(pages.get(page), blocks(text(text.toString())));
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, List<Posting>> terms = terms(index.files());
        assertEquals(1 + pageCount * wordsPerPage / 2 + wordsPerPage / 2, terms.size(), "page, each page's own words, the shared ones");
        for (int w = 0; w < wordsPerPage; w++) {
            if (w % 2 == 0) {
                List<Posting> postings = terms.get("word" + w);
                assertEquals(pageCount, postings.size(), "word" + w);
                for (Posting posting : postings) {
                    assertEquals(List.of(2 + w), posting.positions(), "word" + w + " on page " + posting.page());
                }
            } else {
                for (int p = 0; p < pageCount; p++) {
                    List<Posting> postings = terms.get("x" + p + "y" + w);
                    assertEquals(List.of(new Posting(p, 1, List.of(2 + w))), postings, "x" + p + "y" + w);
                }
            }
        }
    }

    @Test
    void termsAreWrittenInAlphabeticalOrderWhateverOrderTheyCameIn() {
        List<Page> pages = List.of(page("/en/one/", "Zulu"), page("/en/two/", "Mike"));
        var index = new LanguageIndex(SEARCH, pages, false);
        index.add(pages.get(0), blocks(text("yankee xray whiskey victor uniform tango sierra romeo quebec papa")));
        index.add(pages.get(1), blocks(text("oscar november lima kilo juliett india hotel golf foxtrot echo delta charlie bravo alpha")));
        List<String> names = List.copyOf(terms(index.files()).keySet());
        List<String> sorted = names.stream().sorted().toList();
        assertEquals(26, names.size());
        assertEquals(sorted, names);
    }

    @Test
    void aPageNotInTheIndexIsIgnored() {
        Page listed = page("/en/listed/", "Listed");
        var index = new LanguageIndex(SEARCH, List.of(listed), false);
        assertEquals(List.of(), index.add(page("/en/other/", "Other"), blocks(text("elsewhere"))));
        index.add(listed, blocks(text("here")));
        List<OutputFile.Generated> files = index.files();
        assertEquals(List.of("here", "listed"), List.copyOf(terms(files).keySet()));
        assertEquals(1, byName(files).get("meta").get("docs").intValue());
        assertEquals(1, byName(files).get("texts-0").size());
    }

    // ---- acronyms ----

    @Test
    void twoAcronymsWrittenApartAreAlsoFoundWrittenTogetherAtTheFirstOnesPlace() {
        // acronym 0; call 2, INFO 3, NL 4, today 5: "infonl" at 3
        Map<String, List<Posting>> terms = terms(single(page("/en/a/", "Acronyms"), blocks(text("Call INFO NL today"))));
        assertEquals(List.of("acronym", "call", "info", "infonl", "nl", "today"), List.copyOf(terms.keySet()));
        assertEquals(List.of(new Posting(0, 1, List.of(3))), terms.get("infonl"));
        assertEquals(List.of(new Posting(0, 1, List.of(4))), terms.get("nl"));
    }

    @Test
    void acronymsTogetherAreStemmedAndWeighedByTheirField() {
        // In the title: "API DOCS" → "apidocs", stemmed "apidoc", at 0 with the title's weight.
        Map<String, List<Posting>> terms = terms(single(page("/en/a/", "API DOCS"), blocks(heading("SQL DB"))));
        assertEquals(List.of(new Posting(0, 64, List.of(0))), terms.get("apidoc"));
        assertEquals(List.of(new Posting(0, 16, List.of(3))), terms.get("sqldb"));
        assertEquals(List.of("api", "apidoc", "db", "doc", "sql", "sqldb"), List.copyOf(terms.keySet()));
    }

    @Test
    void acronymsAreTwoToSixCapitalsAndEachJoinsTheNextOne() {
        Map<String, List<Posting>> terms = terms(single(page("/en/a/", "Caps"), blocks(
                text("AB CDEFGH"), // six capitals: an acronym
                text("ABCDEFG HI"), // seven: not one
                text("X YZ"), // one letter: not one
                text("Info NL"), // not all capitals
                text("NL info"),
                text("JK LM NO")))); // each with the next one
        assertTrue(terms.containsKey("abcdefgh"), terms.keySet().toString());
        assertFalse(terms.containsKey("abcdefghi"), terms.keySet().toString());
        assertFalse(terms.containsKey("xyz"), terms.keySet().toString());
        assertFalse(terms.containsKey("infonl"), terms.keySet().toString());
        assertFalse(terms.containsKey("nlinfo"), terms.keySet().toString());
        assertFalse(terms.containsKey("jklmno"), terms.keySet().toString());
        // caps 0; AB 2; ABCDEFG 5, HI 6; X 8, YZ 9; Info 11, NL 12; NL 14, info 15; JK 17, LM 18, NO 19
        assertEquals(List.of(2), terms.get("abcdefgh").get(0).positions());
        assertEquals(List.of(17), terms.get("jklm").get(0).positions());
        assertEquals(List.of(18), terms.get("lmno").get(0).positions());
    }

    // ---- texts entries ----

    @Test
    void aTextsEntryIsTheAddressTitleSectionAndBlocksWithTheSameAnchorJoined() {
        Page page = page("en", "/en/guide/install/setup/", "Setup", "How to set up.", HOME,
                new PageRef("/en/guide/", "The guide", "Guide", "en", "guide", null),
                new PageRef("/en/guide/install/", "Installing", "Install", "en", "install", null));
        JsonNode texts = byName(single(page, blocks(List.of(
                new Written("", false, "Intro text."), // same anchor as the description: joined to it
                new Written("step-1", true, "Step one"),
                new Written("step-1", false, "Do this."),
                new Written("step-2", true, "Step two"),
                new Written("step-1", false, "Again"))))).get("texts-0");
        assertEquals(1, texts.size());
        JsonNode entry = texts.get(0);
        assertEquals(4, entry.size());
        assertEquals("en/guide/install/setup/", entry.get(0).asText());
        assertEquals("Setup", entry.get(1).asText());
        assertEquals("Guide › Install", entry.get(2).asText(), "the sections' short titles, without the home page");
        assertEquals(List.of("", "How to set up.\nIntro text.", "step-1", "Step one\nDo this.", "step-2", "Step two",
                "step-1", "Again"), strings(entry.get(3)), "only the block just before is joined");
    }

    @Test
    void theFirstTwoBlocksWithTheSameAnchorAreJoinedAndAPageAtTheTopHasNoSection() {
        JsonNode entry = byName(single(page("/en/top/", "Top"), blocks(List.of(
                new Written("a", false, "one"),
                new Written("a", false, "two"),
                new Written("b", false, "three"))))).get("texts-0").get(0);
        assertEquals("", entry.get(2).asText());
        assertEquals(List.of("a", "one\ntwo", "b", "three"), strings(entry.get(3)));
    }

    @Test
    void aBlockOfTheWindowsLengthIsKeptWholeAndALongerOneIsCutAfterAWord() {
        String whole = "a".repeat(LanguageIndex.WINDOW);
        assertEquals(whole, LanguageIndex.window(whole));
        // 281 characters: the last word, "bbbbbbbbbb" (271–280), is left out, and the space before it
        assertEquals("a".repeat(270) + " …", LanguageIndex.window("a".repeat(270) + " " + "b".repeat(10)));
        // a word that ends right at the window is kept whole
        assertEquals("a".repeat(280) + " …", LanguageIndex.window("a".repeat(280) + " tail"));
        // spaces before the cut go too
        assertEquals("a".repeat(278) + " …", LanguageIndex.window("a".repeat(278) + "   bbb"));
        // a word longer than half the window is cut inside it, at half the window
        assertEquals("a".repeat(140) + " …", LanguageIndex.window("a".repeat(281)));
        assertEquals("a".repeat(100) + " " + "b".repeat(39) + " …",
                LanguageIndex.window("a".repeat(100) + " " + "b".repeat(200)));
        // a character of two UTF-16 units is not cut in half
        assertEquals("a".repeat(279) + " …", LanguageIndex.window("a".repeat(279) + "\uD83D\uDE00bb"));
    }

    @Test
    void theTextsEntryKeepsTheStartOfEachBlock() {
        String longText = "word ".repeat(100).trim(); // 499 characters: cut at 279, after "word" number 56
        JsonNode entry = byName(single(page("en", "/en/long/", "Long", "d".repeat(300), HOME),
                blocks(List.of(new Written("x", false, longText))))).get("texts-0").get(0);
        assertEquals(List.of("", "d".repeat(140) + " …", "x", "word ".repeat(55) + "word …"), strings(entry.get(3)));
    }

    // ---- meta.js ----

    @Test
    void metaSaysHowToReadTheRest() {
        Page p = page("/en/p/", "Hello");
        var index = new LanguageIndex(SEARCH, List.of(p, page("/en/q/", "World")), true);
        index.add(p, blocks(text("there")));
        List<OutputFile.Generated> files = index.files();
        assertEquals(List.of("meta", "terms-0", "positions-0", "texts-0"), names(files));
        assertEquals("{\"version\":2,\"root\":\"../../\",\"portable\":true,\"stemmer\":\"en\",\"stop\":[\"an\",\"and\",\"are\","
                + "\"as\",\"at\",\"be\",\"by\",\"for\",\"from\",\"has\",\"have\",\"in\",\"is\",\"it\",\"its\",\"of\",\"on\",\"or\","
                + "\"that\",\"the\",\"this\",\"to\",\"was\",\"were\",\"with\"],\"docs\":2,\"terms\":[\"hello\"],\"termNumbers\":[0],"
                + "\"positions\":[0],\"texts\":[0]}",
                byName(files).get("meta").toString());
    }

    @Test
    void metaOfASearchPageAtTheRootOfASiteWithItsAddress() {
        Page search = page("es", "/buscar/", "Buscar", null);
        Page p = page("es", "/hola/", "Hola", null);
        var index = new LanguageIndex(search, List.of(p), false);
        index.add(p, blocks(text("mundo")));
        List<OutputFile.Generated> files = index.files();
        assertEquals(List.of("buscar/meta.js", "buscar/terms-0.js", "buscar/positions-0.js", "buscar/texts-0.js"),
                files.stream().map(OutputFile.Generated::path).toList());
        String meta = new String(files.get(0).bytes(), StandardCharsets.UTF_8);
        assertEquals("abiertoSearch.add(\"meta\",{\"version\":2,\"root\":\"../\",\"portable\":false,\"stemmer\":\"es\","
                + "\"stop\":[\"al\",\"con\",\"de\",\"del\",\"el\",\"en\",\"es\",\"la\",\"las\",\"le\",\"les\",\"lo\",\"los\",\"para\","
                + "\"por\",\"que\",\"se\",\"su\",\"sus\",\"un\",\"una\",\"unas\",\"unos\"],\"docs\":1,\"terms\":[\"hol\"],"
                + "\"termNumbers\":[0],\"positions\":[0],\"texts\":[0]});\n", meta);
    }

    @Test
    void anIndexWithoutPagesIsOnlyItsMeta() {
        List<OutputFile.Generated> files = new LanguageIndex(SEARCH, List.of(), false).files();
        assertEquals(List.of("meta"), names(files));
        JsonNode meta = data(files.get(0));
        assertEquals(0, meta.get("docs").intValue());
        assertEquals(0, meta.get("terms").size());
        assertEquals(0, meta.get("termNumbers").size());
        assertEquals(0, meta.get("positions").size());
        assertEquals(0, meta.get("texts").size());
    }

    // ---- splitting the terms ----

    /** One page whose title is a stop word, and {@code count} words w0, w1, …: each term's postings are "01". */
    private static List<OutputFile.Generated> manyWords(int count) {
        var text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            text.append("w").append(w).append(' ');
        }
        return single(page("/en/words/", "a"), blocks(text(text.toString())));
    }

    private static int postingsLength(List<OutputFile.Generated> files) {
        return weights(files).values().stream().mapToInt(String::length).sum();
    }

    /** The length of a file's data as written, between {@code abiertoSearch.add("NAME",} and {@code );}. */
    private static int dataLength(OutputFile.Generated file) {
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        return text.length() - ("abiertoSearch.add(\"" + name(file) + "\",").length() - ");\n".length();
    }

    @Test
    void termsOfUpToOneFilesLengthAreOneFile() {
        var files = manyWords(50_000);
        assertEquals(LanguageIndex.ONE_FILE, postingsLength(files), "50,000 × \"01\"");
        assertEquals(List.of("terms-0"), names(files).stream().filter(n -> n.startsWith("terms-")).toList());
        assertEquals(50_000, terms(files).size());
        assertEquals(List.of("w0"), strings(byName(files).get("meta").get("terms")));
        assertEquals(List.of(0), ints(byName(files).get("meta").get("termNumbers")));
    }

    @Test
    void termsOfMoreThanOneFilesLengthAreSplitAndMetaNamesTheFirstTermOfEachAndItsNumber() {
        var files = manyWords(50_001);
        assertEquals(LanguageIndex.ONE_FILE + 2, postingsLength(files));
        Map<String, JsonNode> data = byName(files);
        List<String> sorted = List.copyOf(weights(files).keySet());
        assertEquals(sorted.stream().sorted().toList(), sorted);
        List<String> first = strings(data.get("meta").get("terms"));
        List<Integer> numbers = ints(data.get("meta").get("termNumbers"));
        assertTrue(first.size() > 3, first.toString());
        assertEquals(first.size(), numbers.size());
        int number = 0;
        for (int f = 0; f < first.size(); f++) {
            JsonNode chunk = data.get("terms-" + f);
            assertEquals(first.get(f), chunk.get(0).asText());
            assertEquals(number, numbers.get(f).intValue(), "terms-" + f);
            assertEquals(sorted.get(number), first.get(f));
            number += chunk.size() / 2;
        }
        assertEquals(50_001, number);
        for (OutputFile.Generated file : files) {
            if (name(file).startsWith("terms-")) {
                int length = dataLength(file);
                // An entry joins while the file so far and its postings fit: its name, quotes and commas
                // (at most 12 characters for ,"w50000","01") and the closing ']' may go beyond.
                assertTrue(length <= LanguageIndex.TERMS_FILE + 13, name(file) + ": " + length);
                if (!name(file).equals("terms-" + (first.size() - 1))) {
                    assertTrue(length + 2 > LanguageIndex.TERMS_FILE + 1, name(file) + ": " + length + ", the next \"01\" fitted");
                }
            }
        }
        assertEquals(50_001, terms(files).size(), "each term's postings and positions found from meta");
    }

    /** {@code count} pages titled "a" (a stop word), each with {@code words}: a word on every page has postings of 2 × count. */
    private static List<OutputFile.Generated> onEveryPage(int count, String first, String words) {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add(page("/en/p" + i + "/", "a"));
        }
        var index = new LanguageIndex(SEARCH, pages, false);
        for (int i = 0; i < count; i++) {
            index.add(pages.get(i), blocks(text(i == 0 ? first + " " + words : words)));
        }
        return index.files();
    }

    @Test
    void aTermsFileTakesTermsWhileTheirPostingsStayWithinItsLength() {
        // "[\"aa\",\"01\"" is 10 characters; bb's postings on 15,995 pages ("01" then "11"s) bring it to exactly 32,000.
        var files = onEveryPage(15_995, "aa", "bb ww xx yy");
        assertEquals(LanguageIndex.TERMS_FILE - 10, weights(files).get("bb").length());
        Map<String, JsonNode> data = byName(files);
        assertEquals(List.of("aa", "ww", "xx", "yy"), strings(data.get("meta").get("terms")));
        assertEquals(List.of(0, 2, 3, 4), ints(data.get("meta").get("termNumbers")));
        assertEquals(4, data.get("terms-0").size(), "aa and bb");
        // On one more page bb leaves for a file of its own.
        files = onEveryPage(15_996, "aa", "bb ww xx yy");
        data = byName(files);
        assertEquals(List.of("aa", "bb", "ww", "xx", "yy"), strings(data.get("meta").get("terms")));
        assertEquals(List.of(0, 1, 2, 3, 4), ints(data.get("meta").get("termNumbers")));
        assertEquals(15_996, terms(files).get("bb").size());
    }

    @Test
    void aTermWhosePostingsAreLargerThanAFileIsAFileOfItsOwnEvenTheFirst() {
        var files = onEveryPage(20_000, "", "aa bb xx");
        assertEquals(40_000, weights(files).get("aa").length());
        Map<String, JsonNode> data = byName(files);
        assertEquals(List.of("meta", "terms-0", "terms-1", "terms-2"), names(files).subList(0, 4));
        assertEquals(List.of("aa", "bb", "xx"), strings(data.get("meta").get("terms")));
        assertEquals(List.of(0, 1, 2), ints(data.get("meta").get("termNumbers")));
        assertEquals(2, data.get("terms-0").size());
    }

    // ---- splitting the positions ----

    /**
     * One page whose title is a stop word ("a" at 0, so the text starts at 2): "aa" once, then {@code bb}
     * times "bb", then {@code ww} times "ww". Positions: "aa" is 1, 2 (2 characters); "bb" is its count
     * (3 characters from 1,024 to 32,767), 3, then 1s: bb + 3 characters; "ww" likewise, its count in 4
     * characters from 32,768 and its first place in 3 (or 1 without bb): ww + 6 (ww + 4).
     */
    private static List<OutputFile.Generated> oneLargePage(int bb, int ww) {
        var text = new StringBuilder("aa");
        text.append(" bb".repeat(bb)).append(" ww".repeat(ww));
        return single(page("/en/large/", "a"), blocks(text(text.toString())));
    }

    private static int positionsLength(List<OutputFile.Generated> files) {
        return positions(files).values().stream().mapToInt(String::length).sum();
    }

    @Test
    void positionsOfUpToOneFilesLengthAreOneFile() {
        var files = oneLargePage(0, 99_994);
        assertEquals(LanguageIndex.ONE_FILE, positionsLength(files), "2 + 99,994 + 4");
        assertEquals(List.of("meta", "terms-0", "positions-0", "texts-0"), names(files));
        assertEquals(List.of(0), ints(byName(files).get("meta").get("positions")));
        assertEquals(99_994, terms(files).get("ww").get(0).positions().size());
    }

    @Test
    void positionsOfMoreThanOneFilesLengthAreSplitAndMetaNumbersTheFirstTermOfEach() {
        var files = oneLargePage(0, 99_995);
        assertEquals(LanguageIndex.ONE_FILE + 1, positionsLength(files));
        assertEquals(List.of("meta", "terms-0", "positions-0", "positions-1", "texts-0"), names(files));
        Map<String, JsonNode> data = byName(files);
        assertEquals(List.of(0, 1), ints(data.get("meta").get("positions")));
        assertEquals("[\"12\"]", data.get("positions-0").toString(), "aa");
        assertEquals(1, data.get("positions-1").size(), "ww");
        assertEquals(List.of("aa"), strings(data.get("meta").get("terms")), "the terms themselves are one file");
        assertEquals(99_995, terms(files).get("ww").get(0).positions().size());
    }

    @Test
    void aPositionsFileTakesTermsWhileTheyStayWithinItsLength() {
        // "[\"12\"" is 5 characters; bb's positions of 31,995 bring it to exactly 32,000: they stay.
        var files = oneLargePage(31_992, 70_000);
        Map<String, String> positions = positions(files);
        assertEquals(LanguageIndex.POSITIONS_FILE - 5, positions.get("bb").length());
        assertEquals(70_006, positions.get("ww").length());
        Map<String, JsonNode> data = byName(files);
        assertEquals(List.of("meta", "terms-0", "positions-0", "positions-1", "texts-0"), names(files));
        assertEquals(List.of(0, 2), ints(data.get("meta").get("positions")));
        assertEquals(2, data.get("positions-0").size(), "aa and bb");
        // One more bb and they leave for a file of their own.
        files = oneLargePage(31_993, 70_000);
        assertEquals(List.of("meta", "terms-0", "positions-0", "positions-1", "positions-2", "texts-0"), names(files));
        assertEquals(List.of(0, 1, 2), ints(byName(files).get("meta").get("positions")));
        assertEquals(31_993, terms(files).get("bb").get(0).positions().size());
    }

    @Test
    void aTermWithMorePositionsThanAFileHoldsIsAFileOfItsOwn() {
        // "aa" (the first term) has positions of more than 70,000 characters, "ww" of more than 40,000.
        var files = single(page("/en/large/", "a"), blocks(text("aa ".repeat(70_000) + "ww ".repeat(40_000))));
        assertEquals(List.of("meta", "terms-0", "positions-0", "positions-1", "texts-0"), names(files));
        Map<String, JsonNode> data = byName(files);
        assertEquals(List.of("aa"), strings(data.get("meta").get("terms")), "the terms themselves are one file");
        assertEquals(List.of(0, 1), ints(data.get("meta").get("positions")));
        assertEquals(1, data.get("positions-0").size());
        assertEquals(1, data.get("positions-1").size());
        assertEquals(40_000, terms(files).get("ww").get(0).positions().size());
    }

    // ---- splitting the texts ----

    /**
     * Page {@code i} of a texts test: its entry ["en/pNNN/","Page NNN","",["","TEXT"]] is 34 characters
     * and its text's.
     */
    private static Page numbered(int i) {
        String n = String.format("%03d", i);
        return page("/en/p" + n + "/", "Page " + n);
    }

    private static PageText filler(int length) {
        return blocks(text("lorem ".repeat(60).substring(0, length)));
    }

    private static List<Page> numberedPages(int count) {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add(numbered(i));
        }
        return pages;
    }

    private static List<String> addresses(Map<String, JsonNode> data, String file) {
        List<String> out = new ArrayList<>();
        data.get(file).forEach(entry -> out.add(entry.get(0).asText()));
        return out;
    }

    @Test
    void textsOfUpToOneFilesLengthAreOneFileMadeAtTheEnd() {
        // 318 entries of 34 + 280 and one of 34 + 114: 100,000 characters
        List<Page> pages = numberedPages(319);
        var index = new LanguageIndex(SEARCH, pages, false);
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(List.of(), index.add(pages.get(i), filler(i == 318 ? 114 : 280)), "page " + i);
        }
        List<OutputFile.Generated> files = index.files();
        assertEquals(List.of("meta", "terms-0", "positions-0", "texts-0"), names(files));
        Map<String, JsonNode> data = byName(files);
        assertEquals(319, data.get("texts-0").size());
        assertEquals(List.of(0), ints(data.get("meta").get("texts")));
        String texts = new String(files.get(3).bytes(), StandardCharsets.UTF_8);
        assertEquals("[\"en/p000/\",\"Page 000\",\"\",[\"\",\"" + "lorem ".repeat(60).substring(0, 280) + "\"]]",
                texts.substring(texts.indexOf('[') + 1, texts.indexOf(']') + 2), "an entry of 314 characters");
    }

    @Test
    void textsOfMoreThanOneFilesLengthAreSplitAndAnEntryThatFillsAFileExactlyStaysInIt() {
        // 318 entries of 314 and, 51st, one of 250: 100,102 characters, more than one file's.
        // A file "[e0,…,e49" is 50 × 315 = 15,750 characters: with ",e50" it has 16,001, so e50 (16,000 with
        // the file before it) stays and e51 starts the next; then 50 entries a file.
        List<Page> pages = numberedPages(319);
        var index = new LanguageIndex(SEARCH, pages, false);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            List<String> now = names(index.add(pages.get(i), filler(i == 50 ? 216 : 280)));
            if (i < 318) {
                assertEquals(List.of(), now, "nothing before the texts come to more than one file: page " + i);
            }
            made.addAll(now);
        }
        assertEquals(List.of("texts-0", "texts-1", "texts-2", "texts-3", "texts-4", "texts-5"), made);
        List<OutputFile.Generated> files = index.files();
        assertEquals(List.of("meta", "terms-0", "positions-0", "texts-6"), names(files));
        Map<String, JsonNode> data = byName(files);
        assertEquals(List.of(0, 51, 101, 151, 201, 251, 301), ints(data.get("meta").get("texts")));
        assertEquals(List.of("en/p301/", "en/p318/"), List.of(addresses(data, "texts-6").get(0), addresses(data, "texts-6").get(17)));
        assertEquals(18, data.get("texts-6").size());
    }

    @Test
    void aTextsEntryLargerThanAFileIsAFileOfItsOwn() {
        // Pages of 120 blocks, each block with its own anchor: entries of about 35,000 characters, so
        // the texts come to more than one file's length with the third page.
        List<Page> pages = numberedPages(5);
        List<Written> many = new ArrayList<>();
        for (int b = 0; b < 120; b++) {
            many.add(new Written("b" + b, false, "lorem ".repeat(60).substring(0, 280)));
        }
        var index = new LanguageIndex(SEARCH, pages, false);
        List<List<String>> made = new ArrayList<>();
        for (Page page : pages) {
            made.add(names(index.add(page, blocks(many))));
        }
        assertEquals(List.of(List.of(), List.of(), List.of("texts-0", "texts-1"), List.of("texts-2"), List.of("texts-3")), made);
        List<OutputFile.Generated> files = index.files();
        assertEquals(List.of("meta", "terms-0", "positions-0", "texts-4"), names(files));
        assertEquals(List.of(0, 1, 2, 3, 4), ints(byName(files).get("meta").get("texts")));
        assertEquals(1, byName(files).get("texts-4").size());
    }

    @Test
    void textsFilesLeaveInPageOrderAsSoonAsTheirPagesAreIn() {
        // 500 entries of 314: once past 100,000 characters (the 319th), files of 50 entries.
        List<Page> pages = numberedPages(500);
        var index = new LanguageIndex(SEARCH, pages, false);
        List<OutputFile.Generated> made = new ArrayList<>();
        Map<Integer, List<String>> madeBy = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i <= 318; i++) {
            order.add(i);
        }
        for (int i = 360; i < 500; i++) { // pages from another thread, ahead of 319–359
            order.add(i);
        }
        for (int i = 319; i < 360; i++) {
            order.add(i);
        }
        for (int i : order) {
            List<OutputFile.Generated> now = index.add(pages.get(i), filler(280));
            made.addAll(now);
            if (!now.isEmpty()) {
                madeBy.put(i, names(now));
            }
        }
        assertEquals(Map.of(
                318, List.of("texts-0", "texts-1", "texts-2", "texts-3", "texts-4", "texts-5"),
                350, List.of("texts-6"), // 300–349, once 350 does not fit
                359, List.of("texts-7", "texts-8")), madeBy); // 359 lets 360–499 in: 350–399 and 400–449
        List<OutputFile.Generated> rest = index.files();
        assertEquals(List.of("meta", "terms-0", "positions-0", "texts-9"), names(rest));
        made.add(rest.get(3));
        Map<String, JsonNode> data = byName(made);
        List<String> all = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            List<String> inFile = addresses(data, "texts-" + f);
            assertEquals(50, inFile.size());
            assertEquals("en/p" + String.format("%03d", 50 * f) + "/", inFile.get(0));
            all.addAll(inFile);
        }
        assertEquals(pages.stream().map(p -> p.url().substring(1)).toList(), all);
        assertEquals(List.of(0, 50, 100, 150, 200, 250, 300, 350, 400, 450), ints(byName(rest).get("meta").get("texts")));
    }
}
