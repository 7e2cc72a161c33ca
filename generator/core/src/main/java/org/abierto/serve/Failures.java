package org.abierto.serve;

/** Which failures the preview survives: all but a broken Java machine. */
final class Failures {
    private Failures() {
    }

    /**
     * Whether nothing can go on after {@code e}: an internal error of the Java machine. A stack overflow
     * (a deeply nested page) or running out of memory (a huge file) ends one build, whose data is then
     * dropped, and the next build runs as before.
     */
    static boolean isFatal(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError) && !(e instanceof OutOfMemoryError);
    }
}
