package org.abierto.bench;

import org.abierto.bench.Words.Lang;
import org.abierto.model.Fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes a {@link CorpusPlan} as an Abierto content folder (see content/README.md): {@code site.yaml},
 * {@code i18n/} (copied from the real report, so every key the theme uses exists), {@code data/entregables.yaml},
 * {@code static/bench/figura.svg}, and {@code es/} and {@code en/} with a home page, section pages and pages.
 * Each English page records the fingerprint of its Spanish original ({@code sourceHash}), so the corpus
 * builds without translation warnings.
 */
final class AbiertoTree {
    private final CorpusPlan plan;
    private final Path out;

    AbiertoTree(CorpusPlan plan, Path out) {
        this.plan = plan;
        this.out = out;
    }

    void write(Path i18nDir) throws IOException {
        Files.createDirectories(out);
        CorpusFiles.write(out.resolve("site.yaml"), CorpusFiles.siteYaml(plan));
        for (Lang lang : Lang.all()) {
            Path words = i18nDir.resolve(lang.code + ".yaml");
            if (!Files.isRegularFile(words)) {
                throw new IOException("no " + words + ": pass the real report's interface words with --i18n content/i18n");
            }
            CorpusFiles.write(out.resolve("i18n/" + lang.code + ".yaml"), Files.readString(words));
        }
        CorpusFiles.write(out.resolve("data/entregables.yaml"), CorpusFiles.deliverablesYaml());
        CorpusFiles.write(out.resolve("static/" + CorpusFiles.IMAGE), CorpusFiles.IMAGE_SVG);

        home();
        for (int r = 0; r < plan.reports(); r++) {
            section(true, r, CorpusPlan.reportDir(Lang.ES, r), CorpusPlan.reportDir(Lang.EN, r), CorpusPlan.reportKey(r));
        }
        for (int c = 0; c < plan.chapters(); c++) {
            section(false, c, plan.chapterDir(Lang.ES, c), plan.chapterDir(Lang.EN, c), CorpusPlan.chapterKey(c));
        }
        try {
            IntStream.range(0, plan.pages()).parallel().forEach(this::pageUnchecked);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void home() throws IOException {
        String sourceHash = null;
        for (Lang lang : Lang.all()) {
            String body = PageMarkdown.sentences(lang, plan.sectionIntro(true, -1)) + "\n\n::table{data=entregables}\n";
            var fm = fields(CorpusFiles.siteTitle(lang), CorpusFiles.siteDescription(lang), null, "home", sourceHash);
            fm.put("layout", "home");
            String page = PageMarkdown.frontMatter(fm) + body;
            CorpusFiles.write(out.resolve(lang.code + "/_index.md"), page);
            sourceHash = Fingerprint.of(CorpusFiles.siteTitle(lang), CorpusFiles.siteDescription(lang), PageMarkdown.bodyOf(page));
        }
    }

    private void section(boolean report, int number, String esDir, String enDir, String key) throws IOException {
        String sourceHash = null;
        for (Lang lang : Lang.all()) {
            String title = plan.sectionTitle(lang, report, number);
            String description = Words.sentence(lang, plan.sectionIntro(report, number)[0]);
            String body = PageMarkdown.sentences(lang, plan.sectionIntro(report, number)) + "\n";
            int order = report ? number + 1 : number - plan.firstChapter(plan.reportOf(number)) + 1;
            var fm = fields(title, description, order, key, sourceHash);
            String page = PageMarkdown.frontMatter(fm) + body;
            CorpusFiles.write(out.resolve(lang.code + "/" + (lang == Lang.ES ? esDir : enDir) + "/_index.md"), page);
            sourceHash = Fingerprint.of(title, description, PageMarkdown.bodyOf(page));
        }
    }

    private void pageUnchecked(int page) {
        try {
            page(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page(int page) throws IOException {
        PageText text = plan.text(page);
        String sourceHash = null;
        for (Lang lang : Lang.all()) {
            String file = plan.pageFile(lang, page);
            String title = plan.title(lang, page);
            String description = plan.description(lang, page);
            // The image is copied from content/static/: a path relative to this file, like the links.
            String image = Path.of(lang.code + "/" + file).getParent()
                    .relativize(Path.of("static/" + CorpusFiles.IMAGE)).toString().replace('\\', '/');
            String body = PageMarkdown.body(plan, lang, page, text, image, true);
            int order = page - plan.firstPage(plan.chapterOf(page)) + 1;
            var fm = fields(title, description, order, CorpusPlan.pageKey(page), sourceHash);
            String markdown = PageMarkdown.frontMatter(fm) + body;
            CorpusFiles.write(out.resolve(lang.code + "/" + file), markdown);
            sourceHash = Fingerprint.of(title, description, PageMarkdown.bodyOf(markdown));
        }
    }

    private static Map<String, Object> fields(String title, String description, Integer order, String key, String sourceHash) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("title", title);
        fm.put("description", description);
        if (order != null) {
            fm.put("order", order);
        }
        fm.put("translationKey", key);
        if (sourceHash != null) {
            fm.put("sourceHash", sourceHash);
        }
        return fm;
    }
}
