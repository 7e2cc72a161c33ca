package org.abierto.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a GitHub Actions workflow as GitHub would for one event: each job whose {@code if} holds, after the
 * jobs it needs, in a fresh root of its container image, its {@code run:} steps as written, in order,
 * until one fails.
 *
 * <p>Steps that use a hosted action are replaced by their plain equivalent, because the action is GitHub's
 * code, not the project's, and needs GitHub's services:
 * <ul>
 *   <li>{@code actions/checkout}: the repository's files are copied into the workspace (in a container
 *       without git, as Debian's images are, the action also only downloads the files, without .git);</li>
 *   <li>{@code actions/cache}: a folder kept between rehearsals is mounted on the cached path, so a second
 *       rehearsal finds what the first one downloaded, as a hit of the cache would;</li>
 *   <li>{@code actions/upload-artifact} and {@code actions/download-artifact}: the folder is copied to and
 *       from the rehearsal's artifact store.</li>
 * </ul>
 * Any other action fails the rehearsal. Nothing else is replaced.
 */
final class GitHubRunner {
    static final String WORKSPACE = "/__w/abierto/abierto";
    private static final String TEMP = "/__w/_temp";
    private static final String HOME = "/github/home";

    private final Rehearsal rehearsal;

    GitHubRunner(Rehearsal rehearsal) {
        this.rehearsal = rehearsal;
    }

    /**
     * Runs the workflow for a push to {@code main}.
     *
     * @param vars    the repository's variables ({@code vars.X})
     * @param secrets the environment's secrets ({@code secrets.X})
     * @return the jobs that ran, in order
     */
    List<String> pushToMain(GitHubWorkflow workflow, Map<String, String> vars, Map<String, String> secrets)
            throws IOException, InterruptedException {
        String sha = rehearsal.checkout().commit();
        Map<String, Object> github = new LinkedHashMap<>();
        github.put("event_name", "push");
        github.put("ref", "refs/heads/main");
        github.put("ref_name", "main");
        github.put("sha", sha);
        github.put("repository", "abierto/abierto");
        List<String> ran = new ArrayList<>();
        for (GitHubWorkflow.Job job : workflow.jobs()) {
            Map<String, Object> contexts = Map.of("github", github, "vars", vars, "secrets", secrets, "env", Map.of(),
                    "runner", Map.of("os", "Linux", "temp", TEMP));
            if (!new GitHubExpressions(contexts).condition(job.condition())) {
                rehearsal.log("github: job " + job.id() + " skipped: its if: is false for a push to main");
                continue;
            }
            if (!ran.containsAll(job.needs())) {
                rehearsal.log("github: job " + job.id() + " skipped: a job it needs did not run");
                continue;
            }
            runJob(workflow, job, contexts, sha);
            ran.add(job.id());
        }
        return ran;
    }

    private void runJob(GitHubWorkflow workflow, GitHubWorkflow.Job job, Map<String, Object> contexts, String sha)
            throws IOException, InterruptedException {
        String label = "github " + job.id();
        try (DebianRoot root = rehearsal.freshRoot(job.image(), "github-" + job.id())) {
            rehearsal.log(label + ": a fresh " + job.image() + " root (" + root.path() + ")");
            Files.createDirectories(root.host(WORKSPACE));
            Files.createDirectories(root.host(TEMP));
            Files.createDirectories(root.host(HOME));
            List<DebianRoot.Mount> mounts = new ArrayList<>();
            Map<String, String> base = new LinkedHashMap<>();
            base.put("PATH", Rehearsal.PATH);
            base.put("HOME", HOME);
            base.put("CI", "true");
            base.put("GITHUB_ACTIONS", "true");
            base.put("GITHUB_WORKSPACE", WORKSPACE);
            base.put("GITHUB_SHA", sha);
            base.put("GITHUB_REF", "refs/heads/main");
            base.put("GITHUB_REF_NAME", "main");
            base.put("GITHUB_EVENT_NAME", "push");
            base.put("GITHUB_REPOSITORY", "abierto/abierto");
            base.put("GITHUB_JOB", job.id());
            base.put("RUNNER_OS", "Linux");
            base.put("RUNNER_TEMP", TEMP);
            base.put(Rehearsal.INSIDE, "1");
            for (GitHubWorkflow.Step step : job.steps()) {
                var expressions = new GitHubExpressions(contexts);
                if (!expressions.condition(step.condition())) {
                    rehearsal.log(label + " step " + step.number() + " skipped: " + step.title());
                    continue;
                }
                long started = System.nanoTime();
                if (step.uses() != null) {
                    action(root, step, mounts, expressions, label);
                } else {
                    run(root, workflow, job, step, base, mounts, expressions, label);
                }
                rehearsal.log(label + " step " + step.number() + " done in " + Rehearsal.seconds(started) + ": " + step.title());
            }
        }
    }

    private void action(DebianRoot root, GitHubWorkflow.Step step, List<DebianRoot.Mount> mounts, GitHubExpressions expressions,
                        String label) throws IOException, InterruptedException {
        String action = step.uses().replaceFirst("@.*$", "");
        // Only the inputs the plain equivalent uses are evaluated: the cache's key, say, is for GitHub's
        // cache service (its hashFiles() needs the runner) and means nothing here.
        java.util.function.UnaryOperator<String> input = name -> {
            String value = step.with().get(name);
            return value == null ? null : expressions.interpolate(value);
        };
        switch (action) {
            case "actions/checkout" -> {
                rehearsal.log(label + ": actions/checkout replaced by a copy of the repository's files");
                rehearsal.checkout().files(root.host(WORKSPACE));
            }
            case "actions/cache" -> {
                String paths = input.apply("path");
                for (String path : (paths == null ? "" : paths).lines().map(String::strip).filter(p -> !p.isEmpty()).toList()) {
                    String inside = path.startsWith("~/") ? HOME + path.substring(1) : path.startsWith("/") ? path : WORKSPACE + "/" + path;
                    mounts.add(new DebianRoot.Mount(rehearsal.cacheFolder("github" + inside), inside));
                    rehearsal.log(label + ": actions/cache replaced by a folder kept between rehearsals, mounted on " + inside);
                }
            }
            case "actions/upload-artifact" -> {
                Path from = root.host(WORKSPACE).resolve(input.apply("path"));
                if (!Files.exists(from)) {
                    if ("error".equals(input.apply("if-no-files-found"))) {
                        throw new AssertionError(label + ": upload-artifact: " + input.apply("path") + " does not exist");
                    }
                    return;
                }
                rehearsal.storeArtifact("github/" + input.apply("name"), from);
                rehearsal.log(label + ": actions/upload-artifact replaced by a copy of " + input.apply("path") + " into the artifact store");
            }
            case "actions/download-artifact" -> {
                String path = input.apply("path") == null ? "." : input.apply("path");
                rehearsal.fetchArtifact("github/" + input.apply("name"), root.host(WORKSPACE).resolve(path));
                rehearsal.log(label + ": actions/download-artifact replaced by a copy from the artifact store into " + path);
            }
            default -> throw new AssertionError(label + ": the rehearsal does not know the action " + step.uses()
                    + "; teach it its plain equivalent in site/pipelines (GitHubRunner)");
        }
    }

    private void run(DebianRoot root, GitHubWorkflow workflow, GitHubWorkflow.Job job, GitHubWorkflow.Step step,
                     Map<String, String> base, List<DebianRoot.Mount> mounts, GitHubExpressions expressions, String label)
            throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(base);
        workflow.env().forEach((k, v) -> env.put(k, expressions.interpolate(v)));
        job.env().forEach((k, v) -> env.put(k, expressions.interpolate(v)));
        step.env().forEach((k, v) -> env.put(k, expressions.interpolate(v)));
        String commands = TEMP + "/_runner_file_commands";
        Files.createDirectories(root.host(commands));
        for (String name : List.of("GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")) {
            String file = commands + "/" + name.toLowerCase(java.util.Locale.ROOT) + "_" + step.number();
            Files.writeString(root.host(file), "");
            env.put(name, file);
        }
        String script = TEMP + "/step-" + step.number() + ".sh";
        Files.writeString(root.host(script), expressions.interpolate(step.run()));
        String shell = step.shell() != null ? step.shell() : job.shell() != null ? job.shell() : workflow.defaultShell();
        String cwd = step.workingDirectory() == null ? WORKSPACE : WORKSPACE + "/" + step.workingDirectory();
        Path log = rehearsal.stepLog(label, step.number(), step.title());
        int code = root.run(GitHubWorkflow.shellCommand(shell, script), env, cwd, mounts, log, Duration.ofMinutes(45));
        if (code != 0) {
            throw new AssertionError(label + " step " + step.number() + " (" + step.title() + ") failed with exit code " + code
                    + "; its log: " + log + "\n" + Commands.tail(Files.readString(log), 60));
        }
        for (String name : List.of("GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_PATH")) {
            if (Files.size(root.host(env.get(name))) > 0) {
                throw new AssertionError(label + " step " + step.number() + " wrote to $" + name
                        + ", which the rehearsal does not carry to later steps yet; teach it in site/pipelines");
            }
        }
    }
}
