package org.abierto.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.metadata.StructuredData;
import org.abierto.model.BodyPart;
import org.abierto.model.Edition;
import org.abierto.model.Page;
import org.abierto.model.Site;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * method of any Java object, no class.
 *
 * <p>A function of the site and the templates: it keeps nothing from one run to the next. Each run
 * ({@link #begin}) sets up Freemarker once and reads each template once, so every page of a run is
 * rendered with the same version of each template.
 */
public final class PageRenderer {
    static final String EXTENSION = ".ftlh";
    static final String DIRECTIVES = "directives/";
    /** The custom attribute of a Freemarker environment that holds the {@link Reads} of its render. */
    private static final String READS = "abierto.reads";
    /** The template of the report as one document, for its PDF: a theme without it makes no PDF. */
    public static final String DOCUMENT = "pdf";

    private final Path templates;
    private final Path contentDir;
    private final Path projectRoot;

    /**
     * @param templatesDir the theme's templates
     * @param contentDir   the content, whose parent names files in messages ({@code content/es/x.md})
     */
    public PageRenderer(Path templatesDir, Path contentDir) {
        this.templates = templatesDir.toAbsolutePath().normalize();
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.projectRoot = this.contentDir.getParent() == null ? this.contentDir : this.contentDir.getParent();
    }

    /** Rendering a site page by page, as the pipeline does it. */
    public interface Rendering {
        /** Renders one page, or reports why it cannot. Thread-safe. */
        Optional<RenderedPage> render(Page page, Diagnostics diagnostics);

        /** Reports what the renders found wrong in templates (each problem once). */
        void finish(Diagnostics diagnostics);
    }

    /**
     * What of the page and its site a render depends on besides what it {@link Reads}: the page
     * itself, the locale of its language (dates and numbers written by Freemarker), and what its
     * structured data is made of.
     */
    public record Facts(Page page, Locale locale, StructuredData.Inputs structuredData) {
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

    /** Renders one page, or reports why it cannot. */
    public Optional<RenderedPage> render(Site site, Page page, Diagnostics diagnostics) {
        Pass pass = begin(site);
        Optional<RenderedPage> result = pass.render(page, diagnostics);
        pass.finish(diagnostics);
        return result;
    }

    /** Starts rendering a site page by page (so each page can go on to the next stage at once). */
    public Pass begin(Site site) {
        return new Pass(site);
    }

    /**
     * As {@link #begin(Site)}, with the templates {@code before} read and parsed: for a caller that
     * knows no file of the theme changed since (the live preview, told so by its watcher), so that an
     * edit of the content does not parse every template again.
     */
    public Pass begin(Site site, Pass before) {
        return new Pass(site, before.texts, before.freemarker);
    }

    /** One run's rendering, with its own Freemarker set-up and template versions. */
    public final class Pass implements Rendering {
        private final Site site;
        private final TemplateTexts texts;
        private final Configuration freemarker;
        private final Map<String, Optional<Template>> loaded = new ConcurrentHashMap<>();
        private final Map<SourcePosition, Map<String, List<Page>>> failures = new ConcurrentHashMap<>();

        private Pass(Site site) {
            this.site = site;
            try {
                // Made here, not in the constructor: the load stage reports a missing templates folder
                // as the editor's error, and the dev server may start before the folder exists.
                this.texts = new TemplateTexts(new FileTemplateLoader(templates.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.freemarker = configuration(texts);
        }

        private Pass(Site site, TemplateTexts texts, Configuration freemarker) {
            this.site = site;
            this.texts = texts;
            this.freemarker = freemarker;
        }

        @Override
        public Optional<RenderedPage> render(Page page, Diagnostics diagnostics) {
            return render(page, diagnostics, Reads.none());
        }

        /** Renders one page, recording in {@code reads} what it read. Thread-safe. */
        public Optional<RenderedPage> render(Page page, Diagnostics diagnostics, Reads reads) {
            return PageRenderer.this.render(this, page, diagnostics, reads);
        }

        /** What a render of {@code page} depends on besides its {@link Reads}. */
        public Facts facts(Page page) {
            return new Facts(page, site.edition(page).language().locale(), StructuredData.inputs(site, page));
        }

        /**
         * The text this run renders with for a template name, as a render recorded it in its
         * {@link Reads#templates()}; a template that does not exist, or whose name is not valid, has
         * a version of its own. Reading it makes the run keep that text for every page.
         */
        public Object templateVersion(String name) {
            try {
                Template template = freemarker.getTemplate(name, null, null, null, true, true);
                return template == null ? "missing" : texts.text(template.getSourceName());
            } catch (MalformedTemplateNameException e) {
                return "malformed";
            } catch (IOException e) {
                return texts.text(syntaxError(e).getTemplateName());
            }
        }

        @Override
        public void finish(Diagnostics diagnostics) {
            failures.entrySet().stream().sorted(Map.Entry.comparingByKey(SOURCE_ORDER)).forEach(failure ->
                    failure.getValue().forEach((message, failed) -> {
                        List<Page> sorted = failed.stream().sorted(java.util.Comparator.comparing(Page::url)).toList();
                        String others = sorted.size() == 1 ? "" : " and " + (sorted.size() - 1) + " other page" + (sorted.size() == 2 ? "" : "s");
                        diagnostics.error(failure.getKey(), "template",
                                message + " (while rendering " + describe(sorted.get(0)) + others + ")");
                    }));
        }
    }

    private Configuration configuration(TemplateLoader loader) {
        var cfg = new TemplateSet();
        cfg.setTemplateLoader(loader);
        // One version of each template for the whole run: never dropped, never looked at again.
        cfg.setCacheStorage(new StrongCacheStorage());
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
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
        cfg.setObjectWrapper(new TemplateData(contentDir));
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }

    /** Freemarker's configuration, telling each render's {@link Reads} which templates it looks up. */
    private static final class TemplateSet extends Configuration {
        TemplateSet() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                    boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            // #import and #include come here, with the name resolved against the including template.
            Environment environment = Environment.getCurrentEnvironment();
            if (environment != null && environment.getCustomAttribute(READS) instanceof Reads reads) {
                reads.template(name);
            }
            return super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        }
    }

    /** The templates' files as Freemarker reads them, keeping the text of each, which is its version. */
    private static final class TemplateTexts implements TemplateLoader {
        private record Source(String name, Object source) {
        }

        private final TemplateLoader files;
        private final Map<String, String> read = new ConcurrentHashMap<>();

        TemplateTexts(TemplateLoader files) {
            this.files = files;
        }

        String text(String name) {
            return name == null ? "missing" : read.getOrDefault(name, "missing");
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            Object source = files.findTemplateSource(name);
            return source == null ? null : new Source(name, source);
        }

        @Override
        public long getLastModified(Object source) {
            return files.getLastModified(((Source) source).source());
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            Source s = (Source) source;
            try (Reader reader = files.getReader(s.source(), encoding)) {
                var text = new StringWriter();
                reader.transferTo(text);
                read.put(s.name(), text.toString());
                return new StringReader(text.toString());
            }
        }

        @Override
        public void closeTemplateSource(Object source) throws IOException {
            files.closeTemplateSource(((Source) source).source());
        }
    }

    private static final java.util.Comparator<SourcePosition> SOURCE_ORDER = java.util.Comparator
            .comparing((SourcePosition p) -> p.file().toString()).thenComparingInt(SourcePosition::line)
            .thenComparingInt(SourcePosition::column);

    private Optional<RenderedPage> render(Pass pass, Page page, Diagnostics diagnostics, Reads reads) {
        String layout = page.layout() + EXTENSION;
        reads.template(layout);
        Optional<Template> template = template(pass, layout, layoutPosition(page), page, diagnostics);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Edition edition = pass.site.edition(page);
        Map<String, Object> model = model(pass.site, edition, page);
        Optional<String> body = body(pass, page, model, diagnostics, reads);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        model.put("content", markup(body.get()));
        model.put("structuredData", markup(StructuredData.of(pass.facts(page).structuredData(), page)));
        try {
            return Optional.of(new RenderedPage(page, process(pass, template.get(), model, edition, reads)));
        } catch (TemplateException e) {
            pass.failures.computeIfAbsent(TemplateProblem.at(templates, e), k -> new ConcurrentHashMap<>())
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
     * {@code chapters}: the given pages, each with its {@code content}. It uses the templates {@code pass}
     * has parsed (a build parses its theme once), and renders the site {@code pass} was begun for.
     *
     * @return the document, or empty when a page's body or the template fails: a template's own error
     *         is reported; a body's is not, since the same page's own rendering reports it
     */
    public Optional<String> renderDocument(Pass pass, Page home, List<Page> pages, Diagnostics diagnostics) {
        Site site = pass.site;
        Edition edition = site.edition(home);
        var bodies = new Diagnostics();
        List<Chapter> chapters = new java.util.ArrayList<>();
        for (Page page : pages) {
            Optional<String> body = body(pass, page, model(site, edition, page), bodies, Reads.none());
            if (body.isEmpty()) {
                return Optional.empty();
            }
            chapters.add(new Chapter(page, markup(body.get())));
        }
        Optional<Template> template = template(pass, DOCUMENT + EXTENSION, SourcePosition.of(templates.resolve(DOCUMENT + EXTENSION)),
                home, diagnostics);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = model(site, edition, home);
        model.put("chapters", chapters);
        try {
            return Optional.of(process(pass, template.get(), model, edition, Reads.none()));
        } catch (TemplateException e) {
            diagnostics.error(TemplateProblem.at(templates, e), "template",
                    TemplateProblem.message(e) + " (while rendering the PDF of the " + home.language() + " edition)");
            return Optional.empty();
        }
    }

    /** The body's HTML with every directive rendered in place. */
    private Optional<String> body(Pass pass, Page page, Map<String, Object> pageModel, Diagnostics diagnostics, Reads reads) {
        var html = new StringBuilder();
        boolean ok = true;
        for (BodyPart part : page.body()) {
            if (part instanceof BodyPart.Html h) {
                html.append(h.html());
                continue;
            }
            var directive = (BodyPart.Directive) part;
            String name = DIRECTIVES + directive.name() + EXTENSION;
            reads.template(name);
            Optional<Template> template = template(pass, name, directive.at(), page, diagnostics);
            if (template.isEmpty()) {
                ok = false;
                continue;
            }
            Map<String, Object> model = new HashMap<>(pageModel);
            model.put("args", directive.args());
            try {
                html.append(process(pass, template.get(), model, (Edition) pageModel.get("site"), reads));
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

    /**
     * Where the shared variables sit in the site model, for {@code reads}: {@code site} is the page's
     * edition, {@code data}, {@code i18n} and {@code format} parts of it. The others belong to the page.
     */
    private static Map<String, TemplateData.Trail> trails(Edition edition, Reads reads) {
        ModelPath editions = reads.editions();
        if (editions == null) {
            return Map.of();
        }
        ModelPath site = editions.field(edition.language().code());
        return Map.of(
                "editions", new TemplateData.Trail(editions, reads),
                "site", new TemplateData.Trail(site, reads),
                "data", new TemplateData.Trail(site.field("data"), reads),
                "i18n", new TemplateData.Trail(site.field("i18n"), reads),
                "format", new TemplateData.Trail(site.field("format"), reads));
    }

    private String process(Pass pass, Template template, Map<String, Object> model, Edition edition, Reads reads)
            throws TemplateException {
        var out = new StringWriter(8192);
        var limit = new NestingLimit();
        try {
            var data = (TemplateData) pass.freemarker.getObjectWrapper();
            var env = template.createProcessingEnvironment(data.root(model, trails(edition, reads)), out);
            env.setCustomAttribute(READS, reads);
            env.setLocale(edition.language().locale());
            env.setTemplateProcessingTracer(limit);
            env.process();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException | RuntimeException | StackOverflowError e) {
            // A template that calls itself without end is the theme's error, at its line: never a crash.
            if (NestingLimit.isTooDeep(e)) {
                throw limit.failure(e);
            }
            throw e;
        }
        return out.toString();
    }

    /** A template, loaded once per run; syntax errors are reported once, at the template. */
    private Optional<Template> template(Pass pass, String name, SourcePosition usedAt, Page page, Diagnostics diagnostics) {
        return pass.loaded.computeIfAbsent(name, n -> {
            try {
                return Optional.of(pass.freemarker.getTemplate(n));
            } catch (TemplateNotFoundException e) {
                return Optional.empty();
            } catch (IOException e) {
                ParseException syntax = syntaxError(e);
                diagnostics.error(TemplateProblem.at(templates, syntax), "template-syntax", TemplateProblem.message(syntax));
                return Optional.empty();
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

    /**
     * The syntax error a template failed to load with. Freemarker remembers a template that failed:
     * asked for it again in the same run (the live preview asks for its version first, and a run the
     * preview begins from the last one keeps its templates) it throws a plain IOException around
     * the first ParseException. Any other failure to read a template is not the theme's: it is thrown.
     */
    private static ParseException syntaxError(IOException e) {
        if (e instanceof ParseException syntax) {
            return syntax;
        }
        if (e.getCause() instanceof ParseException syntax) {
            return syntax;
        }
        throw new UncheckedIOException(e);
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
