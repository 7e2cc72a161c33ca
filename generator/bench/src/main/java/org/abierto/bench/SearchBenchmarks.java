package org.abierto.bench;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.HtmlChecker;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.Page;
import org.abierto.model.Site;
import org.abierto.parse.ContentParser;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;
import org.abierto.render.RenderedPage;
import org.abierto.search.SearchIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What search adds to a build (issue 18): the index of a corpus ({@code pages} pages per language, with
 * the report's two search pages) made from the pages' final HTML, as the build makes it as each page
 * leaves the check stage — here on one thread, warm.
 *
 * <pre>
 * java -Dabierto.repo=. -jar generator/bench/target/benchmarks.jar SearchBenchmarks
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchBenchmarks {
    /** Pages per language of the corpus. */
    @Param({"200"})
    public int pages;

    private ScratchFolder dir;
    private Site site;
    private List<Map.Entry<Page, byte[]>> checked;

    @Setup
    public void buildTheCorpus() throws IOException {
        Path repository = Path.of(System.getProperty("abierto.repo", ".")).toAbsolutePath().normalize();
        Path templates = repository.resolve("templates");
        dir = ScratchFolder.create("abierto-jmh-search-");
        Path content = dir.path().resolve("content");
        Corpus.write(new CorpusPlan(pages, Corpus.DEFAULT_SEED), content, null, repository.resolve("content/i18n"));
        Files.copy(repository.resolve("content/es/buscar.md"), content.resolve("es/buscar.md"));
        Files.copy(repository.resolve("content/en/search.md"), content.resolve("en/search.md"));

        var diagnostics = new Diagnostics();
        Sources sources = new ContentLoader().load(content, templates, diagnostics).orElseThrow();
        ParsedContent parsed = new ContentParser(new SafelistFilter()).parseAll(sources, diagnostics);
        site = new SiteAssembler().assemble(parsed, sources, null, diagnostics).orElseThrow();
        List<RenderedPage> rendered = new PageRenderer(templates, content).renderAll(site, diagnostics);
        Map<String, Page> byPath = new HashMap<>();
        rendered.forEach(r -> byPath.put(r.page().outputPath(), r.page()));
        Set<String> otherFiles = new TreeSet<>();
        site.staticFiles().forEach(f -> otherFiles.add(site.published(f.target())));
        new OpenData().files(site).forEach(f -> otherFiles.add(f.path()));
        new Sitemap().files(site).forEach(f -> otherFiles.add(f.path()));
        checked = new HtmlChecker(content).checkAll(rendered, site, otherFiles, diagnostics).pages().stream()
                .map(f -> Map.entry(byPath.get(f.path()), f.bytes())).toList();
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException("the corpus does not build: " + diagnostics.all());
        }
        System.out.printf("%nCorpus: %d pages per language, %d pages to index%n", pages, checked.size());
    }

    @TearDown
    public void deleteTheCorpus() throws IOException {
        dir.delete();
    }

    /** Every page indexed from its final HTML, then the index's files made. */
    @Benchmark
    public int index() {
        var index = new SearchIndex(site);
        int files = 0;
        for (Map.Entry<Page, byte[]> page : checked) {
            files += index.add(page.getKey(), page.getValue()).size();
        }
        return files + index.files().size();
    }
}
