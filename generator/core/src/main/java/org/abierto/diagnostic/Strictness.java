package org.abierto.diagnostic;

import java.util.HashSet;
import java.util.Set;

/**
 * Which kinds of warning a run raises to errors. By default none: a warning is reported and the site is
 * still written. {@code --strict} raises what would make the published site wrong; a report can be
 * complete and honest while some of its documents are not yet online, so those are raised only by their
 * own option, {@code --require-deliverables}.
 *
 * @param raised the diagnostic codes reported as errors instead of warnings
 */
public record Strictness(Set<String> raised) {

    /**
     * What {@code --strict} raises: a page or text shown in the wrong language, or a translation that
     * may no longer say what its original says.
     */
    public static final Set<String> STRICT = Set.of(
            "missing-translation",   // a page or a text of a data file lacks a language: the original is shown instead
            "stale-translation",     // the original changed since the translation was marked current
            "unmarked-translation",  // a translation that never recorded which version of its original it follows
            "no-original");          // a translated page whose original-language page does not exist

    /** The code of a deliverable of the report without an address (shown as not yet available online). */
    public static final String DELIVERABLE_WITHOUT_ADDRESS = "document-unavailable";

    /** What {@code --require-deliverables} raises: a deliverable without an address. */
    public static final Set<String> DELIVERABLES = Set.of(DELIVERABLE_WITHOUT_ADDRESS);

    /** How {@code --strict} is described in the command line's help and the Maven goals' documentation. */
    public static final String STRICT_HELP = "Treat as errors what would make the published site wrong: missing, "
            + "stale or unmarked translations (a page or data text without its English, or an English page that "
            + "may no longer match its original), and translated pages without an original. A deliverable without "
            + "an address stays a warning; see --require-deliverables.";

    /** How {@code --require-deliverables} is described. */
    public static final String DELIVERABLES_HELP = "Treat a deliverable without an address (url: or file: in a "
            + "data table with a link column) as an error instead of a warning.";

    /** Nothing raised: every warning stays a warning. */
    public static final Strictness NONE = new Strictness(Set.of());

    public Strictness {
        raised = Set.copyOf(raised);
    }

    /** The strictness the two options ask for. */
    public static Strictness of(boolean strict, boolean requireDeliverables) {
        Set<String> codes = new HashSet<>();
        if (strict) {
            codes.addAll(STRICT);
        }
        if (requireDeliverables) {
            codes.addAll(DELIVERABLES);
        }
        return new Strictness(codes);
    }

    /** The diagnostic as this run reports it: a raised warning becomes an error, anything else is unchanged. */
    public Diagnostic apply(Diagnostic d) {
        return d.severity() == Severity.WARNING && raised.contains(d.code())
                ? new Diagnostic(d.file(), d.line(), d.column(), Severity.ERROR, d.code(), d.message())
                : d;
    }
}
