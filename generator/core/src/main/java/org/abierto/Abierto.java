package org.abierto;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.ExternalLinks;
import org.abierto.check.HtmlChecker;
import org.abierto.check.SafelistFilter;
import org.abierto.edit.FrontMatterEditor;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.load.StaticFile;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;
import org.abierto.model.TranslationStatus;
import org.abierto.parse.ContentParser;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;
import org.abierto.render.RenderedPage;
import org.abierto.write.SiteWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Abierto's API: builds a report site from content and templates. The pipeline, in order:
 * load → parse → assemble → render → check → write. Each stage reports every problem it finds;
 * the next stage does not start once there are errors, and nothing is written then.
 *
 * <p>Never prints and never exits: problems are diagnostics in the {@link BuildResult}.
 */
public final class Abierto {

    /** Builds the site and, when it has no errors, replaces the output folder with it. */
    public BuildResult build(BuildRequest request) {
        return run(request, true);
    }

    /** Everything {@link #build} verifies, without writing anything. */
    public BuildResult check(BuildRequest request) {
        return run(request, false);
    }

    /**
     * How every translation stands against its original; with {@code mark}, first records the
     * original's current fingerprint in the given translation files (all translations when
     * {@code files} is empty and {@code all} is set).
     */
    public TranslationReport translations(BuildRequest request, boolean mark, List<Path> files, boolean all) {
        var diagnostics = new Diagnostics();
        Optional<Site> site = assembled(request, diagnostics);
        if (site.isEmpty() || !mark) {
            return new TranslationReport(site.map(Site::translations).orElse(List.of()), List.of(), diagnostics.all());
        }
        List<Path> marked = new ArrayList<>();
        List<Path> wanted = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        for (Path file : wanted) {
            if (site.get().translations().stream().noneMatch(t -> file.equals(t.translationFile()))) {
                diagnostics.error(file, 0, 0, "not-a-translation", "this file is not the translation of a page of the "
                        + "original language; mark the translated file, e.g. content/en/…");
            }
        }
        for (TranslationStatus status : site.get().translations()) {
            boolean chosen = status.translationFile() != null && (all || wanted.contains(status.translationFile()));
            if (chosen && !status.fingerprint().equals(status.recorded())) {
                try {
                    FrontMatterEditor.setInFile(status.translationFile(), "sourceHash", status.fingerprint());
                    marked.add(status.translationFile());
                } catch (IOException e) {
                    diagnostics.error(status.translationFile(), 0, 0, "write-failed", "cannot mark the translation: " + e.getMessage());
                }
            }
        }
        Diagnostics after = new Diagnostics();
        Optional<Site> reread = assembled(request, after);
        return new TranslationReport(reread.map(Site::translations).orElse(List.of()), marked,
                diagnostics.hasErrors() ? diagnostics.all() : after.all());
    }

    /** Load, parse and assemble: everything up to the site model. */
    private static Optional<Site> assembled(BuildRequest request, Diagnostics diagnostics) {
        return new Pipeline(request).assemble(diagnostics);
    }

    private BuildResult run(BuildRequest request, boolean write) {
        var diagnostics = new Diagnostics();
        if (write) {
            checkOutput(request, diagnostics); // reported with the content's problems; nothing is written then
        }
        Pipeline.Outcome outcome = new Pipeline(request).run(diagnostics);
        if (diagnostics.hasErrors() || outcome.site().isEmpty()) {
            return failed(diagnostics);
        }
        List<OutputFile> files = outcome.files();
        boolean written = false;
        int fileCount = files.size();
        if (write) {
            try {
                fileCount = new SiteWriter().write(files, request.outputDir(), request.gzip()).size() + 1; // + the manifest
                written = true;
            } catch (IOException e) {
                diagnostics.error(request.outputDir(), 0, 0, "write-failed",
                        "cannot write the site: " + e.getMessage() + "; the previous output is unchanged");
            }
        }
        return new BuildResult(diagnostics.all(), pagesPerLanguage(outcome.site().get()), fileCount, written);
    }

    /** Refuses an output folder that would destroy sources, or that holds files Abierto did not write. */
    private static void checkOutput(BuildRequest request, Diagnostics diagnostics) {
        Path out = request.outputDir();
        for (Path protectedDir : List.of(request.contentDir(), request.templatesDir(), projectRoot(request.contentDir()))) {
            if (protectedDir.startsWith(out)) {
                diagnostics.error(out, 0, 0, "unsafe-output", "refusing to write the site to " + out
                        + ": it is, or contains, " + protectedDir + ", which the build would replace; use a folder such as site/target/site");
                return;
            }
        }
        String refusal = SiteWriter.refusal(out);
        if (refusal != null) {
            diagnostics.error(out, 0, 0, "unsafe-output", "refusing to replace the output: " + refusal);
        }
    }

    /** The repository the content belongs to: the nearest folder above it with .git or pom.xml. */
    private static Path projectRoot(Path content) {
        for (Path p = content.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")) || Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return content.getParent() == null ? content : content.getParent();
    }

    static Map<String, Integer> pagesPerLanguage(Site site) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        site.config().languages().forEach(l -> counts.put(l.code(), 0));
        for (Page p : site.pages()) {
            if (p.kind() != PageKind.LANDING && p.kind() != PageKind.NOT_FOUND) {
                counts.merge(p.language(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static BuildResult failed(Diagnostics diagnostics) {
        return new BuildResult(diagnostics.all(), Map.of(), 0, false);
    }

}
