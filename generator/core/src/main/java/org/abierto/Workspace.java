package org.abierto;

import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A build kept in memory and brought up to date after edits, for the dev server: each
 * {@link #update} redoes only what the changed files affect, and gives the same files a fresh build
 * would write.
 */
public final class Workspace {
    private final BuildRequest request;
    private final Pipeline pipeline;
    private long version;
    private Site site; // the latest update's, for the files made only when asked for
    private final Map<String, OutputFile> made = new java.util.HashMap<>(); // those made since

    public Workspace(BuildRequest request) {
        this.request = request;
        this.pipeline = new Pipeline(request, true);
    }

    public BuildRequest request() {
        return request;
    }

    /**
     * Brings the site up to date.
     *
     * @param changed files known to have changed since the last update (may be empty: dates are compared anyway)
     */
    public synchronized Snapshot update(Collection<Path> changed) {
        long started = System.nanoTime();
        pipeline.changed(changed);
        var diagnostics = new Diagnostics(request.strictness());
        Pipeline.Outcome outcome = pipeline.run(diagnostics);
        site = diagnostics.hasErrors() ? null : outcome.site().orElse(null);
        made.clear();
        Map<String, OutputFile> files = new TreeMap<>();
        outcome.files().forEach(f -> files.put(f.path(), f));
        version++;
        var result = new BuildResult(diagnostics.all(),
                outcome.site().map(Abierto::pagesPerLanguage).orElse(Map.of()), files.size(), false);
        return new Snapshot(version, files, result, java.time.Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * A file of the site that the preview makes only when a reader asks for it — a PDF, which a build
     * makes every time but an edit should not wait for — for the latest update; empty when {@code path}
     * is not one, or the content has errors. Made once per update.
     *
     * @param path its path in the site ({@code es/informe.pdf})
     */
    public synchronized Optional<OutputFile> onDemand(String path) {
        if (site == null) {
            return Optional.empty();
        }
        OutputFile file = made.get(path);
        if (file == null) {
            file = pipeline.pdf(site, path).orElse(null);
            if (file != null) {
                made.put(path, file);
            }
        }
        return Optional.ofNullable(file);
    }

    /**
     * The site at one moment.
     *
     * @param version increases with every update
     * @param files   path in the site → file; empty when the content has errors
     * @param result  the diagnostics and counts
     * @param took    how long the update took
     */
    public record Snapshot(long version, Map<String, OutputFile> files, BuildResult result, java.time.Duration took) {
        public Snapshot {
            files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        }

        public List<Diagnostic> diagnostics() {
            return result.diagnostics();
        }
    }
}
