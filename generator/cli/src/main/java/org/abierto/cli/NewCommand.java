package org.abierto.cli;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.diagnostic.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code abierto new page FILE} and {@code abierto new site DIR}. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a page (with its translations) or a whole new report.",
        subcommands = {NewCommand.Page.class, NewCommand.Site.class})
final class NewCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to create: page or site");
    }

    static int report(Abierto.ScaffoldResult result, Path workingDir, CommandLine.Model.CommandSpec spec) {
        result.diagnostics().forEach(d -> spec.commandLine().getErr().println(d.format(workingDir)));
        result.created().forEach(f -> spec.commandLine().getOut().println("created " + Diagnostic.display(f, workingDir)));
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return result.succeeded() ? 0 : AbiertoCommand.CONTENT_ERRORS;
    }

    @Command(name = "page", mixinStandardHelpOptions = true,
            description = {"Create a page of the original language and, in the matching sections, its translations.",
                    "Both are drafts until you remove 'draft: true'. Example: abierto new page content/es/ruta-de-trabajo/nueva-fase.md "
                            + "--translation-name new-phase"})
    static final class Page implements Callable<Integer> {
        @Mixin
        AbiertoCommand.Inputs inputs = new AbiertoCommand.Inputs();

        @Option(names = "--title", description = "The page's title (default: made from the file name).")
        String title;

        @Option(names = "--translation-name", paramLabel = "[LANG=]NAME",
                description = {"The file name of the translation, in its language: its address (e.g. --translation-name new-phase "
                        + "makes content/en/roadmap/new-phase.md). LANG= names the language when the report has several others."})
        java.util.List<String> translationNames = new java.util.ArrayList<>();

        @Parameters(paramLabel = "FILE", description = "The new Markdown file, e.g. content/es/ruta-de-trabajo/nueva-fase.md.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Path workingDir;

        Page(Path workingDir) {
            this.workingDir = workingDir;
        }

        @Override
        public Integer call() {
            var request = new BuildRequest(workingDir.resolve(inputs.content).normalize(), workingDir.resolve(inputs.templates).normalize(),
                    workingDir.resolve("site/target/site"), null, false);
            var names = new java.util.LinkedHashMap<String, String>();
            for (String given : translationNames) {
                int equals = given.indexOf('=');
                names.put(equals < 0 ? "" : given.substring(0, equals), given.substring(equals + 1));
            }
            return report(new Abierto().newPage(request, workingDir.resolve(file), title, names), workingDir, spec);
        }
    }

    @Command(name = "site", mixinStandardHelpOptions = true,
            description = "Create a new bilingual report in DIR (content/ and templates/) that builds as it is.")
    static final class Site implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "An empty or new folder.")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Path workingDir;

        Site(Path workingDir) {
            this.workingDir = workingDir;
        }

        @Override
        public Integer call() {
            return report(new Abierto().newSite(workingDir.resolve(dir)), workingDir, spec);
        }
    }
}
