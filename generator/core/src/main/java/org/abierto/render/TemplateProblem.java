package org.abierto.render;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import org.abierto.diagnostic.SourcePosition;

import java.nio.file.Path;

/** Turns Freemarker's exceptions into one-line messages at a template's line and column. */
final class TemplateProblem {
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
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            return "'" + e.getBlamedExpressionString() + "' is undefined or null; check its spelling, "
                    + "or write ${x!\"\"} or <#if x??> where it may be missing";
        }
        return oneLine(e.getMessageWithoutStackTop());
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
