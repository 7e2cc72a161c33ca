package org.abierto.bench;

import org.abierto.bench.Words.Lang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes the same {@link CorpusPlan} as a Hugo site, for the side-by-side benchmark: {@code config.yaml}
 * with two languages (one content folder each, like Abierto's {@code es/} and {@code en/}), the same
 * pages, sections, texts and links, {@code data/entregables.yaml} and {@code static/bench/figura.svg}.
 * It is built with the theme in {@code generator/bench/hugo-theme} (passed with {@code --themesDir}).
 *
 * <p>Front matter differs only where Hugo's names differ: {@code weight} for {@code order}; a page's
 * weight is its place in the whole reading order, so Hugo's previous/next follow the same order as Abierto's.
 */
final class HugoTree {
    private final CorpusPlan plan;
    private final Path out;

    HugoTree(CorpusPlan plan, Path out) {
        this.plan = plan;
        this.out = out;
    }

    void write() throws IOException {
        CorpusFiles.write(out.resolve("config.yaml"), config());
        CorpusFiles.write(out.resolve("data/entregables.yaml"), CorpusFiles.deliverablesYaml());
        CorpusFiles.write(out.resolve("static/" + CorpusFiles.IMAGE), CorpusFiles.IMAGE_SVG);
        for (Lang lang : Lang.all()) {
            String body = PageMarkdown.sentences(lang, plan.sectionIntro(true, -1)) + "\n";
            CorpusFiles.write(content(lang, "_index.md"), PageMarkdown.frontMatter(
                    fields(CorpusFiles.siteTitle(lang), CorpusFiles.siteDescription(lang), null, "home")) + body);
            for (int r = 0; r < plan.reports(); r++) {
                section(lang, true, r, CorpusPlan.reportDir(lang, r), r + 1, CorpusPlan.reportKey(r));
            }
            for (int c = 0; c < plan.chapters(); c++) {
                section(lang, false, c, plan.chapterDir(lang, c), c - plan.firstChapter(plan.reportOf(c)) + 1,
                        CorpusPlan.chapterKey(c));
            }
        }
        try {
            IntStream.range(0, plan.pages()).parallel().forEach(this::pageUnchecked);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path content(Lang lang, String file) {
        return out.resolve("content/" + lang.code + "/" + file);
    }

    private void section(Lang lang, boolean report, int number, String dir, int weight, String key) throws IOException {
        String body = PageMarkdown.sentences(lang, plan.sectionIntro(report, number)) + "\n";
        String description = Words.sentence(lang, plan.sectionIntro(report, number)[0]);
        CorpusFiles.write(content(lang, dir + "/_index.md"), PageMarkdown.frontMatter(
                fields(plan.sectionTitle(lang, report, number), description, weight, key)) + body);
    }

    private void pageUnchecked(int page) {
        try {
            PageText text = plan.text(page);
            for (Lang lang : Lang.all()) {
                String body = PageMarkdown.body(plan, lang, page, text, "/" + CorpusFiles.IMAGE, false);
                CorpusFiles.write(content(lang, plan.pageFile(lang, page)), PageMarkdown.frontMatter(
                        fields(plan.title(lang, page), plan.description(lang, page), page + 1, CorpusPlan.pageKey(page))) + body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> fields(String title, String description, Integer weight, String key) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("title", title);
        fm.put("description", description);
        if (weight != null) {
            fm.put("weight", weight);
        }
        fm.put("translationKey", key);
        return fm;
    }

    private String config() {
        var out = new StringBuilder("""
                # A synthetic corpus written by org.abierto.bench.Corpus (seed %d, %d pages per language), for Hugo.
                # Build: hugo --source THIS --destination OUT --themesDir generator/bench --theme hugo-theme
                baseURL: /
                relativeURLs: true
                defaultContentLanguage: es
                defaultContentLanguageInSubdir: true
                disableKinds: [taxonomy, term, RSS]
                enableRobotsTXT: true
                params:
                  organisation: Coalición de Prueba
                  licence:
                    name: CC BY 4.0
                    url: https://creativecommons.org/licenses/by/4.0/
                  date: "2024-07"
                  hashtag: "#CORPUS"
                markup:
                  tableOfContents:
                    startLevel: 2
                    endLevel: 2
                languages:
                """.formatted(plan.seed(), plan.pages()));
        int weight = 1;
        for (Lang lang : Lang.all()) {
            out.append("""
                      %s:
                        languageName: %s
                        languageCode: %s
                        weight: %d
                        contentDir: content/%s
                        title: %s
                        params:
                          subtitle: %s
                          description: %s
                          readIn: %s
                    """.formatted(lang.code, lang == Lang.ES ? "Español" : "English", lang == Lang.ES ? "es-MX" : "en-US",
                    weight++, lang.code, PageMarkdown.quoted(CorpusFiles.siteTitle(lang)),
                    PageMarkdown.quoted(lang == Lang.ES ? "Corpus de prueba de rendimiento" : "Performance test corpus"),
                    PageMarkdown.quoted(CorpusFiles.siteDescription(lang)),
                    PageMarkdown.quoted(lang == Lang.ES ? "Leer en español" : "Read in English")));
        }
        return out.toString();
    }
}
