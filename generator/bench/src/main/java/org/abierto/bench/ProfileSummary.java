package org.abierto.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a JFR recording of an Abierto build as Markdown: where the CPU samples fall by pipeline
 * stage (with when each stage ran and on how many cores), by library, by method (self and inclusive),
 * what the garbage collector did, the heap's live size, and what allocates. Reads the recording with
 * the JDK's own {@code jdk.jfr.consumer} API; needs nothing else.
 *
 * <pre>
 * ABIERTO_JAVA_OPTS=-XX:StartFlightRecording=filename=build.jfr,settings=profile generator/cli/target/abierto build …
 * java -cp generator/bench/target/classes org.abierto.bench.ProfileSummary build.jfr
 * </pre>
 *
 * A sample's stage is the package of the outermost Abierto frame on its stack below the
 * {@code org.abierto.Abierto} facade, the {@code org.abierto.Pipeline} that runs the stages, and the CLI: {@code parse} for {@code org.abierto.parse.ContentParser},
 * also when the time is spent inside Flexmark or Jackson on its behalf; {@code metadata} for work the
 * facade calls between render and check (open data, sitemap).
 */
public final class ProfileSummary {
    private static final int TOP = 25;

    private final List<RecordedEvent> samples = new ArrayList<>();
    private final List<RecordedEvent> gcs = new ArrayList<>();
    private final List<RecordedEvent> heaps = new ArrayList<>();
    private final List<RecordedEvent> allocations = new ArrayList<>();
    private final List<RecordedEvent> cpuLoads = new ArrayList<>();
    private RecordedEvent compilerStatistics;
    private RecordedEvent classLoading;
    private Instant start;
    private Instant end;

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProfileSummary RECORDING.jfr");
            System.exit(2);
        }
        var summary = new ProfileSummary();
        summary.read(Path.of(args[0]));
        System.out.print(summary.markdown());
    }

    private void read(Path file) throws IOException {
        try (var recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (start == null || e.getStartTime().isBefore(start)) {
                    start = e.getStartTime();
                }
                if (end == null || e.getEndTime().isAfter(end)) {
                    end = e.getEndTime();
                }
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> samples.add(e);
                    case "jdk.GarbageCollection" -> gcs.add(e);
                    case "jdk.GCHeapSummary" -> heaps.add(e);
                    case "jdk.ObjectAllocationSample" -> allocations.add(e);
                    case "jdk.CPULoad" -> cpuLoads.add(e);
                    case "jdk.CompilerStatistics" -> compilerStatistics = later(compilerStatistics, e);
                    case "jdk.ClassLoadingStatistics" -> classLoading = later(classLoading, e);
                    default -> { }
                }
            }
        }
    }

    private static RecordedEvent later(RecordedEvent kept, RecordedEvent e) {
        return kept == null || e.getStartTime().isAfter(kept.getStartTime()) ? e : kept;
    }

    private String markdown() {
        var out = new StringBuilder();
        int total = samples.size();
        out.append(String.format(Locale.ROOT, "%d execution samples (JFR `profile` settings: one per running Java thread every 10–20 ms) "
                + "over %.1f s of recording.%n%n", total, seconds(Duration.between(start, end))));

        // Stages: share of samples, and when they ran.
        Map<String, int[]> byStage = new LinkedHashMap<>();
        Map<String, Instant[]> spans = new HashMap<>();
        Map<String, Set<String>> threads = new HashMap<>();
        Map<String, int[]> byLibrary = new HashMap<>();
        Map<String, int[]> self = new HashMap<>();
        Map<String, int[]> inclusive = new HashMap<>();
        Map<String, int[]> nearest = new HashMap<>();
        Map<String, int[]> calls = new HashMap<>();
        Map<String, int[]> regex = new HashMap<>();
        Map<String, int[]> regexCompiled = new HashMap<>();
        int regexTotal = 0;
        for (RecordedEvent e : samples) {
            List<RecordedFrame> frames = frames(e.getStackTrace());
            String stage = stage(frames);
            byStage.computeIfAbsent(stage, k -> new int[1])[0]++;
            Instant t = e.getStartTime();
            spans.merge(stage, new Instant[] {t, t}, (a, b) -> new Instant[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            threads.computeIfAbsent(stage, k -> new HashSet<>()).add(threadName(e));
            if (!frames.isEmpty()) {
                RecordedMethod top = frames.get(0).getMethod();
                byLibrary.computeIfAbsent(library(top.getType().getName()), k -> new int[1])[0]++;
                self.computeIfAbsent(name(top), k -> new int[1])[0]++;
            }
            Set<String> seen = new HashSet<>();
            String innermost = null;
            boolean inRegex = false;
            boolean compiling = false;
            String regexCaller = null;
            for (RecordedFrame f : frames) {
                String n = name(f.getMethod());
                if (n.startsWith("org.abierto.") && !n.contains("$$Lambda")) {
                    if (innermost == null) {
                        innermost = n;
                    }
                    if (seen.add(n)) {
                        inclusive.computeIfAbsent(n, k -> new int[1])[0]++;
                    }
                } else if (innermost == null && n.startsWith("java.util.regex.")) {
                    inRegex = true;
                    compiling |= n.equals("java.util.regex.Pattern.<init>") || n.equals("java.util.regex.Pattern.compile");
                } else if (innermost == null && inRegex && regexCaller == null && !n.startsWith("java.lang.String")) {
                    regexCaller = n;
                }
            }
            String caller = innermost == null ? "(no Abierto frame)" : innermost;
            String callee = callee(frames);
            if (callee != null) {
                calls.computeIfAbsent(callee, k -> new int[1])[0]++;
            }
            nearest.computeIfAbsent(caller, k -> new int[1])[0]++;
            if (inRegex) {
                regexTotal++;
                regex.computeIfAbsent(regexCaller == null ? caller : caller + " ← " + regexCaller, k -> new int[1])[0]++;
                if (compiling) {
                    regexCompiled.computeIfAbsent(caller, k -> new int[1])[0]++;
                }
            }
        }

        out.append("### CPU samples by pipeline stage\n\n");
        out.append("| stage | samples | share | first – last sample (s after start) | threads |\n|---|---:|---:|---|---:|\n");
        byStage.entrySet().stream().sorted(Comparator.comparing(en -> spans.get(en.getKey())[0])).forEach(en -> {
            Instant[] span = spans.get(en.getKey());
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.1f – %.1f | %d |%n", en.getKey(), en.getValue()[0],
                    percent(en.getValue()[0], total), seconds(Duration.between(start, span[0])),
                    seconds(Duration.between(start, span[1])), threads.get(en.getKey()).size()));
        });

        out.append("\n### CPU samples by library (the sampled, innermost frame)\n\n");
        table(out, "code", byLibrary, total, TOP);
        out.append("\n### Hottest methods, self time (innermost frame)\n\n");
        table(out, "method", self, total, TOP);
        out.append("\n### Abierto methods, inclusive time (on the stack)\n\n");
        table(out, "method", inclusive, total, TOP);
        out.append("\n### Each sample charged to the innermost Abierto method on its stack (library time included)\n\n");
        table(out, "method", nearest, total, TOP);
        out.append("\n### Library calls made by Abierto, inclusive (the innermost Abierto method → the method it called)\n\n");
        table(out, "call", calls, total, TOP);
        out.append(String.format(Locale.ROOT, "%n### Regular expressions: %d samples (%.1f %%), by the Abierto method "
                + "(← the library method) that runs them%n%n",
                regexTotal, percent(regexTotal, total)));
        table(out, "method", regex, total, 12);
        int compiled = regexCompiled.values().stream().mapToInt(c -> c[0]).sum();
        out.append(String.format(Locale.ROOT, "%nOf these, %d samples (%.1f %% of all) compile a pattern at run time "
                + "(`Pattern.compile`, e.g. from `String.replaceAll`, `split`, `matches`):%n%n", compiled, percent(compiled, total)));
        table(out, "method", regexCompiled, total, 10);

        gc(out);
        jvm(out);
        allocation(out);
        return out.toString();
    }

    private void gc(StringBuilder out) {
        out.append("\n### Garbage collection and heap\n\n");
        Duration pauses = Duration.ZERO;
        Duration longest = Duration.ZERO;
        Map<String, int[]> byName = new LinkedHashMap<>();
        for (RecordedEvent e : gcs) {
            Duration d = e.getDuration("sumOfPauses");
            pauses = pauses.plus(d);
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
            byName.computeIfAbsent(e.getString("name"), k -> new int[1])[0]++;
        }
        long maxUsedAfter = 0;
        long maxCommitted = 0;
        for (RecordedEvent e : heaps) {
            long used = e.getLong("heapUsed");
            if ("After GC".equals(e.getString("when"))) {
                maxUsedAfter = Math.max(maxUsedAfter, used);
            }
            jdk.jfr.consumer.RecordedObject space = e.getValue("heapSpace");
            if (space != null) {
                maxCommitted = Math.max(maxCommitted, space.getLong("committedSize"));
            }
        }
        out.append(String.format(Locale.ROOT, "- collections: %d (%s); pauses %.2f s in all, the longest %.0f ms%n", gcs.size(),
                byName.entrySet().stream().map(en -> en.getValue()[0] + " " + en.getKey()).reduce((a, b) -> a + ", " + b).orElse("none"),
                seconds(pauses), longest.toNanos() / 1e6));
        out.append(String.format(Locale.ROOT, "- heap in use right after a collection (the live data, at most): %s%n", mib(maxUsedAfter)));
        out.append(String.format(Locale.ROOT, "- heap committed (at most): %s%n", mib(maxCommitted)));
    }

    /** What the JVM itself did besides running the build: the JIT compilers, class loading, and the machine's other load. */
    private void jvm(StringBuilder out) {
        out.append("\n### The JVM and the machine\n\n");
        if (compilerStatistics != null) {
            out.append(String.format(Locale.ROOT, "- JIT: %d methods compiled, %.1f s spent compiling (elapsed time summed over the compiler threads, which the samples above do not show)%n",
                    compilerStatistics.getInt("compileCount"), seconds(compilerStatistics.getDuration("totalTimeSpent"))));
        }
        if (classLoading != null) {
            out.append(String.format(Locale.ROOT, "- classes loaded: %d%n", classLoading.getLong("loadedClassCount")));
        }
        if (!cpuLoads.isEmpty()) {
            double jvm = 0;
            double machine = 0;
            for (RecordedEvent e : cpuLoads) {
                jvm += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                machine += e.getFloat("machineTotal");
            }
            out.append(String.format(Locale.ROOT, "- CPU use, averaged over %d one-second readings: this JVM %.0f %%, the whole machine %.0f %% "
                    + "(of all cores; the difference is other processes)%n", cpuLoads.size(), 100 * jvm / cpuLoads.size(),
                    100 * machine / cpuLoads.size()));
        }
    }

    private void allocation(StringBuilder out) {
        if (allocations.isEmpty()) {
            return;
        }
        Map<String, long[]> byStage = new HashMap<>();
        Map<String, long[]> byClass = new HashMap<>();
        long total = 0;
        for (RecordedEvent e : allocations) {
            long weight = e.getLong("weight");
            total += weight;
            byStage.computeIfAbsent(stage(frames(e.getStackTrace())), k -> new long[1])[0] += weight;
            byClass.computeIfAbsent(e.getClass("objectClass").getName(), k -> new long[1])[0] += weight;
        }
        out.append(String.format(Locale.ROOT, "%n### Allocation (JFR's sampled estimate: %s in all)%n%n", mib(total)));
        out.append("| stage | allocated | share |\n|---|---:|---:|\n");
        long all = total;
        byStage.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(en ->
                out.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% |%n", en.getKey(), mib(en.getValue()[0]),
                        100.0 * en.getValue()[0] / all)));
        out.append("\n| class | allocated | share |\n|---|---:|---:|\n");
        byClass.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(10).forEach(en ->
                out.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f %% |%n", en.getKey(), mib(en.getValue()[0]),
                        100.0 * en.getValue()[0] / all)));
    }

    /** The innermost Abierto frame and the library method it called, or null when Abierto's own code is sampled. */
    private static String callee(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String n = name(frames.get(i).getMethod());
            if (n.startsWith("org.abierto.") && !n.contains("$$Lambda")) {
                if (i == 0) {
                    return null;
                }
                String called = name(frames.get(i - 1).getMethod());
                return called.startsWith("org.abierto.") ? null : n + " → " + called;
            }
        }
        return null;
    }

    /**
     * The stage of a stack: the package of its outermost Abierto frame below the facade, the pipeline
     * that runs the stages (the classes of {@code org.abierto} itself, their lambdas included) and the CLI.
     */
    static String stage(List<RecordedFrame> frames) {
        return stageOf(frames.stream().map(f -> f.getMethod().getType().getName()).toList());
    }

    /** {@link #stage} of a stack given as its frames' class names, innermost first. */
    static String stageOf(List<String> types) {
        for (int i = types.size() - 1; i >= 0; i--) {
            String type = types.get(i);
            if (type.startsWith("org.abierto.") && !type.startsWith("org.abierto.cli.")) {
                // A package is lower case; a class of org.abierto itself (or its lambda, whose hidden
                // class name JFR writes as Pipeline$$Lambda$452.0x…) is not a stage.
                String first = type.substring("org.abierto.".length()).split("\\.")[0];
                if (Character.isLowerCase(first.charAt(0))) {
                    return first;
                }
            }
        }
        for (String type : types) {
            if (type.startsWith("org.abierto.")) {
                return "facade, pipeline and CLI";
            }
        }
        return "outside Abierto (JVM start-up, class loading, JIT-compiled stubs)";
    }

    /** A library by its package: the first two or three parts ({@code com.vladsch.flexmark}, {@code java.util.regex}). */
    static String library(String type) {
        String[] parts = type.split("\\.");
        if (parts.length <= 2) {
            return type;
        }
        int keep = parts[0].equals("java") || parts[0].equals("jdk") || parts[0].equals("sun")
                || parts[0].equals("com") || parts[0].equals("org") ? 3 : 2;
        if (type.startsWith("org.abierto.")) {
            keep = 3;
        }
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(keep, parts.length - 1)));
    }

    private static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
    }

    private static String name(RecordedMethod m) {
        return m.getType().getName() + "." + m.getName();
    }

    private static String threadName(RecordedEvent e) {
        var thread = e.getThread("sampledThread");
        return thread == null ? "?" : thread.getJavaName();
    }

    private static void table(StringBuilder out, String what, Map<String, int[]> counts, int total, int limit) {
        out.append("| ").append(what).append(" | samples | share |\n|---|---:|---:|\n");
        counts.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0])).limit(limit)
                .forEach(en -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f %% |%n", en.getKey(),
                        en.getValue()[0], percent(en.getValue()[0], total))));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }
}
