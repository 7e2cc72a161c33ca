package org.abierto.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code rules: - if:} expressions of GitLab CI, as GitLab evaluates them: {@code $VARIABLE} (true when
 * defined and not empty), string literals, {@code null}, {@code == != =~ !~}, {@code && ||} and
 * parentheses. An undefined variable is null. Anything else is refused, so a rule never silently means
 * something else here than on GitLab.
 */
final class GitLabRules {
    private final Map<String, String> variables;

    GitLabRules(Map<String, String> variables) {
        this.variables = variables;
    }

    /**
     * Whether a job runs: the first rule whose {@code if} holds decides (its {@code when}, by default
     * on_success); when none holds, the job is not in the pipeline.
     *
     * @param rules each rule as its {@code if} and {@code when} (either may be null)
     */
    boolean runs(List<Map<String, String>> rules) {
        for (Map<String, String> rule : rules) {
            String condition = rule.get("if");
            if (condition == null || holds(condition)) {
                String when = rule.getOrDefault("when", "on_success");
                if (when == null || when.equals("on_success") || when.equals("always")) {
                    return true;
                }
                if (when.equals("never")) {
                    return false;
                }
                throw new IllegalArgumentException("the rehearsal does not know 'when: " + when + "'; teach it in site/pipelines");
            }
        }
        return false;
    }

    /** The value of one {@code if:}. */
    boolean holds(String expression) {
        var parser = new Parser(tokens(expression), expression);
        boolean value = parser.or();
        parser.expectEnd();
        return value;
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
            } else if (c == '$') {
                int j = i + 1;
                boolean braced = j < s.length() && s.charAt(j) == '{';
                if (braced) {
                    j++;
                }
                int start = j;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token("variable", s.substring(start, j)));
                if (braced) {
                    if (j >= s.length() || s.charAt(j) != '}') {
                        throw new IllegalArgumentException("unterminated ${ in the rule " + s);
                    }
                    j++;
                }
                i = j;
            } else if (c == '"' || c == '\'') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated string in the rule " + s);
                }
                out.add(new Token("string", s.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '/' && !out.isEmpty() && out.get(out.size() - 1).kind().equals("op")
                    && out.get(out.size() - 1).text().endsWith("~")) {
                int end = s.indexOf('/', i + 1);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf('/', end + 1);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated /pattern/ in the rule " + s);
                }
                int j = end + 1;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                String flags = s.substring(end + 1, j);
                out.add(new Token("pattern", (flags.contains("i") ? "(?i)" : "") + s.substring(i + 1, end)));
                i = j;
            } else if (s.startsWith("null", i)) {
                out.add(new Token("null", "null"));
                i += 4;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (List.of("==", "!=", "=~", "!~", "&&", "||").contains(two)) {
                    out.add(new Token("op", two));
                    i += 2;
                } else if (c == '(' || c == ')') {
                    out.add(new Token("op", String.valueOf(c)));
                    i++;
                } else {
                    throw new IllegalArgumentException("the rehearsal does not know '" + c + "' in the rule " + s);
                }
            }
        }
        return out;
    }

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

        void expectEnd() {
            if (at != tokens.size()) {
                throw new IllegalArgumentException("unexpected '" + tokens.get(at).text() + "' in the rule " + source);
            }
        }

        boolean or() {
            boolean left = and();
            while (next("||")) {
                boolean right = and();
                left = left || right;
            }
            return left;
        }

        boolean and() {
            boolean left = comparison();
            while (next("&&")) {
                boolean right = comparison();
                left = left && right;
            }
            return left;
        }

        boolean comparison() {
            if (next("(")) {
                boolean inner = or();
                if (!next(")")) {
                    throw new IllegalArgumentException("expected ')' in the rule " + source);
                }
                return inner;
            }
            Token left = operand();
            for (String op : List.of("==", "!=", "=~", "!~")) {
                if (next(op)) {
                    Token right = operand();
                    String a = value(left);
                    if (op.endsWith("~")) {
                        String pattern = right.kind().equals("pattern") ? right.text() : value(right);
                        boolean found = a != null && pattern != null && Pattern.compile(pattern).matcher(a).find();
                        return op.equals("=~") == found;
                    }
                    String b = value(right);
                    boolean same = a == null ? b == null : a.equals(b);
                    return op.equals("==") == same;
                }
            }
            if (!left.kind().equals("variable")) {
                throw new IllegalArgumentException("a lone " + left.text() + " in the rule " + source);
            }
            String v = value(left);
            return v != null && !v.isEmpty();
        }

        private Token operand() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("the rule ends too early: " + source);
            }
            Token t = tokens.get(at++);
            if (t.kind().equals("op")) {
                throw new IllegalArgumentException("unexpected '" + t.text() + "' in the rule " + source);
            }
            return t;
        }

        private String value(Token t) {
            return switch (t.kind()) {
                case "variable" -> variables.get(t.text());
                case "null" -> null;
                default -> t.text();
            };
        }
    }
}
