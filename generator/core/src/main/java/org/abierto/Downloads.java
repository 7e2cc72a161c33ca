package org.abierto;

import org.abierto.check.HtmlChecker;
import org.abierto.check.PrintableDocument;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.load.StaticFile;
import org.abierto.model.Download;
import org.abierto.model.Edition;
import org.abierto.model.OutputFile;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.Site;
import org.abierto.model.Slug;
import org.abierto.pdf.ReportPdf;
import org.abierto.render.PageRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The report as files to download, made before its pages so that every page can say how big they
 * are: the PDF of each language ({@code /es/<title>.pdf}, the report's title in that language made
 * an address) and the offline copy of the whole site.
 */
final class Downloads {
    /**
     * Beyond this many pages in a language, its PDF is not made (a warning says so): the PDF is the
     * report as a document, and a document of thousands of pages is a corpus, not a report.
     */
    static final int MOST_PDF_PAGES = 500;

    /** Beyond this many pages in all, the offline copy is not made (a warning says so): it would double the build's work. */
    static final int MOST_OFFLINE_PAGES = 2 * MOST_PDF_PAGES;

    private final BuildRequest request;
    private final Stages stages;
    private final PrintableDocument printable;
    private final ReportPdf pdf = new ReportPdf();

    Downloads(BuildRequest request, Stages stages) {
        this.request = request;
        this.stages = stages;
        this.printable = new PrintableDocument(request.contentDir());
    }

    /**
     * Starts readying the PDFs' layout while the content is parsed and assembled, when the build will
     * make them: the request asks for them, the theme has the document template, and the report is
     * small enough to have them (a larger site's build is not slowed down for nothing).
     */
    void warmUp(org.abierto.load.Sources sources) {
        if (request.pdf() && sources.templates().contains(PageRenderer.DOCUMENT + ".ftlh")
                && sources.pageFiles().size() <= MOST_PDF_PAGES) {
            pdf.warmUp();
        }
    }

    /**
     * What making the downloads gave.
     *
     * @param site  the site, now offering them
     * @param files their files
     */
    record Made(Site site, List<OutputFile> files) {
    }

    /** The PDF of each language, when the request asks for them and the theme has the document template. */
    Made pdfs(Site site, Diagnostics diagnostics) {
        if (!request.pdf() || !stages.renderer.hasDocumentTemplate()) {
            return new Made(site, List.of());
        }
        Map<String, OutputFile> files = new TreeMap<>();
        Map<String, Download> offered = new HashMap<>();
        List<String> languages = new ArrayList<>(site.editions().keySet());
        PageRenderer.Pass pass = stages.pass(site);
        languages.parallelStream().forEach(language -> pdf(pass, site, language, diagnostics).ifPresent(made -> {
            synchronized (files) {
                files.put(made.getKey().url(), made.getValue());
                offered.put(language, made.getKey());
            }
        }));
        return new Made(site.withDownloads(offered, null), List.copyOf(files.values()));
    }

    /**
     * For the live preview: the site offering each PDF the build would make, without making it (its
     * size and pages unknown); {@link #pdf(Site, String)} makes one when a reader asks for it.
     */
    Made promised(Site site) {
        if (!request.pdf() || !stages.renderer.hasDocumentTemplate()) {
            return new Made(site, List.of());
        }
        Map<String, Download> offered = new HashMap<>();
        site.editions().forEach((language, edition) -> {
            if (chapters(site, language).size() <= MOST_PDF_PAGES) {
                offered.put(language, new Download(pdfAddress(edition), "PDF", -1, null, null));
            }
        });
        return new Made(site.withDownloads(offered, null), List.of());
    }

    /** The path in the site of every download the site offers (made or, in the preview, made when asked for). */
    static List<String> offered(Site site) {
        List<String> paths = new ArrayList<>();
        site.editions().values().forEach(edition -> {
            if (edition.pdf() != null) {
                paths.add(edition.pdf().url().substring(1));
            }
        });
        return paths;
    }

    /** The PDF of one language, made now (the live preview's, when asked for), or empty when it cannot be. */
    Optional<OutputFile> pdf(Site site, String language) {
        return pdf(stages.renderer.begin(site), site, language, new Diagnostics()).map(Map.Entry::getValue);
    }

    private Optional<Map.Entry<Download, OutputFile>> pdf(PageRenderer.Pass pass, Site site, String language, Diagnostics diagnostics) {
        Edition edition = site.editions().get(language);
        Optional<Page> home = site.pages().stream().filter(p -> p.kind() == PageKind.HOME && p.language().equals(language)).findFirst();
        if (home.isEmpty()) {
            return Optional.empty();
        }
        List<Page> chapters = chapters(site, language);
        if (chapters.size() > MOST_PDF_PAGES) {
            diagnostics.warning(SourcePosition.of(request.contentDir().resolve(language)), "pdf-too-long", "the " + language
                    + " edition has " + chapters.size() + " pages, more than the " + MOST_PDF_PAGES + " a PDF of the report is made for: "
                    + "its PDF was not made (build with --no-pdf to leave it out without this warning)");
            return Optional.empty();
        }
        Optional<String> html = stages.renderer.renderDocument(pass, home.get(), chapters, diagnostics);
        if (html.isEmpty()) {
            return Optional.empty();
        }
        String address = pdfAddress(edition);
        Map<String, Path> files = new HashMap<>();
        site.staticFiles().forEach(f -> files.put("/" + f.target(), f.path()));
        ReportPdf.Made made = pdf.write(printable.prepare(html.get(), site, address), site.config().date(),
                html.get().getBytes(StandardCharsets.UTF_8), sitePath -> read(files.get(sitePath)));
        var download = new Download(address, "PDF", made.bytes().length, made.pages(), null);
        return Optional.of(Map.entry(download, new OutputFile.Generated(address.substring(1), made.bytes())));
    }

    /**
     * The offline copy: every file of the site in one ZIP, under one folder, whose pages name
     * {@code index.html} in every link (as a build without a public address does), so that the copy
     * works unpacked and opened from disk whatever address the site is built for. Its pages are
     * rendered for it, without the link to the copy itself (which it cannot hold, nor state its own
     * size and SHA-256); the catalogue too. The site's own pages are rendered afterwards, with that link.
     *
     * @param files      the site's files other than its pages (the PDFs included), for this site
     * @param diagnostics where this copy's problems go when it fails: they are the build's own, which
     *                   then stops before rendering the pages again
     */
    Made offline(Site site, java.util.function.Function<Site, List<OutputFile>> files, Diagnostics diagnostics) {
        long pages = site.pages().size();
        if (!request.offline()) {
            return new Made(site, List.of());
        }
        if (pages > MOST_OFFLINE_PAGES) {
            diagnostics.warning(SourcePosition.of(request.contentDir()), "offline-too-large", "the site has " + pages
                    + " pages, more than the " + MOST_OFFLINE_PAGES + " its offline copy is made for: the copy was not made "
                    + "(build with --no-offline to leave it out without this warning)");
            return new Made(site, List.of());
        }
        Edition original = site.editions().get(site.config().defaultLanguage().code());
        String name = Slug.fold(original.title()).isEmpty() ? "report" : Slug.fold(original.title());
        List<OutputFile> others = files.apply(site);
        java.util.Set<String> paths = new java.util.HashSet<>();
        others.forEach(f -> paths.add(f.path()));
        paths.add(name + ".zip"); // a page may link to the copy, which the site holds though the copy cannot
        site.pages().forEach(p -> paths.add(p.outputPath()));
        Map<String, OutputFile> entries = new java.util.concurrent.ConcurrentSkipListMap<>();
        others.forEach(f -> entries.put(f.path(), f));
        var found = new Diagnostics(); // unraised: the build's own applies its strictness
        var checks = new Diagnostics(); // as the build's: reported only if rendering succeeded
        PageRenderer.Pass rendering = stages.pass(site);
        HtmlChecker.Pass checking = stages.checker.beginForDisk(site, paths);
        site.pages().parallelStream().forEach(page -> rendering.render(page, found)
                .ifPresent(rendered -> entries.put(page.outputPath(), checking.check(rendered, checks))));
        rendering.finish(found);
        if (!found.hasErrors()) {
            checking.finish(checks);
            checks.all().forEach(found::add);
        }
        if (found.hasErrors()) {
            found.all().forEach(diagnostics::add);
            return new Made(site, List.of());
        }
        byte[] zip = zip(name, entries, site.config().date());
        var download = new Download("/" + name + ".zip", "ZIP", zip.length, null, sha256(zip));
        Map<String, Download> pdfs = new HashMap<>();
        site.editions().forEach((code, edition) -> {
            if (edition.pdf() != null) {
                pdfs.put(code, edition.pdf());
            }
        });
        return new Made(site.withDownloads(pdfs, download), List.of(new OutputFile.Generated(name + ".zip", zip)));
    }

    /**
     * The entries under one folder, in path order, each dated the report's date (or 1 January 1980, the
     * first date a ZIP can hold) in the ZIP's own local time, so that the same files give the same bytes.
     */
    private static byte[] zip(String folder, Map<String, OutputFile> entries, String date) {
        java.time.LocalDateTime when = date == null ? java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
                : (date.length() == 7 ? java.time.YearMonth.parse(date).atDay(1) : java.time.LocalDate.parse(date)).atStartOfDay();
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            for (OutputFile file : entries.values()) {
                var entry = new java.util.zip.ZipEntry(folder + "/" + file.path());
                entry.setTimeLocal(when);
                zip.putNextEntry(entry);
                if (file instanceof OutputFile.Generated g) {
                    zip.write(g.bytes());
                } else {
                    Files.copy(((OutputFile.Copied) file).source(), zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a language's PDF is published: {@code /es/haciendo-transparencia-proactiva-en-nuevo-leon.pdf}. */
    static String pdfAddress(Edition edition) {
        String name = Slug.fold(edition.title());
        return "/" + edition.language().code() + "/" + (name.isEmpty() ? "report" : name) + ".pdf";
    }

    /**
     * The pages of the report in one language, in reading order: its home, its sections and pages,
     * without those kept out of the navigation ({@code listed: false}: the data and translation
     * pages) and the "page not found" page.
     */
    static List<Page> chapters(Site site, String language) {
        return site.pages().stream().filter(p -> p.language().equals(language) && p.listed()
                && (p.kind() == PageKind.HOME || p.kind() == PageKind.SECTION || p.kind() == PageKind.PAGE)).toList();
    }

    private static byte[] read(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
