package org.abierto.pipelines;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .gitlab-ci.yml}, read as GitLab reads it, as far as the rehearsal runs it: jobs by stage (file
 * order within a stage), each with its image, rules, variables, cache, artifacts and script lines. A key the
 * rehearsal does not know is refused rather than ignored.
 */
record GitLabPipeline(List<String> stages, Map<String, String> variables, List<Job> jobs) {
    private static final Set<String> TOP_KEYS = Set.of("default", "stages", "variables", "image");
    private static final Set<String> DEFAULT_KEYS = Set.of("image", "before_script", "after_script");
    /** environment and resource_group change nothing the rehearsal can observe: it runs one pipeline at a time. */
    private static final Set<String> JOB_KEYS = Set.of("stage", "image", "rules", "variables", "cache", "before_script",
            "script", "after_script", "artifacts", "needs", "environment", "resource_group");

    /**
     * @param needs        the jobs whose artifacts it takes, or null when not set (then: every job of earlier stages)
     * @param cacheKey     the cache's key, or null without a cache
     * @param cachePaths   folders of the project kept between pipelines
     * @param artifacts    paths of the project handed to later jobs
     */
    record Job(String name, String stage, String image, List<Map<String, String>> rules, Map<String, String> variables,
               List<String> beforeScript, List<String> script, List<String> afterScript, List<String> needs,
               String cacheKey, List<String> cachePaths, List<String> artifacts) {
    }

    static GitLabPipeline read(Path file) {
        JsonNode root = Yaml.read(file);
        List<String> stages = new ArrayList<>(List.of(".pre"));
        List<String> declared = Yaml.stringList(root.path("stages"));
        stages.addAll(declared.isEmpty() ? List.of("build", "test", "deploy") : declared);
        stages.add(".post");
        JsonNode defaults = root.path("default");
        Yaml.onlyKeys(defaults, DEFAULT_KEYS, file + ": default");
        String defaultImage = defaults.path("image").asText(root.path("image").asText(null));
        List<Job> jobs = new ArrayList<>();
        root.properties().forEach(e -> {
            String name = e.getKey();
            if (TOP_KEYS.contains(name)) {
                return;
            }
            if (name.startsWith(".")) {
                throw new IllegalArgumentException(file + ": hidden job " + name + " (a template): the rehearsal does not"
                        + " know 'extends'; teach it in site/pipelines");
            }
            JsonNode job = e.getValue();
            String where = file + ": job " + name;
            Yaml.onlyKeys(job, JOB_KEYS, where);
            String stage = job.path("stage").asText("test");
            if (!stages.contains(stage)) {
                throw new IllegalArgumentException(where + " is in the stage " + stage + ", which 'stages' does not list");
            }
            List<Map<String, String>> rules = new ArrayList<>();
            for (JsonNode rule : job.path("rules")) {
                Yaml.onlyKeys(rule, Set.of("if", "when"), where + " rule");
                rules.add(Yaml.strings(rule));
            }
            JsonNode cache = job.path("cache");
            Yaml.onlyKeys(cache, Set.of("key", "paths"), where + " cache");
            JsonNode artifacts = job.path("artifacts");
            Yaml.onlyKeys(artifacts, Set.of("name", "paths", "expire_in"), where + " artifacts");
            String image = job.path("image").asText(defaultImage);
            if (image == null) {
                throw new IllegalArgumentException(where + " names no image (image: or default: image:)");
            }
            jobs.add(new Job(name, stage, image, List.copyOf(rules), Yaml.strings(job.path("variables")),
                    script(job, defaults, "before_script"), Yaml.stringList(job.path("script")), script(job, defaults, "after_script"),
                    job.has("needs") ? Yaml.stringList(job.path("needs")) : null,
                    cache.isMissingNode() ? null : cache.path("key").asText("default"), Yaml.stringList(cache.path("paths")),
                    Yaml.stringList(artifacts.path("paths"))));
        });
        jobs.sort((a, b) -> Integer.compare(stages.indexOf(a.stage()), stages.indexOf(b.stage()))); // stable: file order within a stage
        Map<String, String> variables = new LinkedHashMap<>(Yaml.strings(root.path("variables")));
        return new GitLabPipeline(List.copyOf(stages), variables, List.copyOf(jobs));
    }

    /** A job's own before_script or after_script, else the default's. */
    private static List<String> script(JsonNode job, JsonNode defaults, String key) {
        return job.has(key) ? Yaml.stringList(job.path(key)) : Yaml.stringList(defaults.path(key));
    }

    /**
     * The value of a variable as GitLab expands it: {@code $NAME} and {@code ${NAME}} replaced by the
     * variables known (an unknown one by nothing); {@code $$} is a literal dollar.
     */
    static String expand(String value, Map<String, String> known) {
        var out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '$' || i + 1 >= value.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (value.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            boolean braced = value.charAt(i + 1) == '{';
            int start = i + (braced ? 2 : 1);
            int end = start;
            while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')) {
                end++;
            }
            if (end == start || (braced && (end >= value.length() || value.charAt(end) != '}'))) {
                out.append(c);
                i++;
                continue;
            }
            out.append(known.getOrDefault(value.substring(start, end), ""));
            i = braced ? end + 1 : end;
        }
        return out.toString();
    }
}
