package org.abierto;

import org.abierto.check.ExternalLinks;
import org.abierto.diagnostic.Strictness;

import java.nio.file.Path;
import java.util.Objects;

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
 */
public record BuildRequest(Path contentDir, Path templatesDir, Path outputDir, String baseUrl, boolean strict, boolean gzip,
                           ExternalLinks.Options externalLinks, boolean requireDeliverables) {

    public BuildRequest {
        Objects.requireNonNull(contentDir, "contentDir");
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(outputDir, "outputDir");
        contentDir = contentDir.toAbsolutePath().normalize();
        templatesDir = templatesDir.toAbsolutePath().normalize();
        outputDir = outputDir.toAbsolutePath().normalize();
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
