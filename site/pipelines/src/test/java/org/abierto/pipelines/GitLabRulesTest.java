package org.abierto.pipelines;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GitLab's rules, on those of .gitlab-ci.yml and the edges GitLab documents. */
class GitLabRulesTest {
    private static GitLabRules with(String... pairs) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put(pairs[i], pairs[i + 1]);
        }
        return new GitLabRules(v);
    }

    @Test
    void thePublishRule() {
        String rule = "$CI_COMMIT_BRANCH == \"main\" && $CI_PIPELINE_SOURCE != \"merge_request_event\" && $PUBLISH_HOST";
        assertTrue(with("CI_COMMIT_BRANCH", "main", "CI_PIPELINE_SOURCE", "push", "PUBLISH_HOST", "h").holds(rule));
        assertFalse(with("CI_COMMIT_BRANCH", "main", "CI_PIPELINE_SOURCE", "push").holds(rule), "unset: false");
        assertFalse(with("CI_COMMIT_BRANCH", "main", "CI_PIPELINE_SOURCE", "push", "PUBLISH_HOST", "").holds(rule), "empty: false");
        assertFalse(with("CI_COMMIT_BRANCH", "main", "CI_PIPELINE_SOURCE", "merge_request_event", "PUBLISH_HOST", "h").holds(rule));
        assertFalse(with("CI_COMMIT_BRANCH", "feature", "CI_PIPELINE_SOURCE", "push", "PUBLISH_HOST", "h").holds(rule));
    }

    @Test
    void operatorsAndPrecedence() {
        var r = with("A", "x", "B", "Release-1");
        assertTrue(r.holds("$A == 'x' || $NOPE == \"y\" && $A == 'z'"), "&& binds tighter than ||");
        assertFalse(r.holds("($A == 'x' || $NOPE == \"y\") && $A == 'z'"));
        assertTrue(r.holds("$NOPE == null"));
        assertTrue(r.holds("${A} != null"));
        assertTrue(r.holds("$B =~ /^release-\\d+$/i"));
        assertFalse(r.holds("$B =~ /^release/"));
        assertTrue(r.holds("$B !~ /^release/"));
        assertFalse(r.holds("$NOPE =~ /x/"));
    }

    @Test
    void theFirstMatchingRuleDecidesAndNoMatchMeansNotInThePipeline() {
        var r = with("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_BRANCH", "main");
        var mergeRequest = Map.of("if", "$CI_PIPELINE_SOURCE == \"merge_request_event\"");
        var main = Map.of("if", "$CI_COMMIT_BRANCH == \"main\"");
        assertTrue(r.runs(List.of(mergeRequest, main)));
        assertFalse(r.runs(List.of(mergeRequest)));
        assertFalse(r.runs(List.of(Map.of("if", "$CI_COMMIT_BRANCH == \"main\"", "when", "never"), main)));
        assertEquals(false, r.runs(List.of()));
    }

    @Test
    void whatTheRehearsalDoesNotKnowIsRefused() {
        var r = with();
        assertThrows(IllegalArgumentException.class, () -> r.holds("$A = 'x'"));
        assertThrows(IllegalArgumentException.class, () -> r.holds("'x'"));
        assertThrows(IllegalArgumentException.class, () -> r.holds("$A == 'x"));
        assertThrows(IllegalArgumentException.class, () -> r.runs(List.of(Map.of("when", "manual"))));
    }
}
