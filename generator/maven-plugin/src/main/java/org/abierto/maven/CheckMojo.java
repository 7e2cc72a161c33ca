package org.abierto.maven;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code abierto:check}: verifies everything a build verifies, writing nothing. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractBuildMojo {

    @Override
    BuildResult run(BuildRequest request) {
        return new Abierto().check(request);
    }

    @Override
    boolean writes() {
        return false;
    }
}
