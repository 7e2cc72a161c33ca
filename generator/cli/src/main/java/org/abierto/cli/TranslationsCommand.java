package org.abierto.cli;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.TranslationReport;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.model.TranslationStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code abierto translations}: the status of every translation, and marking translations as current. */
@Command(name = "translations", mixinStandardHelpOptions = true,
        description = {"Show whether each translated page follows the current version of its original.",
                "With --mark, record that the given translations are up to date with their originals."})
final class TranslationsCommand implements Callable<Integer> {
    @Mixin
    AbiertoCommand.Inputs inputs = new AbiertoCommand.Inputs();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json.")
    String format;

    @Option(names = "--mark", description = "Record the original's current version in the given translation files.")
    boolean mark;

    @Option(names = "--all", description = "With --mark: mark every translation.")
    boolean all;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Translation files to mark, e.g. content/en/roadmap/diagnosis.md.")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Path workingDir;

    TranslationsCommand(Path workingDir) {
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is text or json, not " + format);
        }
        if (mark && files.isEmpty() && !all) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mark needs the translation files to mark, or --all");
        }
        if (!mark && (all || !files.isEmpty())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "files and --all go with --mark");
        }
        var request = new BuildRequest(workingDir.resolve(inputs.content), workingDir.resolve(inputs.templates),
                workingDir.resolve("site/target/site"), inputs.baseUrl(spec.commandLine()), false);
        TranslationReport report = new Abierto().translations(request, mark,
                files.stream().map(workingDir::resolve).toList(), all);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        report.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println(d.format(workingDir)));
        if (!report.succeeded()) {
            return AbiertoCommand.CONTENT_ERRORS;
        }
        report.marked().forEach(f -> err.println("marked " + Diagnostic.display(f, workingDir)));
        if (format.equals("json")) {
            out.print(report.json(workingDir));
        } else {
            table(report, out);
        }
        out.flush();
        return inputs.strict && !report.allCurrent() ? AbiertoCommand.CONTENT_ERRORS : 0;
    }

    private void table(TranslationReport report, PrintWriter out) {
        int width = report.statuses().stream().mapToInt(s -> shown(s.originalFile()).length()).max().orElse(8);
        out.printf("%-9s %-" + width + "s  %s%n", "STATE", "ORIGINAL", "TRANSLATION");
        for (TranslationStatus s : report.statuses()) {
            out.printf("%-9s %-" + width + "s  %s%n", s.stateId(), shown(s.originalFile()),
                    s.translationFile() == null ? "(" + s.language() + ": none)" : shown(s.translationFile()));
        }
        out.println(report.statuses().size() + " translations: " + report.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    }

    private String shown(Path file) {
        return Diagnostic.display(file, workingDir);
    }
}
