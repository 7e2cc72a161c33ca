package org.abierto.write;

import org.abierto.model.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The write stage, and the only code that writes files: it writes the whole site into a fresh
 * folder beside the output and swaps it in only once every file is written, so a failed build
 * leaves the previous output exactly as it was. It also writes {@link #MANIFEST}, the list of every
 * file with its size and SHA-256, which marks a folder as Abierto's to replace.
 *
 * <p>A file whose bytes are the same as in the previous output is not written again: the new folder
 * gets a hard link to the previous file, which survives the swap. The previous bytes are compared,
 * not only their recorded hash, so a file changed by hand after a build is never carried over; the
 * gzip copy of an unchanged file is linked when it still matches its recorded hash, which saves
 * compressing it again.
 */
public final class SiteWriter {
    /** The build manifest at the root of the output. */
    public static final String MANIFEST = "abierto-manifest.json";
    private static final String STAGING = ".abierto-new-";
    private static final String RETIRED = ".abierto-old-";

    /** Why the output folder may not be replaced, or null when it may. */
    public static String refusal(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return "the output " + out + " is a file, not a folder";
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve(MANIFEST))) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    return "the output folder " + out + " holds files that Abierto did not write (no " + MANIFEST
                            + "); choose an empty or new folder, or empty it yourself";
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    /**
     * Writes {@code files} as the new content of {@code out}.
     *
     * @return the manifest entries, in path order
     * @throws IOException when a file cannot be written; the previous output is then untouched
     */
    public List<ManifestEntry> write(List<OutputFile> files, Path out, boolean gzip) throws IOException {
        try (Staging staging = open(out, gzip)) {
            for (OutputFile f : files) {
                staging.add(f);
            }
            return staging.commit();
        }
    }

    /**
     * Starts a new output beside {@code out}: files are written into it as they come, and it replaces
     * {@code out} only on {@link Staging#commit()}; closed without committing, it disappears.
     */
    public Staging open(Path out, boolean gzip) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        removeLeftovers(parent);
        Path staging = Files.createTempDirectory(parent, STAGING);
        readableByAll(staging); // temporary folders are private; a published site is not
        return new Staging(staging, target, gzip, previousManifest(target));
    }

    /** An output being written. Thread-safe. */
    public static final class Staging implements AutoCloseable {
        private final Path root;
        private final Path target;
        private final boolean gzip;
        private final Map<String, ManifestEntry> previous;
        private final Map<String, ManifestEntry> entries = new ConcurrentHashMap<>();
        private final AtomicInteger reused = new AtomicInteger();
        private boolean committed;

        private Staging(Path root, Path target, boolean gzip, Map<String, ManifestEntry> previous) {
            this.root = root;
            this.target = target;
            this.gzip = gzip;
            this.previous = previous;
        }

        /** Writes one file (and its gzip copy when asked for), or links it when it has not changed. */
        public void add(OutputFile f) throws IOException {
            Path file = inside(root, f.path());
            Files.createDirectories(file.getParent());
            byte[] bytes = f instanceof OutputFile.Generated g ? g.bytes() : Files.readAllBytes(((OutputFile.Copied) f).source());
            ManifestEntry entry = new ManifestEntry(f.path(), bytes.length, sha256(bytes));
            boolean unchanged = linkIfSame(entry, file, bytes);
            if (!unchanged) {
                Files.write(file, bytes);
            }
            entries.put(f.path(), entry);
            if (gzip && Compression.worthIt(f.path())) {
                String gzPath = f.path() + ".gz";
                Path gzFile = inside(root, gzPath);
                ManifestEntry old = previous.get(gzPath);
                if (unchanged && old != null && linkIfHash(old, gzFile)) {
                    entries.put(gzPath, old);
                } else {
                    byte[] compressed = Compression.gzip(bytes);
                    Files.write(gzFile, compressed);
                    entries.put(gzPath, new ManifestEntry(gzPath, compressed.length, sha256(compressed)));
                }
            }
        }

        /** How many files were carried over from the previous output by a hard link. */
        public int reused() {
            return reused.get();
        }

        private boolean linkIfSame(ManifestEntry entry, Path file, byte[] bytes) throws IOException {
            ManifestEntry old = previous.get(entry.path());
            if (old == null || old.size() != entry.size() || !old.sha256().equals(entry.sha256())) {
                return false;
            }
            Path oldFile = inside(target, entry.path());
            return Files.isRegularFile(oldFile, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(oldFile) == bytes.length
                    && Arrays.equals(Files.readAllBytes(oldFile), bytes)
                    && link(file, oldFile);
        }

        private boolean linkIfHash(ManifestEntry old, Path file) throws IOException {
            Path oldFile = inside(target, old.path());
            return Files.isRegularFile(oldFile, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(oldFile) == old.size()
                    && sha256(Files.readAllBytes(oldFile)).equals(old.sha256())
                    && link(file, oldFile);
        }

        private boolean link(Path file, Path existing) throws IOException {
            try {
                Files.createLink(file, existing);
                reused.incrementAndGet();
                return true;
            } catch (UnsupportedOperationException | FileSystemException e) {
                return false; // no hard links here (another file system, a FAT drive): write it
            }
        }

        /** Writes the manifest and puts the new output in place of the old one. */
        public List<ManifestEntry> commit() throws IOException {
            List<ManifestEntry> manifest = new ArrayList<>(entries.values());
            manifest.sort(Comparator.comparing(ManifestEntry::path));
            Files.writeString(root.resolve(MANIFEST), ManifestEntry.json(manifest), StandardCharsets.UTF_8);
            swap(root, target);
            committed = true;
            return manifest;
        }

        /** Throws away what was written, unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                deleteTree(root);
            }
        }
    }

    /** The manifest of the output being replaced, by path; empty when there is none. */
    private static Map<String, ManifestEntry> previousManifest(Path target) throws IOException {
        Path manifest = target.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        return ManifestEntry.read(Files.readString(manifest, StandardCharsets.UTF_8));
    }

    /** The output path of a file, refusing any path that would leave the output folder. */
    private static Path inside(Path root, String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside the output: " + path);
        }
        return file;
    }

    private static void swap(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Path retired = Files.createTempDirectory(target.getParent(), RETIRED);
        Files.delete(retired);
        move(target, retired);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(retired, target); // put the previous output back
            throw e;
        }
        deleteTree(retired);
    }

    private static void readableByAll(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to widen
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Staging and retired folders left by a build that was killed. */
    private static void removeLeftovers(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if ((name.startsWith(STAGING) || name.startsWith(RETIRED)) && Files.isDirectory(p)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
