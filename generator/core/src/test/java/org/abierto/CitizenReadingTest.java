package org.abierto;

import org.abierto.model.Formats;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real report read page by page as a citizen reads it (issue 16): one spelling variety and one date
 * style per language, a gloss once per page, no empty or repeated heading, the reading order of the
 * source's phases, and the details a careful publisher fixes. Built twice, as CI publishes it (with its
 * public address) and as a preview or a copy opened from disk is built (without one).
 */
class CitizenReadingTest {
    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    static final String ADDRESS = "https://example.gob.mx/informe/";

    @TempDir
    static Path out;
    /** Site path ({@code /es/anexo/}) → page, built for {@link #ADDRESS}. */
    static final Map<String, Document> pages = new TreeMap<>();
    /** The same pages built without a public address (baseUrl "/"). */
    static final Map<String, Document> local = new TreeMap<>();

    @BeforeAll
    static void build() throws IOException {
        read(new Abierto().build(new BuildRequest(PROJECT.resolve("content"), PROJECT.resolve("templates"),
                out.resolve("public"), ADDRESS, true)), out.resolve("public"), pages);
        read(new Abierto().build(new BuildRequest(PROJECT.resolve("content"), PROJECT.resolve("templates"),
                out.resolve("local"), null, false)), out.resolve("local"), local);
    }

    private static void read(BuildResult result, Path site, Map<String, Document> into) throws IOException {
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format(PROJECT)).toList());
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String path = "/" + site.relativize(f).toString().replace('\\', '/').replaceFirst("index\\.html$", "");
                into.put(path, Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), ADDRESS + path.substring(1)));
            }
        }
        assertTrue(into.size() >= 30, "pages: " + into.keySet());
    }

    // ---- One spelling variety per language -------------------------------------------------------------

    /**
     * British spellings, as the English edition is US English ({@code locale: en-US}). Words, not
     * fragments: "analyses" and "emphasis" are US English too. A proper name that keeps a British
     * spelling goes into {@link #PROPER_NAMES}; Spanish inside an English page is marked {@code lang="es"}
     * and is not read here.
     */
    static final List<Pattern> BRITISH = Stream.of(
            "organis(?:e|es|ed|ing|ation|ations|ational)", "\\w+isations?", "recognis(?:e|es|ed|ing)",
            "systematis(?:e|es|ed|ing|ation)", "institutionalis(?:e|es|ed|ing)", "prioritis(?:e|es|ed|ing)",
            "utilis(?:e|es|ed|ing)", "realis(?:e|es|ed|ing)", "practis(?:e|es|ed|ing)", "analys(?:e|ed|ing)",
            "licences?", "colours?", "favour\\w*", "behaviour\\w*", "honour\\w*", "labour\\w*",
            "neighbour\\w*", "centre[sd]?", "catalogue[sd]?", "programmes?", "fulfil", "fulfils", "fulfilment",
            "towards", "whilst", "amongst", "learnt", "judgement", "defence", "offence", "travell(?:ed|ing|er)",
            "modell(?:ed|ing)", "cancell(?:ed|ing)", "enrol", "enrolment")
            .map(word -> Pattern.compile("(?<![\\p{L}-])(?:" + word + ")(?![\\p{L}-])", Pattern.CASE_INSENSITIVE))
            .toList();
    /** Names written as their owners write them; none of the report's English needs one yet. */
    static final Set<String> PROPER_NAMES = Set.of();
    /** Words of Spain's Spanish, where the report (es-MX) and its Mexican readers use others. */
    static final List<Pattern> PENINSULAR = Stream.of(
            "vídeos?", "ordenador(?:es)?", "ficheros?", "pinch(?:a|e|ar|ad)", "vosotr[oa]s", "\\p{L}+(?:áis|éis)",
            "coger", "zumos?", "móvil(?:es)?(?= (?:de|para) )")
            .map(word -> Pattern.compile("(?<!\\p{L})(?:" + word + ")(?!\\p{L})", Pattern.CASE_INSENSITIVE))
            .toList();

    @Test
    void theEnglishEditionUsesUsSpellingThroughout() {
        List<String> found = new ArrayList<>();
        for (var page : pages.entrySet()) {
            String text = readable(page.getValue(), "en");
            for (String name : PROPER_NAMES) {
                text = text.replace(name, " ");
            }
            for (Pattern british : BRITISH) {
                Matcher m = british.matcher(text);
                while (m.find()) {
                    found.add(page.getKey() + ": '" + m.group() + "' in '…" + around(text, m) + "…'");
                }
            }
        }
        assertEquals(List.of(), found, "British spelling on the en-US edition (see CitizenReadingTest.BRITISH)");
    }

    @Test
    void theEnglishDataFilesUseUsSpellingToo() throws IOException {
        // What the pages do not show of them (a CSV column's title, a catalog entry) is published all the same.
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out.resolve("public/en/data"))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(csv|json)$")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Pattern british : BRITISH) {
                    Matcher m = british.matcher(text);
                    while (m.find()) {
                        found.add(out.resolve("public").relativize(f) + ": '" + m.group() + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theSpanishEditionUsesMexicanWords() {
        List<String> found = new ArrayList<>();
        for (var page : pages.entrySet()) {
            String text = readable(page.getValue(), "es");
            for (Pattern peninsular : PENINSULAR) {
                Matcher m = peninsular.matcher(text);
                while (m.find()) {
                    found.add(page.getKey() + ": '" + m.group() + "' in '…" + around(text, m) + "…'");
                }
            }
        }
        assertEquals(List.of(), found);
    }

    // ---- One date style per language ------------------------------------------------------------------

    static final Map<String, List<String>> MONTHS = Map.of(
            "es", List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                    "octubre", "noviembre", "diciembre"),
            "en", List.of("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"));

    @Test
    void everyDateIsWrittenAsTheLanguagesFormatterWritesIt() throws IOException {
        List<String> found = new ArrayList<>();
        int dates = 0;
        for (String lang : List.of("es", "en")) {
            Formats format = formats(lang);
            String month = "(" + String.join("|", MONTHS.get(lang)) + ")";
            // Any day, month and year, in either order, with or without "de" or a comma: what a hand may write.
            Pattern date = Pattern.compile("(?:(\\d{1,2}) (?:de )?)?" + month + "(?: (\\d{1,2}),?)?(?: de|,)? (\\d{4})",
                    Pattern.CASE_INSENSITIVE);
            for (var page : pages.entrySet()) {
                Document doc = page.getValue();
                String text = readable(doc, lang);
                Matcher m = date.matcher(text);
                while (m.find()) {
                    int monthNumber = MONTHS.get(lang).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()
                            .indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
                    String day = m.group(1) != null ? m.group(1) : m.group(3);
                    String iso = day == null ? YearMonth.of(Integer.parseInt(m.group(4)), monthNumber).toString()
                            : LocalDate.of(Integer.parseInt(m.group(4)), monthNumber, Integer.parseInt(day)).toString();
                    String expected = format.date(iso);
                    // A sentence may start with the month: "Julio 2024" under the signature.
                    if (!m.group().equals(expected) && !m.group().equals(expected.substring(0, 1).toUpperCase(Locale.ROOT) + expected.substring(1))) {
                        found.add(page.getKey() + " (" + lang + "): '" + m.group() + "', but the formatter writes '" + expected + "'");
                    }
                    dates++;
                }
                for (Element time : doc.select("time[datetime]")) {
                    if (lang.equals(languageOf(time)) && !time.text().equals(format.date(time.attr("datetime")))) {
                        found.add(page.getKey() + ": <time datetime=" + time.attr("datetime") + "> " + time.text());
                    }
                }
            }
        }
        assertTrue(dates >= 40, "only " + dates + " dates found: did the pages move?");
        assertEquals(List.of(), found);
    }

    /** The formatter the build gives a language: its locale from site.yaml, its month pattern from i18n. */
    private static Formats formats(String lang) throws IOException {
        String i18n = Files.readString(PROJECT.resolve("content/i18n/" + lang + ".yaml"), StandardCharsets.UTF_8);
        Matcher pattern = Pattern.compile("(?m)^  month: (.+)$").matcher(i18n);
        assertTrue(pattern.find(), "no format.month in i18n/" + lang + ".yaml");
        return new Formats(Locale.forLanguageTag(lang.equals("es") ? "es-MX" : "en-US"), pattern.group(1).strip());
    }

    // ---- Glosses, headings, repetitions ----------------------------------------------------------------

    @Test
    void noGlossIsRepeatedOnAPageAndNoParenthesesAreDoubled() {
        List<String> found = new ArrayList<>();
        for (var page : pages.entrySet()) {
            Element body = page.getValue().body().clone();
            // "(not yet available online)" is a status repeated by design, not a gloss.
            body.select(".document-meta, .visually-hidden, svg").remove();
            String text = body.text();
            Map<String, Integer> count = new HashMap<>();
            Matcher m = Pattern.compile("\\(([^()]{8,})\\)").matcher(text);
            while (m.find()) {
                count.merge(m.group(1), 1, Integer::sum);
            }
            count.forEach((gloss, n) -> {
                if (n > 1) {
                    found.add(page.getKey() + ": '(" + gloss + ")' " + n + " times");
                }
            });
            Matcher doubled = Pattern.compile("\\)\\s*\\(").matcher(text);
            while (doubled.find()) {
                found.add(page.getKey() + ": doubled parentheses in '…" + around(text, doubled) + "…'");
            }
            // A <dfn> is the term's first use on the page, and is defined once.
            Set<String> defined = new LinkedHashSet<>();
            String main = page.getValue().selectFirst("main") == null ? "" : page.getValue().selectFirst("main").text();
            for (Element dfn : page.getValue().select("dfn")) {
                String term = dfn.text().toLowerCase(Locale.ROOT);
                if (!defined.add(term)) {
                    found.add(page.getKey() + ": '" + term + "' is defined twice");
                }
                int first = main.toLowerCase(Locale.ROOT).indexOf(term);
                int at = main.toLowerCase(Locale.ROOT).indexOf(term + " (");
                if (first != at) {
                    found.add(page.getKey() + ": '" + term + "' is used before its definition");
                }
            }
        }
        assertEquals(List.of(), found);
        assertTrue(pages.get("/en/roadmap/diagnosis/").select("dfn").size() == 1, "the diagnosis page defines 'obligated entities'");
    }

    @Test
    void noHeadingIsEmptyAndNoHeadingOrCaptionRepeatsTheTextRightAboveIt() {
        List<String> found = new ArrayList<>();
        for (var page : pages.entrySet()) {
            for (Element heading : page.getValue().select("h1, h2, h3, h4, h5, h6")) {
                if (heading.text().isBlank()) {
                    found.add(page.getKey() + ": empty <" + heading.tagName() + ">");
                }
            }
            // What a sighted reader sees as the title of what follows: headings, lead lines, captions.
            String previous = "";
            for (Element e : page.getValue().select("main h1, main h2, main h3, main > p, main .prose > p, main caption")) {
                if (e.hasClass("visually-hidden")) {
                    continue;
                }
                String text = e.text().replaceAll("[:.]$", "").strip();
                if (!text.isEmpty() && (text.equals(previous) || previous.endsWith(": " + text))) {
                    found.add(page.getKey() + ": '" + text + "' right under '" + previous + "'");
                }
                previous = text;
            }
        }
        assertEquals(List.of(), found);
    }

    // ---- The structure of the source ------------------------------------------------------------------

    @Test
    void readingOrderFollowsTheSourcesFivePhasesAndPhaseFourHasItsOwnPlace() {
        for (String home : List.of("/es/", "/en/")) {
            List<Integer> phases = new ArrayList<>();
            List<String> visited = new ArrayList<>();
            String path = home;
            while (path != null && visited.size() < 60) {
                visited.add(path);
                Document page = pages.get(path);
                Element caption = page.selectFirst(".page-header__caption");
                if (caption != null) {
                    Matcher m = Pattern.compile("(?:Fase|Phase) (\\d) (?:de|of) 5").matcher(caption.text());
                    if (m.find()) {
                        phases.add(Integer.parseInt(m.group(1)));
                    }
                }
                Element next = page.selectFirst("a[rel=next]");
                path = next == null ? null : next.absUrl("href").substring(ADDRESS.length() - 1);
            }
            assertEquals(List.of(1, 2, 3, 4, 5), phases, home + ": the phases in reading order, " + visited);
        }
        assertEquals(List.of("Inicio", "Ruta de trabajo", "Presentación pública"),
                pages.get("/es/ruta-de-trabajo/presentacion-publica/").select(".breadcrumbs li").eachText());
        assertEquals(List.of("Home", "Roadmap", "Public launch"),
                pages.get("/en/roadmap/public-launch/").select(".breadcrumbs li").eachText());
        // The source's words stay: Socialización lists the public presentation first, and links to it.
        assertEquals("Presentación pública", pages.get("/es/ruta-de-trabajo/socializacion/").selectFirst(".prose ol li a").text());
    }

    @Test
    void eachDateOnTheTimelineSaysWhatItIsTheDateOf() {
        Element planning = pages.get("/es/").selectFirst(".timeline__item");
        assertEquals("Planeación y coordinación Cocreación de la hoja de ruta del compromiso: noviembre 2022 – diciembre 2022",
                planning.text());
        assertEquals("Periodo de implementación enero 2023 – junio 2024", pages.get("/es/").selectFirst(".hero__period").text());
        assertEquals("Implementation period January 2023 – June 2024", pages.get("/en/").selectFirst(".hero__period").text());
        assertEquals("Cocreación de la hoja de ruta del compromiso: noviembre 2022 – diciembre 2022",
                pages.get("/es/ruta-de-trabajo/planeacion-y-coordinacion/").selectFirst(".page-header__dates").text());
    }

    @Test
    void everyListOfDeliverablesByPhaseSaysTheGroupingIsTheEditors() {
        int lists = 0;
        for (var page : pages.entrySet()) {
            for (Element list : page.getValue().select("ul.deliverables")) {
                Element note = list.nextElementSibling();
                assertTrue(note != null && note.hasClass("deliverables__note") && note.text().matches(".*(editores|editors).*"),
                        page.getKey() + ": no editors' note under the deliverables");
                lists++;
            }
        }
        assertEquals(8, lists, "the deliverables of Diagnóstico, Cocreación, Presentación and Socialización, in two languages");
    }

    // ---- Names and words ------------------------------------------------------------------------------

    @Test
    void theCommitmentHasOneEnglishNameOgpsOwn() {
        String name = "Making transparency proactive in Nuevo León";
        assertEquals(name, pages.get("/en/").selectFirst(".hero__title").text());
        assertTrue(pages.get("/en/annex/").text().contains("“" + name + "”"), "the OGP page's title, quoted in the annex");
        List<String> others = new ArrayList<>();
        for (var page : pages.entrySet()) {
            for (Element original : page.getValue().select("[lang=es]")) {
                Node after = original.nextSibling();
                if (original.text().equals("Haciendo Transparencia Proactiva en Nuevo León")
                        && (after instanceof TextNode t) && t.text().startsWith(" (") && !t.text().startsWith(" (“" + name + "”)")) {
                    others.add(page.getKey() + ": " + t.text());
                }
            }
            if (readable(page.getValue(), "en").contains("Making Proactive Transparency")) {
                others.add(page.getKey() + ": another English name");
            }
        }
        assertEquals(List.of(), others);
    }

    @Test
    void spanishNamesOnEnglishPagesAreMarkedAsSpanish() throws IOException {
        // The coalition's institutions and the rows of the tables whose names stay in Spanish.
        Set<String> names = new LinkedHashSet<>();
        for (String file : List.of("instituciones", "ejemplares", "practicas")) {
            Matcher m = Pattern.compile("(?m)^\\s+(?:- name|- institucion|institucion): (.+)$")
                    .matcher(Files.readString(PROJECT.resolve("content/data/" + file + ".yaml"), StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1).strip());
            }
        }
        names.add("Contraloría y Transparencia Gubernamental");
        // An acronym (INFO NL) is read letter by letter whatever the language around it.
        names.removeIf(name -> name.equals(name.toUpperCase(Locale.ROOT)));
        assertTrue(names.size() >= 20, names.toString());
        List<String> unmarked = new ArrayList<>();
        for (var page : pages.entrySet()) {
            Element body = page.getValue().body().clone();
            body.select("svg").remove(); // a chart is one image; its table beside it marks the names
            String english = readable(body, "en", language(page.getValue()));
            for (String name : names) {
                if (english.contains(name)) {
                    unmarked.add(page.getKey() + ": " + name);
                }
            }
        }
        assertEquals(List.of(), unmarked);
    }

    @Test
    void theSourcesSlipsAreCorrectedAndTheRightWordsAreUsed() {
        String all = String.join("\n", pages.values().stream().map(Document::text).toList());
        assertFalse(all.contains("Coalición Nuevo Abierto"), "the coalition's name as the source misspelt it once");
        assertFalse(all.contains("Guía Práctica Transparencia Práctica"), "the garbled caption");
        assertFalse(all.contains("Practical Guide – Practical Transparency"), "the garbled caption, translated");
        assertFalse(all.contains("heads of the institutions"), "'responsables' are the people responsible, not the heads");
        assertTrue(pages.get("/en/roadmap/ogp-accountability-session/").text()
                .contains("the people responsible at the institutions implementing the commitment"));
    }

    // ---- Details on the page --------------------------------------------------------------------------

    @Test
    void theCitationGivesTheFullAddressOrSaysThereIsNoneYet() {
        assertEquals("Coalición Nuevo León Abierto (2024). Anexo. En Haciendo Transparencia Proactiva en Nuevo León. "
                + ADDRESS + "es/anexo/", pages.get("/es/anexo/").selectFirst(".citation__text").text());
        assertEquals("Coalición Nuevo León Abierto (2024). Anexo. En Haciendo Transparencia Proactiva en Nuevo León. "
                + "Dirección pública aún no definida.", local.get("/es/anexo/").selectFirst(".citation__text").text());
        assertEquals("Coalición Nuevo León Abierto (2024). Annex. In Making transparency proactive in Nuevo León. "
                + "Public web address not yet decided.", local.get("/en/annex/").selectFirst(".citation__text").text());
        for (var page : local.entrySet()) {
            Element citation = page.getValue().selectFirst(".citation__text");
            if (citation != null) {
                assertFalse(citation.text().matches(".*\\s/\\S*$"), page.getKey() + ": " + citation.text());
            }
        }
    }

    @Test
    void theDataPageListsTheDatasetsAsTheReportShowsThemAndStatesTheLicenseOnce() {
        for (String[] edition : List.of(new String[]{"/es/", "/es/datos/", "El informe no declara una licencia de uso."},
                new String[]{"/en/", "/en/data/", "The report does not state a license."})) {
            // The order in which a reader meets each table's data, following the pages from the home page.
            List<String> met = new ArrayList<>();
            String path = edition[0];
            while (path != null) {
                for (Element csv : pages.get(path).select("main a[type=text/csv]")) {
                    String name = csv.attr("href").replaceFirst(".*/", "").replace(".csv", "");
                    if (!met.contains(name)) {
                        met.add(name);
                    }
                }
                Element next = pages.get(path).selectFirst("a[rel=next]");
                path = next == null ? null : next.absUrl("href").substring(ADDRESS.length() - 1);
            }
            Document data = pages.get(edition[1]);
            List<String> listed = data.select(".dataset").eachAttr("id").stream().map(id -> id.replace("dataset-", "")).toList();
            assertEquals(met, listed, edition[1]);
            assertEquals(5, listed.size());
            String main = data.selectFirst("main").text();
            assertEquals(1, main.split(Pattern.quote(edition[2]), -1).length - 1, edition[1] + ": " + main);
        }
    }

    @Test
    void theRootPageIsWorthLandingOnInBothLanguages() {
        Document root = pages.get("/");
        assertTrue(root.select("meta[http-equiv=refresh], script:not([type=application/ld+json])").isEmpty(), "no redirect, no script");
        for (String[] edition : List.of(new String[]{"es", "Haciendo Transparencia Proactiva en Nuevo León", "/es/"},
                new String[]{"en", "Making transparency proactive in Nuevo León", "/en/"})) {
            Element section = root.selectFirst("section[lang=" + edition[0] + "]");
            assertEquals(edition[1], section.selectFirst(".landing__title").text());
            assertFalse(section.select(".landing__summary").text().isBlank(), "one line about the report");
            assertEquals(List.of("18", "96", "148", "14", "7", "13"), section.select(".landing__figure-value").eachText());
            assertEquals(ADDRESS + edition[2].substring(1), section.selectFirst("a.button").absUrl("href"));
            assertEquals(5, section.select(".landing__contents a").size(), "a way into each part of the report");
        }
    }

    @Test
    void csvFilesCarryAByteOrderMarkSoExcelReadsThemAsUtf8() throws IOException {
        int files = 0;
        try (Stream<Path> all = Files.walk(out.resolve("public"))) {
            for (Path csv : all.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(csv);
                assertTrue(bytes.length > 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF,
                        csv + " has no UTF-8 byte order mark");
                assertFalse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).contains("\uFEFF"), csv + ": one mark, at the start");
                files++;
            }
        }
        assertEquals(10, files, "5 tables in 2 languages");
    }

    @Test
    void everyFigureShowsItsCaptionAndCreditBeforeItsImageIsPublished() {
        for (String lang : List.of("es", "en")) {
            List<Element> figures = pages.entrySet().stream().filter(e -> e.getKey().startsWith("/" + lang + "/"))
                    .flatMap(e -> e.getValue().select("main figure").stream()).toList();
            assertEquals(14, figures.size(), lang + ": the source's 14 figures");
            for (Element figure : figures) {
                assertFalse(figure.select("figcaption").text().isBlank());
                assertTrue(figure.select("img").size() == 1 || figure.select(".figure__pending").size() == 1,
                        "a figure without its image says so: " + figure);
            }
            assertEquals(12, figures.stream().filter(f -> !f.select(".figure__credit").isEmpty()).count(),
                    lang + ": 12 figures have a credit in the source");
        }
        assertTrue(pages.get("/es/ruta-de-trabajo/diagnostico/").select("figcaption").text()
                .startsWith("Diagnóstico Evaluando los mecanismos de Transparencia Proactiva en Nuevo León"));
        assertEquals("Fuente: SPG - GENL", pages.get("/es/ruta-de-trabajo/planeacion-y-coordinacion/")
                .select("figure").get(1).selectFirst(".figure__credit").text());
    }

    // ---- Reading helpers ------------------------------------------------------------------------------

    /** What a reader sees and hears of a page in one language: text and the attributes read aloud. */
    private static String readable(Document page, String lang) {
        String meta = lang.equals(language(page)) ? " " + page.title() + " " + page.select("meta[name=description]").attr("content") : "";
        return readable(page.body(), lang, language(page)) + meta;
    }

    private static String readable(Element root, String lang, String inherited) {
        var text = new StringBuilder();
        String own = root.hasAttr("lang") ? root.attr("lang") : inherited;
        if (root.tagName().equals("script") || root.tagName().equals("style")) {
            return "";
        }
        if (own.equals(lang)) {
            for (String attribute : List.of("alt", "title", "aria-label")) {
                if (root.hasAttr(attribute)) {
                    text.append(' ').append(root.attr(attribute)).append(' ');
                }
            }
        }
        for (Node node : root.childNodes()) {
            if (node instanceof TextNode t && own.equals(lang)) {
                text.append(t.text());
            } else if (node instanceof Element e) {
                boolean block = e.isBlock();
                if (block) {
                    text.append(' ');
                }
                text.append(readable(e, lang, own));
                if (block) {
                    text.append(' ');
                }
            }
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    private static String language(Document page) {
        return page.selectFirst("html").attr("lang");
    }

    private static String languageOf(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a.hasAttr("lang")) {
                return a.attr("lang");
            }
        }
        return "";
    }

    private static String around(String text, Matcher m) {
        return text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30));
    }
}
