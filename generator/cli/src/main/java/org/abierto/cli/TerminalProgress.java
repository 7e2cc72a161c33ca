package org.abierto.cli;

import org.abierto.Progress;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * Shows a long build's progress on one line of a terminal ("rendering 1200/20000 pages"), starting
 * after two seconds so quick builds stay quiet, and only when the output is a terminal.
 */
final class TerminalProgress implements Progress {
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** Progress on the terminal, or none when the command's output is not one. */
    static Progress on(PrintWriter err) {
        return System.console() == null ? Progress.NONE : new TerminalProgress(err);
    }

    @Override
    public synchronized void update(String stage, int done, int total) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || (now - last < EVERY_NANOS && done != total)) {
            return;
        }
        last = now;
        shown = true;
        err.print("\r\u001b[K" + stage + (total > 1 ? " " + done + "/" + total : "") + "…");
        err.flush();
    }

    /** Clears the progress line before the report is printed. */
    synchronized void clear() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
