package org.abierto.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the two runners share: the repository, the cache kept between rehearsals (Debian roots, downloaded
 * packages, the pipelines' own caches), the work folder of this rehearsal (roots, artifacts, logs), and
 * the log.
 */
final class Rehearsal {
    /** The PATH of Docker's Debian images. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /**
     * Set in every rehearsed job: {@code .ci/run} refuses to start a rehearsal where it is set, so a
     * rehearsal never starts another, even if a pipeline forgot {@code --skip-rehearsal}.
     */
    static final String INSIDE = "ABIERTO_IN_REHEARSAL";

    private final Path repository;
    private final Path cache;
    private final Path work;
    private final String mirror;
    private final Checkout checkout;
    private int roots;

    /**
     * @param repository the repository rehearsed
     * @param cache      kept between rehearsals
     * @param work       this rehearsal's folder: roots, artifacts and logs
     * @param mirror     the Debian mirror, e.g. http://deb.debian.org/debian
     */
    Rehearsal(Path repository, Path cache, Path work, String mirror) {
        this.repository = repository;
        this.cache = cache;
        this.work = work;
        this.mirror = mirror;
        this.checkout = new Checkout(repository);
    }

    Path repository() {
        return repository;
    }

    Checkout checkout() {
        return checkout;
    }

    void log(String line) {
        System.out.println("[rehearsal] " + line);
        System.out.flush();
    }

    DebianRoot freshRoot(String image, String name) throws IOException, InterruptedException {
        return DebianRoot.fresh(image, work.resolve("roots").resolve(++roots + "-" + name), cache, mirror, this::log);
    }

    /** A folder kept between rehearsals, for a pipeline's cache. */
    Path cacheFolder(String name) throws IOException {
        Path folder = cache.resolve("pipeline-caches").resolve(name.replaceAll("[^A-Za-z0-9._/-]", "_").replaceFirst("^/+", ""));
        Files.createDirectories(folder);
        return folder;
    }

    /** Keeps a job's artifact (a file or folder) under {@code name}. */
    void storeArtifact(String name, Path from) throws IOException, InterruptedException {
        Path to = work.resolve("artifacts").resolve(name);
        Commands.deleteTree(to);
        Commands.copy(from, to);
    }

    /** Copies the artifact {@code name} into {@code to}. */
    void fetchArtifact(String name, Path to) throws IOException, InterruptedException {
        Path from = work.resolve("artifacts").resolve(name);
        if (!Files.exists(from)) {
            throw new AssertionError("no artifact " + name + " was uploaded");
        }
        Commands.copy(from, to);
    }

    /** Where an artifact is kept. */
    Path artifact(String name) {
        return work.resolve("artifacts").resolve(name);
    }

    /** A new log file for a step. */
    Path stepLog(String job, int step, String title) throws IOException {
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        String name = (job + "-" + step + "-" + title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return logs.resolve(name.substring(0, Math.min(80, name.length())) + ".log");
    }

    static String seconds(long startedNanos) {
        long s = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
