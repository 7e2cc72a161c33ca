package org.abierto.pipelines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GitHub's expression rules, on the expressions the workflow uses and the edges GitHub documents. */
class GitHubExpressionsTest {
    private static GitHubExpressions push(Map<String, String> vars) {
        return new GitHubExpressions(Map.of("github", Map.of("event_name", "push", "ref", "refs/heads/main"),
                "vars", vars, "secrets", Map.of("PUBLISH_SSH_KEY", "KEY"), "env", Map.of()));
    }

    @Test
    void andOrGiveOneOfTheirOperandsAsTheWorkflowsBaseUrlNeeds() {
        String expression = "${{ github.event_name != 'pull_request' && vars.SITE_BASE_URL || '' }}";
        assertEquals("https://h/i/", push(Map.of("SITE_BASE_URL", "https://h/i/")).interpolate(expression));
        assertEquals("", push(Map.of()).interpolate(expression));
        var pullRequest = new GitHubExpressions(Map.of("github", Map.of("event_name", "pull_request"),
                "vars", Map.of("SITE_BASE_URL", "https://h/i/")));
        assertEquals("", pullRequest.interpolate(expression));
    }

    @Test
    void theConditionOfThePublishJob() {
        String condition = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main' && vars.PUBLISH_HOST != ''";
        assertTrue(push(Map.of("PUBLISH_HOST", "127.0.0.1")).condition(condition));
        assertFalse(push(Map.of()).condition(condition), "an unset variable is null, which equals ''");
        assertFalse(push(Map.of("PUBLISH_HOST", "")).condition(condition));
        assertFalse(new GitHubExpressions(Map.of("github", Map.of("event_name", "push", "ref", "refs/heads/feature"),
                "vars", Map.of("PUBLISH_HOST", "h"))).condition(condition));
    }

    @Test
    void anAbsentConditionIsSuccessAndBracesAreOptional() {
        var e = push(Map.of());
        assertTrue(e.condition(null));
        assertTrue(e.condition("  "));
        assertTrue(e.condition("${{ success() }}"));
        assertFalse(e.condition("${{ failure() }}"));
        assertTrue(e.condition("always()"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'abc' == 'ABC'              | true",
            "'1' == 1                    | true",
            "'' == 0                     | true",
            "null == 0                   | true",
            "null == null                | true",
            "true == 1                   | true",
            "'x' == 0                    | false",
            "!''                         | true",
            "!'false'                    | false",
            "1 < 2 && 'b' > 'A'          | true",
            "(false && 1) == 0          | true",
            "contains('Hello', 'ELL')    | true",
            "startsWith('refs/heads/main', 'refs/heads/') | true",
            "endsWith('a.yml', '.YML')   | true",
            "github.REF == 'refs/heads/main' | true",
            "github['event_name'] == 'push'  | true"})
    void comparisonsAndTruthinessFollowGitHub(String expression, boolean expected) {
        assertEquals(expected, push(Map.of()).condition(expression), expression);
    }

    @Test
    void valuesAsText() {
        var e = push(Map.of());
        assertEquals("3", e.interpolate("${{ 3 }}"));
        assertEquals("1.5", e.interpolate("${{ 1.5 }}"));
        assertEquals("true", e.interpolate("${{ 1 == 1 }}"));
        assertEquals("a  b", e.interpolate("a ${{ vars.NOPE }} b"));
        assertEquals("it's KEY", e.interpolate("${{ 'it''s' }} ${{ secrets.PUBLISH_SSH_KEY }}"));
        assertNull(e.evaluate("vars.NOPE.deeper"));
    }

    @Test
    void whatTheRehearsalDoesNotKnowIsRefusedNotGuessed() {
        var e = push(Map.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> e.evaluate("hashFiles('**/pom.xml')")).getMessage()
                .contains("does not know the function hashFiles()"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> e.evaluate("matrix.os")).getMessage()
                .contains("does not know the context 'matrix'"));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate("'unterminated"));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate("1 ="));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate("(1 == 1"));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate("1 == 1 2"));
    }
}
