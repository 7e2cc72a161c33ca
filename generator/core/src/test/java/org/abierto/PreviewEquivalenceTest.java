package org.abierto;

import org.abierto.model.OutputFile;
import org.abierto.testing.Folders;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live preview never shows a page a fresh build would not write: on a copy of the real report
 * ({@code content/}) with the real theme ({@code templates/}), plus a template that reads values
 * under other names (macro parameters given the menu, a page or an edition, {@code #assign} and
 * {@code #list} variables, a function's result), random sequences of the edits an editor makes —
 * page text, titles, order, data files, interface words, templates, the report's title, new and
 * deleted pages — are applied one at a time. After each, every file the preview serves is byte for
 * byte the file a fresh build writes, and both report the same problems. Each seed is one sequence,
 * repeatable: a failure names the seed and the step.
 */
class PreviewEquivalenceTest {
    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    static final int STEPS = 14;

    /** Reads the site model through every kind of alias; placed in each template that ends a page. */
    static final String ALIASES = """
            <#macro menuOf s><#list s.menu as item>${item.linkTitle} ${item.url};</#list></#macro>
            <#macro titleOf p>${p.title}</#macro>
            <#function wordsOf s><#return s.i18n></#function>
            <#assign mine = site>
            <#assign all = editions>
            <!-- aliases: <@menuOf s=mine/>
            <#list all?values as e>[${e.language.code}: <@menuOf s=e/> <#if e.home??><@titleOf p=e.home/></#if> ${wordsOf(e).home!} ${e.title}]</#list>
            <#list [data] as d><#list d?keys as k>${k} </#list></#list>
            <#if mine.menu?has_content><@titleOf p=mine.menu?last/></#if>
            <#list mine.pages?values?filter(p -> p.key == page.key) as same><@titleOf p=same/></#list> -->
            """;

    /**
     * A layout of its own, for one page: its menu read through a macro parameter given the edition
     * (the case of issue 14, item 1), the home page through a parameter given a page, an
     * {@code #assign} and a {@code #list} variable.
     */
    static final String ALIASED_LAYOUT = """
            <#import "partials/aliased.ftlh" as a>
            <!DOCTYPE html>
            <html lang="${site.language.code}">
            <head><meta charset="utf-8"><title>${page.title}</title></head>
            <body>
            <@a.nav s=site/>
            <main>
            <h1>${page.title}</h1>
            <#assign report = site>
            <#list [report] as each><p><@a.titleOf p=each.home/> · ${each.menu?size}</p></#list>
            ${content}
            </main>
            </body>
            </html>
            """;
    static final String ALIASED_PARTS = """
            <#macro nav s><nav aria-label="Menú"><ul><#list s.menu as item><li><a href="${item.url}">${item.linkTitle}</a></li></#list></ul></nav></#macro>
            <#macro titleOf p>${p.title}</#macro>
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void afterEachEditThePreviewServesWhatAFreshBuildWrites(long seed) throws IOException {
        Path project = dir.resolve("project");
        Folders.copy(PROJECT.resolve("content"), project.resolve("content"));
        Folders.copy(PROJECT.resolve("templates"), project.resolve("templates"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n"); // marks the repository root, as in the real one
        Files.writeString(project.resolve("templates/partials/aliases.ftlh"), ALIASES);
        int ends = 0;
        for (Path template : files(project.resolve("templates"), ".ftlh")) {
            String text = Files.readString(template);
            if (text.contains("</body>")) {
                Files.writeString(template, text.replace("</body>", "<#include \"/partials/aliases.ftlh\"></body>"));
                ends++;
            }
        }
        assertTrue(ends > 0, "no template ends a page with </body>");
        Files.writeString(project.resolve("templates/aliased.ftlh"), ALIASED_LAYOUT);
        Files.writeString(project.resolve("templates/partials/aliased.ftlh"), ALIASED_PARTS);
        Files.writeString(project.resolve("content/es/alias.md"), "---\ntitle: Alias\nlayout: aliased\nlisted: false\n---\n\nUna página con su propia plantilla.\n");
        var request = new BuildRequest(project.resolve("content"), project.resolve("templates"), project.resolve("out"), null, false);
        var workspace = new Workspace(request);
        compare(workspace, workspace.update(List.of()), request, "seed " + seed + ", before any edit");

        Random random = new Random(seed);
        var editor = new Editor(project, random);
        int clean = 0;
        for (int step = 0; step < STEPS; step++) {
            Edit edit = editor.edit(step);
            String where = "seed " + seed + ", step " + step + " (" + edit.what() + ")";
            Workspace.Snapshot snapshot = workspace.update(edit.changed());
            if (compare(workspace, snapshot, request, where)) {
                clean++;
            }
        }
        assertTrue(clean > STEPS / 2, "seed " + seed + ": only " + clean + " of " + STEPS + " steps built without errors");
    }

    /**
     * Asserts that the preview's files and problems are a fresh build's; true when the build succeeded.
     * The files the preview makes only when asked for (the search index's) are asked for.
     */
    private static boolean compare(Workspace workspace, Workspace.Snapshot snapshot, BuildRequest request, String where) throws IOException {
        BuildResult fresh = new Abierto().build(request);
        assertEquals(fresh.diagnostics(), snapshot.diagnostics(), where);
        if (!fresh.written()) {
            assertEquals(Map.of(), snapshot.files(), where);
            return false;
        }
        Map<String, byte[]> written = new TreeMap<>();
        for (Path file : files(request.outputDir(), "")) {
            String path = request.outputDir().relativize(file).toString().replace('\\', '/');
            if (!path.equals("abierto-manifest.json")) {
                written.put(path, Files.readAllBytes(file));
            }
        }
        Map<String, OutputFile> served = new TreeMap<>(snapshot.files());
        for (String path : written.keySet()) {
            if (!served.containsKey(path)) {
                workspace.onDemand(path).ifPresent(file -> served.put(path, file));
            }
        }
        assertEquals(written.keySet(), served.keySet(), where);
        for (var file : written.entrySet()) {
            assertArrayEquals(file.getValue(), bytes(served.get(file.getKey())), where + ": " + file.getKey());
        }
        return true;
    }

    /** A change and the files it touched, as the watcher would report them. */
    record Edit(String what, List<Path> changed) {
    }

    /** Makes the edits an editor makes, at random. */
    private static final class Editor {
        private static final Pattern TITLE = Pattern.compile("(?m)^title: .*$");
        private static final Pattern ORDER = Pattern.compile("(?m)^order: \\d+$");
        private static final Pattern DATA_TEXT = Pattern.compile("(?m)^(\\s+(?:es|en|name): )(\\p{L}[^'\"{}\\[\\]:#&*|>]*)$");
        private static final Pattern WORD = Pattern.compile("(?m)^([a-zA-Z.]+: )(\\p{L}[^'\"{}\\[\\]:#&*|>%]*)$");

        private final Path project;
        private final Random random;
        private final List<Path> added = new ArrayList<>();

        Editor(Path project, Random random) {
            this.project = project;
            this.random = random;
        }

        Edit edit(int step) throws IOException {
            return switch (random.nextInt(11)) {
                case 0, 1 -> {
                    Path page = page();
                    yield write("text of " + name(page), page, read(page) + "\nPárrafo añadido en el paso " + step + ".\n");
                }
                case 2, 3 -> {
                    Path page = random.nextBoolean() ? topPage() : page();
                    yield write("title of " + name(page), page, TITLE.matcher(read(page)).replaceFirst("title: Título del paso " + step));
                }
                case 4 -> {
                    Path page = topPage();
                    String text = read(page);
                    String order = "order: " + (1 + random.nextInt(9));
                    yield write("order of " + name(page), page, ORDER.matcher(text).find() ? ORDER.matcher(text).replaceFirst(order)
                            : TITLE.matcher(text).replaceFirst(m -> Matcher.quoteReplacement(m.group() + "\n" + order)));
                }
                case 5 -> {
                    Path data = pick(files(project.resolve("content/data"), ".yaml"));
                    yield write("a text of " + name(data), data, replaceOne(DATA_TEXT, read(data), " (" + step + ")"));
                }
                case 6 -> {
                    Path words = project.resolve("content/i18n/" + (random.nextBoolean() ? "es" : "en") + ".yaml");
                    yield write("a word of " + name(words), words, replaceOne(WORD, read(words), " " + step));
                }
                case 7 -> {
                    Path template = pick(files(project.resolve("templates"), ".ftlh"));
                    String text = read(template);
                    yield write("template " + name(template), template, text.contains("</body>")
                            ? text.replace("</body>", "<!-- paso " + step + " --></body>") : text + "<#-- paso " + step + " -->\n");
                }
                case 8 -> {
                    Path site = project.resolve("content/site.yaml");
                    yield write("the report's title", site, read(site).replaceFirst("(?m)^  es: .*$", "  es: Informe del paso " + step));
                }
                case 9 -> {
                    List<Path> sections = files(project.resolve("content/es"), "_index.md");
                    Path page = pick(sections).resolveSibling("nueva-" + step + ".md");
                    added.add(page);
                    yield write("new page " + name(page), page, "---\ntitle: Nueva " + step + "\norder: " + random.nextInt(12)
                            + "\n---\n\nUna página nueva, en el paso " + step + ".\n");
                }
                default -> {
                    if (added.isEmpty()) {
                        Path aliases = project.resolve("templates/partials/aliases.ftlh");
                        yield write("the aliasing template", aliases, read(aliases).replaceFirst("<!-- aliases[^:]*:", "<!-- aliases " + step + ":"));
                    }
                    Path page = added.remove(random.nextInt(added.size()));
                    Files.delete(page);
                    yield new Edit("deleted page " + name(page), List.of(page));
                }
            };
        }

        private Path page() throws IOException {
            return pick(files(project.resolve(random.nextInt(3) == 0 ? "content/en" : "content/es"), ".md"));
        }

        private Path topPage() throws IOException {
            return pick(files(project.resolve("content/es"), ".md").stream().filter(p -> p.getParent().endsWith("es")
                    && !p.getFileName().toString().startsWith("_")).toList());
        }

        private Path pick(List<Path> paths) {
            assertTrue(!paths.isEmpty(), "nothing to edit");
            return paths.get(random.nextInt(paths.size()));
        }

        /** Appends {@code suffix} to one value the pattern finds, chosen at random. */
        private String replaceOne(Pattern pattern, String text, String suffix) {
            List<MatchResultRange> found = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(new MatchResultRange(m.end(2)));
            }
            if (found.isEmpty()) {
                return text + "\n";
            }
            int at = found.get(random.nextInt(found.size())).end();
            return text.substring(0, at) + suffix + text.substring(at);
        }

        private record MatchResultRange(int end) {
        }

        private Edit write(String what, Path file, String text) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return new Edit(what, List.of(file));
        }

        private String name(Path file) {
            return project.relativize(file).toString().replace('\\', '/');
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The regular files under a folder whose names end in {@code suffix}, sorted. */
    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static byte[] bytes(OutputFile file) throws IOException {
        return file instanceof OutputFile.Generated g ? g.bytes() : Files.readAllBytes(((OutputFile.Copied) file).source());
    }
}
