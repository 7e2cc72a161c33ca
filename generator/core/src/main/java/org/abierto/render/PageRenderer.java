package org.abierto.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.BodyPart;
import org.abierto.model.Edition;
import org.abierto.model.Page;
import org.abierto.model.Site;
import org.abierto.metadata.StructuredData;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The render stage: renders every page with its Freemarker template ({@code templates/<layout>.ftlh},
 * HTML auto-escaping on) and each directive of its body with {@code templates/directives/<name>.ftlh}.
 *
 * <p>Templates see data, not services: {@code site} (the page's {@link Edition}), {@code page},
 * {@code content} (the body, already HTML), {@code data}, {@code i18n}, {@code format}, and
 * {@code editions} (every language's edition, for the language switcher and the landing page),
 * {@code structuredData} (the page's schema.org JSON-LD, safe to place in a script element);
 * directive templates also see {@code args}. They reach these as data only ({@link TemplateData}): no
 * method of any Java object, no class. The Freemarker configuration is built once per build.
 */
public final class PageRenderer {
    static final String EXTENSION = ".ftlh";
    static final String DIRECTIVES = "directives/";
    /** The template of the report as one document, for its PDF: a theme without it makes no PDF. */
    public static final String DOCUMENT = "pdf";

    private final Path templates;
    private final Path projectRoot;
    private final Configuration freemarker;
    private final Map<String, Optional<Template>> loaded = new ConcurrentHashMap<>();

    // A renderer used for several builds (the dev server) renders again only what changed:
    // a page whose own value, edition or templates changed.
    private record Rendered(Page page, RenderedPage result) {
    }

    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final boolean remember;
    private Map<String, Edition> editions = Map.of();
    private Map<String, String> templateVersions = Map.of();

    /**
     * @param templatesDir the theme's templates
     * @param contentDir   the content, whose parent names files in messages ({@code content/es/x.md})
     */
    public PageRenderer(Path templatesDir, Path contentDir) {
        this(templatesDir, contentDir, false);
    }

    /**
     * @param remember whether to keep each page's HTML for the next build, to render again only what
     *                 changed (the dev server); a one-off build keeps nothing, to use less memory
     */
    public PageRenderer(Path templatesDir, Path contentDir, boolean remember) {
        this.remember = remember;
        this.templates = templatesDir.toAbsolutePath().normalize();
        Path content = contentDir.toAbsolutePath().normalize();
        this.projectRoot = content.getParent() == null ? content : content.getParent();
        var cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setLocalizedLookup(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        // A theme is code copied from elsewhere: it must be as harmless as content. Templates see data
        // only (TemplateData), cannot create Java objects (?new) nor reach the objects behind values (?api).
        cfg.setObjectWrapper(new TemplateData(content));
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        this.freemarker = cfg;
    }

    /**
     * Renders every page; pages whose template fails are reported and left out. Parallel, order kept.
     * A template error shared by many pages is reported once, naming the first page and how many others.
     */
    public List<RenderedPage> renderAll(Site site, Diagnostics diagnostics) {
        Pass pass = begin(site);
        List<RenderedPage> pages = site.pages().parallelStream()
                .map(page -> pass.render(page, diagnostics))
                .flatMap(Optional::stream)
                .toList();
        pass.finish(diagnostics);
        return pages;
    }

    /** Starts rendering a site page by page (so each page can go on to the next stage at once). */
    public Pass begin(Site site) {
        loadTemplates();
        return new Pass(site);
    }

    private synchronized void loadTemplates() {
        if (freemarker.getTemplateLoader() == null) {
            // Set here, not in the constructor: the load stage reports a missing templates folder
            // as the editor's error, and the dev server may start before the folder exists.
            try {
                freemarker.setTemplateLoader(new FileTemplateLoader(templates.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One build's rendering: what changed since the previous build is worked out once, here. */
    public final class Pass {
        private final Site site;
        private final Set<String> changedTemplates;
        private final TemplateGraph graph;
        private final Map<String, Set<String>> changedParts = new java.util.HashMap<>();
        private final Set<String> changedInAnyEdition = new java.util.HashSet<>();
        private final Map<SourcePosition, Map<String, List<Page>>> failures = new ConcurrentHashMap<>();
        // Whether pages made from the same templates depend on what changed: the same answer for all of them.
        private final Map<List<String>, Boolean> affected = new ConcurrentHashMap<>();

        private Pass(Site site) {
            this.site = site;
            this.changedTemplates = changedTemplates();
            this.graph = new TemplateGraph(templates);
            site.editions().forEach((code, edition) -> changedParts.put(code, changedParts(editions.get(code), edition)));
            changedParts.values().forEach(changedInAnyEdition::addAll);
            editions = site.editions();
        }

        /** Renders one page (or reuses the previous build's when nothing it depends on changed). Thread-safe. */
        public Optional<RenderedPage> render(Page page, Diagnostics diagnostics) {
            Rendered before = rendered.get(page.url());
            if (before != null && (before.page() == page || before.page().equals(page)) && !affected(page)) {
                return Optional.of(before.result());
            }
            Optional<RenderedPage> result = PageRenderer.this.render(site, page, diagnostics, failures);
            if (remember) {
                result.ifPresentOrElse(r -> rendered.put(page.url(), new Rendered(page, r)), () -> rendered.remove(page.url()));
            }
            return result;
        }

        private boolean affected(Page page) {
            List<String> templatesUsed = new ArrayList<>();
            templatesUsed.add(page.language());
            templatesUsed.add(page.layout());
            page.body().forEach(part -> {
                if (part instanceof BodyPart.Directive d) {
                    templatesUsed.add(d.name());
                }
            });
            return affected.computeIfAbsent(templatesUsed, k ->
                    dependsOnChange(page, graph, changedTemplates, changedParts.get(page.language()), changedInAnyEdition));
        }

        /** Reports the template errors (each once) and forgets pages that are gone. */
        public void finish(Diagnostics diagnostics) {
            if (rendered.size() > site.pages().size()) {
                Set<String> urls = new java.util.HashSet<>();
                site.pages().forEach(p -> urls.add(p.url()));
                rendered.keySet().retainAll(urls);
            }
            failures.entrySet().stream().sorted(Map.Entry.comparingByKey(SOURCE_ORDER)).forEach(failure ->
                    failure.getValue().forEach((message, failed) -> {
                        List<Page> sorted = failed.stream().sorted(java.util.Comparator.comparing(Page::url)).toList();
                        String others = sorted.size() == 1 ? "" : " and " + (sorted.size() - 1) + " other page" + (sorted.size() == 2 ? "" : "s");
                        diagnostics.error(failure.getKey(), "template",
                                message + " (while rendering " + describe(sorted.get(0)) + others + ")");
                    }));
        }
    }

    /** The templates whose files changed since the last call (all of them the first time); forgets them. */
    private Set<String> changedTemplates() {
        Map<String, String> now = new java.util.HashMap<>();
        try (var files = Files.walk(templates)) {
            for (Path f : files.filter(f -> f.toString().endsWith(EXTENSION)).toList()) {
                var attributes = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                now.put(templates.relativize(f).toString().replace('\\', '/'), attributes.size() + "@" + attributes.lastModifiedTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> changed = new java.util.HashSet<>();
        now.forEach((name, version) -> {
            if (!version.equals(templateVersions.get(name))) {
                changed.add(name);
            }
        });
        templateVersions.keySet().stream().filter(name -> !now.containsKey(name)).forEach(changed::add);
        if (!templateVersions.isEmpty() && !changed.isEmpty()) {
            freemarker.clearTemplateCache();
            loaded.clear();
        }
        templateVersions = now;
        return changed;
    }

    /** The parts of an edition that differ from the previous build's: all of them the first time. */
    private static Set<String> changedParts(Edition before, Edition now) {
        Set<String> changed = new java.util.HashSet<>();
        for (var component : Edition.class.getRecordComponents()) {
            try {
                if (before == null || !java.util.Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(now))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /**
     * Whether a page must be rendered again although it did not change itself: one of its templates
     * changed, or a part of its edition one of them reads, or the report-level values its JSON-LD uses.
     */
    private static boolean dependsOnChange(Page page, TemplateGraph graph, Set<String> changedTemplates,
                                           Set<String> changedParts, Set<String> changedInAnyEdition) {
        Set<String> used = new java.util.HashSet<>(graph.closure(page.layout() + EXTENSION));
        page.body().forEach(part -> {
            if (part instanceof BodyPart.Directive d) {
                used.addAll(graph.closure(DIRECTIVES + d.name() + EXTENSION));
            }
        });
        if (used.stream().anyMatch(changedTemplates::contains)) {
            return true;
        }
        for (String part : changedParts) {
            boolean read = switch (part) {
                case "data", "i18n", "format" -> graph.mentions(used, part);
                case "language", "languages", "title", "subtitle", "home", "baseUrl", "organisation", "licence", "date" -> true;
                default -> graph.mentions(used, "site." + part);
            };
            if (read) {
                return true;
            }
        }
        // Templates may read other languages' editions (the language switcher, the landing page).
        return graph.mentions(used, "editions")
                && changedInAnyEdition.stream().anyMatch(part -> graph.mentions(used, "." + part));
    }

    private static final java.util.Comparator<SourcePosition> SOURCE_ORDER = java.util.Comparator
            .comparing((SourcePosition p) -> p.file().toString()).thenComparingInt(SourcePosition::line)
            .thenComparingInt(SourcePosition::column);

    /** Renders one page, or reports why it cannot. */
    public Optional<RenderedPage> render(Site site, Page page, Diagnostics diagnostics) {
        Map<SourcePosition, Map<String, List<Page>>> failures = new ConcurrentHashMap<>();
        Optional<RenderedPage> result = render(site, page, diagnostics, failures);
        failures.forEach((at, messages) -> messages.forEach((message, pages) ->
                diagnostics.error(at, "template", message + " (while rendering " + describe(page) + ")")));
        return result;
    }

    private Optional<RenderedPage> render(Site site, Page page, Diagnostics diagnostics,
                                          Map<SourcePosition, Map<String, List<Page>>> failures) {
        Optional<Template> template = template(page.layout() + EXTENSION, layoutPosition(page), page, diagnostics);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Edition edition = site.edition(page);
        Map<String, Object> model = model(site, edition, page);
        Optional<String> body = body(page, model, diagnostics);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        model.put("content", markup(body.get()));
        model.put("structuredData", markup(StructuredData.of(site, page)));
        try {
            return Optional.of(new RenderedPage(page, process(template.get(), model, edition)));
        } catch (TemplateException e) {
            failures.computeIfAbsent(TemplateProblem.at(templates, e), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(TemplateProblem.message(e), k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                    .add(page);
            return Optional.empty();
        }
    }

    /** Whether the theme can lay the report out as one document ({@code templates/pdf.ftlh}). */
    public boolean hasDocumentTemplate() {
        return Files.isRegularFile(templates.resolve(DOCUMENT + EXTENSION));
    }

    /**
     * One page of the report as the document template sees it: the page, and its body as HTML (its
     * directives rendered, its Markdown links still as written: the check stage resolves them).
     */
    public record Chapter(Page page, Object content) {
    }

    /**
     * Renders one language's edition as one HTML document with {@code templates/pdf.ftlh}, for its PDF.
     * The template sees what a page's template sees, with {@code page} the language's home page, and
     * {@code chapters}: the given pages, each with its {@code content}.
     *
     * @return the document, or empty when a page's body or the template fails: a template's own error
     *         is reported; a body's is not, since the same page's own rendering reports it
     */
    public Optional<String> renderDocument(Site site, Page home, List<Page> pages, Diagnostics diagnostics) {
        loadTemplates();
        Edition edition = site.edition(home);
        var bodies = new Diagnostics();
        List<Chapter> chapters = new ArrayList<>();
        for (Page page : pages) {
            Optional<String> body = body(page, model(site, edition, page), bodies);
            if (body.isEmpty()) {
                return Optional.empty();
            }
            chapters.add(new Chapter(page, markup(body.get())));
        }
        Optional<Template> template = template(DOCUMENT + EXTENSION, SourcePosition.of(templates.resolve(DOCUMENT + EXTENSION)),
                home, diagnostics);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = model(site, edition, home);
        model.put("chapters", chapters);
        try {
            return Optional.of(process(template.get(), model, edition));
        } catch (TemplateException e) {
            diagnostics.error(TemplateProblem.at(templates, e), "template",
                    TemplateProblem.message(e) + " (while rendering the PDF of the " + home.language() + " edition)");
            return Optional.empty();
        }
    }

    /** The body's HTML with every directive rendered in place. */
    private Optional<String> body(Page page, Map<String, Object> pageModel, Diagnostics diagnostics) {
        var html = new StringBuilder();
        boolean ok = true;
        for (BodyPart part : page.body()) {
            if (part instanceof BodyPart.Html h) {
                html.append(h.html());
                continue;
            }
            var directive = (BodyPart.Directive) part;
            Optional<Template> template = template(DIRECTIVES + directive.name() + EXTENSION, directive.at(), page, diagnostics);
            if (template.isEmpty()) {
                ok = false;
                continue;
            }
            Map<String, Object> model = new HashMap<>(pageModel);
            model.put("args", directive.args());
            try {
                html.append(process(template.get(), model, (Edition) pageModel.get("site")));
            } catch (TemplateException e) {
                SourcePosition at = TemplateProblem.at(templates, e);
                diagnostics.error(directive.at(), "directive-template", "::" + directive.name() + " failed in "
                        + Diagnostic.display(at.file(), projectRoot) + ":" + at.line() + ":" + at.column()
                        + ": " + TemplateProblem.message(e));
                ok = false;
            }
        }
        return ok ? Optional.of(html.toString()) : Optional.empty();
    }

    private static Map<String, Object> model(Site site, Edition edition, Page page) {
        Map<String, Object> model = new HashMap<>();
        model.put("editions", site.editions());
        model.put("site", edition);
        model.put("page", page);
        model.put("data", edition.data());
        model.put("i18n", edition.i18n());
        model.put("format", edition.format());
        return model;
    }

    private String process(Template template, Map<String, Object> model, Edition edition) throws TemplateException {
        var out = new StringWriter(8192);
        try {
            var env = template.createProcessingEnvironment(model, out);
            env.setLocale(edition.language().locale());
            env.process();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A template, loaded once; syntax errors are reported once, at the template. */
    private Optional<Template> template(String name, SourcePosition usedAt, Page page, Diagnostics diagnostics) {
        return loaded.computeIfAbsent(name, n -> {
            try {
                return Optional.of(freemarker.getTemplate(n));
            } catch (TemplateNotFoundException e) {
                return Optional.empty();
            } catch (ParseException e) {
                diagnostics.error(TemplateProblem.at(templates, e), "template-syntax", TemplateProblem.message(e));
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).or(() -> {
            if (!Files.exists(templates.resolve(name))) {
                String what = name.startsWith(DIRECTIVES)
                        ? "there is no directive ::" + name.substring(DIRECTIVES.length(), name.length() - EXTENSION.length())
                        + " (no template templates/" + name + ")"
                        : "the layout '" + page.layout() + "' has no template templates/" + name;
                diagnostics.error(usedAt, "template-missing", what);
            }
            return Optional.empty();
        });
    }

    private static SourcePosition layoutPosition(Page page) {
        return page.source() == null ? SourcePosition.of(Path.of("templates")) : SourcePosition.of(page.source());
    }

    private String describe(Page page) {
        return page.source() == null ? "the page " + page.url() : Diagnostic.display(page.source(), projectRoot);
    }

    private static Object markup(String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(html);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
