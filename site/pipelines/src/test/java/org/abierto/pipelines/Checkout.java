package org.abierto.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The repository as a CI runner puts it into a job: the rehearsal's stand-in for {@code actions/checkout}
 * and for GitLab's clone. Both take what is committed; the rehearsal takes the working tree's files (on CI
 * a clean clone, so the same), so that it can also rehearse a change before it is committed.
 */
final class Checkout {
    private final Path repository;

    Checkout(Path repository) {
        this.repository = repository;
    }

    /** The commit the rehearsal stands for: GITHUB_SHA, CI_COMMIT_SHA. */
    String commit() throws IOException, InterruptedException {
        return Commands.run(List.of("git", "-C", repository.toString(), "rev-parse", "HEAD"), Duration.ofMinutes(1)).strip();
    }

    /**
     * The repository's files without {@code .git}: what {@code actions/checkout} leaves in a container that
     * has no git (Debian's images have none), where it downloads the commit's files instead of cloning.
     */
    void files(Path dest) throws IOException, InterruptedException {
        String listed = Commands.run(List.of("git", "-C", repository.toString(), "ls-files", "-z", "--cached", "--others",
                "--exclude-standard"), Duration.ofMinutes(1));
        Files.createDirectories(dest);
        for (String name : listed.split("\0")) {
            Path from = repository.resolve(name);
            if (name.isEmpty() || !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue; // deleted in the working tree: not part of what would be committed
            }
            Path to = dest.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A clone with its {@code .git}, at the rehearsed commit, as GitLab's runner makes: then the working tree's files over it. */
    void clone(Path dest) throws IOException, InterruptedException {
        Commands.run(List.of("git", "clone", "--quiet", "--no-hardlinks", "--no-checkout", repository.toString(), dest.toString()),
                Duration.ofMinutes(5));
        Commands.run(List.of("git", "-C", dest.toString(), "checkout", "--quiet", "--detach", commit()), Duration.ofMinutes(5));
        String tracked = Commands.run(List.of("git", "-C", dest.toString(), "ls-files", "-z"), Duration.ofMinutes(1));
        for (String name : tracked.split("\0")) {
            if (!name.isEmpty() && !Files.exists(repository.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(dest.resolve(name));
            }
        }
        files(dest);
    }
}
