package org.abierto.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileSummaryTest {
    @Test
    void aSampleBelongsToTheStageThePipelineCalledNotToThePipeline() {
        // Innermost frame first, as JFR gives them.
        assertEquals("parse", ProfileSummary.stageOf(List.of("com.vladsch.flexmark.parser.Parser",
                "org.abierto.parse.Markdown", "org.abierto.parse.PageParser", "org.abierto.Pipeline",
                "org.abierto.Abierto", "org.abierto.cli.AbiertoCommand")));
        assertEquals("check", ProfileSummary.stageOf(List.of("org.jsoup.Jsoup", "org.abierto.check.HtmlChecker",
                "org.abierto.check.HtmlChecker$Pass", "org.abierto.Pipeline$$Lambda$452.0x00007f91f42522e8",
                "java.util.stream.ForEachOps$ForEachTask", "org.abierto.Pipeline")));
        assertEquals("facade, pipeline and CLI", ProfileSummary.stageOf(List.of("java.util.TreeSet",
                "org.abierto.Pipeline", "org.abierto.cli.AbiertoCommand")));
        assertEquals("outside Abierto (JVM start-up, class loading, JIT-compiled stubs)",
                ProfileSummary.stageOf(List.of("java.lang.ClassLoader")));
    }
}
