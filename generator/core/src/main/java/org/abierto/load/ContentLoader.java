package org.abierto.load;

import org.abierto.diagnostic.Diagnostics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The load stage: walks the content and templates folders and reads every source file.
 *
 * <p>Layout of the content folder: {@code site.yaml}; {@code i18n/*.yaml}; {@code data/*.yaml};
 * {@code static/**} copied as is; and one folder per language whose {@code .md} files are pages.
 * Files and folders starting with '.' or '_' (other than {@code _index.md}) are ignored, as are
 * files at the top level other than {@code site.yaml} (such as the editors' {@code README.md}).
 * Nothing outside the two folders is read: a symbolic link leading out of them is an error.
 */
public final class ContentLoader {
    public static final String SITE_FILE = "site.yaml";

    /**
     * How the load stage reads one text file. A build reads every file; the live preview gives back
     * the text it read before of a file the watcher did not report changed.
     */
    @FunctionalInterface
    public interface TextReader {
        /** @param root the folder the file is in ({@link SourceFile#relative()} starts there) */
        SourceFile read(Path root, Path file, Diagnostics diagnostics);
    }

    /** Reads a file, whatever was read before. */
    public static final TextReader READ = ContentLoader::read;

    /**
     * The sources after some of their files were edited (not created, deleted or renamed): those are
     * read again, everything else is kept.
     *
     * @param edited files of {@code previous}, each one a regular file ({@link #isEditOf})
     */
    public Sources reread(Sources previous, java.util.Set<Path> edited, Diagnostics diagnostics) {
        Path content = previous.contentRoot();
        java.util.function.UnaryOperator<SourceFile> fresh = f -> edited.contains(f.path()) ? read(content, f.path(), diagnostics) : f;
        List<StaticFile> statics = new ArrayList<>();
        for (StaticFile f : previous.staticFiles()) {
            statics.add(!edited.contains(f.path()) ? f : f.isThemeAsset() ? themeAsset(f.path(), f.target()) : staticFile(f.path(), f.target()));
        }
        return new Sources(content, previous.templatesRoot(), fresh.apply(previous.siteFile()),
                previous.i18nFiles().stream().map(fresh).toList(),
                previous.dataFiles().stream().map(fresh).toList(),
                previous.pageFiles().stream().map(fresh).toList(),
                statics, previous.templates());
    }

    /**
     * Whether a file that changed is an edit of one of {@code sources}' files, so that reading it again
     * ({@link #reread}) gives what a new load would: it is a regular file the load read, or a template.
     */
    public static boolean isEditOf(Sources sources, Path file) {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (file.equals(sources.siteFile().path())) {
            return true;
        }
        for (List<SourceFile> files : List.of(sources.i18nFiles(), sources.dataFiles(), sources.pageFiles())) {
            if (files.stream().anyMatch(f -> f.path().equals(file))) {
                return true;
            }
        }
        if (sources.staticFiles().stream().anyMatch(f -> f.path().equals(file))) {
            return true;
        }
        Path templates = sources.templatesRoot();
        return file.startsWith(templates) && sources.templates().contains(relative(templates, file));
    }

    /** Whether no load reads this file: hidden, an editor's backup, or outside both folders. */
    public static boolean isIgnored(Sources sources, Path file) {
        for (Path root : List.of(sources.contentRoot(), sources.templatesRoot())) {
            if (file.startsWith(root) && !file.equals(root)) {
                for (Path part : root.relativize(file)) {
                    if (ignoredName(part.toString())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the sources of a build.
     *
     * @return the sources, or empty when a folder is missing (reported in {@code diagnostics})
     */
    public Optional<Sources> load(Path contentDir, Path templatesDir, Diagnostics diagnostics) {
        return load(contentDir, templatesDir, READ, diagnostics);
    }

    /** As {@link #load(Path, Path, Diagnostics)}, reading each text file with {@code reader}. */
    public Optional<Sources> load(Path contentDir, Path templatesDir, TextReader reader, Diagnostics diagnostics) {
        Path content = contentDir.toAbsolutePath().normalize();
        Path templates = templatesDir.toAbsolutePath().normalize();
        boolean ok = requireDirectory(content, "content", diagnostics);
        ok &= requireDirectory(templates, "templates", diagnostics);
        if (!ok) {
            return Optional.empty();
        }
        Path site = content.resolve(SITE_FILE);
        if (!Files.isRegularFile(site)) {
            diagnostics.error(site, 0, 0, "missing-site-file",
                    "the content folder has no " + SITE_FILE + "; create it with the site's title and languages (see content/README.md)");
            return Optional.empty();
        }

        List<Path> i18n = new ArrayList<>();
        List<Path> data = new ArrayList<>();
        List<Path> pages = new ArrayList<>();
        List<StaticFile> statics = new ArrayList<>();
        for (Path file : walk(content, diagnostics)) {
            String rel = relative(content, file);
            String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
            if (top.isEmpty()) {
                continue; // site.yaml is read below; other top-level files are notes for editors
            }
            switch (top) {
                case "i18n" -> addYaml(file, i18n, diagnostics);
                case "data" -> addYaml(file, data, diagnostics);
                case "static" -> statics.add(staticFile(file, rel.substring("static/".length())));
                default -> {
                    if (rel.endsWith(".md")) {
                        pages.add(file);
                    } else {
                        statics.add(staticFile(file, rel));
                    }
                }
            }
        }
        for (Path file : walk(templates.resolve("assets"), diagnostics)) {
            statics.add(themeAsset(file, "assets/" + relative(templates.resolve("assets"), file)));
        }
        var templateNames = new java.util.TreeSet<String>();
        for (Path file : walk(templates, diagnostics)) {
            if (file.toString().endsWith(".ftlh")) {
                templateNames.add(relative(templates, file));
            }
        }

        return Optional.of(new Sources(content, templates,
                reader.read(content, site, diagnostics),
                readAll(content, i18n, reader, diagnostics),
                readAll(content, data, reader, diagnostics),
                readAll(content, pages, reader, diagnostics),
                statics, templateNames));
    }

    private static boolean requireDirectory(Path dir, String what, Diagnostics diagnostics) {
        if (Files.isDirectory(dir)) {
            return true;
        }
        diagnostics.error(dir, 0, 0, "missing-folder",
                "the " + what + " folder does not exist; pass the right one with --" + what);
        return false;
    }

    private static void addYaml(Path file, List<Path> into, Diagnostics diagnostics) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml")) {
            into.add(file);
        } else if (name.endsWith(".yml")) {
            diagnostics.error(file, 0, 0, "wrong-extension", "rename the file to end in .yaml; .yml files are not read");
        }
    }

    /** Regular files under {@code root}, sorted, skipping hidden and underscore names (but {@code _index.md}). */
    private static List<Path> walk(Path root, Diagnostics diagnostics) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // One visit per file, with the attributes the walk already read, and ignored folders not entered:
        // at tens of thousands of pages the walk is most of what the dev server does after an edit.
        Map<String, Path> files = new java.util.TreeMap<>();
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                    return !dir.equals(root) && ignoredName(dir.getFileName().toString())
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (ignoredName(p.getFileName().toString())) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink() && !insideAfterLinks(p, realRoot)) {
                        diagnostics.error(p, 0, 0, "link-outside",
                                "this symbolic link leads outside " + root.getFileName() + "/; copy the file in instead");
                    } else if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(p))) {
                        files.put(relative(root, p), p);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(files.values());
    }

    private static boolean ignoredName(String name) {
        return name.startsWith(".") || (name.startsWith("_") && !name.equals("_index.md"));
    }

    private static boolean insideAfterLinks(Path link, Path realRoot) {
        try {
            return link.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false; // a dangling link reads nothing
        }
    }

    private static StaticFile staticFile(Path file, String target) {
        try {
            int[] size = ImageSize.of(file);
            return new StaticFile(file, target, Files.size(file), null, size[0], size[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A theme file: small, read to fingerprint its published name so browsers may cache it for long. */
    private static StaticFile themeAsset(Path file, String target) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            return new StaticFile(file, target, bytes.length, sha256, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SourceFile> readAll(Path root, List<Path> files, TextReader reader, Diagnostics diagnostics) {
        // Reading is I/O bound and independent per file; the result keeps the sorted order.
        return files.parallelStream()
                .map(f -> reader.read(root, f, diagnostics))
                .toList();
    }

    /**
     * Reads a text file as UTF-8 (a byte-order mark dropped, CRLF made LF); a file that cannot be
     * read is reported and read as empty.
     *
     * @param root the folder the file is in ({@link SourceFile#relative()} starts there)
     */
    public static SourceFile read(Path root, Path file, Diagnostics diagnostics) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark is not content
            }
            return new SourceFile(file, relative(root, file), text.replace("\r\n", "\n"));
        } catch (CharacterCodingException e) {
            diagnostics.error(file, 0, 0, "not-utf8", "the file is not valid UTF-8; save it with UTF-8 encoding");
            return new SourceFile(file, relative(root, file), "");
        } catch (IOException e) {
            diagnostics.error(file, 0, 0, "unreadable", "the file cannot be read: " + e.getMessage());
            return new SourceFile(file, relative(root, file), "");
        }
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
