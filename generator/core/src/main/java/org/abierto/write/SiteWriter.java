package org.abierto.write;

import org.abierto.model.OutputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The write stage, and the only code that writes files: it writes the whole site into a fresh
 * folder beside the output and swaps it in only once every file is written, so a failed build
 * leaves the previous output exactly as it was. It also writes {@link #MANIFEST}, the list of every
 * file with its size and SHA-256.
 *
 * <p>The output folder is Abierto's alone, and the writer proves it before replacing it: the folder
 * is missing, empty, or holds only files its manifest lists with the size recorded there; anything
 * else is refused, naming the first foreign file. One build at a time writes a folder: it holds an
 * {@link OutputLock} from {@link #open} until the new output is in place or thrown away, and a
 * second build waits for it. A build killed between the two renames of the swap leaves no output
 * and the previous one beside it; the next build puts it back before anything else.
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
    /**
     * How long a build waits for another one to finish writing the same folder: five times the
     * longest build measured (20,000 pages, about a minute: docs/PERFORMANCE.md), so a second build
     * waits for a first, and a hung one is named instead of waited on for ever.
     */
    public static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final Duration lockWait;

    /** A writer that waits up to {@link #LOCK_WAIT} for another build of the same output. */
    public SiteWriter() {
        this(LOCK_WAIT);
    }

    /** A writer that waits up to {@code lockWait} for another build of the same output. */
    public SiteWriter(Duration lockWait) {
        this.lockWait = lockWait;
    }

    /**
     * Writes {@code files} as the new content of {@code out}.
     *
     * @return the manifest entries, in path order
     * @throws OutputRefused when {@code out} is not Abierto's to replace, or another build holds it
     * @throws IOException   when a file cannot be written; the previous output is then untouched
     */
    public List<ManifestEntry> write(List<OutputFile> files, Path out, boolean gzip) throws IOException {
        try (Staging staging = open(out, gzip)) {
            for (OutputFile f : files) {
                staging.add(f);
            }
            return staging.commit();
        }
    }

    /** As {@link #open(Path, boolean, LongConsumer)}, waiting silently. */
    public Staging open(Path out, boolean gzip) throws IOException {
        return open(out, gzip, holder -> { });
    }

    /**
     * Takes the output folder and starts a new output beside it: files are written into it as they
     * come, and it replaces {@code out} only on {@link Staging#commit()}; closed without committing,
     * it disappears. Until it is closed, no other build can write {@code out}.
     *
     * @param waitingFor told the process id of the build that holds {@code out} while this one waits for it
     * @throws OutputRefused when {@code out} is not Abierto's to replace, or another build still holds
     *                       it after the wait; nothing was changed then
     */
    public Staging open(Path out, boolean gzip, LongConsumer waitingFor) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputRefused(target, "unsafe-output", "refusing to write the site to the root of the file system; "
                    + "choose a folder such as site/target/site");
        }
        Files.createDirectories(parent);
        var folder = new OutputFolder(target);
        Path lockFile = parent.toRealPath().resolve(folder.lockName());
        if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            // No build has taken this folder yet, so none is changing it: a foreign folder is refused
            // without leaving a lock file beside it. (Unless one took it meanwhile: then under the lock.)
            try {
                folder.recordedContents();
            } catch (IOException e) {
                if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
            }
        }
        OutputLock lock;
        try {
            lock = OutputLock.take(lockFile, lockWait, waitingFor);
        } catch (OutputLock.Busy e) {
            throw new OutputRefused(target, "output-busy", "another build " + (e.holder() < 0 ? "" : "(process " + e.holder() + ") ")
                    + "is writing this output folder and did not finish within " + minutes(lockWait)
                    + "; wait for it to finish, or stop it, then build again");
        }
        try {
            Optional<Path> restored = folder.restoreInterruptedSwap();
            Map<String, ManifestEntry> previous = folder.recordedContents();
            folder.removeLeftovers();
            Path staging = folder.createStaging();
            readableByAll(staging);
            return new Staging(staging, folder, gzip, previous, lock, restored);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A wait as a person reads it: "5 minutes", "100 ms". */
    static String minutes(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes") : d.toMillis() + " ms";
    }

    /** An output being written. Thread-safe. */
    public static final class Staging implements AutoCloseable {
        private final Path root;
        private final OutputFolder folder;
        private final Path target;
        private final boolean gzip;
        private final Map<String, ManifestEntry> previous;
        private final OutputLock lock;
        private final Optional<Path> restored;
        private final Map<String, ManifestEntry> entries = new ConcurrentHashMap<>();
        private final AtomicInteger reused = new AtomicInteger();
        private boolean committed;
        private boolean closed;

        private Staging(Path root, OutputFolder folder, boolean gzip, Map<String, ManifestEntry> previous, OutputLock lock,
                        Optional<Path> restored) {
            this.root = root;
            this.folder = folder;
            this.target = folder.path();
            this.gzip = gzip;
            this.previous = previous;
            this.lock = lock;
            this.restored = restored;
        }

        /**
         * The previous output put back before this build, from the copy a build killed during its swap
         * left beside the folder; empty when there was none.
         */
        public Optional<Path> restoredFrom() {
            return restored;
        }

        /**
         * Writes one file (and its gzip copy when asked for), or links it when it has not changed.
         *
         * @throws FileNotWritten naming the file of the content that could not be read, or the output
         *                        file that could not be written
         */
        public void add(OutputFile f) throws IOException {
            try {
                write(f);
            } catch (FileNotWritten e) {
                throw e;
            } catch (IOException e) {
                Path failed = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : null;
                boolean reading = f instanceof OutputFile.Copied c && c.source().equals(failed);
                throw new FileNotWritten(reading ? failed : target.resolve(f.path()), FileNotWritten.reason(e), e);
            }
        }

        private void write(OutputFile f) throws IOException {
            Path file = inside(root, f.path());
            Files.createDirectories(file.getParent());
            if (f instanceof OutputFile.Copied copied) {
                addCopy(f.path(), copied.source(), file);
                return;
            }
            byte[] bytes = ((OutputFile.Generated) f).bytes();
            ManifestEntry entry = new ManifestEntry(f.path(), bytes.length, sha256(bytes));
            boolean unchanged = linkIfSame(entry, file, bytes);
            if (!unchanged) {
                // Never over a file already there: that would be a path written twice in one build, and if
                // the first was linked from the published output, the write would change that output.
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
                    Files.write(gzFile, compressed, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    entries.put(gzPath, new ManifestEntry(gzPath, compressed.length, sha256(compressed)));
                }
            }
        }

        /**
         * A file copied as it is (an image, a PDF, a data dump of any size): streamed, never held in
         * memory whole. Linked from the previous output when its bytes are the same, as {@link #add} does.
         */
        private void addCopy(String path, Path source, Path file) throws IOException {
            ManifestEntry old = previous.get(path);
            Path oldFile = inside(target, path);
            ManifestEntry entry;
            if (old != null && old.size() == Files.size(source) && old.sha256().equals(sha256(source))
                    && Files.isRegularFile(oldFile, LinkOption.NOFOLLOW_LINKS) && Files.mismatch(oldFile, source) == -1
                    && link(file, oldFile)) {
                entry = old;
            } else {
                entry = copy(path, source, file);
            }
            entries.put(path, entry);
            if (gzip && Compression.worthIt(path)) {
                String gzPath = path + ".gz";
                Path gzFile = inside(root, gzPath);
                ManifestEntry oldGz = previous.get(gzPath);
                if (entry == old && oldGz != null && linkIfHash(oldGz, gzFile)) {
                    entries.put(gzPath, oldGz);
                } else {
                    MessageDigest digest = sha256();
                    try (InputStream in = Files.newInputStream(file);
                         OutputStream out = new DigestOutputStream(Files.newOutputStream(gzFile, StandardOpenOption.CREATE_NEW), digest)) {
                        Compression.gzip(in, out);
                    }
                    entries.put(gzPath, new ManifestEntry(gzPath, Files.size(gzFile), HexFormat.of().formatHex(digest.digest())));
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
                    && sha256(oldFile).equals(old.sha256())
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
            swap();
            return manifest;
        }

        /** Puts the new output in place; the previous one is kept beside it until then, and put back if that fails. */
        private void swap() throws IOException {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                move(root, target);
                committed = true;
                return;
            }
            Path retired = folder.freshSibling(OutputFolder.RETIRED);
            move(target, retired);
            try {
                move(root, target);
            } catch (IOException e) {
                try {
                    move(retired, target);
                } catch (IOException back) {
                    var displaced = new OutputDisplaced(e.getMessage() + "; the previous output is kept in " + retired
                            + ", and the next build puts it back", e);
                    displaced.addSuppressed(back);
                    throw displaced;
                }
                throw e;
            }
            committed = true;
            // Renamed before it is emptied: a retired copy is then always whole, the one a crash may leave to put back.
            Path trash = folder.freshSibling(OutputFolder.TRASH);
            try {
                move(retired, trash);
                deleteTree(trash);
            } catch (IOException e) {
                // the new output is in place; the next build removes what is left
            }
        }

        /** Throws away what was written, unless it was committed, and lets the next build write the folder. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!committed) {
                    deleteTree(root);
                }
            } finally {
                lock.close();
            }
        }
    }

    /** The output path of a file, refusing any path that would leave the output folder. */
    private static Path inside(Path root, String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside the output: " + path);
        }
        return file;
    }

    private static void readableByAll(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to widen
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
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

    /** The SHA-256 of a file, read as a stream. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Copies {@code source} to {@code file} as a stream, hashing what it writes: the manifest then describes exactly that. */
    private static ManifestEntry copy(String path, Path source, Path file) throws IOException {
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), digest)) {
            size = in.transferTo(out);
        }
        return new ManifestEntry(path, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
