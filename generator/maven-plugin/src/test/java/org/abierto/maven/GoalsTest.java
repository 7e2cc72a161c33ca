package org.abierto.maven;

import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every goal does alike, without Maven: skip, and an unexpected exception turned into a
 * MojoExecutionException. The goals as Maven runs them are tested by src/it (maven-invoker-plugin).
 */
class GoalsTest {
    @TempDir
    Path dir;

    private <T extends AbstractAbiertoMojo> T configured(T goal) {
        goal.content = dir.resolve("content").toFile();
        goal.templates = dir.resolve("templates").toFile();
        goal.out = dir.resolve("out").toFile();
        goal.executionRoot = dir.toFile();
        return goal;
    }

    @Test
    void anUnexpectedExceptionBecomesAMojoExecutionExceptionWithItsCause() {
        var bug = new IllegalStateException("a bug in the core");
        var check = configured(new CheckMojo() {
            @Override
            BuildResult run(BuildRequest request) {
                throw bug;
            }
        });
        var e = assertThrows(MojoExecutionException.class, check::execute);
        assertSame(bug, e.getCause());
        assertTrue(e.getMessage().startsWith("Abierto stopped on an unexpected error: java.lang.IllegalStateException: a bug in the core"),
                e.getMessage());
    }

    @Test
    void serveHonoursSkipAndTouchesNothing() throws Exception {
        // Nothing configured but skip: a goal that went on would fail on the missing parameters (or serve until stopped).
        var serve = new ServeMojo();
        serve.skip = true;
        serve.execute();
        assertFalse(dir.resolve("out").toFile().exists());
    }

    @Test
    void buildAndCheckHonourSkip() throws Exception {
        for (AbstractBuildMojo goal : new AbstractBuildMojo[] {new BuildMojo(), new CheckMojo()}) {
            goal.skip = true;
            goal.execute();
        }
    }

    @Test
    void aPortOutOfRangeIsAConfigurationError() {
        var serve = configured(new ServeMojo());
        serve.bind = "127.0.0.1";
        serve.port = 99999;
        var e = assertThrows(MojoExecutionException.class, serve::execute);
        assertEquals("abierto.port is 99999: give a port from 1 to 65535, or 0 for any free one", e.getMessage());
    }
}
