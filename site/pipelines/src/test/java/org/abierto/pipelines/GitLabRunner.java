package org.abierto.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code .gitlab-ci.yml} as GitLab's Docker executor would for a push to {@code main}: each job
 * whose rules let it in, stage after stage, in a fresh root of its image, with the repository cloned
 * into {@code /builds/abierto/abierto}, the artifacts of earlier jobs, its cache, its variables (those
 * of the project's settings last, File variables as files), then {@code before_script} and
 * {@code script} as one bash script that stops at the first failing line.
 *
 * <p>Replaced by their plain equivalent: the clone (a clone of this repository, at the rehearsed commit);
 * the cache (a folder kept between rehearsals, mounted on the cached path); artifacts (copied to and from
 * the rehearsal's store).
 */
final class GitLabRunner {
    static final String PROJECT_DIR = "/builds/abierto/abierto";

    private final Rehearsal rehearsal;

    GitLabRunner(Rehearsal rehearsal) {
        this.rehearsal = rehearsal;
    }

    /**
     * @param settings   the project's CI/CD variables (Settings → CI/CD → Variables)
     * @param fileTypes  which of them are of type File
     * @return the jobs that ran, in order
     */
    List<String> pushToMain(GitLabPipeline pipeline, Map<String, String> settings, List<String> fileTypes)
            throws IOException, InterruptedException {
        String sha = rehearsal.checkout().commit();
        Map<String, String> predefined = new LinkedHashMap<>();
        predefined.put("CI", "true");
        predefined.put("GITLAB_CI", "true");
        predefined.put("CI_PIPELINE_SOURCE", "push");
        predefined.put("CI_COMMIT_BRANCH", "main");
        predefined.put("CI_COMMIT_REF_NAME", "main");
        predefined.put("CI_DEFAULT_BRANCH", "main");
        predefined.put("CI_COMMIT_SHA", sha);
        predefined.put("CI_COMMIT_SHORT_SHA", sha.substring(0, 8));
        predefined.put("CI_PROJECT_DIR", PROJECT_DIR);
        predefined.put("CI_PROJECT_NAME", "abierto");
        predefined.put("CI_PROJECT_PATH", "abierto/abierto");
        List<String> ran = new ArrayList<>();
        List<GitLabPipeline.Job> done = new ArrayList<>();
        for (GitLabPipeline.Job job : pipeline.jobs()) {
            Map<String, String> variables = new LinkedHashMap<>(predefined);
            variables.put("CI_JOB_NAME", job.name());
            variables.put("CI_JOB_STAGE", job.stage());
            pipeline.variables().forEach((k, v) -> variables.put(k, GitLabPipeline.expand(v, variables)));
            job.variables().forEach((k, v) -> variables.put(k, GitLabPipeline.expand(v, variables)));
            Map<String, String> forRules = new LinkedHashMap<>(variables);
            forRules.putAll(settings);
            if (!new GitLabRules(forRules).runs(job.rules())) {
                rehearsal.log("gitlab: job " + job.name() + " not in the pipeline: no rule lets it in for a push to main");
                continue;
            }
            runJob(job, variables, settings, fileTypes, done);
            ran.add(job.name());
            done.add(job);
        }
        return ran;
    }

    private void runJob(GitLabPipeline.Job job, Map<String, String> variables, Map<String, String> settings, List<String> fileTypes,
                        List<GitLabPipeline.Job> done) throws IOException, InterruptedException {
        String label = "gitlab " + job.name();
        try (DebianRoot root = rehearsal.freshRoot(job.image(), "gitlab-" + job.name())) {
            rehearsal.log(label + ": a fresh " + job.image() + " root (" + root.path() + ")");
            long started = System.nanoTime();
            rehearsal.checkout().clone(root.host(PROJECT_DIR));
            rehearsal.log(label + ": the runner's clone replaced by a clone of the repository at the rehearsed commit");
            for (GitLabPipeline.Job earlier : done) {
                boolean wanted = job.needs() == null ? !earlier.stage().equals(job.stage()) : job.needs().contains(earlier.name());
                if (wanted && !earlier.artifacts().isEmpty()) {
                    rehearsal.fetchArtifact("gitlab/" + earlier.name(), root.host(PROJECT_DIR));
                    rehearsal.log(label + ": the artifacts of " + earlier.name() + " copied in from the artifact store");
                }
            }
            List<DebianRoot.Mount> mounts = new ArrayList<>();
            for (String path : job.cachePaths()) {
                mounts.add(new DebianRoot.Mount(rehearsal.cacheFolder("gitlab/" + job.cacheKey() + "/" + path), PROJECT_DIR + "/" + path));
                rehearsal.log(label + ": cache " + job.cacheKey() + " replaced by a folder kept between rehearsals, mounted on " + path);
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", Rehearsal.PATH);
            env.put("HOME", "/root");
            env.putAll(variables);
            Path files = root.host(PROJECT_DIR + ".tmp");
            Files.createDirectories(files);
            for (var e : settings.entrySet()) {
                if (fileTypes.contains(e.getKey())) {
                    Path file = files.resolve(e.getKey());
                    Files.writeString(file, e.getValue());
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    env.put(e.getKey(), PROJECT_DIR + ".tmp/" + e.getKey());
                } else {
                    env.put(e.getKey(), e.getValue());
                }
            }
            env.put(Rehearsal.INSIDE, "1");
            List<String> lines = new ArrayList<>(job.beforeScript());
            lines.addAll(job.script());
            String script = PROJECT_DIR + ".tmp/script.sh";
            Files.writeString(root.host(script), script(lines));
            Path log = rehearsal.stepLog(label, 1, "script");
            int code = root.run(List.of("bash", "--login", script), env, PROJECT_DIR, mounts, log, Duration.ofMinutes(60));
            if (!job.afterScript().isEmpty()) {
                Files.writeString(root.host(script), script(job.afterScript()));
                root.run(List.of("bash", "--login", script), env, PROJECT_DIR, mounts, log, Duration.ofMinutes(5));
            }
            if (code != 0) {
                throw new AssertionError(label + " failed with exit code " + code + "; its log: " + log + "\n"
                        + Commands.tail(Files.readString(log), 60));
            }
            for (String path : job.artifacts()) {
                Path from = root.host(PROJECT_DIR).resolve(path);
                if (!Files.exists(from)) {
                    throw new AssertionError(label + ": the artifact path " + path + " does not exist after the job");
                }
                rehearsal.storeArtifact("gitlab/" + job.name() + "/" + path, from);
            }
            rehearsal.log(label + " done in " + Rehearsal.seconds(started));
        }
    }

    /**
     * The job's lines as the runner's script runs them: bash, stopping at the first failing command (and
     * failing pipe), each line shown before it runs.
     */
    static String script(List<String> lines) {
        var out = new StringBuilder("set -eo pipefail\nset +o noclobber\n");
        for (String line : lines) {
            out.append("printf '%s\\n' ").append(quote("$ " + line.lines().findFirst().orElse(""))).append('\n');
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** A single-quoted shell word. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
