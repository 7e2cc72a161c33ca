package org.abierto.render;

import freemarker.core.InvalidReferenceException;
import freemarker.core.NonHashException;
import freemarker.core.NonMethodException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import org.abierto.diagnostic.SourcePosition;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Freemarker's exceptions into one-line messages at a template's line and column. */
final class TemplateProblem {
    /** What a template can do instead, said wherever it tried something else. */
    static final String DATA_ONLY = "templates see data only (text, numbers, true/false, lists, maps and records of them) "
            + "and cannot call Java methods; read fields such as page.title, and format values with format.number, "
            + "format.date or format.size (see README.md, 'What a template can do')";
    // The names Freemarker's documentation gives to its bridges to Java, which some themes expect.
    private static final java.util.Set<String> JAVA_GATEWAYS = java.util.Set.of("statics", "enums", "objectConstructor");
    private static final Pattern INCLUDE_FAILED = Pattern.compile("Template (inclusion|importing) failed \\(for parameter value \"([^\"]*)\"\\)");

    private TemplateProblem() {
    }

    static SourcePosition at(Path templates, TemplateException e) {
        String name = e.getTemplateSourceName();
        Path file = name == null ? templates : templates.resolve(name);
        return new SourcePosition(file, orZero(e.getLineNumber()), orZero(e.getColumnNumber()));
    }

    static SourcePosition at(Path templates, ParseException e) {
        String name = e.getTemplateName();
        return new SourcePosition(name == null ? templates : templates.resolve(name), e.getLineNumber(), e.getColumnNumber());
    }

    static String message(TemplateException e) {
        String blamed = e.getBlamedExpressionString();
        if (e instanceof InvalidReferenceException && blamed != null && JAVA_GATEWAYS.contains(blamed.split("[.\\[(?]", 2)[0])) {
            return "'" + blamed + "' does not exist: Java classes, their static members and constructors are not "
                    + "available; " + DATA_ONLY;
        }
        if (e instanceof InvalidReferenceException && blamed != null) {
            return "'" + blamed + "' is undefined or null; check its spelling, "
                    + "or write ${x!\"\"} or <#if x??> where it may be missing";
        }
        if (e instanceof NonHashException && blamed != null) {
            return "'" + blamed + "' has no fields to read after it: " + DATA_ONLY;
        }
        if (e instanceof NonMethodException && blamed != null) {
            return "'" + blamed + "' is not a function: " + DATA_ONLY;
        }
        String message = oneLine(e.getMessageWithoutStackTop());
        // Freemarker's own wording for what Abierto's configuration forbids; said in the editor's terms.
        if (message.startsWith("Can't use ?api")) {
            return "?api is not allowed: " + DATA_ONLY;
        }
        if (message.contains("is not allowed in the template for security reasons")) {
            return "?new is not allowed: a template cannot create Java objects; " + DATA_ONLY;
        }
        Matcher include = INCLUDE_FAILED.matcher(message);
        if (include.lookingAt() && message.contains("not found")) {
            return "'" + include.group(2) + "' is not a template of the templates folder; #include and #import take a "
                    + "path inside it, e.g. \"partials/lib.ftlh\"";
        }
        return message;
    }

    static String message(ParseException e) {
        return "template syntax: " + oneLine(e.getEditorMessage());
    }

    /** Freemarker's messages span lines and carry tips after "----"; keep the statement itself. */
    private static String oneLine(String message) {
        if (message == null) {
            return "template failed";
        }
        int tips = message.indexOf("\n----");
        String head = tips > 0 ? message.substring(0, tips) : message;
        return head.replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
