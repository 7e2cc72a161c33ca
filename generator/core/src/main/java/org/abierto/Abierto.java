package org.abierto;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.ExternalLinks;
import org.abierto.check.HtmlChecker;
import org.abierto.check.SafelistFilter;
import org.abierto.edit.FrontMatterEditor;
import org.abierto.edit.Scaffold;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.load.StaticFile;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;
import org.abierto.model.TranslationStatus;
import org.abierto.parse.ContentParser;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;
import org.abierto.render.RenderedPage;
import org.abierto.write.FileNotWritten;
import org.abierto.write.OutputDisplaced;
import org.abierto.write.OutputRefused;
import org.abierto.write.SiteWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Abierto's API: builds a report site from content and templates. The pipeline, in order:
 * load → parse → assemble → render → check → write. Each stage reports every problem it finds;
 * the next stage does not start once there are errors, and nothing is written then.
 *
 * <p>Never prints and never exits: problems are diagnostics in the {@link BuildResult}.
 */
public final class Abierto {

    /** Builds the site and, when it has no errors, replaces the output folder with it. */
    public BuildResult build(BuildRequest request) {
        return run(request, true, Progress.NONE);
    }

    /** As {@link #build(BuildRequest)}, telling {@code progress} how the build advances. */
    public BuildResult build(BuildRequest request, Progress progress) {
        return run(request, true, progress);
    }

    /** Everything {@link #build} verifies, without writing anything. */
    public BuildResult check(BuildRequest request) {
        return run(request, false, Progress.NONE);
    }

    /** As {@link #check(BuildRequest)}, telling {@code progress} how the check advances. */
    public BuildResult check(BuildRequest request, Progress progress) {
        return run(request, false, progress);
    }

    /**
     * Only the PDF of each language, written into the request's output folder as {@code <language>/<title>.pdf};
     * the site is not built. The folder may not be a built site's (one with {@code abierto-manifest.json}),
     * which the next build would refuse to replace.
     *
     * @return the diagnostics, the pages per language, and the number of PDFs written
     */
    public BuildResult pdf(BuildRequest request) {
        var diagnostics = new Diagnostics(request.strictness());
        Path out = request.outputDir();
        request.outputConflict().ifPresent(reason -> diagnostics.error(out, 0, 0, "unsafe-output",
                "refusing to write the PDFs to " + out + ": " + reason));
        if (Files.exists(out.resolve(SiteWriter.MANIFEST))) {
            diagnostics.error(out, 0, 0, "unsafe-output", "refusing to write the PDFs into a built site (it has "
                    + SiteWriter.MANIFEST + "): a build makes them there; choose another folder, such as site/target/pdf");
        }
        if (diagnostics.hasErrors()) {
            return failed(diagnostics);
        }
        var pipeline = new Pipeline(request.withDownloads(true, false));
        Optional<Site> site = pipeline.assemble(diagnostics);
        if (site.isEmpty()) {
            return failed(diagnostics);
        }
        List<OutputFile> pdfs = pipeline.pdfs(site.get(), diagnostics);
        if (diagnostics.hasErrors()) {
            return failed(diagnostics);
        }
        if (pdfs.isEmpty()) {
            diagnostics.error(request.templatesDir(), 0, 0, "no-pdf", "the theme has no template for the PDF ("
                    + PageRenderer.DOCUMENT + ".ftlh in " + request.templatesDir() + "), so no PDF can be made");
            return failed(diagnostics);
        }
        try {
            for (OutputFile file : pdfs) {
                Path target = out.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, ((OutputFile.Generated) file).bytes());
            }
        } catch (IOException e) {
            diagnostics.error(out, 0, 0, "write-failed", "cannot write the PDFs: " + e.getMessage());
            return failed(diagnostics);
        }
        return new BuildResult(diagnostics.all(), pagesPerLanguage(site.get()), pdfs.size(), true);
    }

    /**
     * How every translation stands against its original; with {@code mark}, first records the
     * original's current fingerprint in the given translation files (all translations when
     * {@code files} is empty and {@code all} is set).
     */
    public TranslationReport translations(BuildRequest request, boolean mark, List<Path> files, boolean all) {
        var diagnostics = new Diagnostics(request.strictness());
        Optional<Site> site = assembled(request, diagnostics);
        if (site.isEmpty() || !mark) {
            return new TranslationReport(site.map(Site::translations).orElse(List.of()), List.of(), diagnostics.all());
        }
        List<Path> marked = new ArrayList<>();
        List<Path> wanted = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        for (Path file : wanted) {
            if (site.get().translations().stream().noneMatch(t -> file.equals(t.translationFile()))) {
                diagnostics.error(file, 0, 0, "not-a-translation", "this file is not the translation of a page of the "
                        + "original language; mark the translated file, e.g. content/en/…");
            }
        }
        for (TranslationStatus status : site.get().translations()) {
            boolean chosen = status.translationFile() != null && (all || wanted.contains(status.translationFile()));
            if (chosen && !status.fingerprint().equals(status.recorded())) {
                try {
                    // Quoted: a fingerprint such as 801036e10706 would otherwise be read as a number.
                    FrontMatterEditor.setInFile(status.translationFile(), "sourceHash", "\"" + status.fingerprint() + "\"");
                    marked.add(status.translationFile());
                } catch (IOException e) {
                    diagnostics.error(status.translationFile(), 0, 0, "write-failed", "cannot mark the translation: " + e.getMessage());
                }
            }
        }
        Diagnostics after = new Diagnostics(request.strictness());
        Optional<Site> reread = assembled(request, after);
        return new TranslationReport(reread.map(Site::translations).orElse(List.of()), marked,
                diagnostics.hasErrors() ? diagnostics.all() : after.all());
    }

    /**
     * Creates a page of the original language and its counterpart in every other language, both
     * drafts, in the matching sections ({@code es/ruta-de-trabajo/} ↔ {@code en/roadmap/}). Each
     * counterpart is named in its own language — its name is its address — so it needs a name: nothing
     * is created without one. The new page comes last in its section: its order follows every order
     * its section's pages have (drafts included) in any language.
     *
     * @param file             the new page, e.g. {@code content/es/ruta-de-trabajo/nueva-fase.md}
     * @param title            its title, or null to make one from the file name
     * @param translationNames the file name of each counterpart by language code ({@code en → new-phase}); under the
     *                         key "" for the only other language of a bilingual report
     * @return the files created, and any problem (nothing is created then)
     */
    public ScaffoldResult newPage(BuildRequest request, Path file, String title, Map<String, String> translationNames) {
        var diagnostics = new Diagnostics();
        Path page = file.toAbsolutePath().normalize();
        Path content = request.contentDir();
        if (!page.startsWith(content) || !page.toString().endsWith(".md")) {
            diagnostics.error(page, 0, 0, "new-page", "a page is a .md file inside " + content + ", e.g. content/es/nueva-pagina.md");
            return new ScaffoldResult(List.of(), diagnostics.all());
        }
        Optional<Site> site = assembled(request, diagnostics);
        if (site.isEmpty()) {
            return new ScaffoldResult(List.of(), diagnostics.all());
        }
        var config = site.get().config();
        Path relative = content.relativize(page);
        String language = relative.getName(0).toString();
        if (!language.equals(config.defaultLanguage().code()) || relative.getNameCount() < 2) {
            diagnostics.error(page, 0, 0, "new-page", "create new pages in the original language, under content/"
                    + config.defaultLanguage().code() + "/; their translations are created with them");
            return new ScaffoldResult(List.of(), diagnostics.all());
        }
        if (Files.exists(page)) {
            diagnostics.error(page, 0, 0, "new-page", "this page already exists; choose another name");
            return new ScaffoldResult(List.of(), diagnostics.all());
        }
        Path folder = page.getParent();
        String shown = content.getParent().relativize(page).toString().replace('\\', '/');
        Map<Path, String> counterparts = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>(List.of(folder));
        List<org.abierto.model.Language> others = config.languages().stream().filter(l -> !l.isDefault()).toList();
        for (var other : others) {
            Path otherFolder = counterpartFolder(site.get(), content, folder, other.code());
            folders.add(otherFolder);
            String name = translationNames.getOrDefault(other.code(), others.size() == 1 ? translationNames.get("") : null);
            String example = Scaffold.exampleName(other.code());
            if (name == null) {
                diagnostics.error(page, 0, 0, "new-page", "the " + other.name() + " page needs a file name in " + other.name()
                        + ", which is its address (" + content.getFileName() + "/" + content.relativize(otherFolder).toString().replace('\\', '/')
                        + "/NAME.md): run again with --translation-name " + (others.size() == 1 ? "" : other.code() + "=") + example
                        + ", e.g. abierto new page " + shown + " --translation-name " + (others.size() == 1 ? "" : other.code() + "=") + example);
                continue;
            }
            String fileName = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
            if (!org.abierto.model.Slug.isValid(fileName)) {
                diagnostics.error(page, 0, 0, "new-page", "the name '" + name + "' of the " + other.name() + " page may use only "
                        + "lower-case letters without accents, digits and hyphens, e.g. '" + org.abierto.model.Slug.fold(fileName) + "'");
                continue;
            }
            Path counterpart = otherFolder.resolve(fileName + ".md");
            if (Files.exists(counterpart)) {
                diagnostics.error(counterpart, 0, 0, "new-page", "this page already exists; choose another name for the "
                        + other.name() + " page");
                continue;
            }
            counterparts.put(counterpart, shown);
        }
        if (diagnostics.hasErrors()) {
            return new ScaffoldResult(List.of(), diagnostics.all());
        }
        String inLanguage = content.resolve(language).relativize(page).toString().replace('\\', '/').replaceFirst("\\.md$", "");
        String key = Scaffold.keyOf(inLanguage);
        String pageTitle = title != null ? title : Scaffold.titleOf(page);
        List<Path> created = new ArrayList<>();
        List<Path> madeFolders = new ArrayList<>();
        try {
            int order = Scaffold.nextOrder(folders);
            madeFolders.addAll(Scaffold.create(page, Scaffold.page(pageTitle, order, key, "<!-- Escriba aquí el texto de la página. -->")));
            created.add(page);
            for (Path counterpart : counterparts.keySet()) {
                madeFolders.addAll(Scaffold.create(counterpart, Scaffold.page(pageTitle, order, key,
                        "<!-- Translate the title and the text of " + shown + " here, remove 'draft', then run: abierto translations --mark "
                                + content.getParent().relativize(counterpart).toString().replace('\\', '/') + " -->")));
                created.add(counterpart);
            }
        } catch (IOException e) {
            // Where and why, as a build says it of a file it cannot write: the exception's own text is a bare path.
            String where = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                    ? content.getParent().relativize(Path.of(fs.getFile()).toAbsolutePath()).toString().replace('\\', '/') + ": " : "";
            diagnostics.error(page, 0, 0, "new-page", "cannot create the page: " + where + FileNotWritten.reason(e));
            // Nothing is created unless everything is: the pages written before the failure go again.
            created.removeIf(Abierto::deleted);
            Scaffold.removeEmpty(madeFolders);
        }
        return new ScaffoldResult(created, diagnostics.all());
    }

    /** Deletes a file this command created, telling whether it is gone (if not, it is still listed as created). */
    private static boolean deleted(Path file) {
        try {
            Files.delete(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The folder of another language that translates a folder of the original: the section with the same key. */
    private static Path counterpartFolder(Site site, Path content, Path folder, String language) {
        Path index = folder.resolve("_index.md");
        Optional<String> key = site.pages().stream().filter(p -> index.equals(p.source())).map(Page::key).findFirst();
        Optional<Path> translated = key.flatMap(k -> site.pages().stream()
                .filter(p -> p.language().equals(language) && p.key().equals(k) && p.source() != null)
                .map(p -> p.source().getParent()).findFirst());
        if (translated.isPresent()) {
            return translated.get();
        }
        Path original = content.resolve(content.relativize(folder).getName(0));
        return content.resolve(language).resolve(original.relativize(folder));
    }

    /** A new report in {@code dir}, which builds and passes check as it is. */
    public ScaffoldResult newSite(Path dir) {
        var diagnostics = new Diagnostics();
        Path folder = dir.toAbsolutePath().normalize();
        try {
            Optional<String> refusal = Scaffold.siteRefusal(folder);
            if (refusal.isPresent()) {
                diagnostics.error(folder, 0, 0, "new-site", refusal.get());
                return new ScaffoldResult(List.of(), diagnostics.all());
            }
            return new ScaffoldResult(Scaffold.site(folder), List.of());
        } catch (IOException e) {
            // As newPage says it: where (from the folder above the report) and why, not the exception's bare path.
            String where = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null && folder.getParent() != null
                    ? folder.getParent().relativize(Path.of(fs.getFile()).toAbsolutePath()).toString().replace('\\', '/') + ": " : "";
            diagnostics.error(dir, 0, 0, "new-site", "cannot create the report: " + where + FileNotWritten.reason(e));
            return new ScaffoldResult(List.of(), diagnostics.all());
        }
    }

    /**
     * What a scaffolding command did.
     *
     * @param created     the files created
     * @param diagnostics the problems, if any (then nothing was created)
     */
    public record ScaffoldResult(List<Path> created, List<org.abierto.diagnostic.Diagnostic> diagnostics) {
        public ScaffoldResult {
            created = List.copyOf(created);
            // The content's warnings are the build's business; creating files reports only what stopped it.
            diagnostics = diagnostics.stream().filter(org.abierto.diagnostic.Diagnostic::isError).toList();
        }

        public boolean succeeded() {
            return diagnostics.stream().noneMatch(org.abierto.diagnostic.Diagnostic::isError);
        }
    }

    /** Load, parse and assemble: everything up to the site model. */
    private static Optional<Site> assembled(BuildRequest request, Diagnostics diagnostics) {
        return new Pipeline(request).assemble(diagnostics);
    }

    private BuildResult run(BuildRequest request, boolean write, Progress progress) {
        var diagnostics = new Diagnostics(request.strictness());
        SiteWriter.Staging staging = null;
        if (write) {
            request.outputConflict().ifPresent(reason -> diagnostics.error(request.outputDir(), 0, 0, "unsafe-output",
                    "refusing to write the site to " + request.outputDir() + ": " + reason));
            if (!diagnostics.hasErrors()) {
                staging = takeOutput(request, progress, diagnostics);
            }
        }
        var pipeline = new Pipeline(request);
        var handed = new java.util.concurrent.atomic.AtomicInteger();
        if (staging == null) {
            // A check, or a build refused its output: the content's problems are reported all the same
            // (apart: the refused output is not the content's error, and would stop the stages).
            var found = new Diagnostics();
            Pipeline.Outcome outcome = pipeline.run(found, progress, file -> handed.incrementAndGet());
            found.all().forEach(diagnostics::add);
            return diagnostics.hasErrors() || outcome.site().isEmpty() ? failed(diagnostics)
                    : new BuildResult(diagnostics.all(), pagesPerLanguage(outcome.site().get()), handed.get(), false);
        }
        // Pages are written into a staging folder as they are checked; it replaces the output only
        // when the whole build succeeded, and disappears otherwise.
        try (SiteWriter.Staging writing = staging) {
            Pipeline.Outcome outcome = pipeline.run(diagnostics, progress, file -> {
                try {
                    writing.add(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (diagnostics.hasErrors() || outcome.site().isEmpty()) {
                return failed(diagnostics);
            }
            progress.update("writing", 1, 1);
            int files = writing.commit().size() + 1; // + the manifest
            return new BuildResult(diagnostics.all(), pagesPerLanguage(outcome.site().get()), files, true);
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
            String unchanged = e instanceof OutputDisplaced ? "" : "; the previous output is unchanged";
            if (cause instanceof FileNotWritten file) {
                // The file named, not only the folder: the one to look at (or the disk it is on).
                boolean content = file.at().startsWith(request.contentDir()) || file.at().startsWith(request.templatesDir());
                diagnostics.error(file.at(), 1, 1, "write-failed", (content ? "cannot copy this file into the site: "
                        : "cannot write this file of the site: ") + file.getMessage() + unchanged);
            } else {
                diagnostics.error(request.outputDir(), 0, 0, "write-failed", "cannot write the site: " + cause.getMessage() + unchanged);
            }
            return failed(diagnostics);
        }
    }

    /**
     * The output folder, once it is this build's alone and proven Abierto's; null, with the reason
     * among the diagnostics, when it may not be replaced. A previous output that a killed build left
     * beside the folder is put back first.
     */
    private static SiteWriter.Staging takeOutput(BuildRequest request, Progress progress, Diagnostics diagnostics) {
        Path out = request.outputDir();
        try {
            SiteWriter.Staging staging = new SiteWriter().open(out, request.gzip(),
                    holder -> progress.update("waiting for the build of process " + holder + " to finish writing the output", 0, 1));
            staging.restoredFrom().ifPresent(copy -> diagnostics.warning(out, 0, 0, "output-restored",
                    "a build was stopped while it replaced this folder, and left only the previous output beside it; "
                            + "that output was put back from " + copy.getFileName() + " before this build"));
            return staging;
        } catch (OutputRefused e) {
            // A file is pointed at from its start, as every diagnostic about a whole file; a folder has no lines.
            int start = Files.isRegularFile(e.at(), java.nio.file.LinkOption.NOFOLLOW_LINKS) ? 1 : 0;
            diagnostics.error(e.at(), start, start, e.code(), e.getMessage());
        } catch (java.nio.file.FileSystemException e) {
            // Named at the file concerned, with what happened to it: the system's message is the bare path.
            Path at = e.getFile() == null ? out : Path.of(e.getFile());
            String why = e instanceof java.nio.file.NoSuchFileException
                    ? "it disappeared while this build read the folder (is another program deleting or changing it? Build again once it is done)"
                    : e instanceof java.nio.file.FileAlreadyExistsException && Files.isRegularFile(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? "this is a file, where the output's path needs a folder"
                    : FileNotWritten.reason(e);
            int start = Files.isRegularFile(at, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? 1 : 0; // as for a refused output, above
            diagnostics.error(at, start, start, "write-failed", "cannot prepare the output folder " + out.getFileName() + ": " + why
                    + "; the previous output is unchanged");
        } catch (IOException | RuntimeException e) {
            diagnostics.error(out, 0, 0, "write-failed", "cannot prepare the output folder: " + e.getMessage()
                    + "; the previous output is unchanged");
        }
        return null;
    }

    static Map<String, Integer> pagesPerLanguage(Site site) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        site.config().languages().forEach(l -> counts.put(l.code(), 0));
        for (Page p : site.pages()) {
            if (p.kind() != PageKind.LANDING && p.kind() != PageKind.NOT_FOUND) {
                counts.merge(p.language(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static BuildResult failed(Diagnostics diagnostics) {
        return new BuildResult(diagnostics.all(), Map.of(), 0, false);
    }

}
