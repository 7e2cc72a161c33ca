package org.abierto.cli;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.abierto.BuildSummary;
import org.abierto.Progress;
import org.abierto.check.ExternalLinks;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Strictness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code abierto} command. Maps arguments to a {@link BuildRequest} and a {@link BuildResult}
 * to text and an exit code: 0 success, 1 content or template errors, 2 usage errors, 3 a bug.
 */
@Command(name = "abierto", mixinStandardHelpOptions = true, versionProvider = AbiertoCommand.Version.class,
        description = "Builds an accessible, bilingual static site from a report kept as Markdown and YAML.",
        subcommands = {AbiertoCommand.Build.class, AbiertoCommand.Check.class, AbiertoCommand.Pdf.class, ServeCommand.class,
                TranslationsCommand.class,
                NewCommand.class,
                CommandLine.HelpCommand.class})
public final class AbiertoCommand implements Runnable {
    static final int CONTENT_ERRORS = 1;
    /** picocli answers usage errors with 2 (CommandLine.ExitCode.USAGE). */
    static final int USAGE_ERRORS = CommandLine.ExitCode.USAGE;
    static final int INTERNAL_ERROR = 3;
    /** The Java machine ran out of memory: neither the content's fault nor a bug, and more memory or less work helps. */
    static final int OUT_OF_MEMORY = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        var sized = HeapForSite.command(args, Boolean.getBoolean(HeapForSite.STARTED_AGAIN), () -> java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                ProcessHandle.current().info().command(), System.getProperty("java.class.path"), Path.of(""));
        if (sized.isPresent()) {
            try {
                System.exit(HeapForSite.run(sized.get()));
            } catch (IOException e) {
                // no second JVM: this one builds, with its own heap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(INTERNAL_ERROR);
            }
        }
        quietOnOutOfMemory();
        System.exit(run(args, System.out, System.err, Path.of("")));
    }

    /** Runs the command with the given streams; returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingDir) {
        var cli = new CommandLine(new AbiertoCommand(), new Factory(workingDir.toAbsolutePath()));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug");
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("abierto: internal error: " + e
                        + " (this is a bug in Abierto, not in your content; run again with --debug and report it)");
            }
            return INTERNAL_ERROR;
        });
        // Made before the run: once the heap is full, making a string can fail too.
        byte[] outOfMemory = (outOfMemory(Runtime.getRuntime().maxMemory()) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | NoClassDefFoundError e) {
            // Errors pass picocli's handler. A class of Java's own that could not be initialised is the heap
            // running out in another thread (a parallel stage's worker) at that moment; anything else is a bug.
            if (e instanceof NoClassDefFoundError && !String.valueOf(e.getMessage()).startsWith("Could not initialize class java.")) {
                throw e;
            }
            try {
                err.write(outOfMemory, 0, outOfMemory.length);
                err.flush();
            } catch (Throwable alsoOutOfMemory) {
                // nothing more can be said; the exit code still says it
            }
            return OUT_OF_MEMORY;
        }
    }

    /**
     * Threads other than the command's own end quietly when Java runs out of memory: the command reports
     * it once (above), and their stack traces would bury that. Anything else they meet is printed as Java does.
     */
    static void quietOnOutOfMemory() {
        Thread.UncaughtExceptionHandler java = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError || e instanceof NoClassDefFoundError && String.valueOf(e.getMessage()).startsWith("Could not initialize class java.")) {
                return;
            }
            if (java != null) {
                java.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });
    }

    /** What to do when a run needs more memory than Java was given: the output is replaced only by a finished build. */
    static String outOfMemory(long maxHeapBytes) {
        return "abierto: out of memory: this run needed more than the " + maxHeapBytes / (1024 * 1024) + " MiB Java was given; "
                + "nothing was written, the output is as it was. Give Java more (ABIERTO_JAVA_OPTS=-Xmx2g for this command, "
                + "MAVEN_OPTS for the Maven goals), or leave out the PDF, which needs the most (--no-pdf)";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build or check");
    }

    /** The options shared by build and check. */
    static class Inputs {
        @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "The content folder (default: ${DEFAULT-VALUE}).")
        Path content;

        @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates", description = "The templates folder (default: ${DEFAULT-VALUE}).")
        Path templates;

        @Option(names = "--base-url", paramLabel = "URL", description = "The address the site will be published at, e.g. https://example.gob.mx/informe/ (default: baseUrl of site.yaml).")
        String baseUrl;

        @Option(names = "--strict", description = Strictness.STRICT_HELP)
        boolean strict;

        @Option(names = "--check-external", description = "Also ask the servers of external links whether they still answer (needs the network; answers are remembered for a week).")
        boolean checkExternal;

        @Option(names = "--debug", description = "Print stack traces of internal errors.")
        boolean debug;

        /** The --base-url given, or null; a value that is not an address is a usage error, said before anything runs. */
        String baseUrl(CommandLine command) {
            if (baseUrl != null) {
                org.abierto.model.SiteConfig.baseUrlProblem(baseUrl).ifPresent(problem -> {
                    throw new CommandLine.ParameterException(command, "--base-url " + baseUrl + ": " + problem);
                });
            }
            return baseUrl;
        }
    }

    /** Shared by build and check: run, print every diagnostic, then one summary line. */
    abstract static class Run implements Callable<Integer> {
        @Mixin
        Inputs inputs = new Inputs();

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text (default), or json: one report for CI, see docs/check-report.schema.json.")
        String format;

        @Option(names = "--require-deliverables", description = Strictness.DELIVERABLES_HELP)
        boolean requireDeliverables;

        @Option(names = "--no-pdf", description = "Do not make the PDF of each language (nor link it from the pages).")
        boolean noPdf;

        @Option(names = "--no-offline", description = "Do not make the offline copy of the site (a ZIP).")
        boolean noOffline;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        final Path workingDir;

        Run(Path workingDir) {
            this.workingDir = workingDir;
        }

        abstract Path out();

        abstract boolean writes();

        boolean gzip() {
            return false;
        }

        @Override
        public Integer call() {
            if (!format.equals("text") && !format.equals("json")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format is text or json, not " + format);
            }
            Path out = resolve(out());
            var request = new BuildRequest(resolve(inputs.content), resolve(inputs.templates), out, inputs.baseUrl(spec.commandLine()),
                    inputs.strict, gzip(), inputs.checkExternal
                            ? ExternalLinks.Options.defaults(out.resolveSibling("abierto-link-cache.json")) : null,
                    requireDeliverables).withDownloads(!noPdf, !noOffline);
            if (writes() && request.outputConflict().isPresent()) {
                // A wrong option, not a problem of the content: said before anything is read.
                throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out() + ": refusing to write the site there: "
                        + request.outputConflict().get());
            }
            long start = System.nanoTime();
            Progress progress = format.equals("text") ? TerminalProgress.on(spec.commandLine().getErr()) : Progress.NONE;
            BuildResult result = writes() ? new Abierto().build(request, progress) : new Abierto().check(request, progress);
            if (progress instanceof TerminalProgress terminal) {
                terminal.clear();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (format.equals("json")) {
                spec.commandLine().getOut().print(result.json(workingDir));
                spec.commandLine().getOut().flush();
                return result.succeeded() ? 0 : CONTENT_ERRORS;
            }
            PrintWriter err = spec.commandLine().getErr();
            for (Diagnostic d : result.diagnostics()) {
                err.println(d.format(workingDir));
            }
            PrintWriter summaryTo = result.succeeded() ? spec.commandLine().getOut() : err;
            summaryTo.println(BuildSummary.line(result, !writes(), elapsed, Diagnostic.display(request.outputDir(), workingDir)));
            return result.succeeded() ? 0 : CONTENT_ERRORS;
        }

        Path resolve(Path p) {
            return workingDir.resolve(p).normalize();
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build the site into the output folder; the previous output is replaced only if the build succeeds.")
    static final class Build extends Run {
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "site/target/site", description = "The output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--gzip", description = "Also write a gzip-compressed copy (file.gz) of each text file, for servers that serve them as they are.")
        boolean gzip;

        Build(Path workingDir) {
            super(workingDir);
        }

        @Override
        Path out() {
            return out;
        }

        @Override
        boolean gzip() {
            return gzip;
        }

        @Override
        boolean writes() {
            return true;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Verify everything a build verifies, writing nothing.")
    static final class Check extends Run {
        Check(Path workingDir) {
            super(workingDir);
        }

        @Override
        Path out() {
            return Path.of("site/target/site");
        }

        @Override
        boolean writes() {
            return false;
        }
    }

    @Command(name = "pdf", mixinStandardHelpOptions = true,
            description = "Make only the PDF of each language, into its own folder; the site is not built.")
    static final class Pdf implements Callable<Integer> {
        @Mixin
        Inputs inputs = new Inputs();

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "site/target/pdf",
                description = "The folder for the PDFs, one per language as LANGUAGE/TITLE.pdf (default: ${DEFAULT-VALUE}).")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Path workingDir;

        Pdf(Path workingDir) {
            this.workingDir = workingDir;
        }

        @Override
        public Integer call() {
            var request = new BuildRequest(workingDir.resolve(inputs.content).normalize(), workingDir.resolve(inputs.templates).normalize(),
                    workingDir.resolve(out).normalize(), inputs.baseUrl, inputs.strict);
            if (request.outputConflict().isPresent()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": refusing to write the PDFs there: "
                        + request.outputConflict().get());
            }
            long start = System.nanoTime();
            BuildResult result = new Abierto().pdf(request);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            PrintWriter err = spec.commandLine().getErr();
            for (Diagnostic d : result.diagnostics()) {
                err.println(d.format(workingDir));
            }
            String time = String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
            String problems = result.errors() + " error" + (result.errors() == 1 ? "" : "s") + ", "
                    + result.warnings() + " warning" + (result.warnings() == 1 ? "" : "s");
            if (!result.succeeded()) {
                err.println("PDF failed: " + problems + " (" + time + ")");
                return CONTENT_ERRORS;
            }
            spec.commandLine().getOut().println("Made " + result.files() + " PDF" + (result.files() == 1 ? "" : "s") + " → "
                    + Diagnostic.display(request.outputDir(), workingDir) + ": " + problems + " (" + time + ")");
            return 0;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            var properties = new Properties();
            try (InputStream in = AbiertoCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"abierto " + properties.getProperty("version", "unknown")};
        }
    }

    /** Gives subcommands the working directory, so tests can run the CLI in a temporary folder. */
    private record Factory(Path workingDir) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (Run.class.isAssignableFrom(type) || type == TranslationsCommand.class || type == ServeCommand.class || type == Pdf.class
                    || type == NewCommand.Page.class || type == NewCommand.Site.class) {
                return type.getDeclaredConstructor(Path.class).newInstance(workingDir);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
