package org.abierto.serve;

import org.abierto.BuildResult;
import org.abierto.Workspace;
import org.abierto.diagnostic.Diagnostic;
import org.abierto.diagnostic.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages the preview shows instead of the site: its errors, or that it has stopped. */
class ErrorPageTest {
    static final Path ROOT = Path.of("/proyecto").toAbsolutePath();

    @Test
    void theErrorsAreListedEachWithItsPlaceAndEscapedAndTheWarningsAreNot() {
        var diagnostics = List.of(
                new Diagnostic(ROOT.resolve("content/es/a.md"), 3, 8, Severity.ERROR, "invalid-front-matter", "invalid front matter: <b> & \"c\""),
                new Diagnostic(ROOT.resolve("content/es/b.md"), 1, 0, Severity.WARNING, "long-title", "the title is long"),
                new Diagnostic(null, 0, 0, Severity.ERROR, "build-failed", "the site could not be built"));
        var snapshot = new Workspace.Snapshot(2, Map.of(), new BuildResult(diagnostics, Map.of(), 0, false), Set.of(), Duration.ZERO);
        assertEquals("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>The site has errors</title></head>
                <body>
                <main>
                <h1>The site has errors</h1>
                <p>Fix them and save: this page reloads by itself.</p>
                <ol>
                <li><code>content/es/a.md:3:8: error: invalid front matter: &lt;b&gt; &amp; &quot;c&quot;</code></li>
                <li><code>abierto: error: the site could not be built</code></li>
                </ol>
                </main>
                </body>
                </html>
                """, ErrorPage.html(snapshot, ROOT));
    }

    @Test
    void theStoppedPageSaysWhyEscaped() {
        String page = ErrorPage.stopped("java.lang.InternalError: <a> & \"b\"");
        assertTrue(page.contains("<title>The preview has stopped</title>"), page);
        assertTrue(page.contains("<p>The Java machine failed (<code>java.lang.InternalError: &lt;a&gt; &amp; &quot;b&quot;</code>), "
                + "so edits are no longer seen."), page);
        assertTrue(page.endsWith("</body>\n</html>\n"), page);
    }
}
