package org.abierto.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions expressions, as GitHub evaluates them: {@code ${{ … }}} in values and the {@code if:}
 * of jobs and steps. Literals, contexts ({@code github.ref}, {@code vars.X}, {@code secrets.X}),
 * {@code ! == != < <= > >= && ||}, parentheses, the status functions and {@code contains},
 * {@code startsWith}, {@code endsWith}. Comparisons of strings ignore case, {@code &&} and {@code ||}
 * give one of their operands, a missing property is null: GitHub's rules. Anything else is refused, so a
 * workflow never silently means something else here than on GitHub.
 */
final class GitHubExpressions {
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);

    private final Map<String, ?> contexts;

    /** @param contexts the contexts by name ({@code github}, {@code vars}, {@code secrets}, {@code env}), each a map */
    GitHubExpressions(Map<String, ?> contexts) {
        this.contexts = contexts;
    }

    /** The text with every {@code ${{ expression }}} replaced by its value as a string. */
    String interpolate(String text) {
        Matcher m = INTERPOLATION.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(string(evaluate(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * An {@code if:}: absent means {@code success()}; the expression may be written with or without
     * {@code ${{ }}}.
     */
    boolean condition(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String expression = text.strip();
        if (expression.startsWith("${{") && expression.endsWith("}}")) {
            expression = expression.substring(3, expression.length() - 2);
        }
        return truthy(evaluate(expression));
    }

    /** The value of one expression: a String, Double, Boolean, Map or null. */
    Object evaluate(String expression) {
        var parser = new Parser(tokens(expression), expression);
        Object value = parser.or();
        parser.expectEnd();
        return value;
    }

    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /** As GitHub turns a value into text: null is empty, whole numbers have no decimals. */
    static String string(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue()) : d.toString();
        }
        return v.toString();
    }

    private static double number(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            String t = s.strip();
            if (t.isEmpty()) {
                return 0;
            }
            try {
                return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** GitHub's loose equality: values of different types are compared as numbers, strings without case. */
    static boolean equal(Object a, Object b) {
        if (a == null && b == null) {
            return true;
        }
        if (a != null && b != null && a.getClass() == b.getClass()) {
            if (a instanceof String x) {
                return x.equalsIgnoreCase((String) b);
            }
            if (a instanceof Double x) {
                return x.doubleValue() == (Double) b;
            }
            return a.equals(b);
        }
        if (a instanceof Map || b instanceof Map) {
            return false;
        }
        return number(a) == number(b);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT));
        }
        return Double.compare(number(a), number(b));
    }

    private record Token(String kind, String text) {
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                var text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= s.length()) {
                        throw new IllegalArgumentException("unterminated string in expression: " + s);
                    }
                    if (s.charAt(j) == '\'') {
                        if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                            text.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(s.charAt(j++));
                }
                out.add(new Token("string", text.toString()));
                i = j + 1;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token("number", s.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '-')) {
                    j++;
                }
                out.add(new Token("name", s.substring(i, j)));
                i = j;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (List.of("==", "!=", "&&", "||", "<=", ">=").contains(two)) {
                    out.add(new Token("op", two));
                    i += 2;
                } else if ("!<>().,[]".indexOf(c) >= 0) {
                    out.add(new Token("op", String.valueOf(c)));
                    i++;
                } else {
                    throw new IllegalArgumentException("the rehearsal does not know '" + c + "' in the expression " + s);
                }
            }
        }
        return out;
    }

    /** Recursive descent in GitHub's precedence: || below &&, below comparisons, below !. */
    private final class Parser {
        private final List<Token> tokens;
        private final String source;
        private int at;

        Parser(List<Token> tokens, String source) {
            this.tokens = tokens;
            this.source = source;
        }

        private boolean next(String op) {
            if (at < tokens.size() && tokens.get(at).kind().equals("op") && tokens.get(at).text().equals(op)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String op) {
            if (!next(op)) {
                throw new IllegalArgumentException("expected '" + op + "' in the expression " + source);
            }
        }

        void expectEnd() {
            if (at != tokens.size()) {
                throw new IllegalArgumentException("unexpected '" + tokens.get(at).text() + "' in the expression " + source);
            }
        }

        Object or() {
            Object left = and();
            while (next("||")) {
                Object right = and();
                left = truthy(left) ? left : right;
            }
            return left;
        }

        Object and() {
            Object left = comparison();
            while (next("&&")) {
                Object right = comparison();
                left = truthy(left) ? right : left;
            }
            return left;
        }

        Object comparison() {
            Object left = unary();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (next(op)) {
                    Object right = unary();
                    return switch (op) {
                        case "==" -> equal(left, right);
                        case "!=" -> !equal(left, right);
                        case "<" -> compare(left, right) < 0;
                        case "<=" -> compare(left, right) <= 0;
                        case ">" -> compare(left, right) > 0;
                        default -> compare(left, right) >= 0;
                    };
                }
            }
            return left;
        }

        Object unary() {
            if (next("!")) {
                return !truthy(unary());
            }
            return postfix(primary());
        }

        Object primary() {
            if (next("(")) {
                Object inner = or();
                expect(")");
                return inner;
            }
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("the expression ends too early: " + source);
            }
            Token t = tokens.get(at++);
            switch (t.kind()) {
                case "string":
                    return t.text();
                case "number":
                    return number(t.text());
                case "name":
                    break;
                default:
                    throw new IllegalArgumentException("unexpected '" + t.text() + "' in the expression " + source);
            }
            String name = t.text();
            switch (name) {
                case "true":
                    return true;
                case "false":
                    return false;
                case "null":
                    return null;
                default:
                    break;
            }
            if (next("(")) {
                List<Object> args = new ArrayList<>();
                if (!next(")")) {
                    do {
                        args.add(or());
                    } while (next(","));
                    expect(")");
                }
                return call(name, args);
            }
            Object context = lookup(contexts, name);
            if (context == null && !contexts.containsKey(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the rehearsal does not know the context '" + name + "' of the expression "
                        + source + "; give it a value in site/pipelines");
            }
            return context;
        }

        Object postfix(Object value) {
            while (true) {
                if (next(".")) {
                    Token t = tokens.get(at++);
                    value = lookup(value, t.text());
                } else if (next("[")) {
                    Object key = or();
                    expect("]");
                    value = lookup(value, string(key));
                } else {
                    return value;
                }
            }
        }

        private Object call(String name, List<Object> args) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                // The rehearsal stops at the first failing step, so any step it reaches follows successes only.
                case "success", "always" -> true;
                case "failure", "cancelled" -> false;
                case "contains" -> string(args.get(0)).toLowerCase(Locale.ROOT).contains(string(args.get(1)).toLowerCase(Locale.ROOT));
                case "startswith" -> string(args.get(0)).toLowerCase(Locale.ROOT).startsWith(string(args.get(1)).toLowerCase(Locale.ROOT));
                case "endswith" -> string(args.get(0)).toLowerCase(Locale.ROOT).endsWith(string(args.get(1)).toLowerCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("the rehearsal does not know the function " + name + "() of the expression "
                        + source + "; teach it in site/pipelines");
            };
        }
    }

    /** A property of a context or object; names are looked up without case, as GitHub does. */
    private static Object lookup(Object container, String name) {
        if (!(container instanceof Map<?, ?> map)) {
            return null;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey().toString().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
