package org.abierto.serve;

import org.abierto.Workspace;
import org.abierto.diagnostic.Diagnostic;

import java.nio.file.Path;

/** The page every address shows while the content has errors: each one with its file, line and column. */
final class ErrorPage {
    private ErrorPage() {
    }

    static String html(Workspace.Snapshot snapshot, Path projectRoot) {
        var out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>The site has errors</title></head>
                <body>
                <main>
                <h1>The site has errors</h1>
                <p>Fix them and save: this page reloads by itself.</p>
                <ol>
                """);
        for (Diagnostic d : snapshot.diagnostics()) {
            if (d.isError()) {
                out.append("<li><code>").append(escape(d.format(projectRoot))).append("</code></li>\n");
            }
        }
        return out.append("</ol>\n</main>\n</body>\n</html>\n").toString();
    }

    /** The page every address shows once the preview has stopped watching: edits are no longer seen. */
    static String stopped(String why) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>The preview has stopped</title></head>
                <body>
                <main>
                <h1>The preview has stopped</h1>
                <p>The Java machine failed (<code>%s</code>), so edits are no longer seen. Stop <code>abierto serve</code>
                (Ctrl+C) and start it again; this is a bug in Abierto or in Java: please report it.</p>
                </main>
                </body>
                </html>
                """.formatted(escape(why));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
