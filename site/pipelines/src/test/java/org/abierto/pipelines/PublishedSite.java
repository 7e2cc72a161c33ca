package org.abierto.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site as a reader's browser gets it from the host after a rehearsed publication, checked against the
 * build the pipeline made: the manifest, every file it lists (each page of both languages) byte for
 * byte, the 404 page of each language for an address that does not exist, and the public address in
 * the sitemap.
 */
final class PublishedSite {
    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    private final String baseUrl;
    private final HttpClient http;

    PublishedSite(String baseUrl, Path certificate) throws IOException, GeneralSecurityException {
        this.baseUrl = baseUrl;
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("host", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Every difference between what the host serves and the build in {@code built}, one line each; empty
     * when the host serves exactly that build.
     */
    List<String> differencesFrom(Path built) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = Files.readAllBytes(built.resolve("abierto-manifest.json"));
        HttpResponse<byte[]> manifest = get("abierto-manifest.json");
        if (manifest.statusCode() != 200 || !java.util.Arrays.equals(manifest.body(), manifestBytes)) {
            problems.add("abierto-manifest.json: status " + manifest.statusCode() + ", not the manifest of the pipeline's build");
            return problems;
        }
        JsonNode files = new ObjectMapper().readTree(manifestBytes).path("files");
        Map<String, String> sums = new TreeMap<>();
        files.forEach(f -> sums.put(f.path("path").asText(), f.path("sha256").asText()));
        int pages = 0;
        for (var e : sums.entrySet()) {
            HttpResponse<byte[]> r = get(e.getKey().replaceFirst("(^|/)index\\.html$", "$1"));
            if (r.statusCode() != 200) {
                problems.add(e.getKey() + ": status " + r.statusCode());
            } else if (!sha256(r.body()).equals(e.getValue())) {
                problems.add(e.getKey() + ": the body differs from the manifest's");
            } else if (e.getKey().endsWith(".html")) {
                pages++;
            }
        }
        for (String language : List.of("es", "en")) {
            long languagePages = sums.keySet().stream().filter(p -> p.startsWith(language + "/") && p.endsWith(".html")).count();
            if (languagePages < 10) {
                problems.add("only " + languagePages + " pages in " + language + "/");
            }
            HttpResponse<byte[]> missing = get(language + "/no-existe-" + System.nanoTime() + "/");
            if (missing.statusCode() != 404) {
                problems.add(language + "/ missing page: status " + missing.statusCode() + ", not 404");
            } else if (!sha256(missing.body()).equals(sums.get(language + "/404.html"))) {
                problems.add(language + "/ missing page: the body is not " + language + "/404.html");
            }
        }
        HttpResponse<byte[]> sitemap = get("sitemap.xml");
        String xml = new String(sitemap.body(), StandardCharsets.UTF_8);
        Matcher loc = LOC.matcher(xml);
        int locations = 0;
        while (loc.find()) {
            locations++;
            if (!loc.group(1).startsWith(baseUrl)) {
                problems.add("sitemap.xml lists " + loc.group(1) + ", outside the public address " + baseUrl);
            }
        }
        if (sitemap.statusCode() != 200 || locations < 20) {
            problems.add("sitemap.xml: status " + sitemap.statusCode() + ", " + locations + " addresses");
        }
        if (problems.isEmpty() && pages < 20) {
            problems.add("only " + pages + " pages were fetched");
        }
        return problems;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
