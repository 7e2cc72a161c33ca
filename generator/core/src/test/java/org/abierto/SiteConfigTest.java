package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** site.yaml's own rules beyond its schema: its languages, its texts per language, its date and licence. */
class SiteConfigTest {
    @TempDir
    Path dir;

    private List<String> report(String siteYaml) {
        var site = MiniSite.create(dir).file("content/site.yaml", siteYaml);
        return site.report(site.build());
    }

    @Test
    void languagesWithABadCodeARepeatedOneOrABadLocaleAndTheTextsOfALanguageLeftOut() {
        // 'data' is a reserved folder of content/, and no code: codes are two or three letters. A language
        // refused is no language of the site, so its title is refused with it.
        assertEquals(List.of(
                "content/site.yaml:1:22: error: 'en' is not a language of site.yaml (es)",
                "content/site.yaml:4:12: error: a language code is two or three lower-case letters, such as es or en",
                "content/site.yaml:5:12: error: a language code is two or three lower-case letters, such as es or en",
                "content/site.yaml:6:12: error: the language 'es' is listed twice",
                "content/site.yaml:7:24: error: 'en_US!' is not a locale; write it like es-MX or en-US"),
                report("""
                title: {es: Informe, en: Report}
                languages:
                  - {code: es, locale: es-MX, name: Español}
                  - {code: EN, name: English}
                  - {code: data, name: Datos}
                  - {code: es, name: Otra vez}
                  - {code: en, locale: "en_US!", name: English}
                organisation: {name: Coalición}
                licence: {name: CC BY 4.0}
                """));
    }

    @Test
    void anEmptyListOfLanguages() {
        assertEquals(List.of(
                "content/site.yaml:2:12: error: 'languages' needs at least one entry"),
                report("""
                title: Informe
                languages: []
                organisation: {name: Coalición}
                licence: {name: CC BY 4.0}
                """));
    }

    @Test
    void aTitleInALanguageTheSiteDoesNotHaveOrMissingInOneItHas() {
        assertEquals(List.of(
                "content/site.yaml:1:8: error: the site.yaml needs 'en' here; add it",
                "content/site.yaml:1:22: error: 'fr' is not a language of site.yaml (es, en)",
                "content/site.yaml:2:34: error: 'de' is not a language of site.yaml (es, en)",
                "content/site.yaml:8:7: error: date must be written 2024-07 or 2024-07-31, not '2024-13'"),
                report("""
                title: {es: Informe, fr: Rapport}
                subtitle: {es: Final, en: Final, de: Ende}
                languages:
                  - {code: es, locale: es-MX, name: Español}
                  - {code: en, locale: en-US, name: English}
                organisation: {name: Coalición}
                licence: {name: CC BY 4.0}
                date: 2024-13
                """));
    }

    @Test
    void anOrganisationOrLicenceWithKeysOfItsOwn() {
        assertEquals(List.of(
                "content/site.yaml:5:33: error: unknown key 'country' in the site.yaml; the keys allowed here are name, url",
                "content/site.yaml:6:28: error: unknown key 'text' in the site.yaml; the keys allowed here are name, url"),
                report("""
                title: {es: Informe, en: Report}
                languages:
                  - {code: es, locale: es-MX, name: Español}
                  - {code: en, locale: en-US, name: English}
                organisation: {name: Coalición, country: MX}
                licence: {name: CC BY 4.0, text: libre}
                """));
    }

    @Test
    void oneTitleForEveryLanguageAndNoLicenceIsAWarning() {
        assertEquals(List.of(
                "content/site.yaml:1:1: warning: site.yaml declares no licence: readers cannot know how they may reuse the report and its data; add 'licence: {name: …, url: …}' once the publisher decides it"),
                report("""
                title: Informe
                languages:
                  - {code: es, locale: es-MX, name: Español}
                  - {code: en, locale: en-US, name: English}
                organisation: {name: Coalición}
                date: 2024-07
                """));
    }

    @Test
    void siteYamlThatIsNotKeysAndValues() {
        assertEquals(List.of(
                "content/site.yaml:1:1: error: the site.yaml must be keys and values, not a list"),
                report("- title\n- languages\n"));
    }
}
