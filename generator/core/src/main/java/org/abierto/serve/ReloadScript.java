package org.abierto.serve;

/** The script the dev server adds to pages: reload when the site is rebuilt. Never part of built output. */
final class ReloadScript {
    static final String TEXT = """
            // Added by 'abierto serve' only: reloads this tab when the site is rebuilt.
            (function () {
              var events = new EventSource("%s");
              events.addEventListener("reload", function () { window.location.reload(); });
            })();
            """.formatted(DevServer.EVENTS);

    private ReloadScript() {
    }
}
