package org.abierto.assemble;

import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.abierto.model.Language;
import org.abierto.model.Page;
import org.abierto.model.PageKind;
import org.abierto.model.SiteConfig;
import org.abierto.model.TranslationStatus;
import org.abierto.model.TranslationStatus.State;
import org.abierto.parse.ParsedPage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighs every translation against its original: current when it records the original's present
 * {@link Fingerprint}, stale when the original changed since, unmarked when it records none, missing
 * when there is no translation. Anything but current is a warning ({@code --strict} raises it to an error:
 * {@link org.abierto.diagnostic.Strictness}).
 */
final class Translations {
    private final SiteConfig config;
    private final Path projectRoot;
    private final Diagnostics diagnostics;

    Translations(SiteConfig config, Path contentRoot, Diagnostics diagnostics) {
        this.config = config;
        this.projectRoot = contentRoot.getParent() == null ? contentRoot : contentRoot.getParent();
        this.diagnostics = diagnostics;
    }

    List<TranslationStatus> assess(List<Page> pages, List<ParsedPage> parsed) {
        Map<Path, ParsedPage> bySource = new HashMap<>();
        parsed.forEach(p -> bySource.put(p.source().path(), p));
        Map<String, Map<String, Page>> byKey = new HashMap<>();
        for (Page page : pages) {
            if (page.source() != null) {
                byKey.computeIfAbsent(page.key(), k -> new HashMap<>()).put(page.language(), page);
            }
        }
        Language original = config.defaultLanguage();
        List<TranslationStatus> statuses = new ArrayList<>();
        for (Page page : pages) {
            if (page.source() == null || !page.language().equals(original.code())) {
                continue;
            }
            ParsedPage source = bySource.get(page.source());
            String fingerprint = source.fingerprint();
            for (Language language : config.languages()) {
                if (language.isDefault()) {
                    continue;
                }
                Page translation = byKey.get(page.key()).get(language.code());
                if (translation == null) {
                    // At the translationKey when the page writes one: a mistyped key is the usual cause.
                    var yaml = source.frontMatter().yaml();
                    SourcePosition at = yaml.rootMap().containsKey("translationKey") ? yaml.position("/translationKey")
                            : SourcePosition.of(page.source());
                    report(at, "missing-translation", "this page has no " + language.name()
                            + " translation (translationKey '" + page.key() + "'); the language switcher sends readers to the "
                            + language.name() + " home");
                    statuses.add(new TranslationStatus(page.key(), page.self(), null, language.code(), State.MISSING,
                            fingerprint, null, page.source(), null));
                    continue;
                }
                ParsedPage translated = bySource.get(translation.source());
                String recorded = translated.frontMatter().sourceHash();
                State state;
                if (recorded == null) {
                    state = State.UNMARKED;
                    report(SourcePosition.of(translation.source()), "unmarked-translation",
                            "this translation does not record which version of " + shown(page.source())
                                    + " it translates; once it is complete, " + mark(translation));
                } else if (!recorded.equals(fingerprint)) {
                    state = State.STALE;
                    report(translated.frontMatter().yaml().position("/sourceHash"), "stale-translation",
                            "the original " + shown(page.source()) + " changed since this translation was marked; update it, then " + mark(translation));
                } else {
                    state = State.CURRENT;
                }
                statuses.add(new TranslationStatus(page.key(), page.self(), translation.self(), language.code(), state,
                        fingerprint, recorded, page.source(), translation.source()));
            }
        }
        return statuses;
    }

    private void report(SourcePosition at, String code, String message) {
        diagnostics.warning(at, code, message);
    }

    private String mark(Page translation) {
        return "run 'abierto translations --mark " + shown(translation.source()) + "'";
    }

    private String shown(Path file) {
        return projectRoot.relativize(file).toString().replace('\\', '/');
    }
}
