package org.abierto.yaml;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingTest {

    @Test
    void theNearestCandidateIsSuggestedWhateverItsCase() {
        assertEquals(Optional.of("title"), Spelling.closest("titel", List.of("order", "title", "draft")));
        assertEquals(Optional.of("translationKey"), Spelling.closest("TRANSLATIONKEY", List.of("translationKey", "title")));
        assertEquals(Optional.of("baseUrl"), Spelling.closest("baseurl", List.of("baseUrl")));
    }

    @Test
    void twoEditsAreAlwaysCloseEnoughAndLongerNamesAllowOneEditInThree() {
        assertEquals(Optional.of("ab"), Spelling.closest("", List.of("ab")));
        assertEquals(Optional.empty(), Spelling.closest("", List.of("abc")));
        // "translationKey" has 14 letters: 4 edits are close enough, 5 are not.
        assertEquals(Optional.of("translationKey"), Spelling.closest("translatioXXXX", List.of("translationKey")));
        assertEquals(Optional.empty(), Spelling.closest("translatiXXXXX", List.of("translationKey")));
        assertEquals(Optional.empty(), Spelling.closest("zzzzz", List.of("title", "order")));
        assertEquals(Optional.empty(), Spelling.closest("title", List.of()));
    }

    @Test
    void ofEquallyNearCandidatesTheFirstInAlphabeticalOrderIsSuggested() {
        assertEquals(Optional.of("cat"), Spelling.closest("bat", List.of("hat", "cat")));
        assertEquals(Optional.of("hat"), Spelling.closest("bat", List.of("bxtt", "hat")), "nearer comes before alphabetical");
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Spelling.distance("abc", "abc"));
        assertEquals(3, Spelling.distance("", "abc"));
        assertEquals(3, Spelling.distance("abc", ""));
        assertEquals(1, Spelling.distance("abc", "abd"));
        assertEquals(1, Spelling.distance("abc", "ac"));
        assertEquals(1, Spelling.distance("ac", "abc"));
        assertEquals(3, Spelling.distance("kitten", "sitting"));
        assertEquals(2, Spelling.distance("ab", "ba"));
    }
}
