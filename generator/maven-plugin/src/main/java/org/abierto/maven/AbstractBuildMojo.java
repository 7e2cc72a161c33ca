package org.abierto.maven;

import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.abierto.BuildSummary;
import org.abierto.diagnostic.Diagnostic;
import org.apache.maven.plugin.MojoFailureException;

import java.time.Duration;

/** Build and check: run once, log every diagnostic and the summary; content errors fail the Maven build. */
abstract class AbstractBuildMojo extends AbstractAbiertoMojo {

    abstract BuildResult run(BuildRequest request);

    abstract boolean writes();

    @Override
    void run() throws MojoFailureException {
        BuildRequest request = request();
        if (writes() && request.outputConflict().isPresent()) {
            throw new MojoFailureException("the parameter out (abierto.out) is " + request.outputDir() + ": refusing to write the site there: "
                    + request.outputConflict().get());
        }
        long start = System.nanoTime();
        BuildResult result = run(request);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        result.diagnostics().forEach(this::log);
        String summary = BuildSummary.line(result, !writes(), elapsed, Diagnostic.display(request.outputDir(), base()));
        if (!result.succeeded()) {
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
    }
}
