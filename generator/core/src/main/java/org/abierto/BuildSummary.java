package org.abierto;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one line that ends every run: what was built, how many problems, how long it took. */
public final class BuildSummary {
    private BuildSummary() {
    }

    /**
     * @param result  the run's result
     * @param checked whether the run only checked (wrote nothing)
     * @param elapsed how long the run took
     * @param output  the output folder as the user named it
     */
    public static String line(BuildResult result, boolean checked, Duration elapsed, String output) {
        String time = time(elapsed);
        String problems = count(result.errors(), "error") + ", " + count(result.warnings(), "warning");
        long unlinked = result.deliverablesWithoutAddress();
        if (unlinked > 0) {
            problems += " (" + count(unlinked, "deliverable") + " without an address, shown as not yet online)";
        }
        if (!result.succeeded()) {
            return (checked ? "Check failed: " : "Build failed: ") + problems
                    + (checked ? "" : "; " + output + " was left as it was") + " (" + time + ")";
        }
        int total = result.pages().values().stream().mapToInt(Integer::intValue).sum();
        String perLanguage = result.pages().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String what = count(total, "page") + " (" + perLanguage + ")";
        return checked
                ? "Checked " + what + ": " + problems + " (" + time + ")"
                : "Built " + what + ", " + count(result.files(), "file") + " in all → " + output + ": " + problems + " (" + time + ")";
    }

    /** "42 ms" under a second, where a preview's rebuilds are and tenths of a second would all read 0.0; "3.1 s" above. */
    static String time(Duration elapsed) {
        long millis = elapsed.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
