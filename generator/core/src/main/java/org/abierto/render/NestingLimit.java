package org.abierto.render;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.TemplateException;

/**
 * Stops a template that nests its instructions without end — a macro, function or {@code #include}
 * that calls itself — at the call, before it exhausts the thread's stack. Freemarker itself sets no
 * bound: such a template ended in a {@code StackOverflowError}, with no file named.
 *
 * <p>One per template run: it counts the instructions open at once (each macro call, {@code #include},
 * {@code #list}, {@code #if}…), which Freemarker tells it as it enters and leaves them.
 */
final class NestingLimit implements TemplateProcessingTracer {
    /**
     * The most instructions a template may have open at once. The theme reaches about 30; a page
     * renders in a thread with the JVM's default stack (about 1 MB), which Freemarker exhausts after a
     * few thousand: 200 leaves room for any real recursion (sections within sections) and for the
     * Java frames of what runs inside the deepest one.
     */
    static final int MAX_DEPTH = 200;

    private final TracedElement[] open = new TracedElement[MAX_DEPTH + 1];
    private int depth;
    private TracedElement deepest;
    private int deepestDepth;

    @Override
    public void enterElement(Environment env, TracedElement element) {
        depth++;
        if (depth > deepestDepth) {
            deepestDepth = depth;
            deepest = element;
        }
        if (depth <= open.length) {
            open[depth - 1] = element;
        }
        if (depth > MAX_DEPTH) {
            throw new TooDeep(recursiveCall());
        }
    }

    /**
     * The instruction that repeats itself among those open — the call of a macro, function or
     * {@code #include} that recurses — rather than wherever the count happened to pass the limit.
     */
    private TracedElement recursiveCall() {
        java.util.Map<TracedElement, Integer> repeats = new java.util.IdentityHashMap<>();
        for (TracedElement e : open) {
            repeats.merge(e, 1, Integer::sum);
        }
        TracedElement best = open[open.length - 1];
        int bestRank = -1;
        for (int i = open.length - 1; i >= 0; i--) {
            String what = open[i].getDescription();
            if (repeats.get(open[i]) < 2 || what.startsWith("#macro") || what.startsWith("#function") || what.equals("root")) {
                continue; // a definition, or the template itself: not where the call is written
            }
            boolean call = what.startsWith("@") || what.startsWith("#include") || what.startsWith("#import");
            boolean returns = what.startsWith("#return") || what.startsWith("${");
            int rank = (call ? 2 : returns ? 1 : 0) * (MAX_DEPTH + 1) + repeats.get(open[i]);
            if (rank > bestRank) {
                bestRank = rank;
                best = open[i];
            }
        }
        return best;
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        depth--;
    }

    /**
     * The error to report when the template went too deep: at the instruction where it passed the
     * limit, or — when Java's stack ran out first, inside something the count cannot see — at the
     * deepest instruction reached.
     */
    TemplateException failure(Throwable cause) {
        TracedElement at = deepest;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooDeep tooDeep) {
                at = tooDeep.element;
            }
        }
        return new TooDeepException(at, "the templates nest more than " + MAX_DEPTH + " instructions deep here: a macro, "
                + "function or #include that calls itself without end? Stop the recursion (e.g. with an #if on a depth parameter)");
    }

    /** Whether a failure of a template run comes from going too deep (possibly wrapped by Freemarker). */
    static boolean isTooDeep(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooDeep || t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /** Thrown through Freemarker, which has no way to stop a run from a tracer. */
    private static final class TooDeep extends RuntimeException {
        private final transient TracedElement element;

        TooDeep(TracedElement element) {
            super(null, null, false, false);
            this.element = element;
        }
    }

    /** A template error at a traced instruction (once the run is over, Freemarker no longer knows where it was). */
    private static final class TooDeepException extends TemplateException {
        private final transient TracedElement at;
        private final String message;

        TooDeepException(TracedElement at, String message) {
            super(message, (Environment) null);
            this.at = at;
            this.message = message;
        }

        @Override
        public String getMessageWithoutStackTop() {
            return message;
        }

        @Override
        public String getTemplateSourceName() {
            return at == null ? null : at.getTemplate().getSourceName();
        }

        @Override
        public Integer getLineNumber() {
            return at == null ? null : at.getBeginLine();
        }

        @Override
        public Integer getColumnNumber() {
            return at == null ? null : at.getBeginColumn();
        }
    }
}
