package org.abierto.pipelines;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two CI pipelines, rehearsed as written for a push to main: every job in a fresh Debian root of the
 * image it names, as root, its steps or script lines read from the YAML and run in order; the publish job
 * publishes over SSH to a real sshd + nginx host with the variables and secrets the README tells a person
 * to set; then the published site is fetched over HTTPS and checked against the pipeline's build.
 *
 * <p>Run by {@code .ci/run} ({@code mvn -B -pl site/pipelines verify -Prehearsal}), as root on Debian with
 * debootstrap. Inside, the pipelines' own {@code bash .ci/run --skip-rehearsal} runs the whole test suite
 * but this. A second rehearsal on the same machine reuses the cache (Debian roots, downloaded packages,
 * the pipelines' Maven caches) in {@code $ABIERTO_REHEARSAL_CACHE}, by default
 * {@code /var/cache/abierto-rehearsal}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineRehearsalIT {
    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern SHOWN = Pattern.compile(
            "^(\\.ci/run:|installing:|publish\\.sh:|publish-e2e: (passed|FAIL)|::error::|\\$ |Built \\d|Build failed|"
                    + "\\[(INFO|ERROR)] (BUILD|Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+$)|\\[ERROR]|(#|ℹ) (pass|fail) |Error|error:).*");

    static Rehearsal rehearsal;
    static PublishHost host;
    static Map<String, String> settings;
    static List<ReadmeSettings> readme;
    private static FileChannel lockFile;
    private static FileLock lock;

    @BeforeAll
    static void start() throws Exception {
        String inside = System.getenv(Rehearsal.INSIDE);
        if (inside != null && !inside.isEmpty()) {
            throw new IllegalStateException("this runs inside a pipeline rehearsal: a rehearsal never starts another");
        }
        // Root, debootstrap, and sshd + nginx for the host: said at once, with the apt-get line, when missing.
        Commands.run(List.of("bash", REPOSITORY.resolve(".ci/prerequisites").toString(), "check", "--rehearsal"),
                java.time.Duration.ofMinutes(1));
        Path cache = Path.of(System.getenv().getOrDefault("ABIERTO_REHEARSAL_CACHE", "/var/cache/abierto-rehearsal"));
        Files.createDirectories(cache);
        // One rehearsal at a time on a machine: they share the cache.
        lockFile = FileChannel.open(cache.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock();
        Path work = Path.of("target/rehearsal").toAbsolutePath();
        Commands.deleteTree(work);
        Files.createDirectories(work);
        rehearsal = new Rehearsal(REPOSITORY, cache, work,
                System.getenv().getOrDefault("ABIERTO_DEBIAN_MIRROR", "http://deb.debian.org/debian"));
        Commands.echo = line -> {
            if (SHOWN.matcher(line).matches()) {
                System.out.println("    " + line);
            }
        };
        host = PublishHost.start(REPOSITORY, work.resolve("host"));
        rehearsal.log("publishing host: sshd and nginx on 127.0.0.1, the site at " + host.baseUrl());
        readme = ReadmeSettings.read(REPOSITORY.resolve("README.md"));
        settings = host.settings();
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
        if (lock != null) {
            lock.release();
            lockFile.close();
        }
    }

    @Test
    @Order(1)
    void gitHubWorkflowTestsBuildsAndPublishesTheReport() throws Exception {
        var workflow = GitHubWorkflow.read(REPOSITORY.resolve(".github/workflows/site.yml"));
        Map<String, String> vars = ReadmeSettings.values(readme, settings, false);
        Map<String, String> secrets = ReadmeSettings.values(readme, settings, true);
        rehearsal.log("github: a push to main, with the variables " + vars.keySet() + " and the secrets " + secrets.keySet());
        List<String> ran = new GitHubRunner(rehearsal).pushToMain(workflow, vars, secrets);
        assertEquals(List.of("build", "publish"), ran);
        String sha = rehearsal.checkout().commit();
        assertTrue(host.currentRelease().endsWith("-" + sha.substring(0, 12)),
                "the host serves " + host.currentRelease() + ", not the release of commit " + sha);
        published(rehearsal.artifact("github/site"));
    }

    @Test
    @Order(2)
    void gitLabPipelineTestsBuildsAndPublishesTheReport() throws Exception {
        var pipeline = GitLabPipeline.read(REPOSITORY.resolve(".gitlab-ci.yml"));
        Map<String, String> all = new java.util.LinkedHashMap<>(ReadmeSettings.values(readme, settings, false));
        all.putAll(ReadmeSettings.values(readme, settings, true));
        // The README: "make PUBLISH_SSH_KEY and PUBLISH_KNOWN_HOSTS of type File".
        List<String> fileTypes = readme.stream().filter(ReadmeSettings::secret).map(ReadmeSettings::name).toList();
        rehearsal.log("gitlab: a push to main, with the CI/CD variables " + all.keySet() + " (of type File: " + fileTypes + ")");
        List<String> ran = new GitLabRunner(rehearsal).pushToMain(pipeline, all, fileTypes);
        assertEquals(List.of("site", "publish"), ran);
        String sha = rehearsal.checkout().commit();
        assertTrue(host.currentRelease().endsWith("-" + sha.substring(0, 8)),
                "the host serves " + host.currentRelease() + ", not the release of commit " + sha);
        published(rehearsal.artifact("gitlab/site/site/target/publish"));
    }

    /** The host serves exactly the pipeline's build, at the public address it was built for. */
    private static void published(Path built) throws Exception {
        List<String> problems = new PublishedSite(host.baseUrl(), host.certificate()).differencesFrom(built);
        assertEquals(List.of(), problems, "what " + host.baseUrl() + " serves");
        rehearsal.log("the host serves the pipeline's build, every file of both languages, the 404 pages and the sitemap");
    }
}
