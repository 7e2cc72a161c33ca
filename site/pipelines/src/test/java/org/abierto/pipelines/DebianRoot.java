package org.abierto.pipelines;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh root filesystem of the Debian image a pipeline names ({@code debian:13}), standing in for the
 * container a CI runner starts: {@code debootstrap --variant=minbase}, then the configuration Docker's
 * official Debian images add (debuerreotype's minimizing config: services never start on installation,
 * no translations, compressed indexes), cached as a tar under the rehearsal's cache and unpacked anew for
 * each job. Commands run in it as root through {@code chroot}, inside their own mount and PID namespaces
 * ({@code unshare}): proc, dev, sys and a tmpfs on /tmp are mounted there and vanish with the command,
 * and so does every process it started.
 *
 * <p>Two differences from the image, on purpose. Docker's images delete the downloaded packages after
 * each installation; here they stay in a folder kept between rehearsals, mounted on
 * /var/cache/apt/archives, so a second rehearsal does not download them again (what gets installed is
 * the same). And the machine's own local certificate authorities ({@code /usr/local/share/ca-certificates},
 * which a network that inspects TLS requires, as this project's CI machines' does) are copied in, where
 * Debian's ca-certificates trusts them once a job installs it: a runner on such a network would need
 * them as much; the pipelines are not changed for them.
 */
final class DebianRoot implements AutoCloseable {
    private static final Pattern IMAGE = Pattern.compile("debian:(\\d+|[a-z]+)");
    private static final Map<String, String> SUITES = Map.of("12", "bookworm", "13", "trixie", "bookworm", "bookworm",
            "trixie", "trixie");
    /** A base older than this is made again, as the image on a registry is rebuilt with the point releases. */
    private static final Duration BASE_MAX_AGE = Duration.ofDays(7);

    /** A host folder mounted into the root for the duration of a command. */
    record Mount(Path source, String target) {
    }

    private final Path path;
    private final String suite;
    private final Path cache;
    private final Log log;

    private DebianRoot(Path path, String suite, Path cache, Log log) {
        this.path = path;
        this.suite = suite;
        this.cache = cache;
        this.log = log;
    }

    /** The Debian suite of an image name: {@code debian:13} → {@code trixie}. */
    static String suite(String image) {
        Matcher m = IMAGE.matcher(image);
        if (!m.matches() || !SUITES.containsKey(m.group(1))) {
            throw new IllegalArgumentException("the rehearsal runs Debian images (debian:12, debian:13, debian:bookworm, "
                    + "debian:trixie), not " + image + "; teach it another in site/pipelines");
        }
        return SUITES.get(m.group(1));
    }

    /**
     * A new root of {@code image} in {@code dir}, which must not exist.
     *
     * @param cache the rehearsal's cache (the base tar and the downloaded packages are kept there)
     */
    static DebianRoot fresh(String image, Path dir, Path cache, String mirror, Log log) throws IOException, InterruptedException {
        String suite = suite(image);
        Path base = base(suite, cache, mirror, log);
        Files.createDirectories(dir);
        Commands.run(List.of("tar", "--numeric-owner", "-xpf", base.toString(), "-C", dir.toString()), Duration.ofMinutes(5));
        Path local = Path.of("/usr/local/share/ca-certificates");
        if (Files.isDirectory(local)) {
            try (var certificates = Files.newDirectoryStream(local, "*.crt")) {
                Path into = Files.createDirectories(dir.resolve("usr/local/share/ca-certificates"));
                for (Path certificate : certificates) {
                    Files.copy(certificate, into.resolve(certificate.getFileName()));
                }
            }
        }
        return new DebianRoot(dir, suite, cache, log);
    }

    /** The cached tar of a configured minbase root of {@code suite}, made first when missing or old. */
    private static Path base(String suite, Path cache, String mirror, Log log) throws IOException, InterruptedException {
        Path tar = cache.resolve("roots").resolve(suite + "-minbase.tar");
        if (Files.exists(tar) && Files.getLastModifiedTime(tar).toInstant().isAfter(Instant.now().minus(BASE_MAX_AGE))) {
            return tar;
        }
        log.line("debootstrap --variant=minbase " + suite + " (kept in " + tar.getParent() + " for a week)");
        Path work = cache.resolve("roots").resolve(suite + ".new");
        Commands.deleteTree(work);
        Files.createDirectories(work.getParent());
        Commands.run(List.of("debootstrap", "--variant=minbase", suite, work.toString(), mirror), Duration.ofMinutes(20));
        configureLikeTheImage(work, suite, mirror);
        Path part = tar.resolveSibling(tar.getFileName() + ".part");
        Commands.run(List.of("tar", "--numeric-owner", "-cpf", part.toString(), "-C", work.toString(), "."), Duration.ofMinutes(5));
        Files.move(part, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(tar, FileTime.from(Instant.now()));
        Commands.deleteTree(work);
        return tar;
    }

    /** What Docker's official Debian image has beyond debootstrap's minbase (debuerreotype). */
    private static void configureLikeTheImage(Path root, String suite, String mirror) throws IOException, InterruptedException {
        Files.deleteIfExists(root.resolve("etc/apt/sources.list"));
        String security = mirror.replaceFirst("/debian/?$", "/debian-security");
        Files.writeString(root.resolve("etc/apt/sources.list.d/debian.sources"), """
                Types: deb
                URIs: %s
                Suites: %s %s-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb
                URIs: %s
                Suites: %s-security
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                """.formatted(mirror, suite, suite, security, suite));
        Path policy = root.resolve("usr/sbin/policy-rc.d");
        Files.writeString(policy, "#!/bin/sh\n# As in Docker's Debian images: no service starts on installation.\nexit 101\n");
        policy.toFile().setExecutable(true, false);
        Files.writeString(root.resolve("etc/dpkg/dpkg.cfg.d/docker-apt-speedup"), "force-unsafe-io\n");
        Path apt = root.resolve("etc/apt/apt.conf.d");
        Files.writeString(apt.resolve("docker-autoremove-suggests"), "Apt::AutoRemove::SuggestsImportant \"false\";\n");
        Files.writeString(apt.resolve("docker-gzip-indexes"), "Acquire::GzipIndexes \"true\";\n");
        Files.writeString(apt.resolve("docker-no-languages"), "Acquire::Languages \"none\";\n");
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        Commands.deleteTree(root.resolve("var/lib/apt/lists"));
        Files.createDirectories(root.resolve("var/lib/apt/lists/partial"));
        try (var debs = Files.newDirectoryStream(root.resolve("var/cache/apt/archives"), "*.deb")) {
            for (Path deb : debs) {
                Files.delete(deb);
            }
        }
    }

    Path path() {
        return path;
    }

    /** A path of the root as seen from the host: {@code /__w/x} → {@code ROOT/__w/x}. */
    Path host(String inside) {
        return path.resolve(inside.startsWith("/") ? inside.substring(1) : inside);
    }

    /**
     * Runs a command as root in the root, in folder {@code cwd}, with exactly the environment {@code env}
     * (and no input), its output appended to {@code output}.
     *
     * @return the exit code
     */
    int run(List<String> command, Map<String, String> env, String cwd, List<Mount> mounts, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Path packages = cache.resolve("apt").resolve(suite);
        Files.createDirectories(packages.resolve("partial"));
        List<String> enter = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--pid", "--fork",
                "--kill-child", "--", "/bin/bash", "-c", ENTER, "enter", path.toString(), packages.toString(),
                "/var/cache/apt/archives"));
        for (Mount m : mounts) {
            Files.createDirectories(m.source());
            enter.add(m.source().toString());
            enter.add(m.target());
        }
        enter.add("--");
        enter.add(cwd);
        enter.addAll(command);
        return Commands.run(enter, env, output, timeout);
    }

    /**
     * Runs in the new namespaces: mounts what a container has, and the given folders, then enters the root.
     * Arguments: ROOT, then SOURCE TARGET pairs, then --, the working folder and the command.
     */
    private static final String ENTER = """
            set -eu
            root=$1; shift
            mount -t proc proc "$root/proc"
            mount --rbind /dev "$root/dev"
            mount -t sysfs -o ro sysfs "$root/sys"
            mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
            while [ "$1" != -- ]; do
              mkdir -p "$root$2"
              mount --bind "$1" "$root$2"
              shift 2
            done
            shift
            cp /etc/resolv.conf "$root/etc/resolv.conf"
            exec chroot "$root" /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$@"
            """;

    /** Deletes the root. Its mounts lived only in the namespaces of its commands, so none remains. */
    @Override
    public void close() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String mountPoint = line.split(" ")[4];
            if (mountPoint.startsWith(path.toString() + "/")) {
                throw new IllegalStateException("refusing to delete " + path + ": " + mountPoint + " is still mounted");
            }
        }
        try {
            Commands.deleteTree(path);
        } catch (InterruptedException e) {
            // close() of a try-with-resources should not throw InterruptedException (javac's lint "try"):
            // the interruption stays on the thread for the code after it
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deleting " + path);
        }
    }

    /** Where the rehearsal reports what it does. */
    interface Log {
        void line(String text);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
