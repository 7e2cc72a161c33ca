package org.abierto.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders (and the folders created in them) and reports the files that changed, a burst of
 * events at a time: editors save a file in several writes, so events within a few milliseconds of
 * each other make one rebuild.
 *
 * <p>It does not stop while the preview runs. A folder that vanishes before it is watched is simply
 * not watched. When events may have been lost (the system's queue overflowed, a folder could not be
 * watched, or anything else went wrong), it watches the whole tree again and reports an empty list,
 * which means "read every file again". Whatever {@code onChange} throws is reported the same way on
 * the next burst; only an error of the Java machine itself (not a stack overflow, nor running out of
 * memory, which one build can cause and the next survives) ends it, through {@link Failures#isFatal}.
 */
final class ContentWatcher implements AutoCloseable {
    /**
     * How long a burst lasts past its last event. One save is a burst of events within about 2 ms
     * (measured with vim, ed, a plain rewrite and a write-then-rename: issue 15), and every millisecond
     * here is one more before the reader sees the edit. Should a save's writes be further apart, the
     * later ones make a second rebuild: the page is right all the same, a moment later.
     */
    static final long SETTLE_MILLIS = 5;

    private final WatchService service;
    private final List<Path> roots;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;
    /** Set when events may have been lost: the next burst watches the whole tree again and rebuilds everything. */
    private boolean rescan;

    ContentWatcher(List<Path> roots, Consumer<List<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.roots = List.copyOf(roots);
        for (Path root : this.roots) {
            if (!register(root, new LinkedHashSet<>())) {
                service.close();
                throw new IOException("cannot watch " + root + " for changes");
            }
        }
        this.thread = new Thread(() -> loop(onChange), "abierto-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Watches a folder and every folder in it, and adds the files found to {@code found} (a new folder's
     * files were written before it was watched, so no event tells of them). A folder that vanishes
     * meanwhile is skipped: it has nothing left to watch.
     *
     * @return false when some folder could not be watched for another reason (events may be lost)
     */
    private boolean register(Path root, Set<Path> found) {
        if (!Files.isDirectory(root)) {
            return true;
        }
        var complete = new boolean[] {true};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    try {
                        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                        folders.put(key, dir);
                        return FileVisitResult.CONTINUE;
                    } catch (NoSuchFileException | NotDirectoryException gone) {
                        return FileVisitResult.SKIP_SUBTREE;
                    } catch (IOException e) {
                        complete[0] = false;
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    found.add(file.toAbsolutePath().normalize());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        complete[0] = false;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            return true;
        } catch (IOException e) {
            return false;
        }
        return complete[0];
    }

    private void loop(Consumer<List<Path>> onChange) {
        while (true) {
            try {
                WatchKey key = service.take();
                Set<Path> changed = new LinkedHashSet<>();
                collect(key, changed);
                WatchKey more;
                while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(more, changed);
                }
                if (rescan) {
                    rescan();
                    changed.clear(); // empty: every file is read again
                }
                onChange.accept(new ArrayList<>(changed));
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return; // closed: the server stops
            } catch (Throwable e) {
                if (Failures.isFatal(e)) {
                    throw e;
                }
                // Whatever failed, this burst may be half handled: look at everything on the next one.
                rescan = true;
            }
        }
    }

    /** Watches the whole tree again: folders made while events were lost are watched from now on. */
    private void rescan() {
        rescan = false;
        folders.keySet().removeIf(key -> !key.isValid());
        for (Path root : roots) {
            if (!register(root, new LinkedHashSet<>())) {
                rescan = true;
            }
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                rescan = true; // events were lost
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            changed.add(path.toAbsolutePath().normalize());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path) && !register(path, changed)) {
                rescan = true;
            }
        }
        if (!key.reset()) {
            folders.remove(key); // the folder is gone
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
