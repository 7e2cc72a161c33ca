package org.abierto.maven;

import org.abierto.Abierto;
import org.abierto.BuildRequest;
import org.abierto.BuildResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code abierto:build}: builds the site; the previous output is replaced only if the build succeeds. */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractBuildMojo {

    @Override
    BuildResult run(BuildRequest request) {
        return new Abierto().build(request);
    }

    @Override
    boolean writes() {
        return true;
    }
}
