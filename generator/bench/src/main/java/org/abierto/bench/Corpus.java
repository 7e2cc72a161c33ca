package org.abierto.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes a deterministic synthetic bilingual corpus for benchmarks: the same seed and page count
 * always give byte-identical files.
 *
 * <pre>
 * java -cp generator/bench/target/classes:generator/cli/target/abierto.jar org.abierto.bench.Corpus \
 *     --pages 1000 --out target/corpus/abierto [--hugo target/corpus/hugo] [--seed 8] [--i18n content/i18n]
 * </pre>
 *
 * {@code --pages} counts pages per language besides the home page and the section pages (one per
 * chapter of at most 100 pages, one per report of at most 10 chapters). {@code --out} receives an
 * Abierto content folder, {@code --hugo} the same corpus as a Hugo site. A folder that exists is
 * replaced only if this program wrote it.
 */
public final class Corpus {
    /** The seed of every published measurement. */
    public static final long DEFAULT_SEED = 8;
    /** The file that marks a folder as written by this program (top-level files are not content). */
    static final String MARKER = "CORPUS.txt";

    private Corpus() {
    }

    public static void main(String[] args) throws IOException {
        Integer pages = null;
        Path out = null;
        Path hugo = null;
        Path i18n = Path.of("content/i18n");
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--pages" -> pages = Integer.valueOf(required(args[i], value));
                case "--out" -> out = Path.of(required(args[i], value));
                case "--hugo" -> hugo = Path.of(required(args[i], value));
                case "--i18n" -> i18n = Path.of(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (pages == null || out == null) {
            usage("--pages and --out are required");
        }
        long started = System.nanoTime();
        write(new CorpusPlan(pages, seed), out, hugo, i18n);
        System.out.printf("Corpus of %d pages per language (seed %d) → %s%s in %.1f s%n", pages, seed, out,
                hugo == null ? "" : " and " + hugo, (System.nanoTime() - started) / 1e9);
    }

    /** Writes the corpus as Abierto content into {@code out} and, unless null, as a Hugo site into {@code hugo}. */
    static void write(CorpusPlan plan, Path out, Path hugo, Path i18n) throws IOException {
        String marker = "Written by org.abierto.bench.Corpus --pages " + plan.pages() + " --seed " + plan.seed()
                + ". Regenerate it rather than editing it.\n";
        replace(out);
        new AbiertoTree(plan, out).write(i18n);
        Files.writeString(out.resolve(MARKER), marker);
        if (hugo != null) {
            replace(hugo);
            new HugoTree(plan, hugo).write();
            Files.writeString(hugo.resolve(MARKER), marker);
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("corpus: " + problem);
        System.err.println("usage: Corpus --pages N --out DIR [--hugo DIR] [--seed S] [--i18n DIR]");
        System.exit(2);
    }

    /** Empties a folder this program wrote before; refuses any other non-empty folder. */
    private static void replace(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        boolean empty;
        try (var entries = Files.list(dir)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(dir.resolve(MARKER))) {
            throw new IOException("refusing to replace " + dir + ": it holds files this program did not write (no " + MARKER + ")");
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (!d.equals(dir)) {
                    Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
