package org.abierto.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long a live-preview server takes to serve a page after its file is edited: starts the server
 * (any command: {@code abierto serve} or {@code hugo server}), waits for the first build, then edits
 * pages one at a time — appending a paragraph with a word of its own — and asks for the page on
 * 127.0.0.1 until the word is there. The time is from the moment the write returns to the moment
 * the answer with the word is read. The edited files are put back as they were at the end.
 *
 * <pre>
 * java -cp generator/bench/target/classes org.abierto.bench.ServeLatency --content CORPUS/content --port 8181 \
 *     --edits 20 -- java -jar generator/cli/target/abierto.jar serve --content CORPUS/content --templates templates --port 8181
 * </pre>
 *
 * Prints one line per edit, then {@code median <ms>}, {@code p90 <ms>} and {@code max <ms>}. A page's
 * address is its path under the content folder without {@code .md}, ending in '/', which both
 * generators give the corpus' pages.
 */
public final class ServeLatency {
    private static final Duration FIRST_BUILD = Duration.ofMinutes(15);
    private static final Duration ONE_EDIT = Duration.ofSeconds(60);
    private static final int WARM_UP_EDITS = 3;

    private ServeLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        int separator = Arrays.asList(args).indexOf("--");
        if (separator < 0 || separator == args.length - 1) {
            usage();
        }
        for (int i = 0; i + 1 < separator; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path content = Path.of(required(options, "--content"));
        int port = Integer.parseInt(required(options, "--port"));
        int edits = Integer.parseInt(options.getOrDefault("--edits", "20"));
        // Asking too often takes CPU from the server being measured (two cores); every 5 ms costs under 5 ms of precision.
        long pollMillis = Long.parseLong(options.getOrDefault("--poll-ms", "5"));
        List<String> command = List.of(Arrays.copyOfRange(args, separator + 1, args.length));
        // In the temporary folder unless named: written into the working folder, it was once committed.
        Path log = options.containsKey("--log") ? Path.of(options.get("--log"))
                : java.nio.file.Files.createTempFile("serve-latency-", ".log");
        System.err.println("the server's log: " + log);

        List<Path> pages = pages(content);
        if (pages.size() < edits + WARM_UP_EDITS) {
            throw new IllegalArgumentException("the corpus has " + pages.size() + " pages; need " + (edits + WARM_UP_EDITS));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<Path, String> originals = new LinkedHashMap<>();
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long started = System.nanoTime();
            awaitFirstBuild(http, server, port, content, pages.get(0));
            System.out.printf(Locale.ROOT, "first build served after %.1f s%n", (System.nanoTime() - started) / 1e9);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < WARM_UP_EDITS + edits; i++) {
                // Pages spread over the whole corpus, never the same one twice.
                Path page = pages.get((int) ((long) i * 7919 % pages.size()));
                originals.putIfAbsent(page, Files.readString(page, StandardCharsets.UTF_8));
                String word = "abiertobench" + i + "x" + System.nanoTime();
                String text = Files.readString(page, StandardCharsets.UTF_8) + "\n" + word + "\n";
                Files.writeString(page, text, StandardCharsets.UTF_8);
                long written = System.nanoTime();
                double ms = awaitWord(http, server, port, address(content, page), word, written, pollMillis);
                if (i >= WARM_UP_EDITS) {
                    times.add(ms);
                    System.out.printf(Locale.ROOT, "edit %d: %s %.1f ms%n", i - WARM_UP_EDITS + 1, content.relativize(page), ms);
                }
                Thread.sleep(500); // let the server settle (livereload, a second build) before the next edit
            }
            times.sort(Double::compare);
            System.out.printf(Locale.ROOT, "median %.1f ms%np90 %.1f ms%nmax %.1f ms%n",
                    percentile(times, 50), percentile(times, 90), times.get(times.size() - 1));
        } finally {
            for (var original : originals.entrySet()) {
                Files.writeString(original.getKey(), original.getValue(), StandardCharsets.UTF_8);
            }
            server.destroy();
            if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /**
     * Every page in a folder of the content (a language's) but sections' {@code _index.md}, sorted: the
     * real report has too few pages in one language for 3 + 20 edits, and a file at the top of the
     * content ({@code README.md}) is no page.
     */
    private static List<Path> pages(Path content) throws IOException {
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().startsWith("_")
                    && content.relativize(f).getNameCount() > 1).sorted().toList();
        }
    }

    private static String address(Path content, Path page) {
        String path = content.relativize(page).toString().replace('\\', '/');
        return "/" + path.substring(0, path.length() - ".md".length()) + "/";
    }

    private static void awaitFirstBuild(HttpClient http, Process server, int port, Path content, Path page) throws Exception {
        long deadline = System.nanoTime() + FIRST_BUILD.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped (exit " + server.exitValue() + "); see its log");
            }
            if (status(http, port, address(content, page)) == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not serve " + address(content, page) + " within " + FIRST_BUILD);
    }

    /** Milliseconds from {@code written} until the page holds {@code word}. */
    private static double awaitWord(HttpClient http, Process server, int port, String address, String word, long written,
                                    long pollMillis) throws Exception {
        long deadline = written + ONE_EDIT.toNanos();
        while (System.nanoTime() < deadline) {
            String body = body(http, port, address);
            if (body != null && body.contains(word)) {
                return (System.nanoTime() - written) / 1e6;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped (exit " + server.exitValue() + "); see its log");
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException(address + " did not show the edit within " + ONE_EDIT);
    }

    private static int status(HttpClient http, int port, String address) {
        try {
            return http.send(request(port, address), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(HttpClient http, int port, String address) {
        try {
            HttpResponse<String> response = http.send(request(port, address), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static HttpRequest request(int port, String address) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + address)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    static double percentile(List<Double> sorted, int percent) {
        double rank = percent / 100.0 * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage();
        }
        return value;
    }

    private static void usage() {
        System.err.println("usage: ServeLatency --content DIR --port PORT [--edits N] [--poll-ms MS] [--log FILE] -- SERVER COMMAND…");
        System.exit(2);
    }
}
