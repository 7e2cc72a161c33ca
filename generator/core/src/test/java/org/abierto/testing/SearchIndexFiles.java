package org.abierto.testing;

import org.abierto.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A language's search index as written beside its search page, read the way the browser's script
 * reads it (an independent reading of the format documented in org.abierto.search.LanguageIndex).
 */
public final class SearchIndexFiles {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVwxyzWXYZ-_";

    public final Map<String, Object> meta;
    /** term → its postings, decoded. */
    public final Map<String, List<Posting>> terms = new LinkedHashMap<>();
    /** page number → [address, title, section, [anchor, text, …]]. */
    public final List<List<Object>> texts = new ArrayList<>();
    /** The files, by name (meta, terms-0, …). */
    public final List<String> files = new ArrayList<>();

    /** One page's part of a term's postings. */
    public record Posting(int page, int weight, List<Integer> positions) {
    }

    @SuppressWarnings("unchecked")
    public SearchIndexFiles(Path folder) {
        meta = (Map<String, Object>) data(folder, "meta");
        files.add("meta");
        List<String> firstTerms = (List<String>) meta.get("terms");
        List<Integer> termNumbers = (List<Integer>) meta.get("termNumbers");
        Map<String, String> weights = new LinkedHashMap<>();
        for (int i = 0; i < firstTerms.size(); i++) {
            List<String> chunk = (List<String>) data(folder, "terms-" + i);
            files.add("terms-" + i);
            if (!chunk.get(0).equals(firstTerms.get(i)) || termNumbers.get(i) != weights.size()) {
                throw new IllegalStateException("terms-" + i + " starts with " + chunk.get(0) + ", term " + weights.size()
                        + "; meta says " + firstTerms.get(i) + ", term " + termNumbers.get(i));
            }
            for (int k = 0; k < chunk.size(); k += 2) {
                weights.put(chunk.get(k), chunk.get(k + 1));
            }
        }
        List<Integer> firstPlaced = (List<Integer>) meta.get("positions");
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < firstPlaced.size(); i++) {
            if (firstPlaced.get(i) != positions.size()) {
                throw new IllegalStateException("positions-" + i + " starts at term " + positions.size() + ", meta says " + firstPlaced.get(i));
            }
            positions.addAll((List<String>) data(folder, "positions-" + i));
            files.add("positions-" + i);
        }
        if (positions.size() != weights.size()) {
            throw new IllegalStateException(weights.size() + " terms, positions of " + positions.size());
        }
        int number = 0;
        for (var term : weights.entrySet()) {
            terms.put(term.getKey(), postings(term.getValue(), positions.get(number++)));
        }
        List<Integer> firstPages = (List<Integer>) meta.get("texts");
        for (int i = 0; i < firstPages.size(); i++) {
            if (texts.size() != firstPages.get(i)) {
                throw new IllegalStateException("texts-" + i + " starts at page " + firstPages.get(i) + ", not " + texts.size());
            }
            texts.addAll((List<List<Object>>) data(folder, "texts-" + i));
            files.add("texts-" + i);
        }
    }

    private static Object data(Path folder, String name) {
        try {
            String text = Files.readString(folder.resolve(name + ".js"), StandardCharsets.UTF_8);
            String head = "abiertoSearch.add(\"" + name + "\",";
            if (!text.startsWith(head) || !text.endsWith(");\n")) {
                throw new IllegalStateException(name + ".js is not one call of abiertoSearch.add: " + text.substring(0, Math.min(80, text.length())));
            }
            return Json.read(text.substring(head.length(), text.length() - 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> numbers(String encoded) {
        List<Integer> numbers = new ArrayList<>();
        int n = 0;
        for (char c : encoded.toCharArray()) {
            int d = ALPHABET.indexOf(c);
            n = n * 32 + (d & 31);
            if (d < 32) {
                numbers.add(n);
                n = 0;
            }
        }
        return numbers;
    }

    /** A term's postings (page, weight) with its positions (count, places) for each of those pages. */
    private static List<Posting> postings(String weights, String places) {
        List<Integer> numbers = numbers(weights);
        List<Integer> at = numbers(places);
        List<Posting> postings = new ArrayList<>();
        int page = 0;
        int next = 0;
        for (int i = 0; i < numbers.size(); i += 2) {
            page = postings.isEmpty() ? numbers.get(i) : page + numbers.get(i);
            int count = at.get(next++);
            List<Integer> positions = new ArrayList<>();
            int p = 0;
            for (int k = 0; k < count; k++) {
                positions.add(p += at.get(next++));
            }
            postings.add(new Posting(page, numbers.get(i + 1), positions));
        }
        if (next != at.size()) {
            throw new IllegalStateException("positions for " + postings.size() + " pages and " + (at.size() - next) + " numbers more");
        }
        return postings;
    }

    /** The address of a page number. */
    public String address(int page) {
        return (String) texts.get(page).get(0);
    }

    /** The addresses of the pages that have a term, in page order. */
    public List<String> pages(String term) {
        return terms.getOrDefault(term, List.of()).stream().map(p -> address(p.page())).toList();
    }

    /** A term's posting in the page at an address, or null. */
    public Posting posting(String term, String address) {
        return terms.getOrDefault(term, List.of()).stream().filter(p -> address(p.page()).equals(address)).findFirst().orElse(null);
    }

    /** The pages where the terms occur one right after the other. */
    public List<String> phrase(String... phrase) {
        List<String> found = new ArrayList<>();
        for (Posting first : terms.getOrDefault(phrase[0], List.of())) {
            for (int start : first.positions()) {
                boolean all = true;
                for (int k = 1; k < phrase.length && all; k++) {
                    Posting next = posting(phrase[k], address(first.page()));
                    all = next != null && next.positions().contains(start + k);
                }
                if (all) {
                    found.add(address(first.page()));
                    break;
                }
            }
        }
        return found;
    }

    /** A page's blocks as "anchor: text" lines. */
    @SuppressWarnings("unchecked")
    public List<String> blocks(String address) {
        for (List<Object> entry : texts) {
            if (entry.get(0).equals(address)) {
                List<String> blocks = (List<String>) entry.get(3);
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < blocks.size(); i += 2) {
                    lines.add(blocks.get(i) + ": " + blocks.get(i + 1));
                }
                return lines;
            }
        }
        throw new IllegalArgumentException("no page " + address + " in the index");
    }
}
