package org.abierto;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A build kept in memory and brought up to date after edits, for the live preview: each
 * {@link #update} redoes only what the changed files affect ({@link PreviewCache} decides what, from
 * what earlier builds recorded), and gives the same files a fresh build would write.
 *
 * <p>An update never throws: a failure of the build itself (a bug, or an input that breaks a library)
 * becomes an error of the snapshot, and the next update starts over.
 */
public final class Workspace {
    private final BuildRequest request;
    private final PreviewCache cache;
    private long version;
    private Site site; // the latest update's, for the files made only when asked for
    private Map<String, OutputFile> files = Map.of(); // the latest update's, whose pages the search index reads
    private final Map<String, OutputFile> made = new java.util.HashMap<>(); // those made since
    private boolean indexed; // whether the search index's files are among them

    public Workspace(BuildRequest request) {
        this.request = request;
        this.cache = new PreviewCache(request);
    }

    public BuildRequest request() {
        return request;
    }

    /**
     * Brings the site up to date.
     *
     * @param changed the files the watcher saw change since the last update; empty when that is not
     *                known (the first update, or events were lost): every file is then read again
     */
    public synchronized Snapshot update(Collection<Path> changed) {
        long started = System.nanoTime();
        var diagnostics = new Diagnostics(request.strictness());
        Map<String, OutputFile> files = Map.of();
        Map<String, Integer> pages = Map.of();
        site = null;
        this.files = Map.of();
        made.clear();
        indexed = false;
        try {
            cache.changed(changed);
            Pipeline.Outcome outcome = new Pipeline(request, cache).run(diagnostics);
            // By path, in no order: 26,000 paths of a large site sorted at every edit were 2 % of its time.
            Map<String, OutputFile> byPath = new HashMap<>(outcome.files().size() * 4 / 3 + 1);
            outcome.files().forEach(f -> byPath.put(f.path(), f));
            files = Map.copyOf(byPath);
            pages = outcome.site().map(Abierto::pagesPerLanguage).orElse(Map.of());
            site = diagnostics.hasErrors() ? null : outcome.site().orElse(null);
            this.files = files;
        } catch (Exception | Error e) {
            // Whatever broke (a stack overflow on a deeply nested page included) may have left a stage
            // half done: start over next time.
            cache.forget();
            files = Map.of();
            // Name the file saved, most likely the cause; an editor's save may also touch folders.
            Path at = changed.stream().filter(java.nio.file.Files::isRegularFile).findFirst()
                    .or(() -> changed.stream().findFirst()).orElse(request.contentDir()).toAbsolutePath().normalize();
            diagnostics.error(at, 0, 0, "build-failed", "the site could not be built after this change (" + e
                    + "); undo or fix the change and save again. This is a bug in Abierto: please report it, with the file");
        }
        version++;
        var result = new BuildResult(diagnostics.all(), diagnostics.hasErrors() ? Map.of() : pages, files.size(), false);
        return new Snapshot(version, files, result, cache.renderedAgain(), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * A file of the site that the preview makes only when a reader asks for it — a PDF, or the search
     * index's files, which a build makes every time but an edit should not wait for — for the latest
     * update; empty when {@code path} is not one, or the content has errors. Made once per update.
     *
     * @param path its path in the site ({@code es/informe.pdf}, {@code es/buscar/meta.js})
     */
    public synchronized Optional<OutputFile> onDemand(String path) {
        if (site == null) {
            return Optional.empty();
        }
        if (!indexed && org.abierto.search.SearchIndex.isIndexFile(site, path)) {
            Pipeline.searchFiles(site, files).forEach(f -> made.put(f.path(), f));
            indexed = true;
        }
        OutputFile file = made.get(path);
        if (file == null) {
            file = new Pipeline(request, cache).pdf(site, path).orElse(null);
            if (file != null) {
                made.put(path, file);
            }
        }
        return Optional.ofNullable(file);
    }

    /**
     * The site at one moment.
     *
     * @param version  increases with every update
     * @param files    path in the site → file; empty when the content has errors
     * @param result   the diagnostics and counts
     * @param rendered the addresses of the pages this update rendered anew (the others are the previous update's)
     * @param took     how long the update took
     */
    public record Snapshot(long version, Map<String, OutputFile> files, BuildResult result, Set<String> rendered, Duration took) {
        public Snapshot {
            files = Map.copyOf(files); // the same map when it is one already: no copy per edit
            rendered = Set.copyOf(rendered);
        }

        public List<Diagnostic> diagnostics() {
            return result.diagnostics();
        }
    }
}
