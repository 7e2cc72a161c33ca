package org.abierto.bench;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.abierto.assemble.SiteAssembler;
import org.abierto.check.HtmlChecker;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.SourceFile;
import org.abierto.load.Sources;
import org.abierto.load.StaticFile;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;
import org.abierto.parse.ContentParser;
import org.abierto.parse.Markdown;
import org.abierto.parse.MarkdownBody;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;
import org.abierto.render.RenderedPage;
import org.abierto.write.ManifestEntry;
import org.abierto.write.SiteWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the pipeline's hot stages, on a synthetic corpus built once per trial, through the
 * core's public API, warm (JIT-compiled): so that a regression shows in the stage that caused it.
 * Benchmarks named {@code …Page} take one page; the others take the whole corpus ({@code pages} pages per
 * language; the number of pages built is printed when the trial starts).
 *
 * <pre>
 * mvn -B -Pjmh -pl generator/bench -am package -DskipTests
 * java -Dabierto.repo=. -jar generator/bench/target/benchmarks.jar StageBenchmarks          # all, about 10 minutes
 * java -Dabierto.repo=. -jar generator/bench/target/benchmarks.jar 'StageBenchmarks.markdownPage' -f 1 -wi 3 -i 5
 * </pre>
 *
 * {@code abierto.repo} names the repository, whose {@code templates/} and {@code content/i18n/} the corpus uses.
 * Not run by {@code mvn verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StageBenchmarks {
    /** Pages per language of the corpus. */
    @Param({"30"})
    public int pages;

    private ScratchFolder dir;
    private Path templates;
    private Path content;
    private Sources sources;
    private Site site;
    private Markdown markdown;
    private final Parser minimalParser = Parser.builder().build();
    private final HtmlRenderer minimalRenderer = HtmlRenderer.builder().build();
    private SourceFile samplePage;
    private String sampleBody;
    private int sampleLineOffset;
    private PageRenderer renderer;
    private PageRenderer.Pass renderPass;
    private Page renderedPage;
    private List<RenderedPage> rendered;
    private Set<String> otherFiles;
    private List<OutputFile> files;
    private Path out;

    @Setup(Level.Trial)
    public void buildTheCorpus() throws IOException {
        Path repository = Path.of(System.getProperty("abierto.repo", ".")).toAbsolutePath().normalize();
        templates = repository.resolve("templates");
        dir = ScratchFolder.create("abierto-jmh-");
        content = dir.path().resolve("content");
        Corpus.write(new CorpusPlan(pages, Corpus.DEFAULT_SEED), content, null, repository.resolve("content/i18n"));

        var diagnostics = new Diagnostics();
        sources = new ContentLoader().load(content, templates, diagnostics).orElseThrow();
        ParsedContent parsed = new ContentParser(new SafelistFilter()).parseAll(sources, diagnostics);
        site = new SiteAssembler().assemble(parsed, sources, null, diagnostics).orElseThrow();
        renderer = new PageRenderer(templates, content);
        rendered = renderer.renderAll(site, diagnostics);
        files = new ArrayList<>();
        for (StaticFile f : site.staticFiles()) {
            files.add(new OutputFile.Copied(site.published(f.target()), f.path()));
        }
        files.addAll(new OpenData().files(site));
        files.addAll(new Sitemap().files(site));
        otherFiles = new TreeSet<>();
        files.forEach(f -> otherFiles.add(f.path()));
        files.addAll(new HtmlChecker(content).checkAll(rendered, site, otherFiles, diagnostics).pages());
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException("the corpus does not build: " + diagnostics.all());
        }

        markdown = new Markdown(new SafelistFilter());
        samplePage = sources.pageFiles().stream().filter(p -> p.relative().endsWith("pagina-00001.md")).findFirst().orElseThrow();
        int bodyStart = samplePage.text().indexOf("\n---\n", 3) + "\n---\n".length();
        sampleBody = samplePage.text().substring(bodyStart);
        sampleLineOffset = (int) samplePage.text().substring(0, bodyStart).chars().filter(c -> c == '\n').count();
        renderedPage = site.pages().stream().filter(p -> p.kind() == PageKind.PAGE).findFirst().orElseThrow();
        renderPass = renderer.begin(site);
        renderPass.render(renderedPage, diagnostics); // its templates parsed, as after a build's first page
        out = dir.path().resolve("out");
        System.out.printf("%nCorpus: %d pages per language, %d pages rendered, %d output files%n", pages, rendered.size(), files.size() + 1);
    }

    @TearDown(Level.Trial)
    public void deleteTheCorpus() throws IOException {
        dir.delete();
    }

    /** Parse stage, the Markdown part: one page body to HTML (Flexmark and Abierto's rewrites). */
    @Benchmark
    public MarkdownBody markdownPage() {
        return markdown.convert(samplePage.path(), sampleBody, sampleLineOffset, new Diagnostics());
    }

    /**
     * The floor under {@link #markdownPage}: the same body through Flexmark with no extension and no
     * option ({@code Parser.builder().build()}), parsed and rendered, nothing of Abierto's around it.
     */
    @Benchmark
    public String flexmarkMinimalPage() {
        return minimalRenderer.render(minimalParser.parse(sampleBody));
    }

    /** Load stage: walking and reading the whole corpus. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Optional<Sources> load() {
        return new ContentLoader().load(content, templates, new Diagnostics());
    }

    /** Parse stage: front matter and Markdown of every page, and the YAML files. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ParsedContent parse() {
        return new ContentParser(new SafelistFilter()).parseAll(sources, new Diagnostics());
    }

    /**
     * Render stage: one page through its Freemarker template, within a run whose templates are already
     * parsed (what each page of a build costs). {@code renderer.render(site, page)} starts a run of its
     * own, which parses the templates again: about 4 ms, not a page's cost.
     */
    @Benchmark
    public Optional<RenderedPage> renderPage() {
        return renderPass.render(renderedPage, new Diagnostics());
    }

    /** Render stage: every page. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<RenderedPage> render() {
        return renderer.renderAll(site, new Diagnostics());
    }

    /** Check stage: jsoup parse, link rewriting and checking, serialisation of every page. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public HtmlChecker.CheckedSite check() {
        return new HtmlChecker(content).checkAll(rendered, site, otherFiles, new Diagnostics());
    }

    /** Write stage: every file into a staging folder, the manifest, and the swap (which deletes the previous output). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<ManifestEntry> write() {
        try {
            return new SiteWriter().write(files, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole pipeline, warm: what a build costs without JVM start-up and JIT warm-up. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BuildResult build() {
        return new Abierto().build(new BuildRequest(content, templates, out, null, false));
    }
}
