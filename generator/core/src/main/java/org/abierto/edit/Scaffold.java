package org.abierto.edit;

import org.abierto.model.Slug;
import org.abierto.parse.YamlReader;
import org.abierto.parse.YamlWriter;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * New pages and new reports, made from the files a build expects, so that an editor starts from
 * something that builds: {@code abierto new page} and {@code abierto new site}.
 */
public final class Scaffold {
    private static final String BUNDLE = "org/abierto/scaffold/";

    private Scaffold() {
    }

    /** A page's title from its file name: {@code nueva-fase.md} → "Nueva fase". */
    public static String titleOf(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.md$", "").replace('-', ' ').strip();
        return name.isEmpty() ? "Nueva página" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The text of a new page: a draft (so half-written text is never published) with its title,
     * order and translation key.
     */
    public static String page(String title, int order, String translationKey, String note) {
        // Through Jackson's generator: a title such as 2024, true or "#x" is quoted, and read back as the text it is.
        return "---\n"
                + YamlWriter.entry("title", title)
                + "# description: one sentence about the page, for search engines and link previews\n"
                + YamlWriter.entry("order", order)
                + YamlWriter.entry("translationKey", translationKey)
                + "# Remove the next line when the page is ready to be published.\n"
                + YamlWriter.entry("draft", true)
                + "---\n\n"
                + note + "\n";
    }

    /**
     * The order of a new page that comes last: one more than the largest {@code order} of the pages
     * in {@code folders} (a section in each language), drafts included; 1 in empty sections.
     */
    public static int nextOrder(List<Path> folders) throws IOException {
        long largest = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("_index.md")).toList()) {
                    largest = Math.max(largest, orderOf(file));
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, largest + 1);
    }

    /** The {@code order} of a page's front matter, 0 when it has none or cannot be read. */
    private static long orderOf(Path page) {
        try {
            String text = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
            int close = text.startsWith("---\n") ? text.indexOf("\n---", 3) : -1;
            if (close < 0) {
                return 0;
            }
            var frontMatter = new YamlReader().read(page, text.substring(4, close + 1), 1, "front matter",
                    new org.abierto.diagnostic.Diagnostics());
            return frontMatter.map(doc -> doc.rootMap().get("order")).filter(Long.class::isInstance).map(Long.class::cast).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0; // an unreadable page is the build's to report
        }
    }

    /** A file name to suggest for a page in another language. */
    public static String exampleName(String language) {
        return language.equals("en") ? "new-phase" : "nombre-en-" + language;
    }

    /**
     * Writes a new file, refusing to replace one. When it cannot, it leaves nothing of its own behind:
     * neither the file cut short nor the folders it made for it.
     *
     * @return the folders it made for the file, outermost first (to {@link #removeEmpty} if what follows fails)
     */
    public static List<Path> create(Path file, String text) throws IOException {
        List<Path> made = missingFolders(file);
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(file + " already exists; choose another name");
            } catch (IOException | RuntimeException e) {
                // CREATE_NEW: a file there now is the one this began (a full disk cut it short), never someone else's
                removeQuietly(file);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            removeEmpty(made);
            throw e;
        }
        return made;
    }

    /** The folders above a file that are not there yet, outermost first. */
    private static List<Path> missingFolders(Path file) {
        List<Path> missing = new ArrayList<>();
        // Only what is not there at all: a file standing where a folder must go is someone's, never removed.
        for (Path folder = file.toAbsolutePath().getParent(); folder != null && Files.notExists(folder, LinkOption.NOFOLLOW_LINKS);
                folder = folder.getParent()) {
            missing.add(0, folder);
        }
        return missing;
    }

    /** Removes folders that {@link #create} made, innermost first, as long as they are empty: what else is there stays. */
    public static void removeEmpty(List<Path> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            if (!Files.isDirectory(made.get(i), LinkOption.NOFOLLOW_LINKS) || !removeQuietly(made.get(i))) {
                return;
            }
        }
    }

    private static boolean removeQuietly(Path path) {
        try {
            Files.delete(path);
            return true;
        } catch (IOException e) {
            return false; // not empty, or not ours to remove: left as it is
        }
    }

    /**
     * Why a new report may not be made in {@code dir}, or empty when it may: it must be a new or empty
     * folder (never the root of the file system), and not inside the content or the templates of
     * another report, whose every build would then read the new one's files as its own.
     *
     * @param dir absolute and normalised
     */
    public static Optional<String> siteRefusal(Path dir) throws IOException {
        if (dir.getParent() == null) {
            return Optional.of("refusing to make a report at the root of the file system; name a new folder, e.g. abierto new site informe");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of("this is a file; name a new or empty folder");
        }
        if (Files.isDirectory(dir)) {
            // A repository just made with git init is still an empty folder for a report; the name shown
            // is a visible one when there is one (content, not .gitignore).
            try (Stream<Path> entries = Files.list(dir)) {
                Optional<Path> first = entries.filter(entry -> !entry.getFileName().toString().equals(".git"))
                        .min(Comparator.comparing((Path entry) -> entry.getFileName().toString().startsWith("."))
                                .thenComparing(Comparator.naturalOrder()));
                if (first.isPresent()) {
                    return Optional.of("this folder already holds files (" + first.get().getFileName()
                            + "), which would be mixed with the report's; name a new or empty folder");
                }
            }
        }
        for (Path above = dir.getParent(); above != null; above = above.getParent()) {
            if (Files.isRegularFile(above.resolve("site.yaml"))) {
                return Optional.of("refusing to make a report inside the content folder " + above + " of another report, whose builds would "
                        + "read it as content; choose a folder outside it");
            }
            if (above.getFileName() != null && above.getFileName().toString().equals("templates")
                    && Files.isRegularFile(above.resolveSibling("content").resolve("site.yaml"))) {
                return Optional.of("refusing to make a report inside the templates folder " + above + " of another report, whose builds "
                        + "would read it as templates; choose a folder outside it");
            }
        }
        return Optional.empty();
    }

    /**
     * A new bilingual report in {@code dir}: {@code content/} (site.yaml, interface words, a home page per
     * language) and {@code templates/} (the theme). It builds and passes {@code check} as it is.
     *
     * Nothing is left of it when it fails part way: neither the files written nor the folders made.
     *
     * @return the files written
     */
    public static List<Path> site(Path dir) throws IOException {
        Optional<String> refusal = siteRefusal(dir);
        if (refusal.isPresent()) {
            throw new FileAlreadyExistsException(dir.toString(), null, refusal.get());
        }
        List<Path> written = new ArrayList<>();
        List<Path> made = new ArrayList<>();
        try {
            writeSite(dir, written, made);
        } catch (IOException | RuntimeException e) {
            for (int i = written.size() - 1; i >= 0; i--) {
                removeQuietly(written.get(i)); // the folder was new or empty: every file in it is this one's
            }
            removeEmpty(made);
            throw e;
        }
        return written;
    }

    private static void writeSite(Path dir, List<Path> written, List<Path> made) throws IOException {
        // Editors commit what they write; the built site and the PDF (under site/target/ unless --out says
        // otherwise, BuildRequest.defaults) are made again from it.
        made.addAll(create(dir.resolve(".gitignore"), "# What abierto build and abierto pdf make, again, from content/ and templates/.\n/site/target/\n"));
        written.add(dir.resolve(".gitignore"));
        Path content = dir.resolve("content");
        Path templates = dir.resolve("templates");
        for (String resource : bundled("templates/")) {
            written.add(copy(resource, templates.resolve(resource.substring("templates/".length())), made));
        }
        for (String resource : bundled("i18n/")) {
            written.add(copy(resource, content.resolve(resource), made));
        }
        made.addAll(create(content.resolve("site.yaml"), """
                # The report as a whole. See the editors' guide (content/README.md of Abierto's repository).
                title:
                  es: Título del informe
                  en: Title of the report
                baseUrl: /
                languages:
                  - code: es
                    locale: es-MX
                    name: Español
                  - code: en
                    locale: en-US
                    name: English
                organisation:
                  name: Nombre de la organización
                """));
        written.add(content.resolve("site.yaml"));
        made.addAll(create(content.resolve("es/_index.md"), """
                ---
                title: Título del informe
                translationKey: home
                layout: home
                ---

                Primer párrafo del informe.
                """));
        written.add(content.resolve("es/_index.md"));
        // The English home translates the Spanish one as it is: it records the original's fingerprint.
        String original = "\nPrimer párrafo del informe.\n";
        made.addAll(create(content.resolve("en/_index.md"), """
                ---
                title: Title of the report
                translationKey: home
                layout: home
                sourceHash: "%s"
                ---

                The report's first paragraph.
                """.formatted(org.abierto.model.Fingerprint.of("Título del informe", null, original))));
        written.add(content.resolve("en/_index.md"));
    }

    /** Copies a bundled file, adding the folders it makes for it to {@code made}. */
    private static Path copy(String resource, Path target, List<Path> made) throws IOException {
        try (InputStream in = Scaffold.class.getClassLoader().getResourceAsStream(BUNDLE + resource)) {
            if (in == null) {
                throw new IOException("the bundled file " + resource + " is missing from this Abierto");
            }
            made.addAll(missingFolders(target));
            Files.createDirectories(target.getParent());
            try {
                Files.copy(in, target);
            } catch (FileAlreadyExistsException e) {
                throw e; // someone else's, made since the folder was found empty: kept
            } catch (IOException | RuntimeException e) {
                removeQuietly(target); // cut short: Files.copy makes a new file, so a file there now is this one
                throw e;
            }
        }
        return target;
    }

    /** The bundled files under a folder, relative to the bundle, sorted. */
    static List<String> bundled(String folder) throws IOException {
        URL url = Scaffold.class.getClassLoader().getResource(BUNDLE + folder);
        if (url == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (entry.getName().startsWith(BUNDLE + folder) && !entry.isDirectory()) {
                        names.add(entry.getName().substring(BUNDLE.length()));
                    }
                }
            }
        } else {
            try {
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(f -> names.add(folder + root.relativize(f).toString().replace('\\', '/')));
                }
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        Collections.sort(names);
        return names;
    }

    /** A slug-like key from a path inside a language folder: {@code ruta-de-trabajo/nueva-fase}. */
    public static String keyOf(String pathInLanguage) {
        return Slug.isValid(pathInLanguage.replace("/", "-")) ? pathInLanguage : Slug.fold(pathInLanguage);
    }

}
