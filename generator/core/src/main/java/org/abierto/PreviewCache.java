package org.abierto;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.HtmlChecker;
import org.abierto.check.LinkVerification;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.images.ImageVariants;
import org.abierto.load.ContentLoader;
import org.abierto.load.SourceFile;
import org.abierto.load.Sources;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.Edition;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.Site;
import org.abierto.model.SiteConfig;
import org.abierto.parse.ContentParser;
import org.abierto.parse.PageParser;
import org.abierto.parse.ParsedContent;
import org.abierto.parse.ParsedPage;
import org.abierto.render.ModelPath;
import org.abierto.render.PageRenderer;
import org.abierto.render.Reads;
import org.abierto.render.RenderedPage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the live preview keeps from one build to the next, and the one place that decides what to
 * redo after an edit. The stages themselves keep nothing; this is them, reusing a previous result
 * only when a recorded fact shows it is still what the stage would give:
 *
 * <ul>
 * <li>load: the text of each file, read again when the watcher reports it changed (or its size or
 * date did), and the whole list of files when every change is an edit of a known file;</li>
 * <li>parse: each page parsed, by its text;</li>
 * <li>assemble: the pages' places, while everything that places them is equal
 * ({@link SiteAssembler.Structure}); the data tables, while what they are made from is
 * ({@link SiteAssembler.TableInputs});</li>
 * <li>open data and the sitemap: their files, while what they are made from is equal
 * ({@link OpenData#inputs}, {@link Sitemap.Inputs});</li>
 * <li>render: each page's HTML, with what its render read of the site model ({@link Reads}: each
 * place and the value there, whatever the templates called it) and which templates it used. A page is
 * rendered again when the page itself changed, when any value it read is not the same now, or when
 * one of its templates changed;</li>
 * <li>check: each page's checked HTML, while its HTML and what links resolve against are equal; and
 * each page's link verification, while its links, the site's files and its targets' anchors are.</li>
 * </ul>
 *
 * Whatever it reuses, a build gives byte for byte what a fresh build of the same files gives
 * ({@code PreviewEquivalenceTest}). After a build that failed unexpectedly it starts over
 * ({@link #forget}).
 */
final class PreviewCache extends Stages {
    /** Files the watcher reported changed since the last build; null when not known (every file is read again). */
    private Set<Path> changed;

    // load
    private record Read(long size, FileTime modified, SourceFile file) {
    }

    private final Map<Path, Read> reads = new ConcurrentHashMap<>();
    private Sources lastSources; // the last load, when it found no problem

    // parse
    private record Parsed(SourceFile file, PageParser.Result result) {
    }

    private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();

    private record ParsedYaml(SourceFile file, ContentParser.YamlRole role, ContentParser.YamlResult result) {
    }

    private final Map<Path, ParsedYaml> parsedYaml = new HashMap<>(); // read one file after another

    // assemble
    private record Placement(SiteAssembler.Structure structure, Map<Path, ParsedPage> from, List<Page> pages,
                             List<Diagnostic> diagnostics) {
    }

    private Placement placement;
    private SiteConfig config;

    private final Kept<SiteAssembler.TableInputs, SiteAssembler.Tables> tables = new Kept<>();

    // open data and sitemap
    private final Kept<Site, List<OutputFile.Generated>> openData = new Kept<>();
    private final Kept<Sitemap.Inputs, List<OutputFile.Generated>> sitemap = new Kept<>();

    // images
    private record Copy(Path original, long size, FileTime modified, int width, String path) {
    }

    private final Map<Copy, byte[]> copies = new ConcurrentHashMap<>();

    // render
    /** What a render depended on, shared by every page that depended on the same. */
    private record Dependencies(Map<String, Object> templates, Map<ModelPath, Object> reads) {
    }

    private record Rendered(PageRenderer.Facts facts, Dependencies dependencies, RenderedPage result) {
    }

    private final ModelPath editions = ModelPath.editions();
    private boolean sameTheme; // no file of the theme changed since the last build: its templates, as parsed then, still hold
    private PageRenderer.Pass lastPass;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final Map<Dependencies, Dependencies> sharedDependencies = new ConcurrentHashMap<>();
    private final Map<String, Object> templateVersions = new ConcurrentHashMap<>(); // one object per version, to compare fast
    private final Set<String> renderedAgain = ConcurrentHashMap.newKeySet();

    // check
    private record Checked(String html, Page page, HtmlChecker.CheckedPage result, Set<String> targets, List<Diagnostic> diagnostics) {
    }

    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    private HtmlChecker.Context checkedAgainst;
    private Set<String> verifiedFiles = Set.of();
    private Map<String, Set<String>> verifiedIds = Map.of();
    private Map<String, HtmlChecker.CheckedPage> verifiedPages = Map.of();
    private Map<String, List<Diagnostic>> verified = Map.of();

    PreviewCache(BuildRequest request) {
        super(request);
    }

    /**
     * The files that changed since the last build, as the watcher reported them; empty when not
     * known (events were lost): then every file is read again.
     */
    void changed(Collection<Path> files) {
        Set<Path> normalized = new HashSet<>();
        files.forEach(f -> normalized.add(f.toAbsolutePath().normalize()));
        changed = normalized.isEmpty() ? null : normalized;
    }

    /** Forgets everything: the next build does it all again. */
    void forget() {
        changed = null;
        reads.clear();
        lastSources = null;
        parsed.clear();
        parsedYaml.clear();
        placement = null;
        config = null;
        tables.forget();
        openData.forget();
        sitemap.forget();
        copies.clear();
        rendered.clear();
        sameTheme = false;
        lastPass = null;
        sharedDependencies.clear();
        templateVersions.clear();
        checked.clear();
        checkedAgainst = null;
        verifiedFiles = Set.of();
        verifiedIds = Map.of();
        verifiedPages = Map.of();
        verified = Map.of();
    }

    /** The addresses of the pages the last build rendered anew; the others were the build before's. */
    Set<String> renderedAgain() {
        return Set.copyOf(renderedAgain);
    }

    @Override
    Optional<Sources> load(Diagnostics diagnostics) {
        Set<Path> edited = changed;
        changed = null;
        sameTheme = edited != null && edited.stream().noneMatch(f -> f.startsWith(request.templatesDir()));
        Sources previous = lastSources;
        if (edited != null && previous != null) {
            Set<Path> read = new HashSet<>();
            edited.stream().filter(f -> !ContentLoader.isIgnored(previous, f)).forEach(read::add);
            if (read.stream().allMatch(f -> ContentLoader.isEditOf(previous, f))) {
                // Only edits of files known: the list of files is the same, and only they are read.
                var own = new Diagnostics();
                Sources sources = loader.reread(previous, read, own);
                own.all().forEach(diagnostics::add);
                read.forEach(reads::remove);
                lastSources = own.all().isEmpty() ? sources : null;
                return Optional.of(sources);
            }
        }
        var own = new Diagnostics();
        Optional<Sources> sources = loader.load(request.contentDir(), request.templatesDir(),
                (root, file, problems) -> text(root, file, edited, problems), own);
        own.all().forEach(diagnostics::add);
        lastSources = own.all().isEmpty() ? sources.orElse(null) : null;
        Set<Path> present = new HashSet<>();
        sources.ifPresent(s -> {
            present.add(s.siteFile().path());
            List.of(s.i18nFiles(), s.dataFiles(), s.pageFiles()).forEach(files -> files.forEach(f -> present.add(f.path())));
        });
        reads.keySet().retainAll(present);
        return sources;
    }

    /** A file's text: the one read before when the file is not among those reported changed and its size and date are the same. */
    private SourceFile text(Path root, Path file, Set<Path> edited, Diagnostics diagnostics) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return ContentLoader.read(root, file, diagnostics); // which reports it
        }
        Read before = reads.get(file);
        if (edited != null && !edited.contains(file) && before != null && before.size() == attributes.size()
                && before.modified().equals(attributes.lastModifiedTime())) {
            return before.file();
        }
        var own = new Diagnostics();
        SourceFile text = ContentLoader.read(root, file, own);
        own.all().forEach(diagnostics::add);
        if (own.all().isEmpty()) {
            reads.put(file, new Read(attributes.size(), attributes.lastModifiedTime(), text));
        } else {
            reads.remove(file); // read again next time, to report it again
        }
        return text;
    }

    @Override
    ParsedContent parse(Sources sources, Diagnostics diagnostics) {
        ParsedContent content = parser.parseAll(sources, file -> {
            Parsed before = parsed.get(file.path());
            if (before != null && (before.file() == file || before.file().equals(file))) {
                return before.result();
            }
            PageParser.Result result = parser.parsePage(file);
            parsed.put(file.path(), new Parsed(file, result));
            return result;
        }, (file, role) -> {
            ParsedYaml before = parsedYaml.get(file.path());
            if (before != null && before.role() == role && (before.file() == file || before.file().equals(file))) {
                return before.result();
            }
            ContentParser.YamlResult result = parser.parseYaml(file, role);
            parsedYaml.put(file.path(), new ParsedYaml(file, role, result));
            return result;
        }, diagnostics);
        if (parsed.size() > sources.pageFiles().size()) {
            Set<Path> present = new HashSet<>();
            sources.pageFiles().forEach(f -> present.add(f.path()));
            parsed.keySet().retainAll(present);
        }
        if (parsedYaml.size() > 1 + sources.i18nFiles().size() + sources.dataFiles().size()) {
            Set<Path> present = new HashSet<>();
            present.add(sources.siteFile().path());
            List.of(sources.i18nFiles(), sources.dataFiles()).forEach(files -> files.forEach(f -> present.add(f.path())));
            parsedYaml.keySet().retainAll(present);
        }
        return content;
    }

    @Override
    Optional<Site> assemble(ParsedContent parsed, Sources sources, Diagnostics diagnostics) {
        return assembler.assemble(parsed, sources, request.baseUrl(), this::place, this::tabulate, diagnostics).map(this::sameConfig);
    }

    /**
     * The site with the previous build's configuration object while it is equal: every page's
     * {@link PageRenderer.Facts} holds it, and comparing the same object is immediate, where comparing
     * an equal one field by field, once per page, cost a large site's edit more than its render.
     */
    private Site sameConfig(Site site) {
        SiteConfig before = config;
        if (before == null || before == site.config() || !before.equals(site.config())) {
            config = site.config();
            return site;
        }
        return new Site(before, site.pages(), site.editions(), site.translations(), site.staticFiles(), site.publishedNames());
    }

    /** The previous placement, each page with its new text, while everything that places pages is equal. */
    private List<Page> place(SiteAssembler.Structure structure, List<ParsedPage> pages, Diagnostics diagnostics) {
        Map<Path, ParsedPage> bySource = new HashMap<>();
        pages.forEach(p -> bySource.put(p.source().path(), p));
        Placement before = placement;
        if (before != null && before.structure().equals(structure)) {
            before.diagnostics().forEach(diagnostics::add);
            List<Page> placed = new ArrayList<>(before.pages().size());
            for (Page page : before.pages()) {
                ParsedPage now = page.source() == null ? null : bySource.get(page.source());
                placed.add(now == null || now == before.from().get(page.source()) ? page
                        : page.withContent(now.body().parts(), now.body().outline(), now.frontMatter().params()));
            }
            placement = new Placement(structure, bySource, placed, before.diagnostics());
            return placed;
        }
        var own = new Diagnostics();
        List<Page> placed = SiteAssembler.PLACE.place(structure, pages, own);
        own.all().forEach(diagnostics::add);
        placement = new Placement(structure, bySource, placed, own.all());
        return placed;
    }

    /** The previous data tables, the same objects, while what they are made from is equal. */
    private SiteAssembler.Tables tabulate(SiteAssembler.TableInputs inputs, Diagnostics diagnostics) {
        return tables.get(inputs, SiteAssembler.TABULATE::tabulate, diagnostics);
    }

    @Override
    List<OutputFile.Generated> metadata(Site site) {
        var none = new Diagnostics(); // neither reports anything
        List<OutputFile.Generated> files = new ArrayList<>(openData.get(OpenData.inputs(site), (in, d) -> new OpenData().made(in), none));
        files.addAll(sitemap.get(Sitemap.inputs(site), (in, d) -> new Sitemap().made(in), none));
        return files;
    }

    /**
     * What one step made from its inputs, kept with the problems it reported while the next inputs are
     * equal: those problems are reported again, and the same result is given, the same object.
     */
    private static final class Kept<I, R> {
        private record Result<I, R>(I inputs, R made, List<Diagnostic> diagnostics) {
        }

        private Result<I, R> last;

        R get(I inputs, java.util.function.BiFunction<I, Diagnostics, R> make, Diagnostics diagnostics) {
            Result<I, R> before = last;
            if (before != null && before.inputs().equals(inputs)) {
                before.diagnostics().forEach(diagnostics::add);
                return before.made();
            }
            var own = new Diagnostics();
            R made = make.apply(inputs, own);
            own.all().forEach(diagnostics::add);
            last = new Result<>(inputs, made, own.all());
            return made;
        }

        void forget() {
            last = null;
        }
    }

    @Override
    List<OutputFile.Generated> images(Site site, Diagnostics diagnostics) {
        Set<Copy> used = ConcurrentHashMap.newKeySet();
        List<OutputFile.Generated> files = images.files(site, diagnostics, (original, width, path) -> {
            Copy copy;
            try {
                var attributes = Files.readAttributes(original, BasicFileAttributes.class);
                copy = new Copy(original, attributes.size(), attributes.lastModifiedTime(), width, path);
            } catch (IOException e) {
                return ImageVariants.resize(original, width, path); // which reports it
            }
            used.add(copy);
            byte[] made = copies.get(copy);
            if (made == null) { // two threads may make the same copy once each: the same bytes
                made = ImageVariants.resize(original, width, path);
                copies.put(copy, made);
            }
            return made;
        });
        copies.keySet().retainAll(used);
        return files;
    }

    @Override
    PageRenderer.Rendering render(Site site) {
        PageRenderer.Pass pass = sameTheme && lastPass != null ? renderer.begin(site, lastPass) : renderer.begin(site);
        lastPass = pass;
        renderedAgain.clear();
        Set<String> urls = new HashSet<>();
        site.pages().forEach(p -> urls.add(p.url()));
        rendered.keySet().retainAll(urls);
        // Whether what each page depended on is still so, worked out once for all pages that share it:
        // every template it used has the same text, every place it read the same value.
        Map<String, Object> versions = new ConcurrentHashMap<>();
        Map<ModelPath, Object> found = new HashMap<>();
        Map<Dependencies, Boolean> holding = new IdentityHashMap<>();
        for (Rendered r : rendered.values()) {
            holding.computeIfAbsent(r.dependencies(), d -> holds(d, pass, versions, site.editions(), found));
        }
        Set<Dependencies> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(holding.keySet());
        sharedDependencies.values().removeIf(d -> !live.contains(d));
        return new PageRenderer.Rendering() {
            @Override
            public Optional<RenderedPage> render(Page page, Diagnostics diagnostics) {
                Rendered before = rendered.get(page.url());
                PageRenderer.Facts facts = pass.facts(page);
                if (before != null && Boolean.TRUE.equals(holding.get(before.dependencies())) && before.facts().equals(facts)) {
                    RenderedPage result = before.result();
                    return Optional.of(result.page() == page ? result : new RenderedPage(page, result.html()));
                }
                renderedAgain.add(page.url());
                var reads = new Reads(editions);
                var own = new Diagnostics();
                Optional<RenderedPage> result = pass.render(page, own, reads);
                own.all().forEach(diagnostics::add);
                if (result.isPresent() && own.all().isEmpty()) {
                    Map<String, Object> templates = new HashMap<>();
                    reads.templates().forEach(name -> templates.put(name, version(name, pass, versions)));
                    Dependencies dependencies = sharedDependencies.computeIfAbsent(new Dependencies(Map.copyOf(templates), reads.values()),
                            d -> d);
                    rendered.put(page.url(), new Rendered(facts, dependencies, result.get()));
                } else {
                    rendered.remove(page.url());
                }
                return result;
            }

            @Override
            public void finish(Diagnostics diagnostics) {
                pass.finish(diagnostics);
            }
        };
    }

    private boolean holds(Dependencies dependencies, PageRenderer.Pass pass, Map<String, Object> versions,
                          Map<String, Edition> now, Map<ModelPath, Object> found) {
        for (var template : dependencies.templates().entrySet()) {
            if (version(template.getKey(), pass, versions) != template.getValue()) {
                return false;
            }
        }
        for (var read : dependencies.reads().entrySet()) {
            if (!read.getKey().fingerprintIn(now, found).equals(read.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The version of a template in this run, as the same object as before when its text is the same. */
    private Object version(String name, PageRenderer.Pass pass, Map<String, Object> versions) {
        return versions.computeIfAbsent(name, n -> {
            Object now = pass.templateVersion(n);
            Object before = templateVersions.get(n);
            if (now.equals(before)) {
                return before;
            }
            templateVersions.put(n, now);
            return now;
        });
    }

    @Override
    HtmlChecker.Checking check(Site site, Set<String> files) {
        HtmlChecker.Context context = HtmlChecker.context(site);
        if (!context.equals(checkedAgainst)) {
            checked.clear(); // the same HTML would now resolve its links differently
            checkedAgainst = context;
        }
        List<Checked> pages = java.util.Collections.synchronizedList(new ArrayList<>());
        return new HtmlChecker.Checking() {
            @Override
            public OutputFile.Generated check(RenderedPage page, Diagnostics diagnostics) {
                String path = page.page().outputPath();
                Checked before = checked.get(path);
                Checked now;
                if (before != null && (before.html() == page.html() || before.html().equals(page.html()))
                        && (before.page() == page.page() || before.page().equals(page.page()))) {
                    before.diagnostics().forEach(diagnostics::add);
                    now = before;
                } else {
                    var own = new Diagnostics();
                    HtmlChecker.CheckedPage result = checker.check(page, context, own);
                    own.all().forEach(diagnostics::add);
                    now = new Checked(page.html(), page.page(), result, result.targets(), own.all());
                    checked.put(path, now);
                }
                pages.add(now);
                return new OutputFile.Generated(path, now.result().html());
            }

            @Override
            public Map<String, List<SourcePosition>> finish(Diagnostics diagnostics) {
                List<Checked> ordered = new ArrayList<>(pages);
                ordered.sort(java.util.Comparator.comparing(c -> c.page().outputPath()));
                Set<String> paths = new HashSet<>();
                ordered.forEach(c -> paths.add(c.page().outputPath()));
                checked.keySet().retainAll(paths);
                verify(ordered, files, diagnostics);
                return LinkVerification.external(ordered.stream().map(Checked::result).toList());
            }
        };
    }

    /**
     * Verifies every page's links, reusing a page's previous verification when its links, the site's
     * files and the anchors of every page it links to are the same as then.
     */
    private void verify(List<Checked> ordered, Set<String> files, Diagnostics diagnostics) {
        Map<String, Set<String>> ids = LinkVerification.anchors(ordered.stream().map(Checked::result).toList());
        boolean sameFiles = files.equals(verifiedFiles);
        Set<String> changedTargets = new HashSet<>();
        ids.forEach((target, anchors) -> {
            Set<String> before = verifiedIds.get(target);
            if (anchors != before && !anchors.equals(before)) {
                changedTargets.add(target);
            }
        });
        verifiedIds.keySet().stream().filter(target -> !ids.containsKey(target)).forEach(changedTargets::add);
        Map<String, List<Diagnostic>> now = new HashMap<>();
        Map<String, HtmlChecker.CheckedPage> pages = new HashMap<>();
        for (Checked c : ordered) {
            String path = c.page().outputPath();
            List<Diagnostic> found = verified.get(path);
            boolean still = found != null && sameFiles && verifiedPages.get(path) == c.result()
                    && (changedTargets.isEmpty() || java.util.Collections.disjoint(c.targets(), changedTargets));
            if (!still) {
                var own = new Diagnostics();
                LinkVerification.verify(c.result(), files, ids, own);
                found = own.all();
            }
            found.forEach(diagnostics::add);
            now.put(path, found);
            pages.put(path, c.result());
        }
        verified = now;
        verifiedPages = pages;
        verifiedFiles = files; // neither changes once the run is over
        verifiedIds = ids;
    }
}
