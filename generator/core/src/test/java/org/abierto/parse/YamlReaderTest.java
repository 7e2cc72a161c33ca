package org.abierto.parse;

import org.abierto.yaml.YamlDocument;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlReaderTest {
    static final Path FILE = Path.of("/c/data/x.yaml");
    static final String CHECK = "; check the indentation and quote text that contains ': ' or starts with a symbol";
    static final String OPEN_QUOTE = "a quoted text opens here and its closing quote is missing; add it";
    static final String ALIAS = "; Abierto does not read aliases (see content/README.md, 'YAML aliases'): write the value itself here";
    final YamlReader reader = new YamlReader();
    final Diagnostics diagnostics = new Diagnostics();

    @Test
    void keepsThePositionOfEveryValueAndKey() {
        YamlDocument doc = reader.read(FILE, "title:\n  es: Hola\nrows:\n  - {n: 3, x: 2.5}\n  - n: 4\n", 0, "data file", diagnostics).orElseThrow();
        assertEquals(Map.of("title", Map.of("es", "Hola"), "rows", List.of(Map.of("n", 3L, "x", new BigDecimal("2.5")), Map.of("n", 4L))), doc.root());
        assertEquals(new SourcePosition(FILE, 2, 7), doc.position("/title/es"));
        assertEquals(new SourcePosition(FILE, 2, 3), doc.keyPosition("/title/es"));
        assertEquals(new SourcePosition(FILE, 4, 9), doc.position("/rows/0/n"));
        assertEquals(new SourcePosition(FILE, 5, 8), doc.position("/rows/1/n"));
    }

    @Test
    void positionsIncludeTheOffsetOfTheBlock() {
        YamlDocument doc = reader.read(FILE, "title: Hola\n", 1, "front matter", diagnostics).orElseThrow();
        assertEquals(new SourcePosition(FILE, 2, 8), doc.position("/title"));
    }

    @Test
    void duplicateKeysAreErrors() {
        reader.read(FILE, "title: a\ntitle: b\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:2:6: error: invalid data file: the key 'title' is written twice; "
                + "check the indentation and quote text that contains ': ' or starts with a symbol"),
                diagnostics.all().stream().map(d -> d.format(null)).toList());
    }

    @Test
    void datesStayText() {
        YamlDocument doc = reader.read(FILE, "on: 2024-02-28\nmonth: 2024-07\n", 0, "data file", diagnostics).orElseThrow();
        assertEquals(Map.of("on", "2024-02-28", "month", "2024-07"), doc.root());
    }

    @Test
    void truthValuesAreReadAsTrueAndFalse() {
        YamlDocument doc = reader.read(FILE, "draft: true\nlisto: false\n", 0, "data file", diagnostics).orElseThrow();
        assertEquals(Map.of("draft", true, "listo", false), doc.root());
    }

    @Test
    void aTextLongerThanTheParserReadsIsALimitAtTheStartOfTheBlockNotASyntaxError() {
        assertTrue(reader.read(FILE, "a: " + "x".repeat(3_200_000) + "\n", 1, "front matter", diagnostics).isEmpty());
        assertEquals(List.of("/c/data/x.yaml:2:1: error: the front matter is longer than 3,145,728 characters, the most Abierto reads "
                + "(see content/README.md, 'Limits'); split it into several files"), errors());
    }

    @Test
    void aListLeftOpenAtTheVeryEndOfTheTextIsReportedWhereItOpens() {
        assertTrue(reader.read(FILE, "title: x\ntags: [a, b", 0, "data file", diagnostics).isEmpty());
        assertEquals(List.of("/c/data/x.yaml:2:7: error: invalid data file: a list in brackets opens here with '[' and its ']' is missing; "
                + "close it, or put the whole value in quotes if the bracket is part of the text"), errors());
    }

    @Test
    void aWrongBraceInAListOnOneLineIsReportedWhereItIsNotWhereTheListOpens() {
        reader.read(FILE, "tags: [a, b}\nn: 1\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:1:12: error: invalid data file: expected ',' or ']', but got }" + CHECK), errors());
    }

    @Test
    void anUnknownEscapeInDoubleQuotesIsReportedAtTheEscapeWithWhatToWrite() {
        reader.read(FILE, "n: 1\ntitle: \"Visión \\q a futuro\"\n", 3, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:5:16: error: invalid data file: \\q is not an escape YAML knows inside double quotes; "
                + "write \\\\ for a backslash, or put the text in single quotes"), errors());
    }

    @Test
    void aControlCharacterIsReportedWhereItIsNotAtTheStart() {
        // SnakeYAML refuses the text before reading it, and counts in code points; the column counts
        // characters as Markdown's do (the emoji is two).
        reader.read(FILE, "title: a\nnote: \uD83D\uDE00 dos\u0000tres\n", 2, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:4:13: error: invalid data file: the character U+0000 cannot be in a YAML file "
                + "(a control character, perhaps pasted from another program); delete it"), errors());
    }

    @Test
    void aBlockOfTheWrongIndentationIsReportedWhereItIsWithWhatWasExpected() {
        reader.read(FILE, "phases:\n  - name: a\n   order: 1\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:3:4: error: invalid data file: this line is indented differently from the lines above it; "
                + "align it with the keys or the list items it belongs to"), errors());
    }

    @Test
    void aLineWithoutItsColonIsReportedAtThatLineNotAtTheNext() {
        reader.read(FILE, "title: a\nnota sin dos puntos\norder: 1\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:2:1: error: invalid data file: a line here is not 'key: value'; add the colon after its key, "
                + "or, if it continues the text above, put that whole text in quotes"), errors());
    }

    @Test
    void aQuotedTextOverSeveralLinesIsNotBlamedForALaterError() {
        reader.read(FILE, "title: \"a long\n  title\"\nnote: 'it''s\n  fine'\ntitle: b\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:5:6: error: invalid data file: the key 'title' is written twice" + CHECK), errors());
    }

    @Test
    void aQuotedTextOpeningOnTheLineOfTheErrorIsNotBlamedForIt() {
        reader.read(FILE, "title: a\ntitle: \"b\n  c\"\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:2:6: error: invalid data file: the key 'title' is written twice" + CHECK), errors());
    }

    @Test
    void quotesClosedAtTheEndOfTheirLineAreNotBlamed() {
        reader.read(FILE, "title: \"x\"\nnote: 'y'\ntitle: b\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:3:6: error: invalid data file: the key 'title' is written twice" + CHECK), errors());
    }

    @Test
    void anEscapedQuoteDoesNotCloseTheQuotedTextThatSwallowsTheNextLines() {
        reader.read(FILE, "title: 'it''s\norder: 1\nnote: 'x'\n", 0, "data file", diagnostics);
        reader.read(Path.of("/c/data/y.yaml"), "title: \"a \\\"quoted\norder: 1\nnote: \"x\"\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:1:8: error: invalid data file: " + OPEN_QUOTE,
                "/c/data/y.yaml:1:8: error: invalid data file: " + OPEN_QUOTE), errors());
    }

    @Test
    void anAliasNamesTheLineOfItsAnchorEvenOnTheSameLine() {
        assertTrue(reader.read(FILE, "pair: [&a x, *a]\n", 0, "data file", diagnostics).isEmpty());
        assertEquals(List.of("/c/data/x.yaml:1:14: error: '*a' is a YAML alias, which repeats the value marked '&a' on line 1" + ALIAS),
                errors());
    }

    @Test
    void anAliasOfAMappingNamesItsAnchorNotALaterCommentThatMentionsIt() {
        reader.read(FILE, "comun: &base {a: 1}\n# igual que &base\notro: *base\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:3:7: error: '*base' is a YAML alias, which repeats the value marked '&base' on line 1" + ALIAS),
                errors());
    }

    @Test
    void anAliasRepeatsTheLatestAnchorOfItsNameBeforeIt() {
        reader.read(FILE, "a: &x {k: 1}\nb: &x {k: 2}\nc: *x\nd: &x {k: 3}\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:3:4: error: '*x' is a YAML alias, which repeats the value marked '&x' on line 2" + ALIAS),
                errors());
    }

    @Test
    void anAliasRepeatsTheLatestAnchorOfItsNameEvenOnAPlainValue() {
        reader.read(FILE, "a: &x {k: 1}\nb: &x plano\nc: *x\n", 0, "data file", diagnostics);
        assertEquals(List.of("/c/data/x.yaml:3:4: error: '*x' is a YAML alias, which repeats the value marked '&x' on line 2" + ALIAS),
                errors());
    }

    @Test
    void anAnchorOnAPlainValueIsFoundBeforeOrAfterItsTag() {
        reader.read(FILE, "a: &x {k: 1}\nb: !!str &x 'uno'\nc: &y !!str dos\nd: [*x, *y]\ne: &z\nf: *z\n", 0, "data file", diagnostics);
        assertEquals(List.of(
                "/c/data/x.yaml:4:5: error: '*x' is a YAML alias, which repeats the value marked '&x' on line 2" + ALIAS,
                "/c/data/x.yaml:4:9: error: '*y' is a YAML alias, which repeats the value marked '&y' on line 3" + ALIAS,
                "/c/data/x.yaml:6:4: error: '*z' is a YAML alias, which repeats the value marked '&z' on line 5" + ALIAS),
                errors());
    }

    private List<String> errors() {
        return diagnostics.all().stream().map(d -> d.format(null)).toList();
    }
}
