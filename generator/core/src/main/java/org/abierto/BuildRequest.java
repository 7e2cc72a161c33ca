package org.abierto;

import org.abierto.check.ExternalLinks;
import org.abierto.diagnostic.Strictness;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build.
 *
 * @param contentDir   the content folder ({@code content})
 * @param templatesDir the theme ({@code templates})
 * @param outputDir    where the site is written ({@code site/target/site}); replaced as a whole
 * @param baseUrl      the address the site will be published at, overriding {@code site.yaml}; or null
 * @param strict       whether what would make the published site wrong (missing, stale or unmarked translations)
 *                     is an error instead of a warning: {@link Strictness#STRICT}
 * @param gzip         whether to write a gzip-compressed copy beside each text file, for servers that serve them as is
 * @param externalLinks how to check external links over the network, or null not to (the default: offline)
 * @param requireDeliverables whether a deliverable without an address is an error instead of a warning
 * @param pdf          whether to make the PDF of each language (when the theme has {@code pdf.ftlh})
 * @param offline      whether to make the offline copy of the site (a ZIP)
 */
public record BuildRequest(Path contentDir, Path templatesDir, Path outputDir, String baseUrl, boolean strict, boolean gzip,
                           ExternalLinks.Options externalLinks, boolean requireDeliverables, boolean pdf, boolean offline) {

    public BuildRequest {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(outputDir, "outputDir");
        contentDir = contentDir.toAbsolutePath().normalize();
        templatesDir = templatesDir.toAbsolutePath().normalize();
        outputDir = outputDir.toAbsolutePath().normalize();
    }

    /**
     * A request that makes no download: neither the PDFs nor the offline copy. The CLI and the Maven goals
     * ask for both ({@link #withDownloads}), unless told not to ({@code --no-pdf}, {@code --no-offline}).
     */
    public BuildRequest(Path contentDir, Path templatesDir, Path outputDir, String baseUrl, boolean strict, boolean gzip,
                        ExternalLinks.Options externalLinks, boolean requireDeliverables) {
        this(contentDir, templatesDir, outputDir, baseUrl, strict, gzip, externalLinks, requireDeliverables, false, false);
    }

    /** This request, making the PDFs and the offline copy or not. */
    public BuildRequest withDownloads(boolean pdf, boolean offline) {
        return new BuildRequest(contentDir, templatesDir, outputDir, baseUrl, strict, gzip, externalLinks, requireDeliverables, pdf, offline);
    }

    /** A request without precompressed copies or external link checks, in which every deliverable may lack its address. */
    public BuildRequest(Path contentDir, Path templatesDir, Path outputDir, String baseUrl, boolean strict) {
        this(contentDir, templatesDir, outputDir, baseUrl, strict, false, null, false);
    }

    /** A request without external link checks, in which every deliverable may lack its address. */
    public BuildRequest(Path contentDir, Path templatesDir, Path outputDir, String baseUrl, boolean strict, boolean gzip) {
        this(contentDir, templatesDir, outputDir, baseUrl, strict, gzip, null, false);
    }

    /** A request in which every deliverable may lack its address. */
    public BuildRequest(Path contentDir, Path templatesDir, Path outputDir, String baseUrl, boolean strict, boolean gzip,
                        ExternalLinks.Options externalLinks) {
        this(contentDir, templatesDir, outputDir, baseUrl, strict, gzip, externalLinks, false);
    }

    /** Which warnings this request raises to errors. */
    public Strictness strictness() {
        return Strictness.of(strict, requireDeliverables);
    }

    /**
     * Why the output folder may not be written, or empty when it may: the build replaces it as a
     * whole, so it must not be, or contain, the content or the templates (nor so the repository, which
     * holds the content); and it must not lie inside the content or the templates, where the next build
     * would read the site as input.
     */
    public Optional<String> outputConflict() {
        for (Path source : List.of(contentDir, templatesDir)) {
            if (source.startsWith(outputDir)) {
                return Optional.of("it is, or contains, " + source + ", which the build would replace; use a folder such as site/target/site");
            }
        }
        for (Path source : List.of(contentDir, templatesDir)) {
            if (outputDir.startsWith(source)) {
                return Optional.of("it is inside " + source + ", where the next build would read the site as "
                        + (source.equals(contentDir) ? "content" : "templates") + "; use a folder outside it, such as site/target/site");
            }
        }
        return Optional.empty();
    }

    /** Where {@code --check-external} remembers answers by default: beside the output, in the build folder. */
    public Path linkCache() {
        return outputDir.resolveSibling("abierto-link-cache.json");
    }

    /** The conventional layout under a project folder: {@code content}, {@code templates}, {@code site/target/site}. */
    public static BuildRequest defaults(Path projectDir) {
        return new BuildRequest(projectDir.resolve("content"), projectDir.resolve("templates"),
                projectDir.resolve("site/target/site"), null, false);
    }
}
