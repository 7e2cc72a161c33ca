package org.abierto;

import org.abierto.check.ExternalLinks;
import org.abierto.check.HtmlChecker;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.load.Sources;
import org.abierto.load.StaticFile;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;
import org.abierto.search.SearchIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The six stages of a build, in order: load → parse → assemble → render → check → write. Each stage
 * reports every problem it finds; the next does not start once there are errors. Render, check and
 * write go page by page, so a large site is never held in memory whole.
 */
final class Pipeline {
    private final BuildRequest request;
    private final Stages stages;

    /** A pipeline whose every run does everything. */
    Pipeline(BuildRequest request) {
        this(request, new Stages(request));
    }

    /** @param stages the stages to run: the live preview's reuse what earlier runs did */
    Pipeline(BuildRequest request, Stages stages) {
        this.request = request;
        this.stages = stages;
    }

    /**
     * What a run produced.
     *
     * @param site  the site model, or empty when a stage up to assemble failed
     * @param files every file of the output, or empty when any stage failed
     */
    record Outcome(Optional<Site> site, List<OutputFile> files) {
    }

    /** Where finished files go (the write stage): a staging folder for a build, memory for the live preview. */
    @FunctionalInterface
    interface Output {
        void accept(OutputFile file);
    }

    /** load → parse → assemble: the site model, or empty once a stage found errors. */
    Optional<Site> assemble(Diagnostics diagnostics) {
        Optional<Sources> sources = stages.load(diagnostics);
        if (sources.isEmpty() || diagnostics.hasErrors()) {
            return Optional.empty();
        }
        ParsedContent parsed = stages.parse(sources.get(), diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        Optional<Site> site = stages.assemble(parsed, sources.get(), diagnostics);
        return diagnostics.hasErrors() ? Optional.empty() : site;
    }

    /** Every stage, the files kept in the outcome instead of written. */
    Outcome run(Diagnostics diagnostics) {
        List<OutputFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
        Outcome outcome = run(diagnostics, Progress.NONE, files::add);
        return new Outcome(outcome.site(), diagnostics.hasErrors() ? List.of() : List.copyOf(files));
    }

    /**
     * Every stage: load → parse → assemble → render → check → write. Each page is handed to
     * {@code write} right after its check, the other files once every page passed. When the outcome
     * has errors, what was handed over must be thrown away.
     */
    Outcome run(Diagnostics diagnostics, Progress progress, Output write) {
        progress.update("reading", 0, 1);
        Optional<Site> site = assemble(diagnostics);
        if (site.isEmpty()) {
            return new Outcome(Optional.empty(), List.of());
        }
        List<OutputFile> others = otherFiles(site.get(), diagnostics);
        Set<String> files = new TreeSet<>();
        others.forEach(f -> files.add(f.path()));
        site.get().pages().forEach(p -> files.add(p.outputPath()));

        PageRenderer.Rendering rendering = stages.render(site.get());
        HtmlChecker.Checking checking = stages.check(site.get(), files);
        var checks = new Diagnostics(); // reported only if rendering succeeded: the check stage comes after it
        Runnable counted = counter("building pages", site.get().pages().size(), progress);
        var search = new SearchIndex(site.get());
        site.get().pages().parallelStream().forEach(page -> {
            counted.run();
            rendering.render(page, diagnostics).ifPresent(rendered -> {
                OutputFile.Generated checked = checking.check(rendered, checks);
                search.add(page, checked.bytes());
                write.accept(checked);
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
        others.parallelStream().forEach(write::accept);
        if (request.externalLinks() != null) {
            new ExternalLinks(request.externalLinks()).check(external, diagnostics);
        }
        return new Outcome(site, List.of());
    }

    /** The files besides the pages: static files, the figures' smaller copies, open data, the sitemap. */
    private List<OutputFile> otherFiles(Site site, Diagnostics diagnostics) {
        List<OutputFile> others = new ArrayList<>();
        for (StaticFile f : site.staticFiles()) {
            others.add(new OutputFile.Copied(site.published(f.target()), f.path()));
        }
        others.addAll(stages.images(site, diagnostics));
        others.addAll(new OpenData().files(site));
        others.addAll(new Sitemap().files(site));
        return others;
    }

    /** A callback for each item done, counting them for {@code progress}. */
    private static Runnable counter(String stage, int total, Progress progress) {
        var done = new AtomicInteger();
        return () -> progress.update(stage, done.incrementAndGet(), total);
    }
}
