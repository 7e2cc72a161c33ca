package org.abierto;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.ExternalLinks;
import org.abierto.check.HtmlChecker;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
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
import org.abierto.search.SearchIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    private final ContentLoader loader;
    private final ContentParser parser;
    private final SiteAssembler assembler;
    private final PageRenderer renderer;
    private final HtmlChecker checker;
    private final ImageVariants images = new ImageVariants();
    private Collection<Path> changed;

    /**
     * @param incremental whether it will run again on the same content (the dev server): stages then
     *                    remember their results to redo only what changed
     */
    Pipeline(BuildRequest request, boolean incremental) {
        this.request = request;
        this.loader = new ContentLoader(incremental);
        this.parser = new ContentParser(new SafelistFilter(), incremental);
        this.assembler = new SiteAssembler(incremental);
        this.renderer = new PageRenderer(request.templatesDir(), request.contentDir(), incremental);
        this.checker = new HtmlChecker(request.contentDir(), incremental);
    }

    /**
     * What a run produced.
     *
     * @param site  the site model, or empty when a stage up to assemble failed
     * @param files every file of the output, or empty when any stage failed
     */
    record Outcome(Optional<Site> site, List<OutputFile> files) {
    }

    /**
     * The files that changed since the last run, whatever their dates say; the next run reads only them
     * when they are all edits of files it read before. Empty: not known, every file is looked at.
     */
    void changed(Collection<Path> files) {
        loader.forget(files);
        changed = files.isEmpty() ? null : List.copyOf(files);
    }

    /** Load, parse and assemble. */
    Optional<Site> assemble(Diagnostics diagnostics) {
        Optional<Sources> sources = loader.load(request.contentDir(), request.templatesDir(), changed, diagnostics);
        changed = null;
        if (sources.isEmpty() || diagnostics.hasErrors()) {
            return Optional.empty();
        }
        ParsedContent parsed = parser.parseAll(sources.get(), diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        Optional<Site> site = assembler.assemble(parsed, sources.get(), request.baseUrl(), diagnostics);
        return diagnostics.hasErrors() ? Optional.empty() : site;
    }

    /** Every stage but write; the files are collected in the outcome. */
    Outcome run(Diagnostics diagnostics) {
        List<OutputFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
        Outcome outcome = run(diagnostics, Progress.NONE, files::add);
        return new Outcome(outcome.site(), diagnostics.hasErrors() ? List.of() : List.copyOf(files));
    }

    /**
     * Every stage but write: each file is handed to {@code output} as soon as it is final — a page
     * right after its check — so a large site is never held in memory whole. When the outcome has
     * errors, what was handed over must be thrown away.
     */
    Outcome run(Diagnostics diagnostics, Progress progress, Output output) {
        progress.update("reading", 0, 1);
        Optional<Site> site = assemble(diagnostics);
        if (site.isEmpty()) {
            return new Outcome(Optional.empty(), List.of());
        }
        List<OutputFile> others = new ArrayList<>();
        for (StaticFile f : site.get().staticFiles()) {
            others.add(new OutputFile.Copied(site.get().published(f.target()), f.path()));
        }
        others.addAll(images.files(site.get()));
        others.addAll(new OpenData().files(site.get()));
        others.addAll(new Sitemap().files(site.get()));
        Set<String> files = new TreeSet<>();
        others.forEach(f -> files.add(f.path()));
        site.get().pages().forEach(p -> files.add(p.outputPath()));

        // Render and check each page in one go: its HTML is then written and forgotten.
        PageRenderer.Pass rendering = renderer.begin(site.get());
        HtmlChecker.Pass checking = checker.begin(site.get(), files);
        var checks = new Diagnostics(); // reported only if rendering succeeded: the check stage comes after it
        Runnable counted = counter("building pages", site.get().pages().size(), progress);
        var search = new SearchIndex(site.get());
        site.get().pages().parallelStream().forEach(page -> {
            counted.run();
            rendering.render(page, diagnostics).ifPresent(rendered -> {
                OutputFile.Generated checked = checking.check(rendered, checks);
                search.add(page, checked.bytes());
                output.accept(checked);
            });
        });
        rendering.finish(diagnostics);
        if (diagnostics.hasErrors()) {
            return new Outcome(site, List.of());
        }
        Map<String, List<SourcePosition>> external = checking.finish(checks);
        checks.all().forEach(diagnostics::add);
        if (diagnostics.hasErrors()) {
            return new Outcome(site, List.of());
        }
        others.addAll(search.files());
        others.parallelStream().forEach(output::accept);
        if (request.externalLinks() != null) {
            new ExternalLinks(request.externalLinks()).check(external, diagnostics);
        }
        return new Outcome(site, List.of());
    }

    /** Where finished files go: written at once by a build, kept in memory by the dev server. */
    @FunctionalInterface
    interface Output {
        void accept(OutputFile file);
    }

    /** A callback for each item done, counting them for {@code progress}. */
    private static Runnable counter(String stage, int total, Progress progress) {
        var done = new java.util.concurrent.atomic.AtomicInteger();
        return () -> progress.update(stage, done.incrementAndGet(), total);
    }
}
