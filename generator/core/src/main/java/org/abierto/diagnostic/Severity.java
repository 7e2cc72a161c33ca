package org.abierto.diagnostic;

/** How serious a {@link Diagnostic} is: errors fail the build, warnings are reported only. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case word printed in a report: {@code error} or {@code warning}. */
    public String label() {
        return label;
    }
}
