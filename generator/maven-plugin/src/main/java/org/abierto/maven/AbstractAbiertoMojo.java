package org.abierto.maven;

import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.abierto.BuildSummary;
import org.abierto.check.ExternalLinks;
import org.abierto.diagnostic.Diagnostic;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The parameters shared by the goals, named as the CLI's options: {@code content}, {@code templates},
 * {@code out}, {@code baseUrl}, {@code strict}. Maps them to a {@link BuildRequest} and the result to
 * log lines; content errors fail the build with {@link MojoFailureException}.
 */
abstract class AbstractAbiertoMojo extends AbstractMojo {

    /** The content folder. */
    @Parameter(property = "abierto.content", defaultValue = "${project.basedir}/content")
    File content;

    /** The templates folder. */
    @Parameter(property = "abierto.templates", defaultValue = "${project.basedir}/templates")
    File templates;

    /** The output folder, replaced as a whole when the build succeeds. */
    @Parameter(property = "abierto.out", defaultValue = "${project.build.directory}/site")
    File out;

    /** The address the site will be published at; overrides baseUrl of site.yaml. */
    @Parameter(property = "abierto.baseUrl")
    String baseUrl;

    /** Treat missing translations as errors. */
    @Parameter(property = "abierto.strict", defaultValue = "false")
    boolean strict;

    /** Also write a gzip-compressed copy of each text file (build only). */
    @Parameter(property = "abierto.gzip", defaultValue = "false")
    boolean gzip;

    /** Also ask the servers of external links whether they still answer (needs the network). */
    @Parameter(property = "abierto.checkExternal", defaultValue = "false")
    boolean checkExternal;

    /** Skip the goal. */
    @Parameter(property = "abierto.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    abstract BuildResult run(BuildRequest request);

    abstract boolean writes();

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping Abierto");
            return;
        }
        var request = new BuildRequest(content.toPath(), templates.toPath(), out.toPath(), baseUrl, strict, gzip,
                checkExternal ? ExternalLinks.Options.defaults(out.toPath().resolveSibling("abierto-link-cache.json")) : null);
        long start = System.nanoTime();
        BuildResult result = run(request);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Path base = executionRoot == null ? Path.of("") : executionRoot.toPath();
        for (Diagnostic d : result.diagnostics()) {
            if (d.isError()) {
                getLog().error(d.format(base));
            } else {
                getLog().warn(d.format(base));
            }
        }
        String summary = BuildSummary.line(result, !writes(), elapsed, Diagnostic.display(request.outputDir(), base));
        if (!result.succeeded()) {
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
    }
}
