package org.abierto;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BuildSummaryTest {
    @Test
    void aRebuildUnderASecondSaysItsMilliseconds() {
        assertEquals("0 ms", BuildSummary.time(Duration.ofNanos(999_999)));
        assertEquals("42 ms", BuildSummary.time(Duration.ofMillis(42)));
        assertEquals("999 ms", BuildSummary.time(Duration.ofMillis(999)));
    }

    @Test
    void aBuildOfASecondOrMoreSaysItsSecondsToATenth() {
        assertEquals("1.0 s", BuildSummary.time(Duration.ofMillis(1000)));
        assertEquals("2.4 s", BuildSummary.time(Duration.ofMillis(2360)));
        assertEquals("61.0 s", BuildSummary.time(Duration.ofSeconds(61)));
    }

    @Test
    void theLineEndsWithTheTime() {
        var result = new BuildResult(java.util.List.of(), java.util.Map.of("es", 2), 7, false);
        assertEquals("Built 2 pages (es 2), 7 files in all → out: 0 errors, 0 warnings (35 ms)",
                BuildSummary.line(result, false, Duration.ofMillis(35), "out"));
        assertEquals("Checked 2 pages (es 2): 0 errors, 0 warnings (1.5 s)",
                BuildSummary.line(result, true, Duration.ofMillis(1500), "out"));
    }
}
