package org.abierto.maven;

import org.abierto.BuildRequest;
import org.abierto.check.ExternalLinks;
import org.abierto.diagnostic.Diagnostic;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * The parameters shared by the goals, named as the CLI's options: {@code content}, {@code templates},
 * {@code out}, {@code baseUrl}, {@code strict} (and {@code requireDeliverables}, {@code gzip}, {@code checkExternal}), mapped to a
 * {@link BuildRequest}; and what every goal does alike: {@code skip}, and the two kinds of failure Maven
 * knows: problems of the content fail the build ({@link MojoFailureException}), anything else thrown is
 * an unexpected error ({@link MojoExecutionException}), never a bare exception.
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

    /**
     * Treat as errors what would make the published site wrong: missing, stale or unmarked translations,
     * and translated pages without an original. A deliverable without an address stays a warning.
     */
    @Parameter(property = "abierto.strict", defaultValue = "false")
    boolean strict;

    /** Treat a deliverable without an address as an error instead of a warning. */
    @Parameter(property = "abierto.requireDeliverables", defaultValue = "false")
    boolean requireDeliverables;

    /** Also write a gzip-compressed copy of each text file (build only). */
    @Parameter(property = "abierto.gzip", defaultValue = "false")
    boolean gzip;

    /** Also ask the servers of external links whether they still answer (needs the network). */
    @Parameter(property = "abierto.checkExternal", defaultValue = "false")
    boolean checkExternal;

    /** Skip the goal: it then reads and writes nothing. */
    @Parameter(property = "abierto.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Abierto (abierto.skip)");
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            // Content errors arrive as diagnostics; an exception is a bug in Abierto or a problem of the machine.
            throw new MojoExecutionException("Abierto stopped on an unexpected error: " + e
                    + " (not a problem of your content; run Maven again with -e to see its stack trace, and report it)", e);
        }
    }

    /** The goal's work, once the goal is known not to be skipped. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The request the parameters describe. */
    BuildRequest request() {
        return new BuildRequest(content.toPath(), templates.toPath(), out.toPath(), baseUrl, strict, gzip,
                checkExternal ? ExternalLinks.Options.defaults(out.toPath().resolveSibling("abierto-link-cache.json")) : null,
                requireDeliverables);
    }

    /** The folder paths are shown relative to: where Maven was started. */
    Path base() {
        return executionRoot == null ? Path.of("") : executionRoot.toPath();
    }

    /** Logs a diagnostic at its severity. */
    void log(Diagnostic d) {
        if (d.isError()) {
            getLog().error(d.format(base()));
        } else {
            getLog().warn(d.format(base()));
        }
    }
}
