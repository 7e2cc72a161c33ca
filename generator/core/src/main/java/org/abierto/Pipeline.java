package org.abierto;

import org.abierto.check.ExternalLinks;
import org.abierto.check.HtmlChecker;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.load.Sources;
import org.abierto.load.StaticFile;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;
import org.abierto.search.SearchIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The six stages of a build, in order: load → parse → assemble → render → check → write. Each stage
 * reports every problem it finds; the next does not start once a stage found errors of its own (errors
 * that only {@code --strict} raised do not stop it: the run reports the rest too). Render, check and
 * write go page by page, so a large site is never held in memory whole.
 */
final class Pipeline {
    private final BuildRequest request;
    private final Stages stages;
    private final Downloads downloads;

    /** A pipeline whose every run does everything. */
    Pipeline(BuildRequest request) {
        this(request, new Stages(request));
    }

    /** @param stages the stages to run: the live preview's reuse what earlier runs did */
    Pipeline(BuildRequest request, Stages stages) {
        this.request = request;
        this.stages = stages;
        this.downloads = new Downloads(request, stages);
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

    /**
     * load → parse → assemble: the site model, or empty once a stage found errors. The files the load
     * stage could not read are left out and the others parsed all the same, so one run reports the
     * errors of both stages; assembling waits for both to be clean, as what it would find then could
     * come from a file left out.
     */
    Optional<Site> assemble(Diagnostics diagnostics) {
        Optional<Sources> loaded = stages.load(diagnostics);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        if (!(stages instanceof PreviewCache)) { // the preview makes a PDF only when asked for it
            downloads.warmUp(loaded.get());
        }
        Set<java.nio.file.Path> unread = new java.util.HashSet<>();
        diagnostics.all().stream().filter(Diagnostic::isError).forEach(d -> unread.add(d.file()));
        if (unread.contains(loaded.get().siteFile().path())) {
            return Optional.empty(); // every page depends on it
        }
        Sources sources = unread.isEmpty() ? loaded.get() : loaded.get().without(unread);
        ParsedContent parsed = stages.parse(sources, diagnostics);
        if (diagnostics.hasStageErrors()) {
            return Optional.empty();
        }
        Optional<Site> site = stages.assemble(parsed, sources, diagnostics);
        return diagnostics.hasStageErrors() ? Optional.empty() : site;
    }

    /** The PDF of each language (load, parse, assemble, then the document template and the layout); nothing else. */
    List<OutputFile> pdfs(Site site, Diagnostics diagnostics) {
        return downloads.pdfs(site, diagnostics).files();
    }

    /** One language's PDF for the latest site, made now (the live preview's, asked for); empty when there is none. */
    Optional<OutputFile> pdf(Site site, String path) {
        return site.editions().entrySet().stream()
                .filter(e -> e.getValue().pdf() != null && e.getValue().pdf().url().equals("/" + path)).findFirst()
                .flatMap(e -> downloads.pdf(site, e.getKey()));
    }

    /**
     * The search index's files of a site whose pages are already made (the live preview's, when its
     * search page asks for them): what a build writes beside each search page.
     *
     * @param files the site's files by path, its pages among them
     */
    static List<OutputFile.Generated> searchFiles(Site site, Map<String, OutputFile> files) {
        var search = new SearchIndex(site);
        List<OutputFile.Generated> made = java.util.Collections.synchronizedList(new ArrayList<>());
        site.pages().parallelStream().forEach(page -> {
            if (files.get(page.outputPath()) instanceof OutputFile.Generated html) {
                made.addAll(search.add(page, html.bytes()));
            }
        });
        made.addAll(search.files());
        return List.copyOf(made);
    }

    /** Every stage, the files kept in the outcome instead of written. */
    Outcome run(Diagnostics diagnostics) {
        List<OutputFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
        Outcome outcome = run(diagnostics, Progress.NONE, files::add);
        return new Outcome(outcome.site(), diagnostics.hasErrors() ? List.of() : List.copyOf(files));
    }

    /**
     * Every stage: load → parse → assemble → render → check → write. Each page is handed to
     * {@code write} right after its check (with the search texts it completes), the other files once every page passed. When the outcome
     * has errors, what was handed over must be thrown away.
     */
    Outcome run(Diagnostics diagnostics, Progress progress, Output write) {
        progress.update("reading", 0, 1);
        Optional<Site> site = assemble(diagnostics);
        if (site.isEmpty()) {
            return new Outcome(Optional.empty(), List.of());
        }
        // The downloads first, so that every page can say how big they are; the live preview makes them when asked.
        boolean preview = stages instanceof PreviewCache;
        progress.update("making the downloads", 0, 1);
        Downloads.Made made = preview ? downloads.promised(site.get()) : downloads.pdfs(site.get(), diagnostics);
        if (diagnostics.hasStageErrors()) {
            return new Outcome(site, List.of());
        }
        List<OutputFile> documents = new ArrayList<>(made.files());
        documents.addAll(assets(made.site(), diagnostics));
        if (!preview && !diagnostics.hasStageErrors()) { // an image's error is reported with the pages' below
            made = downloads.offline(made.site(), s -> otherFiles(s, documents), diagnostics);
            if (diagnostics.hasStageErrors()) {
                return new Outcome(site, List.of());
            }
            documents.addAll(made.files());
        }
        site = Optional.of(made.site());
        List<OutputFile> others = otherFiles(site.get(), documents);
        Set<String> files = new HashSet<>(); // asked only whether it holds a path, for every link of every page
        others.forEach(f -> files.add(f.path()));
        files.addAll(Downloads.offered(site.get())); // the preview's PDF is linked before it is made
        site.get().pages().forEach(p -> files.add(p.outputPath()));

        PageRenderer.Rendering rendering = stages.render(site.get());
        HtmlChecker.Checking checking = stages.check(site.get(), files);
        var checks = new Diagnostics(); // reported only if rendering succeeded: the check stage comes after it
        Runnable counted = counter("building pages", site.get().pages().size(), progress);
        // The live preview indexes its pages for search only when the search page asks (searchFiles):
        // indexing every page again was half the time of an edit of the real report.
        Optional<SearchIndex> search = preview ? Optional.empty() : Optional.of(new SearchIndex(site.get()));
        site.get().pages().parallelStream().forEach(page -> {
            counted.run();
            rendering.render(page, diagnostics).ifPresent(rendered -> {
                OutputFile.Generated checked = checking.check(rendered, checks);
                write.accept(checked);
                // a large index's texts, written as their pages are in
                search.ifPresent(index -> index.add(page, checked.bytes()).forEach(write::accept));
            });
        });
        rendering.finish(diagnostics);
        if (diagnostics.hasStageErrors()) {
            return new Outcome(site, List.of());
        }
        Map<String, List<SourcePosition>> external = checking.finish(checks);
        checks.all().forEach(diagnostics::add);
        if (diagnostics.hasStageErrors()) {
            return new Outcome(site, List.of());
        }
        search.ifPresent(index -> others.addAll(index.files()));
        others.parallelStream().forEach(write::accept);
        if (request.externalLinks() != null) {
            new ExternalLinks(request.externalLinks()).check(external, diagnostics);
        }
        return new Outcome(site, List.of());
    }

    /** The static files and the figures' smaller copies: the same whatever the site offers for download. */
    private List<OutputFile> assets(Site site, Diagnostics diagnostics) {
        List<OutputFile> assets = new ArrayList<>();
        for (StaticFile f : site.staticFiles()) {
            assets.add(new OutputFile.Copied(site.published(f.target()), f.path()));
        }
        assets.addAll(stages.images(site, diagnostics));
        return assets;
    }

    /** The files besides the pages: those given (downloads, assets), then open data and the sitemap. */
    private List<OutputFile> otherFiles(Site site, List<OutputFile> given) {
        List<OutputFile> others = new ArrayList<>(given);
        others.addAll(stages.metadata(site));
        return others;
    }

    /** A callback for each item done, counting them for {@code progress}. */
    private static Runnable counter(String stage, int total, Progress progress) {
        var done = new AtomicInteger();
        return () -> progress.update(stage, done.incrementAndGet(), total);
    }
}
