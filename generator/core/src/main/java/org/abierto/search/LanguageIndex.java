package org.abierto.search;

import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search index of one language, written beside its search page as JavaScript files that each
 * hand their data to the page's script: {@code abiertoSearch.add(NAME, DATA);}. Scripts rather than
 * JSON so that search also works on a copy opened from disk (browsers refuse {@code fetch} of
 * {@code file:} addresses) and under a Content-Security-Policy that allows only the site's own scripts.
 *
 * <ul>
 *   <li>{@code meta.js}: how to read the rest — the way back to the site's root, whether addresses name
 *       {@code index.html}, the stemmer, the stop words, the number of pages, the first term of each
 *       {@code terms-N.js} and its number in the order of the terms, the number of the first term of each
 *       {@code positions-N.js}, and the first page of each {@code texts-N.js}.</li>
 *   <li>{@code terms-N.js}: terms in order, each followed by its postings ({@link Numbers}): for each
 *       page that has it, the page (as the difference from the previous one) and its weight.</li>
 *   <li>{@code positions-N.js}: for each term, in the same order, where it occurs in each of its pages
 *       (in the order of its postings): how many times, then each place as the difference from the
 *       previous one. Only a phrase needs them, and for a frequent word they are most of its size: a
 *       query of words loads none.</li>
 *   <li>{@code texts-N.js}: pages in order, each as [address, title, section, [anchor, text, …]], to show
 *       a result and its snippet; the text of blocks with the same anchor is joined by a line break.
 *       Only the start of each block ({@value #WINDOW} characters, about the 30 words a snippet shows):
 *       the terms find a page by all its text, the texts only show it.</li>
 * </ul>
 *
 * A small index is one file of each kind; a large one is split so that a query loads only the terms it
 * names (and for a phrase their positions) and the texts of the results shown. The texts files of a large index are made as their pages
 * come in (in order: a file once all its pages are in), so that a build does not hold them all; the
 * terms files need every page, and come at the end.
 */
final class LanguageIndex {
    /** Below this many characters in all, terms (or positions, or texts) are one file. */
    static final int ONE_FILE = 100_000;
    /** Above it, files of about this many characters: one term's postings may make a file larger. */
    static final int TERMS_FILE = 32_000;
    static final int POSITIONS_FILE = 32_000;
    static final int TEXTS_FILE = 16_000;
    /** The characters of a block kept for its snippet: a snippet shows about 30 words from shortly before the first match. */
    static final int WINDOW = 280;
    /** Acronyms written apart ("INFO NL") are also found written together ("infonl"): words of at most this many capitals. */
    static final int ACRONYM = 6;

    /** The weight of a term in a page: presence in the title above any number of headings, headings above text. */
    static final int TITLE = 64;
    static final int HEADING = 16;
    static final int MAX_HEADINGS = 3;
    static final int MAX_TEXT = 15;

    private final Page searchPage;
    private final boolean portable;
    private final Terms terms;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Doc[] docs;
    private final Map<String, Integer> termIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextTerm = new AtomicInteger();
    /** Each word as written met so far, and what it becomes ({@link #word}). */
    private final Map<String, Word> words = new ConcurrentHashMap<>();
    private final ThreadLocal<RecentWords> recentWords = ThreadLocal.withInitial(RecentWords::new);
    /** The texts files, made in page order as the pages come in (guarded by itself). */
    private final Texts texts;

    /**
     * A page once indexed, held until every page is in: for each of its terms, its weight, and the part
     * of that term's positions it adds (count, places), one after the other in {@code places}, where
     * each part's end is read back ({@link Numbers#listEnd}). Weights in bytes and no array of ends: at
     * 20,000 pages the pages' terms were the largest thing a build held, and the collector's work grows
     * with it.
     */
    private record Doc(int[] terms, byte[] weights, String places) {
    }

    /** A term's occurrences in one page, by field, and its positions. */
    private static final class Hits {
        final int term;
        int title;
        int headings;
        int text;
        int[] positions = new int[4];
        int count;

        Hits(int term) {
            this.term = term;
        }

        void add(Field field, int position) {
            switch (field) {
                case TITLE -> title++;
                case HEADING -> headings++;
                case TEXT -> text++;
            }
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
            }
            positions[count++] = position;
        }

        int weight() {
            return (title > 0 ? TITLE : 0) + HEADING * Math.min(headings, MAX_HEADINGS) + Math.min(text, MAX_TEXT);
        }
    }

    private enum Field { TITLE, HEADING, TEXT }

    /**
     * The terms of one page as it is indexed, by term number: open addressing over ints, where a map of
     * strings hashed and compared every term of every word.
     */
    private static final class PageHits {
        private int[] slots = new int[256]; // index in hits + 1; 0 is empty
        Hits[] hits = new Hits[128];
        int size;

        Hits of(int term) {
            int mask = slots.length - 1;
            for (int slot = mix(term) & mask; ; slot = (slot + 1) & mask) {
                int at = slots[slot];
                if (at == 0) {
                    break;
                }
                if (hits[at - 1].term == term) {
                    return hits[at - 1];
                }
            }
            if (size == hits.length) {
                hits = Arrays.copyOf(hits, size * 2);
                slots = new int[slots.length * 2];
                for (int i = 0; i < size; i++) {
                    place(hits[i].term, i);
                }
            }
            Hits h = new Hits(term);
            hits[size] = h;
            place(term, size++);
            return h;
        }

        private void place(int term, int index) {
            int mask = slots.length - 1;
            int slot = mix(term) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }

        private static int mix(int term) {
            return term * 0x9E3779B9 >>> 7;
        }
    }

    /**
     * The words this thread met last, in a small table that stays in the processor's cache: a word is
     * looked up by the hash its characters were cut with ({@link Terms#words(char[], int, int,
     * Terms.HashedWordConsumer)}), with no string made for it, and the build's map of every word (tens of
     * thousands, mostly out of cache) is read only on a miss. Static, so that a thread that outlives the build does
     * not keep its index through this table.
     */
    private static final class RecentWords {
        private static final int SIZE = 4096;
        /** Each slot's word: its hash, looked at first, so that another word is told apart without reading its characters. */
        private final int[] hashes = new int[SIZE];
        private final char[][] keys = new char[SIZE][];
        private final Word[] values = new Word[SIZE];

        /** The word {@code text[start, end)}, whose {@link String#hashCode} is {@code hash}. */
        Word word(LanguageIndex index, char[] text, int start, int end, int hash) {
            int slot = (hash ^ (hash >>> 12)) & (SIZE - 1);
            char[] key;
            if (hashes[slot] == hash && (key = keys[slot]) != null && key.length == end - start) {
                int i = 0;
                while (i < key.length && key[i] == text[start + i]) { // a plain loop: C1 has no intrinsic for Arrays.equals
                    i++;
                }
                if (i == key.length) {
                    return values[slot];
                }
            }
            Word word = index.word(new String(text, start, end - start));
            hashes[slot] = hash;
            keys[slot] = Arrays.copyOfRange(text, start, end);
            values[slot] = word;
            return word;
        }
    }

    /**
     * @param searchPage the language's search page, beside which the files are written
     * @param pages      the pages to index, in reading order (their number in the index)
     * @param portable   whether the site is built without its address, its links naming {@code index.html}
     */
    LanguageIndex(Page searchPage, List<Page> pages, boolean portable) {
        this.searchPage = searchPage;
        this.portable = portable;
        this.terms = Terms.of(searchPage.language());
        for (Page page : pages) {
            ids.put(page.url(), ids.size());
        }
        this.docs = new Doc[pages.size()];
        this.texts = new Texts(pages.size());
    }

    /**
     * Indexes one page. Thread-safe: each page has its own slot.
     *
     * @return the texts files this page completes (often none), to be written now
     */
    List<OutputFile.Generated> add(Page page, PageText text) {
        Integer id = ids.get(page.url());
        if (id == null) {
            return List.of();
        }
        PageHits hits = new PageHits();
        int[] position = {0};
        RecentWords recent = recentWords.get();
        field(page.title().toCharArray(), 0, page.title().length(), Field.TITLE, hits, recent, position);
        if (page.description() != null) {
            field(page.description().toCharArray(), 0, page.description().length(), Field.HEADING, hits, recent, position);
        }
        for (PageText.Block block : text.blocks()) {
            field(text.chars(), block.start(), block.end(), block.heading() ? Field.HEADING : Field.TEXT, hits, recent, position);
        }
        int[] termsOfDoc = new int[hits.size];
        byte[] weights = new byte[hits.size];
        var places = new StringBuilder(2 * position[0] + 16);
        for (int i = 0; i < hits.size; i++) {
            Hits h = hits.hits[i];
            termsOfDoc[i] = h.term;
            weights[i] = (byte) h.weight(); // at most 64 + 3 × 16 + 15
            Numbers.write(places, h.count);
            int previous = 0;
            for (int p = 0; p < h.count; p++) {
                Numbers.write(places, h.positions[p] - previous);
                previous = h.positions[p];
            }
        }
        docs[id] = new Doc(termsOfDoc, weights, places.toString());
        String entry = entry(page, text);
        synchronized (texts) {
            return texts.add(id, entry);
        }
    }

    /**
     * The terms of one field at the next positions. A phrase cannot cross fields or blocks: each ends
     * with a position no word takes.
     */
    private void field(char[] chars, int from, int to, Field field, PageHits hits, RecentWords recent, int[] position) {
        String[] previousAcronym = {null};
        int[] previousPosition = {-1};
        Terms.words(chars, from, to, (start, end, hash) -> {
            Word word = recent.word(this, chars, start, end, hash);
            String acronym = word.acronym() ? word.folded() : null;
            if (acronym != null && previousAcronym[0] != null && previousPosition[0] == position[0] - 1) {
                hits.of(termId(terms.stem(previousAcronym[0] + acronym))).add(field, previousPosition[0]);
            }
            previousAcronym[0] = acronym;
            previousPosition[0] = position[0];
            for (int term : word.terms()) {
                if (term >= 0) {
                    hits.of(term).add(field, position[0]);
                }
                position[0]++;
            }
        });
        position[0]++;
    }

    /** The number of a term in this index, given when the term is first met. */
    private int termId(String term) {
        Integer known = termIds.get(term); // a plain read: computeIfAbsent locks the term's bin
        return known != null ? known : termIds.computeIfAbsent(term, k -> nextTerm.getAndIncrement());
    }

    /**
     * What a word as written becomes: folded, whether it is an acronym, and the term number of each word
     * its folding leaves (-1 for a stop word, which keeps its place). Most words of a site recur, and
     * {@link #words} keeps each once per build, so a word is folded and stemmed once.
     */
    private record Word(String folded, boolean acronym, int[] terms) {
    }

    private Word word(String original) {
        Word known = words.get(original); // a plain read: computeIfAbsent would lock the bin of a word every thread meets
        if (known != null) {
            return known;
        }
        String folded = Terms.fold(original);
        List<String> parts = new ArrayList<>(1);
        if (Terms.isPlainWord(folded)) { // the common case: folding left one word of a–z and 0–9
            parts.add(folded);
        } else {
            Terms.words(folded, false, (s, e) -> parts.add(folded.substring(s, e)));
        }
        int[] termsOfWord = new int[parts.size()];
        for (int i = 0; i < termsOfWord.length; i++) {
            termsOfWord[i] = terms.isStopWord(parts.get(i)) ? -1 : termId(terms.stem(parts.get(i)));
        }
        Word word = new Word(folded, isAcronym(original), termsOfWord);
        Word raced = words.putIfAbsent(original, word);
        return raced != null ? raced : word;
    }

    private static boolean isAcronym(String word) {
        if (word.length() < 2 || word.length() > ACRONYM) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isUpperCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A page's entry in {@code texts-N.js}: [address, title, section, [anchor, text, …]]. Blocks under the
     * same anchor as the one before join its text, after a line break.
     */
    private static String entry(Page page, PageText text) {
        int length = 64 + page.url().length() + page.title().length();
        for (PageText.Block block : text.blocks()) {
            length += Math.min(block.end() - block.start(), WINDOW + 2) + block.anchor().length() + 6;
        }
        var out = new StringBuilder(length);
        out.append('[');
        JsonText.string(out, page.url().substring(1));
        out.append(',');
        JsonText.string(out, page.title());
        out.append(',');
        List<String> path = new ArrayList<>();
        List<PageRef> ancestors = page.ancestors();
        for (int i = 1; i < ancestors.size(); i++) { // the home page is where every page is
            path.add(ancestors.get(i).linkTitle());
        }
        JsonText.string(out, String.join(" › ", path));
        out.append(",[");
        String anchor = null; // the anchor whose text is being written
        if (page.description() != null) {
            anchor = "";
            out.append("\"\",\"");
            String description = page.description();
            window(out, description.toCharArray(), 0, description.length());
        }
        for (PageText.Block block : text.blocks()) {
            if (anchor != null && anchor.equals(block.anchor())) {
                out.append("\\n");
            } else {
                if (anchor != null) {
                    out.append("\",");
                }
                anchor = block.anchor();
                JsonText.string(out, anchor);
                out.append(",\"");
            }
            window(out, text.chars(), block.start(), block.end());
        }
        if (anchor != null) {
            out.append('"');
        }
        return out.append("]]").toString();
    }

    /** The start of a block's text, cut after a word, and "…" when it goes on. */
    static String window(String text) {
        int end = windowEnd(text.toCharArray(), 0, text.length());
        return end == text.length() ? text : text.substring(0, end) + " …";
    }

    /** Writes the start of {@code text[from, to)} into a JSON string, as {@link #window(String)} cuts it. */
    private static void window(StringBuilder out, char[] text, int from, int to) {
        int end = windowEnd(text, from, to);
        JsonText.chars(out, text, from, end);
        if (end < to) {
            out.append(" …");
        }
    }

    /** Where the start of {@code text[from, to)} kept for a snippet ends: {@code to} when it is kept whole. */
    private static int windowEnd(char[] text, int from, int to) {
        if (to - from <= WINDOW) {
            return to;
        }
        int end = from + WINDOW;
        while (end > from + WINDOW / 2 && Character.isLetterOrDigit(text[end])) {
            end--; // not inside a word: a snippet would show half of it
        }
        if (Character.isLowSurrogate(text[end])) {
            end--;
        }
        while (end > from && Character.isWhitespace(Character.codePointBefore(text, end, from))) { // as String.stripTrailing
            end -= Character.charCount(Character.codePointBefore(text, end, from));
        }
        return end;
    }

    /** The index's files not made yet (terms, positions, the last texts, {@code meta.js}), once every page is added. */
    List<OutputFile.Generated> files() {
        String[] names = new String[nextTerm.get()];
        termIds.forEach((term, id) -> names[id] = term);
        // The terms in order, then their numbers: strings sorted as they are, not numbers by a comparator
        // that looks up both strings at every comparison.
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        int[] order = new int[sorted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = termIds.get(sorted[i]);
        }

        StringBuilder[] postings = new StringBuilder[names.length];
        StringBuilder[] places = new StringBuilder[names.length];
        int[] lastDoc = new int[names.length];
        Arrays.fill(lastDoc, -1);
        for (int d = 0; d < docs.length; d++) {
            Doc doc = docs[d];
            if (doc == null) {
                continue; // a page whose check failed: the build stops anyway
            }
            docs[d] = null; // in the terms' postings now
            int from = 0;
            for (int t = 0; t < doc.terms().length; t++) {
                int term = doc.terms()[t];
                if (postings[term] == null) {
                    postings[term] = new StringBuilder();
                    places[term] = new StringBuilder();
                }
                Numbers.write(postings[term], lastDoc[term] < 0 ? d : d - lastDoc[term]);
                Numbers.write(postings[term], doc.weights()[t]);
                lastDoc[term] = d;
                int end = Numbers.listEnd(doc.places(), from);
                places[term].append(doc.places(), from, end);
                from = end;
            }
        }

        List<OutputFile.Generated> files = new ArrayList<>();
        List<String> firstTerms = new ArrayList<>();
        List<Integer> termNumbers = new ArrayList<>();
        var termsFiles = new Chunks("terms", limit(postings, TERMS_FILE));
        for (int n = 0; n < order.length; n++) {
            int t = order[n];
            StringBuilder chunk = termsFiles.next(postings[t].length(), files);
            if (chunk.length() == 1) {
                firstTerms.add(names[t]);
                termNumbers.add(n);
            }
            JsonText.string(chunk, names[t]);
            chunk.append(",\"").append(postings[t]).append('"');
        }
        termsFiles.end(files);

        List<Integer> firstPlaced = new ArrayList<>();
        var positionsFiles = new Chunks("positions", limit(places, POSITIONS_FILE));
        for (int n = 0; n < order.length; n++) {
            StringBuilder p = places[order[n]];
            StringBuilder chunk = positionsFiles.next(p.length(), files);
            if (chunk.length() == 1) {
                firstPlaced.add(n);
            }
            chunk.append('"').append(p).append('"');
            places[order[n]] = null;
        }
        positionsFiles.end(files);

        List<Integer> firstDocs;
        synchronized (texts) {
            files.addAll(texts.rest());
            firstDocs = texts.firstDocs;
        }
        files.add(0, file("meta", meta(firstTerms, termNumbers, firstPlaced, firstDocs)));
        return files;
    }

    /** No limit when the texts in all fit {@link #ONE_FILE}, else {@code split}. */
    private static int limit(StringBuilder[] texts, int split) {
        long total = 0;
        for (StringBuilder text : texts) {
            total += text.length();
        }
        return total <= ONE_FILE ? Integer.MAX_VALUE : split;
    }

    /**
     * The pages' entries made into {@code texts-N.js} files in page order: an entry waits until the pages
     * before it are in. Files of about {@value #TEXTS_FILE} characters once the entries come to more than
     * {@value #ONE_FILE}, else one file at the end: the same files as if all were made at the end.
     */
    private final class Texts {
        /** The entries in, not yet in a file: those after {@code next}, and those of {@code files}' last. */
        private final String[] waiting;
        private int next;
        private long total;
        private boolean split;
        private Chunks files = new Chunks("texts", TEXTS_FILE);
        final List<Integer> firstDocs = new ArrayList<>();

        Texts(int pages) {
            waiting = new String[pages];
        }

        List<OutputFile.Generated> add(int doc, String entry) {
            waiting[doc] = entry;
            total += entry.length();
            split |= total > ONE_FILE;
            List<OutputFile.Generated> made = new ArrayList<>();
            while (split && next < waiting.length && waiting[next] != null) {
                append(waiting[next], made);
            }
            return made;
        }

        /** The files left, once every page is in: a page whose check failed is null (the build stops anyway). */
        List<OutputFile.Generated> rest() {
            List<OutputFile.Generated> made = new ArrayList<>();
            if (!split) {
                files = new Chunks("texts", Integer.MAX_VALUE);
            }
            while (next < waiting.length) {
                append(waiting[next] == null ? "null" : waiting[next], made);
            }
            files.end(made);
            return made;
        }

        private void append(String entry, List<OutputFile.Generated> made) {
            StringBuilder chunk = files.next(entry.length(), made);
            if (chunk.length() == 1) {
                firstDocs.add(next);
            }
            chunk.append(entry);
            waiting[next++] = null;
        }
    }

    /**
     * Entries gathered into the files {@code KIND-0.js}, {@code KIND-1.js}…, each a JSON array: an entry
     * goes to a new file when the file so far and its main part would come to more than the limit (so an
     * entry larger than the limit is a file of its own).
     */
    private final class Chunks {
        private final String kind;
        private final int limit;
        private StringBuilder chunk = new StringBuilder();
        private int count;

        Chunks(String kind, int limit) {
            this.kind = kind;
            this.limit = limit;
        }

        /**
         * The file the next entry is to be appended to, with the separator before it written (so "[" alone
         * when the entry starts a file); a full file goes to {@code made}.
         */
        StringBuilder next(int length, List<OutputFile.Generated> made) {
            if (chunk.length() > 0 && chunk.length() + length > limit) {
                end(made);
            }
            if (chunk.length() == 0) {
                count++;
                return chunk.append('[');
            }
            return chunk.append(',');
        }

        /** The last file, if it has an entry. */
        void end(List<OutputFile.Generated> made) {
            if (chunk.length() > 0) {
                made.add(file(kind + "-" + (count - 1), chunk.append(']')));
                chunk = new StringBuilder();
            }
        }
    }

    private StringBuilder meta(List<String> firstTerms, List<Integer> termNumbers, List<Integer> firstPlaced, List<Integer> firstDocs) {
        var out = new StringBuilder("{\"version\":2,\"root\":");
        JsonText.string(out, "../".repeat((int) searchPage.url().chars().filter(c -> c == '/').count() - 1));
        out.append(",\"portable\":").append(portable);
        out.append(",\"stemmer\":");
        JsonText.string(out, searchPage.language());
        out.append(",\"stop\":");
        JsonText.strings(out, terms.stopWords());
        out.append(",\"docs\":").append(docs.length);
        out.append(",\"terms\":");
        JsonText.strings(out, firstTerms);
        out.append(",\"termNumbers\":");
        JsonText.numbers(out, termNumbers);
        out.append(",\"positions\":");
        JsonText.numbers(out, firstPlaced);
        out.append(",\"texts\":");
        JsonText.numbers(out, firstDocs);
        return out.append('}');
    }

    private OutputFile.Generated file(String name, CharSequence data) {
        var text = new StringBuilder(data.length() + 40).append("abiertoSearch.add(");
        JsonText.string(text, name);
        text.append(',').append(data).append(");\n");
        return new OutputFile.Generated(folder(searchPage) + name + ".js", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Where the index of a search page's language is written: beside that page ({@code es/buscar/}). */
    static String folder(Page searchPage) {
        return searchPage.url().substring(1);
    }
}
