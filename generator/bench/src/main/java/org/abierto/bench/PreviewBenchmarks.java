package org.abierto.bench;

import org.abierto.BuildRequest;
import org.abierto.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The live preview's rebuild after a one-page edit, warm: a copy of the real report ({@code content/})
 * in a {@link Workspace}, as {@code abierto serve} keeps it, one page's text changed and the workspace
 * told so, as the watcher tells it. What {@code ServeLatency} measures end to end, minus the watcher's
 * settling time, the HTTP request and the JIT's warm-up.
 *
 * <pre>
 * java -Dabierto.repo=. -jar generator/bench/target/benchmarks.jar PreviewBenchmarks
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PreviewBenchmarks {
    /** The pages edited in turn: a chapter of the work plan in each language, and the annex with its tables. */
    private static final List<String> EDITED = List.of("es/ruta-de-trabajo/diagnostico.md", "en/roadmap/diagnosis.md", "es/anexo.md");

    private ScratchFolder dir;
    private Workspace workspace;
    private Path[] files;
    private String[] texts;
    private long edits;

    @Setup(Level.Trial)
    public void openTheReport() throws IOException {
        Path repository = Path.of(System.getProperty("abierto.repo", ".")).toAbsolutePath().normalize();
        dir = ScratchFolder.create("abierto-jmh-preview-");
        Path content = dir.path().resolve("content");
        copy(repository.resolve("content"), content);
        workspace = new Workspace(new BuildRequest(content, repository.resolve("templates"), dir.path().resolve("out"), null, false));
        if (workspace.update(List.of()).result().errors() > 0) {
            throw new IllegalStateException("the report does not build: " + workspace.update(List.of()).diagnostics());
        }
        files = new Path[EDITED.size()];
        texts = new String[EDITED.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = content.resolve(EDITED.get(i));
            texts[i] = Files.readString(files[i]);
        }
    }

    @TearDown(Level.Trial)
    public void deleteTheCopy() throws IOException {
        dir.delete();
    }

    /** One edit: a paragraph with a new word appended to a page, then the rebuild. */
    @Benchmark
    public Workspace.Snapshot editOnePage() throws IOException {
        long n = edits++;
        int i = (int) (n % files.length);
        Files.writeString(files[i], texts[i] + "\nEdición " + n + ".\n", StandardCharsets.UTF_8);
        Workspace.Snapshot snapshot = workspace.update(List.of(files[i]));
        if (snapshot.result().errors() > 0) {
            throw new IllegalStateException("an edit broke the report: " + snapshot.diagnostics());
        }
        return snapshot;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
