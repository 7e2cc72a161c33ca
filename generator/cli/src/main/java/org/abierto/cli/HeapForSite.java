package org.abierto.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A build of a large site started as {@code java -jar abierto.jar build}, without the launcher: the
 * JVM's default heap bound is a quarter of the machine's memory, and its default collector grows the
 * heap towards it rather than collect (2.9 GB at 20,000 pages on a 24 GB machine, against about 850 MB
 * through the launcher). A JVM cannot lower its own bound, so such a build runs again in a JVM sized as
 * the launcher (src/main/sh/abierto) sizes it, from the number of pages rather than the machine: the
 * serial collector, 256 MiB and 26 MiB per 1,000 pages, and C1 alone below 30,000 pages. A JVM given a
 * heap or a collector of its own is left as it is, and so is any other command, and a small site.
 */
final class HeapForSite {
    /** From this many Markdown files under {@code --content}, a site is large (the launcher's {@code large_pages}). */
    static final int LARGE = 2_500;
    /** Below this many, C1 alone (the launcher's {@code ABIERTO_C1_PAGES}). */
    static final int C1_PAGES = 30_000;
    /** Set in the JVM started again, so that it does not start another. */
    static final String STARTED_AGAIN = "abierto.sizedForSite";

    private static final Set<String> COMMANDS = Set.of("build", "check");

    private HeapForSite() {
    }

    /** The heap bound for a site of this many pages, in MiB (as the launcher computes it). */
    static long heapMiB(long pages) {
        return 256 + pages * 26 / 1000;
    }

    /**
     * The java command that runs these arguments again in a JVM sized for the site, or empty when this
     * JVM should run them itself.
     *
     * @param args      the command line's arguments
     * @param sized     whether whoever started this JVM sized it for the site (the launcher, or this class) and
     *                  said so with {@code -Dabierto.sizedForSite=true}: then the content is not walked at all
     * @param jvm       this JVM's own options (kept, so that system properties and agents carry over); asked
     *                  only for a large site, as reading them loads the management classes
     * @param java      this JVM's executable, when known
     * @param classPath this JVM's class path
     * @param workingDir where a relative {@code --content} is
     */
    static Optional<List<String>> command(String[] args, boolean sized, Supplier<List<String>> jvm, Optional<String> java,
                                          String classPath, Path workingDir) {
        if (sized || args.length == 0 || !COMMANDS.contains(args[0]) || java.isEmpty() || classPath == null || classPath.isEmpty()) {
            return Optional.empty();
        }
        long pages = pages(workingDir.resolve(content(args)));
        List<String> options = pages < LARGE ? List.of() : jvm.get();
        if (pages < LARGE || options.stream().anyMatch(o -> sizesTheJvm(o) || writesItselfAtExit(o))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(options);
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx" + heapMiB(pages) + "m");
        if (pages < C1_PAGES) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-D" + STARTED_AGAIN + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(AbiertoCommand.class.getName());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** An option by which whoever started the JVM chose its heap or its collector (or this class did). */
    private static boolean sizesTheJvm(String option) {
        return option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-XX:MaxHeapSize")
                || option.startsWith("-XX:InitialHeapSize") || option.startsWith("-XX:MaxRAM")
                || (option.startsWith("-XX:+Use") && option.endsWith("GC")) || option.startsWith("-D" + STARTED_AGAIN);
    }

    /**
     * An option by which the JVM writes a file about itself as it ends (a flight recording, a class archive): its
     * user measures this JVM, and a second one given the same option would write the same file at the same time.
     */
    private static boolean writesItselfAtExit(String option) {
        return option.startsWith("-XX:StartFlightRecording") || option.startsWith("-XX:ArchiveClassesAtExit");
    }

    /** The value of {@code --content} (picocli's two spellings), or its default. */
    private static String content(String[] args) {
        String content = "content";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--content") && i + 1 < args.length) {
                content = args[i + 1];
            } else if (args[i].startsWith("--content=")) {
                content = args[i].substring("--content=".length());
            }
        }
        return content;
    }

    /** The Markdown files under a folder, as the launcher counts them ({@code find -name '*.md' -type f}). */
    static long pages(Path content) {
        if (!Files.isDirectory(content)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // the build will say what it cannot read
        }
    }

    /** Runs the command with this process's streams; its exit code. */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        Thread stop = new Thread(process::destroy); // stopped (not killed) here: stop the build too
        Runtime.getRuntime().addShutdownHook(stop);
        int code = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }
}
