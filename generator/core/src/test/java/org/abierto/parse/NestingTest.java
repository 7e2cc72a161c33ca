package org.abierto.parse;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * How deep Markdown nests: counted on the parsed tree, and, for a text too deep for any stack, estimated
 * from how its lines start ({@link Nesting#deepestLine}, the last resort, which no page a test can build
 * in memory reaches through a build: a thread with a 1 GiB stack parses all of them).
 */
class NestingTest {
    private static final Parser PARSER = Parser.builder().build();

    private static Node firstBeyond(String markdown, int limit) {
        return Nesting.firstBeyond(PARSER.parse(markdown), limit);
    }

    @Test
    void quotesSideBySideAreEachAsDeepAsTheirOwnLevelsNotTheSumOfThem() {
        String quote = ">".repeat(30) + " texto\n";
        assertNull(firstBeyond(quote + "\nUn párrafo.\n\n" + quote + "\nOtro.\n\n" + quote, 50));
        assertNull(firstBeyond(quote + "\n" + quote + "\n" + quote, 30));
    }

    @Test
    void aListsItemsSideBySideAreOneLevelEach() {
        var list = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            list.append("- *punto* con **énfasis**\n");
        }
        assertNull(firstBeyond(list.toString(), 3));
    }

    @Test
    void theFirstNodeBeyondTheLimitIsTheOneReported() {
        String text = "> uno\n\n" + ">".repeat(5) + " cinco\n";
        Node node = firstBeyond(text, 4);
        assertEquals(7 + 4, node.getStartOffset(), "the fifth quote of the second line");
        assertNull(firstBeyond(text, 5));
    }

    @Test
    void aLineWithoutMarkersIsNotDeep() {
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("", 3));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("texto\notro texto\n", 3));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("-texto\n*énfasis*\n+más\n1.uno\n", 0));
    }

    @Test
    void eachQuoteOrListMarkerIsALevelAndTheColumnIsWhereTheLimitIsPassed() {
        assertArrayEquals(new int[] {1, 4}, Nesting.deepestLine(">>>>> texto", 3));
        assertArrayEquals(new int[] {1, 7}, Nesting.deepestLine("- - - - texto", 3));
        assertArrayEquals(new int[] {1, 7}, Nesting.deepestLine("* + -\t> texto", 3));
        assertArrayEquals(new int[] {1, 10}, Nesting.deepestLine("1. 2) 3. 4. texto", 3));
        assertArrayEquals(new int[] {1, 12}, Nesting.deepestLine("123456789. > x", 1));
    }

    @Test
    void numbersOfTenDigitsOrWithoutASpaceAfterTheirDotAreNotMarkers() {
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("1234567890. > x", 1));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("1.> > x", 1));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("1. > ", 5));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("> 1.", 1));
        assertArrayEquals(new int[] {1, 3}, Nesting.deepestLine("> 1) x", 1));
    }

    @Test
    void aBracketOrDotWithoutANumberIsNotAMarkerNorAreDigitsThatEndTheText() {
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine(") > x", 1));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine(". > x", 1));
        assertArrayEquals(new int[] {1, 4}, Nesting.deepestLine("1.\t> x", 1));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("> 12", 1));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("> 1.", 1));
    }

    @Test
    void theColumnIsWhereTheLimitIsFirstPassedEvenAtTheFirstCharacter() {
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine(">> x", 0));
        assertArrayEquals(new int[] {2, 2}, Nesting.deepestLine("\n>>> x", 1));
    }

    @Test
    void indentationAddsToTheMarkersOfItsLine() {
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("    - x\n- - x", 5));
        assertArrayEquals(new int[] {1, 5}, Nesting.deepestLine("    - x\n- - x", 2));
        assertArrayEquals(new int[] {1, 1}, Nesting.deepestLine("- - - x\n  - x", 5));
    }

    @Test
    void twoColumnsOfIndentationAreALevelAndATabFour() {
        assertArrayEquals(new int[] {1, 8}, Nesting.deepestLine("        - x", 3));
        assertArrayEquals(new int[] {1, 2}, Nesting.deepestLine("\t\t- x", 3));
        assertArrayEquals(new int[] {1, 3}, Nesting.deepestLine(" \t- x", 2));
    }

    @Test
    void theDeepestLineWinsAndOfEquallyDeepOnesTheFirst() {
        String text = "> uno\n>>> tres\n>> dos\n>>> tres otra vez\n";
        assertArrayEquals(new int[] {2, 3}, Nesting.deepestLine(text, 2));
        assertArrayEquals(new int[] {4, 3}, Nesting.deepestLine("> uno\n\n\n>>> tres", 2));
    }

    @Test
    void aLineDeepestButWithinTheLimitIsGivenAtItsStart() {
        assertArrayEquals(new int[] {2, 1}, Nesting.deepestLine("> uno\n>> dos\n", 5));
    }

    @Test
    void theMessageNamesTheLimitAndWhereItIsExplained() {
        assertEquals("quotes, lists, emphasis or links are nested more than 50 levels deep here, each inside the previous; "
                + "a page may nest them at most 50 levels (see content/README.md, 'Limits'): flatten the text", Nesting.message());
    }
}
