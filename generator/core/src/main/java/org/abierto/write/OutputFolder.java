package org.abierto.write;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder and what the writer keeps beside it, each named after it: the new output being
 * written ({@code .abierto-new-NAME.N}), the previous one during the swap ({@code .abierto-old-NAME.N})
 * and the previous one being deleted after it ({@code .abierto-del-NAME.N}). Everything here runs
 * under the folder's {@link OutputLock}, so a sibling found is never another live build's.
 */
final class OutputFolder {
    static final String STAGING = ".abierto-new-";
    static final String RETIRED = ".abierto-old-";
    static final String TRASH = ".abierto-del-";
    private static final String MOVE_ASIDE = "; move what you need out of the folder (a file the site needs, such as CNAME, "
            + "belongs in content/static/) or delete it, or choose an empty or new folder; then build again";

    private final Path path;
    private final Path parent;
    private final String name;

    /** @param path absolute and normalised, not the root of the file system */
    OutputFolder(Path path) {
        this.path = path;
        this.parent = path.getParent();
        this.name = path.getFileName().toString();
    }

    Path path() {
        return path;
    }

    /** The lock file beside the folder. */
    String lockName() {
        return "." + name + ".abierto-lock";
    }

    /** A fresh name beside the folder for one of the writer's own folders (nothing is created). */
    Path freshSibling(String kind) {
        while (true) {
            Path sibling = parent.resolve(kind + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            if (!Files.exists(sibling, LinkOption.NOFOLLOW_LINKS)) {
                return sibling;
            }
        }
    }

    /** Creates a fresh folder for the new output. */
    Path createStaging() throws IOException {
        while (true) {
            try {
                return Files.createDirectory(freshSibling(STAGING));
            } catch (FileAlreadyExistsException e) {
                // made between the check and now: take another name
            }
        }
    }

    /**
     * Puts back the previous output when a build was killed between the two renames of its swap: the
     * folder is missing (or empty) and a retired copy lies beside it. The copy is complete, since a
     * retired copy is renamed again before anything in it is deleted.
     *
     * @return the copy put back, if any
     */
    Optional<Path> restoreInterruptedSwap() throws IOException {
        List<Path> retired = siblings(RETIRED);
        if (retired.isEmpty() || !missingOrEmpty()) {
            return Optional.empty();
        }
        Path newest = retired.stream().max(Comparator.comparing(OutputFolder::writtenAt)).orElseThrow();
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path); // an empty folder: nothing is lost
        }
        SiteWriter.move(newest, path);
        return Optional.of(newest);
    }

    private boolean missingOrEmpty() throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    /** When a retired copy was written: its manifest's time (written last), else its own. */
    private static FileTime writtenAt(Path retired) {
        for (Path p : List.of(retired.resolve(SiteWriter.MANIFEST), retired)) {
            try {
                return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                // no manifest: the folder's own time
            }
        }
        return FileTime.fromMillis(0);
    }

    /**
     * Removes what killed builds left beside the folder: new outputs never swapped in, and previous
     * outputs a finished swap had not deleted yet. Called once the folder is known to be Abierto's, so
     * a retired copy is never the only one.
     */
    void removeLeftovers() throws IOException {
        for (String kind : List.of(STAGING, RETIRED, TRASH)) {
            for (Path leftover : siblings(kind)) {
                SiteWriter.deleteTree(leftover);
            }
        }
    }

    /** This folder's own siblings of one kind: {@code KIND + NAME + "." + digits}, folders only. */
    List<Path> siblings(String kind) throws IOException {
        Pattern own = Pattern.compile(Pattern.quote(kind + name + ".") + "[0-9]+");
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> own.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /**
     * Proves the folder is Abierto's to replace: missing, empty, or holding only files its manifest
     * lists, each with the size recorded there.
     *
     * @return the manifest, by path (empty when there is none)
     * @throws OutputRefused naming the first file or folder that is not Abierto's
     */
    Map<String, ManifestEntry> recordedContents() throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw refused(path, "refusing to replace the output folder: it is a symbolic link; give the folder it points to, "
                    + "or another folder, as the output");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(path, "refusing to replace the output: it is a file, not a folder; choose a folder such as site/target/site");
        }
        Map<String, BasicFileAttributes> found = contents();
        Path manifestFile = path.resolve(SiteWriter.MANIFEST);
        BasicFileAttributes manifestAttributes = found.remove(SiteWriter.MANIFEST);
        if (manifestAttributes == null) {
            if (found.isEmpty()) {
                return Map.of();
            }
            String first = found.entrySet().stream().filter(e -> !e.getValue().isDirectory()).map(Map.Entry::getKey)
                    .findFirst().orElseGet(() -> found.keySet().iterator().next());
            throw foreign(first, found.size(),
                    "refusing to replace the output folder: it has no " + SiteWriter.MANIFEST + ", so Abierto did not write this");
        }
        if (!manifestAttributes.isRegularFile()) {
            throw refused(manifestFile, "refusing to replace the output folder: its " + SiteWriter.MANIFEST + " is not a file that Abierto wrote"
                    + MOVE_ASIDE);
        }
        Map<String, ManifestEntry> manifest;
        try {
            manifest = ManifestEntry.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw refused(manifestFile, "refusing to replace the output folder: this is not a manifest that Abierto wrote ("
                    + (e instanceof CharacterCodingException ? "it is not UTF-8 text" : e.getMessage()) + ")" + MOVE_ASIDE);
        }
        Set<String> folders = new HashSet<>();
        for (String file : manifest.keySet()) {
            for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
                folders.add(file.substring(0, slash));
            }
        }
        // A foreign file is named before a foreign folder: it is what would be lost.
        Map<String, String> foreignFiles = new LinkedHashMap<>();
        Map<String, String> foreignFolders = new LinkedHashMap<>();
        for (var e : found.entrySet()) {
            String file = e.getKey();
            BasicFileAttributes attributes = e.getValue();
            ManifestEntry recorded = manifest.get(file);
            if (attributes.isDirectory()) {
                if (!folders.contains(file)) {
                    foreignFolders.put(file, "Abierto did not make this folder (no file of its " + SiteWriter.MANIFEST + " is in it)");
                }
            } else if (!attributes.isRegularFile()) {
                foreignFiles.put(file, "Abierto did not make this " + (attributes.isSymbolicLink() ? "symbolic link" : "entry")
                        + " (it writes only files)");
            } else if (recorded == null) {
                foreignFiles.put(file, "Abierto did not write this file (its " + SiteWriter.MANIFEST + " does not list it)");
            } else if (recorded.size() != attributes.size()) {
                foreignFiles.put(file, "this file was changed after Abierto wrote it (" + attributes.size() + " bytes, not the "
                        + recorded.size() + " its " + SiteWriter.MANIFEST + " records)");
            }
        }
        var first = Stream.concat(foreignFiles.entrySet().stream(), foreignFolders.entrySet().stream()).findFirst();
        if (first.isPresent()) {
            throw foreign(first.get().getKey(), foreignFiles.size() + foreignFolders.size(),
                    "refusing to replace the output folder: " + first.get().getValue());
        }
        return manifest;
    }

    private OutputRefused foreign(String first, int count, String message) {
        String others = count > 1 ? " (and " + (count - 1) + " more " + (count == 2 ? "entry" : "entries") + " it did not write)" : "";
        return refused(path.resolve(first), message + others + MOVE_ASIDE);
    }

    private static OutputRefused refused(Path at, String message) {
        return new OutputRefused(at, "unsafe-output", message);
    }

    /** Every entry under the folder by relative path with '/', sorted; symbolic links are not followed. */
    private Map<String, BasicFileAttributes> contents() throws IOException {
        Map<String, BasicFileAttributes> found = new TreeMap<>();
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(path)) {
                    found.put(relative(dir), attributes);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                found.put(relative(file), attributes);
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private String relative(Path p) {
        return path.relativize(p).toString().replace('\\', '/');
    }
}
