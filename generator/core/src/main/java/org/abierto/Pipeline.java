package org.abierto;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.ExternalLinks;
import org.abierto.check.HtmlChecker;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.images.ImageVariants;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.load.StaticFile;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;
import org.abierto.parse.ContentParser;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;
import org.abierto.render.RenderedPage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stages of one request, built once — Flexmark, the schemas and Freemarker are set up here and
 * nowhere else — and run in order: load → parse → assemble → render → check. Each stage reports every
 * problem it finds; the next does not start once there are errors.
 *
 * <p>Run again, the stages redo only what changed since the previous run (files read, pages parsed,
 * rendered and checked), which makes the dev server's rebuilds fast; the output is the same as a
 * fresh run's.
 */
final class Pipeline {
    private final BuildRequest request;
    private final ContentLoader loader = new ContentLoader();
    private final ContentParser parser = new ContentParser(new SafelistFilter());
    private final SiteAssembler assembler = new SiteAssembler();
    private final PageRenderer renderer;
    private final HtmlChecker checker;
    private final ImageVariants images = new ImageVariants();

    Pipeline(BuildRequest request) {
        this.request = request;
        this.renderer = new PageRenderer(request.templatesDir(), request.contentDir());
        this.checker = new HtmlChecker(request.contentDir());
    }

    /**
     * What a run produced.
     *
     * @param site  the site model, or empty when a stage up to assemble failed
     * @param files every file of the output, or empty when any stage failed
     */
    record Outcome(Optional<Site> site, List<OutputFile> files) {
    }

    /** Forget what was read of these files: they changed, whatever their dates say. */
    void changed(Collection<Path> files) {
        loader.forget(files);
    }

    /** Load, parse and assemble. */
    Optional<Site> assemble(Diagnostics diagnostics) {
        Optional<Sources> sources = loader.load(request.contentDir(), request.templatesDir(), diagnostics);
        if (sources.isEmpty() || diagnostics.hasErrors()) {
            return Optional.empty();
        }
        ParsedContent parsed = parser.parseAll(sources.get(), diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        Optional<Site> site = assembler.assemble(parsed, sources.get(), request.baseUrl(), request.strict(), diagnostics);
        return diagnostics.hasErrors() ? Optional.empty() : site;
    }

    /** Every stage but write. */
    Outcome run(Diagnostics diagnostics) {
        return run(diagnostics, Progress.NONE);
    }

    /** Every stage but write, telling {@code progress} how rendering and checking advance. */
    Outcome run(Diagnostics diagnostics, Progress progress) {
        progress.update("reading", 0, 1);
        Optional<Site> site = assemble(diagnostics);
        if (site.isEmpty()) {
            return new Outcome(Optional.empty(), List.of());
        }
        List<RenderedPage> rendered = renderer.renderAll(site.get(), diagnostics, counter("rendering", site.get().pages().size(), progress));
        if (diagnostics.hasErrors()) {
            return new Outcome(site, List.of());
        }
        List<OutputFile> files = new ArrayList<>();
        for (StaticFile f : site.get().staticFiles()) {
            files.add(new OutputFile.Copied(site.get().published(f.target()), f.path()));
        }
        files.addAll(images.files(site.get()));
        files.addAll(new OpenData().files(site.get()));
        files.addAll(new Sitemap().files(site.get()));
        Set<String> otherFiles = new TreeSet<>();
        files.forEach(f -> otherFiles.add(f.path()));
        HtmlChecker.CheckedSite checked = checker.checkAll(rendered, site.get(), otherFiles, diagnostics,
                counter("checking", rendered.size(), progress));
        files.addAll(checked.pages());
        if (diagnostics.hasErrors()) {
            return new Outcome(site, List.of());
        }
        if (request.externalLinks() != null) {
            new ExternalLinks(request.externalLinks()).check(checked.external(), diagnostics);
            if (diagnostics.hasErrors()) {
                return new Outcome(site, List.of());
            }
        }
        return new Outcome(site, files);
    }

    /** A callback for each item done, counting them for {@code progress}. */
    private static Runnable counter(String stage, int total, Progress progress) {
        var done = new java.util.concurrent.atomic.AtomicInteger();
        return () -> progress.update(stage, done.incrementAndGet(), total);
    }
}
