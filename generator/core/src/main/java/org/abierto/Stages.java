package org.abierto;

import org.abierto.assemble.SiteAssembler;
import org.abierto.check.HtmlChecker;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.images.ImageVariants;
import org.abierto.load.ContentLoader;
import org.abierto.load.Sources;
import org.abierto.metadata.OpenData;
import org.abierto.metadata.Sitemap;
import org.abierto.model.OutputFile;
import org.abierto.model.Site;
import org.abierto.parse.ContentParser;
import org.abierto.parse.ParsedContent;
import org.abierto.render.PageRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stages of one request, as {@link Pipeline} calls them, set up once: Flexmark, the schemas and
 * the HTML safelist are built here and nowhere else. Each stage is a function of its inputs and keeps
 * nothing between runs; what the live preview reuses lives in {@link PreviewCache}, which gives the
 * same results as these.
 */
class Stages {
    final BuildRequest request;
    final ContentLoader loader = new ContentLoader();
    final ContentParser parser = new ContentParser(new SafelistFilter());
    final SiteAssembler assembler = new SiteAssembler();
    final PageRenderer renderer;
    final HtmlChecker checker;
    final ImageVariants images = new ImageVariants();

    Stages(BuildRequest request) {
        this.request = request;
        this.renderer = new PageRenderer(request.templatesDir(), request.contentDir());
        this.checker = new HtmlChecker(request.contentDir());
    }

    /** load: the content and the theme's files, read. */
    Optional<Sources> load(Diagnostics diagnostics) {
        return loader.load(request.contentDir(), request.templatesDir(), diagnostics);
    }

    /** parse: front matter, YAML and Markdown. */
    ParsedContent parse(Sources sources, Diagnostics diagnostics) {
        return parser.parseAll(sources, diagnostics);
    }

    /** assemble: every page placed, every language's edition. */
    Optional<Site> assemble(ParsedContent parsed, Sources sources, Diagnostics diagnostics) {
        return assembler.assemble(parsed, sources, request.baseUrl(), diagnostics);
    }

    /** The smaller copies of the figures' images. */
    List<OutputFile.Generated> images(Site site, Diagnostics diagnostics) {
        return images.files(site, diagnostics);
    }

    /** The open data files (each table as CSV and JSON, their descriptions, the catalogue), the sitemap and robots.txt. */
    List<OutputFile.Generated> metadata(Site site) {
        List<OutputFile.Generated> files = new ArrayList<>(new OpenData().files(site));
        files.addAll(new Sitemap().files(site));
        return files;
    }

    /** The theme as this run parsed it, kept for every later rendering of the run. */
    private PageRenderer.Pass theme;

    /** render: each page through its template, page by page. */
    PageRenderer.Rendering render(Site site) {
        return pass(site);
    }

    /**
     * A rendering of {@code site} with the templates this run has already read and parsed: a build
     * renders its site up to four times (each language's PDF, the offline copy, the pages), and
     * parsing the theme each time was a tenth of a build of the real report.
     */
    synchronized PageRenderer.Pass pass(Site site) {
        theme = theme == null ? renderer.begin(site) : renderer.begin(site, theme);
        return theme;
    }

    /** check: each page's links, ids and accessibility, page by page, then the links between pages. */
    HtmlChecker.Checking check(Site site, Set<String> files) {
        return checker.begin(site, files);
    }
}
