package org.abierto.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 5: options the system refuses — a port out of range, an address that cannot be
 * one — are usage errors (exit 2) with a message, not "a bug in Abierto" (exit 3). Each is refused
 * before anything is read or any port is taken.
 */
// A guard, not a timing assertion: were an option accepted again, `serve` would start a server and never
// return; the test then fails instead of hanging the build.
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES,
        threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class ServeOptionsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AbiertoCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "99999 | --port 99999: a port is a number from 1 to 65535 (or 0 for any free one), such as the default 8080",
            "-1    | --port -1: a port is a number from 1 to 65535 (or 0 for any free one), such as the default 8080",
            "65536 | --port 65536: a port is a number from 1 to 65535 (or 0 for any free one), such as the default 8080"})
    void aPortOutOfRangeIsAUsageError(String port, String message) {
        assertEquals(2, run("serve", "--port", port));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith(message + "\n"), said);
        assertFalse(said.contains("a bug in Abierto"), said);
    }

    @Test
    void aBaseUrlHoldingAQuoteIsAUsageErrorOfServeBuildAndCheck() {
        for (String command : new String[] {"serve", "build", "check"}) {
            out.reset();
            err.reset();
            assertEquals(2, run(command, "--base-url", "https://example.org/\"informe/"), command);
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.startsWith("--base-url https://example.org/\"informe/: an address may not hold the character '\"' "
                    + "(at position 21); write it encoded (e.g. %22 for a quote) or leave it out\n"), command + ": " + said);
            assertFalse(said.contains("a bug in Abierto"), said);
        }
    }

    @Test
    void aBaseUrlThatIsNoAddressIsAUsageError() {
        assertEquals(2, run("check", "--base-url", "informe sin dirección"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--base-url informe sin dirección: it must be an address such as "
                + "https://example.gob.mx/informe/, or a path starting with /\n"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAddressToBindThatIsNoneIsAUsageError() {
        assertEquals(2, run("serve", "--port", "0", "--bind", "no-such-host.invalid"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--bind no-such-host.invalid: not an address of this computer;"),
                err.toString(StandardCharsets.UTF_8));
    }
}
