package org.abierto.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher script (src/main/sh/abierto) chooses the JVM's options from the Java it runs on and
 * the size of the work; ABIERTO_LAUNCHER_DRY_RUN=1 makes it print the java command it would run.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    @TempDir
    Path dir;

    Path launcher;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        // A copy, beside which the test places (or not) the archive and the cache the script looks for.
        Files.createDirectories(dir.resolve("bin"));
        launcher = dir.resolve("bin/abierto");
        Files.copy(Path.of("src/main/sh/abierto"), launcher);
    }

    private Path content(int pages) throws IOException {
        Path content = dir.resolve("content-" + pages);
        if (Files.isDirectory(content)) {
            return content;
        }
        for (int i = 0; i < pages; i++) {
            Path page = content.resolve("es/capitulo-" + i / 100 + "/pagina-" + i + ".md");
            Files.createDirectories(page.getParent());
            Files.writeString(page, "---\ntitle: P\n---\n");
        }
        Files.createDirectories(content.resolve("static"));
        Files.writeString(content.resolve("static/nota.txt"), "not a page\n");
        return content;
    }

    private Path javaHome(String release) throws IOException {
        Path home = dir.resolve("java-" + Math.abs(release.hashCode()));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), release);
        return home;
    }

    private String command(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("ABIERTO_JAVA_OPTS");
        builder.environment().remove("ABIERTO_C1_PAGES");
        builder.environment().remove("ABIERTO_HUGE_PAGES");
        builder.environment().put("ABIERTO_HUGE_PAGES_SETTING", dir.resolve("no-such-setting").toString());
        builder.environment().put("ABIERTO_LAUNCHER_DRY_RUN", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    @Test
    void aSmallBuildRunsOnC1AloneAndALargeOneKeepsBothCompilers() throws Exception {
        var env = Map.of("ABIERTO_C1_PAGES", "50");
        String small = command(env, "build", "--content", content(49).toString(), "--out", "x");
        assertTrue(small.contains(" -XX:TieredStopAtLevel=1 "), small);
        assertTrue(small.contains(" -XX:+UseSerialGC "), small);

        String large = command(env, "build", "--content=" + content(50), "--out", "x");
        assertFalse(large.contains("TieredStopAtLevel"), large);
        assertTrue(large.contains(" -XX:+UseSerialGC "), large);
        assertTrue(large.endsWith("/bin/abierto.jar build --content=" + content(50) + " --out x"), large);

        assertTrue(command(Map.of(), "build", "--content", content(2500).toString()).contains(" -XX:TieredStopAtLevel=1 "),
                "below 30,000 pages unless ABIERTO_C1_PAGES says otherwise");
    }

    @Test
    void fromTwoThousandFiveHundredPagesTheHeapIsBoundedByTheNumberOfPages() throws Exception {
        assertFalse(command(Map.of(), "build", "--content", content(2499).toString()).contains("-Xmx"));
        String large = command(Map.of(), "build", "--content", content(2500).toString());
        assertTrue(large.contains(" -Xmx321m "), large); // 256 MiB and 26 MiB for each 1,000 of the 2,500 pages
        assertTrue(command(Map.of("ABIERTO_LARGE_HEAP", "2g"), "build", "--content", content(2500).toString()).contains(" -Xmx2g "));
    }

    @Test
    void theJarStartedWithoutTheLauncherSizesALargeSiteAsTheLauncherDoes() throws Exception {
        for (int pages : new int[]{2499, 2500, 2501}) {
            String launched = command(Map.of(), "build", "--content", content(pages).toString());
            assertTrue(launched.contains(" -D" + HeapForSite.STARTED_AGAIN + "=true "), "the jar is told not to size it again: " + launched);
            var sized = HeapForSite.command(new String[]{"build", "--content", content(pages).toString()}, false, List::of,
                    java.util.Optional.of("java"), "abierto.jar", dir);
            assertEquals(launched.contains("-Xmx"), sized.isPresent(), pages + " pages");
            sized.ifPresent(c -> {
                for (String option : List.of(c.get(1), c.get(2), c.get(3))) { // collector, heap, compilers
                    assertTrue(launched.contains(" " + option + " "), option + " not in " + launched);
                }
            });
        }
    }

    @Test
    void serveKeepsTheJvmsHeapAndChoosesTheCompilersAndTheCollectorBySize() throws Exception {
        var env = Map.of("ABIERTO_C1_PAGES", "50");
        String small = command(env, "serve", "--content", content(49).toString());
        assertTrue(small.contains(" -XX:TieredStopAtLevel=1 "), small);
        assertTrue(small.contains(" -XX:+UseSerialGC "), small);
        assertFalse(small.contains("-Xmx"), small);

        String large = command(env, "serve", "--content", content(50).toString());
        assertFalse(large.contains("TieredStopAtLevel"), large);
        assertTrue(large.contains(" -XX:+UseSerialGC "), "the collector goes by the site's size alone: " + large);
        assertFalse(large.contains("-Xmx"), large);

        String belowLarge = command(Map.of(), "serve", "--content", content(2499).toString());
        assertTrue(belowLarge.contains(" -XX:TieredStopAtLevel=1 "), belowLarge);
        assertTrue(belowLarge.contains(" -XX:+UseSerialGC "), belowLarge);
        String largeSite = command(Map.of(), "serve", "--content", content(2500).toString());
        assertFalse(largeSite.contains("TieredStopAtLevel"), "a large site's preview keeps both compilers: " + largeSite);
        assertFalse(largeSite.contains("UseSerialGC"), "and the JVM's collector: " + largeSite);
        assertFalse(largeSite.contains("-Xmx"), largeSite);
        assertFalse(largeSite.contains(HeapForSite.STARTED_AGAIN), largeSite);
    }

    @Test
    void hugePagesWhereTheKernelOffersThemOnRequest() throws Exception {
        Path setting = dir.resolve("enabled");
        var env = Map.of("ABIERTO_HUGE_PAGES_SETTING", setting.toString());
        Files.writeString(setting, "always [madvise] never\n");
        assertTrue(command(env, "build", "--out", "x").contains(" -XX:+UseTransparentHugePages "));
        assertTrue(command(env, "serve").contains(" -XX:+UseTransparentHugePages "));
        assertFalse(command(Map.of("ABIERTO_HUGE_PAGES_SETTING", setting.toString(), "ABIERTO_HUGE_PAGES", "off"),
                "build", "--out", "x").contains("TransparentHugePages"));
        Files.writeString(setting, "[always] madvise never\n");
        assertTrue(command(env, "build", "--out", "x").contains(" -XX:+UseTransparentHugePages "));
        Files.writeString(setting, "always madvise [never]\n");
        assertFalse(command(env, "build", "--out", "x").contains("TransparentHugePages"));
        Files.delete(setting); // a kernel without them, or another system
        assertFalse(command(env, "build", "--out", "x").contains("TransparentHugePages"));
    }

    @Test
    void java25UsesTheAheadOfTimeCacheAndJava17TheClassDataArchive() throws Exception {
        Files.writeString(dir.resolve("bin/abierto.aot"), "");
        Files.writeString(dir.resolve("bin/abierto.jsa"), "");
        Path java25 = javaHome("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        Path java17 = javaHome("JAVA_VERSION=\"17.0.15\"\n");

        String on25 = command(Map.of("JAVA_HOME", java25.toString()), "--version");
        assertTrue(on25.startsWith(java25 + "/bin/java "), on25);
        assertTrue(on25.contains(" -XX:AOTCache=" + dir.resolve("bin").toRealPath() + "/abierto.aot "), on25);
        assertFalse(on25.contains("SharedArchiveFile"), on25);

        String on17 = command(Map.of("JAVA_HOME", java17.toString()), "--version");
        assertTrue(on17.contains(" -XX:SharedArchiveFile=" + dir.resolve("bin").toRealPath() + "/abierto.jsa "), on17);
        assertFalse(on17.contains("AOTCache"), on17);
    }

    @Test
    void withoutItsCacheJava25StartsPlainly() throws Exception {
        Path java25 = javaHome("JAVA_VERSION=\"25\"\n");
        String on25 = command(Map.of("JAVA_HOME", java25.toString()), "--version");
        assertFalse(on25.contains("AOTCache="), on25);
        assertFalse(on25.contains("SharedArchiveFile"), on25);
    }
}
