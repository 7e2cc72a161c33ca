package org.abierto.pipelines;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A GitHub Actions workflow file, read as GitHub reads it, as far as the rehearsal runs it: jobs in the
 * order their {@code needs} allow, each with its container image, condition, environment and steps. A key
 * the rehearsal does not know is refused rather than ignored, so the file cannot drift from what is
 * rehearsed.
 *
 * @param defaultShell {@code defaults.run.shell}, or null
 * @param jobs         in an order that honours {@code needs}, otherwise the file's
 */
record GitHubWorkflow(Map<String, String> env, String defaultShell, List<Job> jobs) {
    private static final Set<String> TOP_KEYS = Set.of("name", "on", "true", "permissions", "defaults", "env", "jobs", "concurrency");
    /** Keys of a job that change nothing the rehearsal can observe: where it runs, and GitHub's own bookkeeping. */
    private static final Set<String> JOB_KEYS = Set.of("name", "runs-on", "container", "needs", "if", "environment",
            "concurrency", "permissions", "env", "defaults", "steps", "timeout-minutes");
    private static final Set<String> STEP_KEYS = Set.of("name", "id", "uses", "with", "run", "env", "if", "shell",
            "working-directory", "timeout-minutes");

    /**
     * @param image   the {@code container} image, e.g. {@code debian:13}
     * @param needs   the jobs that must have succeeded first
     * @param shell   the job's {@code defaults.run.shell}, or null
     */
    record Job(String id, String image, String condition, List<String> needs, Map<String, String> env, String shell,
               List<Step> steps) {
    }

    /** One step: either {@code uses} an action (with its {@code with}) or {@code run}s a script. */
    record Step(int number, String name, String uses, Map<String, String> with, String run, Map<String, String> env,
                String condition, String shell, String workingDirectory) {
        /** How the log names the step. */
        String title() {
            if (name != null) {
                return name;
            }
            return uses != null ? uses : "Run " + run.lines().findFirst().orElse("");
        }
    }

    static GitHubWorkflow read(Path file) {
        JsonNode root = Yaml.read(file);
        Yaml.onlyKeys(root, TOP_KEYS, file + ": the workflow");
        String defaultShell = root.path("defaults").path("run").path("shell").asText(null);
        Map<String, Job> jobs = new LinkedHashMap<>();
        root.path("jobs").properties().forEach(e -> jobs.put(e.getKey(), job(file, e.getKey(), e.getValue())));
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException(file + " has no jobs");
        }
        return new GitHubWorkflow(Yaml.strings(root.path("env")), defaultShell, ordered(jobs));
    }

    private static Job job(Path file, String id, JsonNode node) {
        String where = file + ": job " + id;
        Yaml.onlyKeys(node, JOB_KEYS, where);
        JsonNode container = node.path("container");
        String image = container.isTextual() ? container.asText() : container.path("image").asText(null);
        if (image == null) {
            throw new IllegalArgumentException(where + " runs on the runner itself, not in a container: the rehearsal runs"
                    + " jobs in the Debian image that 'container:' names");
        }
        if (container.isObject()) {
            Yaml.onlyKeys(container, Set.of("image"), where + " container");
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : node.path("steps")) {
            Yaml.onlyKeys(s, STEP_KEYS, where + " step " + (steps.size() + 1));
            String uses = s.path("uses").asText(null);
            String run = s.path("run").asText(null);
            if ((uses == null) == (run == null)) {
                throw new IllegalArgumentException(where + " step " + (steps.size() + 1) + " must have either 'uses' or 'run'");
            }
            steps.add(new Step(steps.size() + 1, s.path("name").asText(null), uses, Yaml.strings(s.path("with")), run,
                    Yaml.strings(s.path("env")), s.path("if").asText(null), s.path("shell").asText(null),
                    s.path("working-directory").asText(null)));
        }
        return new Job(id, image, node.path("if").asText(null), Yaml.stringList(node.path("needs")), Yaml.strings(node.path("env")),
                node.path("defaults").path("run").path("shell").asText(null), List.copyOf(steps));
    }

    /** The file's order, except that a job comes after the jobs it needs. */
    private static List<Job> ordered(Map<String, Job> jobs) {
        List<Job> out = new ArrayList<>();
        while (out.size() < jobs.size()) {
            boolean progressed = false;
            for (Job job : jobs.values()) {
                if (out.contains(job)) {
                    continue;
                }
                for (String need : job.needs()) {
                    if (!jobs.containsKey(need)) {
                        throw new IllegalArgumentException("job " + job.id() + " needs " + need + ", which does not exist");
                    }
                }
                if (job.needs().stream().allMatch(n -> out.stream().anyMatch(j -> j.id().equals(n)))) {
                    out.add(job);
                    progressed = true;
                    break;
                }
            }
            if (!progressed) {
                throw new IllegalArgumentException("the jobs' needs form a cycle");
            }
        }
        return List.copyOf(out);
    }

    /**
     * The command that runs a step's script file {0}, as GitHub runs it: {@code bash} means
     * {@code bash --noprofile --norc -eo pipefail}, {@code sh} means {@code sh -e}, and no shell at all
     * means {@code bash -e} when the image has bash.
     */
    static List<String> shellCommand(String shell, String script) {
        if (shell == null) {
            return List.of("bash", "-e", script);
        }
        return switch (shell) {
            case "bash" -> List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script);
            case "sh" -> List.of("sh", "-e", script);
            default -> throw new IllegalArgumentException("the rehearsal does not know the shell '" + shell + "'");
        };
    }
}
