package org.abierto.load;

import org.abierto.diagnostic.Diagnostics;

import java.io.IOException;
import java.nio.ByteBuffer;
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
     * The largest page or YAML file read (3 MiB): what the YAML reader accepts (3 Mi characters), and
     * far more than a page of a report needs. A larger file is an error, not a long wait or a full memory.
     */
    public static final long MAX_TEXT_BYTES = 3L << 20;
    /**
     * The largest file copied as it is (1 GiB), from {@code static/} or the theme's {@code assets/}:
     * copied as a stream, a larger one would still fill the output and every upload of the site; it
     * belongs on a service made for it, linked with {@code url:}.
     */
    public static final long MAX_STATIC_BYTES = 1L << 30;

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
            StaticFile now = !edited.contains(f.path()) ? f
                    : f.isThemeAsset() ? themeAsset(f.path(), f.target(), diagnostics) : staticFile(f.path(), f.target(), diagnostics);
            if (now != null) {
                statics.add(now);
            }
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
                case "static" -> java.util.Optional.ofNullable(staticFile(file, rel.substring("static/".length()), diagnostics))
                        .ifPresent(statics::add);
                default -> {
                    if (rel.endsWith(".md")) {
                        pages.add(file);
                    } else {
                        java.util.Optional.ofNullable(staticFile(file, rel, diagnostics)).ifPresent(statics::add);
                    }
                }
            }
        }
        for (Path file : walk(templates.resolve("assets"), diagnostics)) {
            java.util.Optional.ofNullable(themeAsset(file, "assets/" + relative(templates.resolve("assets"), file), diagnostics))
                    .ifPresent(statics::add);
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
            diagnostics.error(file, 1, 1, "wrong-extension", "rename the file to end in .yaml; .yml files are not read");
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
            diagnostics.error(root, 0, 0, "unreadable", "this folder cannot be read (" + reason(e) + "); check its permissions");
            return List.of();
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
                    // What is not read is said: an editor's folder or file left out without a word is a page missing from the site.
                    if (attrs.isSymbolicLink() && Files.notExists(p)) {
                        diagnostics.error(p, 1, 1, "link-nowhere",
                                "this symbolic link leads nowhere: what it names does not exist; remove it, or copy the file in instead");
                    } else if (attrs.isSymbolicLink() && !insideAfterLinks(p, realRoot)) {
                        diagnostics.error(p, 1, 1, "link-outside",
                                "this symbolic link leads outside " + root.getFileName() + "/; copy the file in instead");
                    } else if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(p))) {
                        files.put(relative(root, p), p);
                    } else if (attrs.isSymbolicLink() && Files.isDirectory(p)) {
                        diagnostics.error(p, 0, 0, "link-to-folder", "this symbolic link leads to a folder, whose files are not read "
                                + "(each would have two addresses); move the folder here instead, or link its files one by one");
                    } else {
                        diagnostics.error(p, 0, 0, "not-a-file", "this is neither a file nor a folder (a pipe, a socket or a device), "
                                + "so it is not read; remove it");
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                    // A folder without read permission, a file removed during the walk: the editor's to fix, named.
                    int start = Files.isDirectory(p) ? 0 : 1; // a file is pointed at from its start; a folder has no lines
                    diagnostics.error(p, start, start, "unreadable", "this cannot be read (" + reason(e) + "); check its permissions");
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diagnostics.error(root, 0, 0, "unreadable", "this folder cannot be read (" + reason(e) + "); check its permissions");
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
            return false; // removed since the walk saw it: it reads nothing
        }
    }

    /** A file copied as it is; null, with the reason reported, when it cannot be. */
    private static StaticFile staticFile(Path file, String target, Diagnostics diagnostics) {
        try {
            long size = Files.size(file);
            if (tooLarge(file, size, diagnostics)) {
                return null;
            }
            int[] dimensions = ImageSize.of(file);
            return new StaticFile(file, target, size, null, dimensions[0], dimensions[1]);
        } catch (IOException e) {
            diagnostics.error(file, 1, 1, "unreadable", "the file cannot be read (" + reason(e) + "); check its permissions");
            return null;
        }
    }

    /**
     * A theme file, whose published name carries its SHA-256 so browsers may cache it for long; read
     * as a stream. Null, with the reason reported, when it cannot be read.
     */
    private static StaticFile themeAsset(Path file, String target, Diagnostics diagnostics) {
        try {
            long size = Files.size(file);
            if (tooLarge(file, size, diagnostics)) {
                return null;
            }
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return new StaticFile(file, target, size, java.util.HexFormat.of().formatHex(digest.digest()), 0, 0);
        } catch (IOException e) {
            diagnostics.error(file, 1, 1, "unreadable", "the file cannot be read (" + reason(e) + "); check its permissions");
            return null;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean tooLarge(Path file, long size, Diagnostics diagnostics) {
        if (size <= MAX_STATIC_BYTES) {
            return false;
        }
        diagnostics.error(file, 1, 1, "file-too-large", "the file is " + bytes(size) + ", more than the " + bytes(MAX_STATIC_BYTES)
                + " a file copied to the site may have (see content/README.md, 'Limits'); publish it on a service made for "
                + "large files (a data portal, a video platform) and link to its address");
        return true;
    }

    /** A size as people read it: "2.3 GB (2,469,606,195 bytes)", "3 MiB". */
    static String bytes(long size) {
        if (size == MAX_STATIC_BYTES) {
            return "1 GiB";
        }
        if (size == MAX_TEXT_BYTES) {
            return "3 MiB";
        }
        String rounded = size >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", size / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%.1f MiB", size / (double) (1L << 20));
        return rounded + " (" + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes)";
    }

    /** What went wrong with a file, without the path the message already names. */
    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "it disappeared while it was read";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
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
            long size = Files.size(file);
            if (size > MAX_TEXT_BYTES) {
                diagnostics.error(file, 1, 1, "file-too-large", "the file is " + bytes(size) + ", more than the "
                        + bytes(MAX_TEXT_BYTES) + " a page or a YAML file may have (see content/README.md, 'Limits'); "
                        + "split it into several files");
                return new SourceFile(file, relative(root, file), "");
            }
            byte[] bytes = Files.readAllBytes(file);
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var in = ByteBuffer.wrap(bytes);
            var out = java.nio.CharBuffer.allocate(bytes.length);
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                int bad = in.position();
                int[] at = position(bytes, bad);
                diagnostics.error(file, at[0], at[1], "not-utf8", String.format(java.util.Locale.ROOT,
                        "the byte 0x%02X is not valid UTF-8 (the file was saved in another encoding, such as Latin-1 or "
                                + "Windows-1252); save it as UTF-8", bytes[bad] & 0xFF));
                return new SourceFile(file, relative(root, file), "");
            }
            decoder.flush(out);
            String text = out.flip().toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark is not content
            }
            return new SourceFile(file, relative(root, file), text.replace("\r\n", "\n"));
        } catch (IOException e) {
            diagnostics.error(file, 1, 1, "unreadable", "the file cannot be read (" + reason(e) + "); check its permissions");
            return new SourceFile(file, relative(root, file), "");
        }
    }

    /** {line, column} of a byte of a UTF-8 text, counted as editors count them (columns in characters). */
    private static int[] position(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // What precedes the bad byte on its line decoded fine: its characters are the column's count.
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new int[] {line, before.length() + 1};
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
