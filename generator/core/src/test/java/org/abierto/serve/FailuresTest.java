package org.abierto.serve;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failures the preview survives: all but an internal error of the Java machine. */
class FailuresTest {

    @Test
    void onlyABrokenJavaMachineIsFatal() {
        assertTrue(Failures.isFatal(new InternalError("broken")));
        assertTrue(Failures.isFatal(new UnknownError("broken")));
    }

    @Test
    void whatOneBuildCanCauseIsNot() {
        assertFalse(Failures.isFatal(new StackOverflowError()), "a deeply nested page");
        assertFalse(Failures.isFatal(new OutOfMemoryError()), "a huge file");
        assertFalse(Failures.isFatal(new IllegalStateException()));
        assertFalse(Failures.isFatal(new UncheckedIOException(new java.io.IOException("gone"))));
        assertFalse(Failures.isFatal(new AssertionError("an error that is no machine's")));
    }
}
