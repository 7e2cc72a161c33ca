package org.abierto.check;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * The opt-in check of external links ({@code --check-external}): asks each address's server, a few
 * at a time and with a timeout, and remembers the answers that worked for a week in a cache file so
 * repeated builds do not ask again. An address that answers 404 or 410 is an error at every place
 * that links it; one that cannot be reached or fails otherwise is a warning (it may be temporary).
 */
public final class ExternalLinks {
    static final Duration REMEMBER = Duration.ofDays(7);

    /**
     * How to check external links.
     *
     * @param cache       the file remembering addresses that answered well
     * @param clock       when "now" is, to expire the cache
     * @param timeout     how long to wait for one server
     * @param concurrency how many servers to ask at once
     */
    public record Options(Path cache, Clock clock, Duration timeout, int concurrency) {
        public static Options defaults(Path cache) {
            return new Options(cache, Clock.systemUTC(), Duration.ofSeconds(10), 4);
        }
    }

    private final Options options;

    public ExternalLinks(Options options) {
        this.options = options;
    }

    /** Checks every address; reports problems at each place that links it. */
    public void check(Map<String, List<SourcePosition>> links, Diagnostics diagnostics) {
        Map<String, Instant> cache = readCache();
        Instant now = options.clock().instant();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.concurrency()));
        try {
            Map<String, Future<Answer>> answers = new TreeMap<>();
            for (String url : links.keySet()) {
                Instant checked = cache.get(url);
                if (checked == null || checked.plus(REMEMBER).isBefore(now)) {
                    answers.put(url, pool.submit(() -> ask(client, url)));
                }
            }
            for (var entry : answers.entrySet()) {
                Answer answer = get(entry.getValue());
                String url = entry.getKey();
                if (answer.ok()) {
                    cache.put(url, now);
                    continue;
                }
                cache.remove(url);
                for (SourcePosition at : links.get(url)) {
                    if (answer.gone()) {
                        diagnostics.error(at, "external-link-broken", "the external address '" + url + "' " + answer.problem()
                                + "; update or remove the link");
                    } else {
                        diagnostics.warning(at, "external-link-unreachable", "the external address '" + url + "' "
                                + answer.problem() + "; check it again later");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        writeCache(cache);
    }

    private record Answer(boolean ok, boolean gone, String problem) {
    }

    private Answer ask(HttpClient client, String url) {
        try {
            HttpResponse<Void> response = client.send(request(url, "HEAD"), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 405 || response.statusCode() == 403 || response.statusCode() == 501) {
                response = client.send(request(url, "GET"), HttpResponse.BodyHandlers.discarding()); // some servers refuse HEAD
            }
            int status = response.statusCode();
            if (status < 400) {
                return new Answer(true, false, null);
            }
            return new Answer(false, status == 404 || status == 410, "answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Answer(false, false, "did not answer within " + options.timeout().toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(false, false, "could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, false, "was not checked (interrupted)");
        }
    }

    private HttpRequest request(String url, String method) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(options.timeout())
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "Abierto link checker").build();
    }

    private static Answer get(Future<Answer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, false, "was not checked (interrupted)");
        } catch (ExecutionException e) {
            return new Answer(false, false, "could not be checked (" + e.getCause() + ")");
        }
    }

    private Map<String, Instant> readCache() {
        Map<String, Instant> cache = new LinkedHashMap<>();
        try {
            if (Files.exists(options.cache())) {
                Object json = Json.read(Files.readString(options.cache(), StandardCharsets.UTF_8));
                if (json instanceof Map<?, ?> map) {
                    map.forEach((url, when) -> cache.put(url.toString(), Instant.parse(when.toString())));
                }
            }
        } catch (IOException | RuntimeException e) {
            cache.clear(); // a damaged cache only means asking again
        }
        return cache;
    }

    private void writeCache(Map<String, Instant> cache) {
        Map<String, String> json = new TreeMap<>();
        cache.forEach((url, when) -> json.put(url, when.toString()));
        try {
            Files.createDirectories(options.cache().toAbsolutePath().getParent());
            Files.writeString(options.cache(), Json.write(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the cache is an optimisation: failing to save it costs only time on the next run
        }
    }
}
