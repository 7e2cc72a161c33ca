package org.abierto.pipelines;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline files as they are, read the way the rehearsal reads them: what runs where and when. The
 * rehearsal itself runs them (PipelineRehearsalIT); these checks run in every `mvn verify`.
 */
class PipelinesAsWrittenTest {
    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    static final GitHubWorkflow GITHUB = GitHubWorkflow.read(REPOSITORY.resolve(".github/workflows/site.yml"));
    static final GitLabPipeline GITLAB = GitLabPipeline.read(REPOSITORY.resolve(".gitlab-ci.yml"));

    @Test
    void gitHubBuildsThenPublishesInDebianImagesTheRehearsalCanMake() {
        assertEquals(List.of("build", "publish"), GITHUB.jobs().stream().map(GitHubWorkflow.Job::id).toList());
        assertEquals(List.of("build"), GITHUB.jobs().get(1).needs());
        for (GitHubWorkflow.Job job : GITHUB.jobs()) {
            assertEquals("trixie", DebianRoot.suite(job.image()), job.id() + " runs in " + job.image());
            for (GitHubWorkflow.Step step : job.steps()) {
                if (step.uses() != null) {
                    assertTrue(Set.of("actions/checkout", "actions/cache", "actions/upload-artifact", "actions/download-artifact")
                            .contains(step.uses().replaceFirst("@.*", "")), step.uses());
                }
            }
        }
    }

    @Test
    void thePipelinesSkipTheRehearsalExplicitlyWhereTheyRunTheTests() {
        List<String> github = GITHUB.jobs().stream().flatMap(j -> j.steps().stream()).map(GitHubWorkflow.Step::run)
                .filter(r -> r != null && r.contains(".ci/run")).toList();
        List<String> gitlab = GITLAB.jobs().stream().flatMap(j -> j.script().stream()).filter(l -> l.contains(".ci/run")).toList();
        assertEquals(List.of("bash .ci/run --skip-rehearsal"), github);
        assertEquals(List.of("bash .ci/run --skip-rehearsal"), gitlab);
    }

    @Test
    void gitHubPublishesOnlyFromMainOnceTheHostIsSet() {
        String condition = GITHUB.jobs().get(1).condition();
        Map<String, String> host = Map.of("PUBLISH_HOST", "h");
        assertTrue(new GitHubExpressions(context("push", "refs/heads/main", host)).condition(condition));
        assertFalse(new GitHubExpressions(context("pull_request", "refs/pull/1/merge", host)).condition(condition));
        assertFalse(new GitHubExpressions(context("push", "refs/heads/other", host)).condition(condition));
        assertFalse(new GitHubExpressions(context("push", "refs/heads/main", Map.of())).condition(condition));
        assertTrue(new GitHubExpressions(context("push", "refs/heads/main", Map.of())).condition(GITHUB.jobs().get(0).condition()));
    }

    private static Map<String, Object> context(String event, String ref, Map<String, String> vars) {
        return Map.of("github", Map.of("event_name", event, "ref", ref), "vars", vars, "secrets", Map.of());
    }

    @Test
    void gitLabTestsEveryPushToMainAndEveryMergeRequestAndPublishesOnlyMain() {
        assertEquals(List.of("site", "publish"), GITLAB.jobs().stream().map(GitLabPipeline.Job::name).toList());
        GitLabPipeline.Job site = GITLAB.jobs().get(0);
        GitLabPipeline.Job publish = GITLAB.jobs().get(1);
        var push = Map.of("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_BRANCH", "main", "PUBLISH_HOST", "h");
        var mergeRequest = Map.of("CI_PIPELINE_SOURCE", "merge_request_event", "PUBLISH_HOST", "h");
        assertTrue(new GitLabRules(push).runs(site.rules()));
        assertTrue(new GitLabRules(mergeRequest).runs(site.rules()));
        assertTrue(new GitLabRules(push).runs(publish.rules()));
        assertFalse(new GitLabRules(mergeRequest).runs(publish.rules()));
        assertFalse(new GitLabRules(Map.of("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_BRANCH", "main")).runs(publish.rules()));
        assertEquals(List.of("site"), publish.needs());
        assertEquals(List.of("site/target/publish"), site.artifacts());
        for (GitLabPipeline.Job job : GITLAB.jobs()) {
            assertEquals("trixie", DebianRoot.suite(job.image()), job.name());
        }
        assertEquals("-Dmaven.repo.local=/builds/abierto/abierto/.m2/repository",
                GitLabPipeline.expand(GITLAB.variables().get("MAVEN_OPTS"), Map.of("CI_PROJECT_DIR", "/builds/abierto/abierto")));
        assertEquals(List.of(".m2/repository"), site.cachePaths());
    }

    @Test
    void everySettingThePipelinesReadIsInTheReadmesTable() throws IOException {
        Set<String> documented = new TreeSet<>();
        ReadmeSettings.read(REPOSITORY.resolve("README.md")).forEach(s -> documented.add(s.name()));
        Set<String> read = new TreeSet<>();
        Matcher github = Pattern.compile("\\b(?:vars|secrets)\\.([A-Z_]+)").matcher(Files.readString(REPOSITORY.resolve(".github/workflows/site.yml")));
        while (github.find()) {
            read.add(github.group(1));
        }
        Matcher gitlab = Pattern.compile("\\$\\{?((?:PUBLISH|SITE)_[A-Z_]+)").matcher(Files.readString(REPOSITORY.resolve(".gitlab-ci.yml")));
        while (gitlab.find()) {
            read.add(gitlab.group(1));
        }
        // publish.sh reads PUBLISH_PORT, PUBLISH_KEEP… from the environment: the workflow passes them on.
        read.removeIf(name -> name.endsWith("_FILE"));
        assertTrue(documented.containsAll(read), "read by the pipelines but not in the README: " + difference(read, documented));
        assertTrue(read.size() >= 7, read.toString());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    @Test
    void theReadmesSettingsAreGivenExactlyAndRequiredOnesCannotBeForgotten() throws IOException {
        List<ReadmeSettings> readme = ReadmeSettings.read(REPOSITORY.resolve("README.md"));
        Map<String, String> all = new java.util.HashMap<>(Map.of("SITE_BASE_URL", "u", "PUBLISH_HOST", "h", "PUBLISH_USER", "d",
                "PUBLISH_DIR", "/srv", "PUBLISH_SSH_KEY", "k", "PUBLISH_KNOWN_HOSTS", "l"));
        assertEquals(Set.of("SITE_BASE_URL", "PUBLISH_HOST", "PUBLISH_USER", "PUBLISH_DIR"), ReadmeSettings.values(readme, all, false).keySet());
        assertEquals(Set.of("PUBLISH_SSH_KEY", "PUBLISH_KNOWN_HOSTS"), ReadmeSettings.values(readme, all, true).keySet());
        all.remove("PUBLISH_DIR");
        assertThrows(IllegalStateException.class, () -> ReadmeSettings.values(readme, all, false));
        all.put("PUBLISH_DIR", "/srv");
        all.put("PUBLISH_SOMETHING", "x");
        assertThrows(IllegalStateException.class, () -> ReadmeSettings.values(readme, all, false));
    }

    @Test
    void theQuickStartInstallsExactlyWhatTheTestsNeed() throws Exception {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        Matcher line = Pattern.compile("apt-get install -y --no-install-recommends ([a-z0-9 .-]+)").matcher(readme);
        assertTrue(line.find(), "the Quick start has no apt-get line");
        Set<String> documented = new TreeSet<>(List.of(line.group(1).strip().split(" ")));
        String needed = Commands.run(List.of("bash", REPOSITORY.resolve(".ci/prerequisites").toString(), "packages", "--all"),
                java.time.Duration.ofMinutes(1));
        assertEquals(new TreeSet<>(List.of(needed.strip().split(" "))), documented);
    }

    @Test
    void aRehearsalNeverStartsAnother() throws Exception {
        var ci = new ProcessBuilder("bash", REPOSITORY.resolve(".ci/run").toString()).redirectErrorStream(true);
        ci.environment().put(Rehearsal.INSIDE, "1");
        Process p = ci.start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertTrue(said.contains("a rehearsal never starts another: pass --skip-rehearsal"), said);
        Process unknown = new ProcessBuilder("bash", REPOSITORY.resolve(".ci/run").toString(), "--bogus").redirectErrorStream(true).start();
        unknown.getInputStream().readAllBytes();
        assertEquals(2, unknown.waitFor());
    }

    @Test
    void stepsRunInTheShellGitHubUses() {
        assertEquals(List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "/s.sh"), GitHubWorkflow.shellCommand(GITHUB.defaultShell(), "/s.sh"));
        assertEquals(List.of("bash", "-e", "/s.sh"), GitHubWorkflow.shellCommand(null, "/s.sh"));
        assertEquals(List.of("sh", "-e", "/s.sh"), GitHubWorkflow.shellCommand("sh", "/s.sh"));
        assertThrows(IllegalArgumentException.class, () -> GitHubWorkflow.shellCommand("pwsh", "/s.sh"));
    }

    @Test
    void gitLabLinesRunAsOneScriptThatStopsAtTheFirstFailure() {
        String script = GitLabRunner.script(List.of("echo 'a'", "multi\nline"));
        assertEquals("set -eo pipefail\nset +o noclobber\nprintf '%s\\n' '$ echo '\\''a'\\'''\necho 'a'\nprintf '%s\\n' '$ multi'\nmulti\nline\n", script);
    }

    @Test
    void onlyDebianImagesAreRehearsed() {
        assertEquals("bookworm", DebianRoot.suite("debian:12"));
        assertEquals("trixie", DebianRoot.suite("debian:trixie"));
        assertThrows(IllegalArgumentException.class, () -> DebianRoot.suite("ubuntu:24.04"));
        assertThrows(IllegalArgumentException.class, () -> DebianRoot.suite("debian:14"));
        assertThrows(IllegalArgumentException.class, () -> DebianRoot.suite("debian:13-slim"));
    }

    @Test
    void gitLabVariablesExpandAsGitLabDoes() {
        var known = Map.of("A", "1", "B_C", "2");
        assertEquals("1/2/x$", GitLabPipeline.expand("$A/${B_C}/x$", known));
        assertEquals("/$A", GitLabPipeline.expand("$NOPE/$$A", known));
        assertEquals("${A", GitLabPipeline.expand("${A", known));
    }
}
