package vn.dienbien.tdkt.modelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the identifiers an expression ({@code ${...}} or {@code #{...}}) starts from: its roots.
 * {@code ${blockEvaluations.groupOf(unitCode)}} has the roots {@code blockEvaluations} (used as an
 * object) and {@code unitCode} (a value); {@code groupOf} is a method of the first, not a root.
 */
final class Expressions {

    /** How an expression uses a root: as a value, as an object (x.y, x[..]), or as a function x(..). */
    enum Use { VALUE, OBJECT, FUNCTION }

    record Root(String name, Use use) {
    }

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
            "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");

    private Expressions() {
    }

    /** Whether the text holds an expression at all. */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** The bodies of the expressions in a text, without their {@code ${} and {@code }}. */
    static List<String> bodies(String text) {
        List<String> bodies = new ArrayList<>();
        int at = 0;
        while (text != null && at < text.length()) {
            int dollar = text.indexOf("${", at);
            int hash = text.indexOf("#{", at);
            int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
            if (start < 0) {
                break;
            }
            int end = closing(text, start + 2);
            bodies.add(text.substring(start + 2, end < 0 ? text.length() : end));
            at = end < 0 ? text.length() : end + 1;
        }
        return bodies;
    }

    /** A text that is one expression and nothing else ({@code ${x}}), as delegate expressions must be. */
    static boolean isSingle(String text) {
        String t = text.trim();
        return (t.startsWith("${") || t.startsWith("#{")) && closing(t, 2) == t.length() - 1;
    }

    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(text, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static int endOfString(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length();
    }

    /** The roots of one expression body, in order. */
    static List<Root> roots(String body) {
        List<Root> roots = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(body, i) + 1;
            } else if (Character.isDigit(c)) {
                while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i))) {
                    i++;
                }
                String name = body.substring(start, i);
                if (!KEYWORDS.contains(name) && previous(body, start) != '.') {
                    char next = next(body, i);
                    roots.add(new Root(name, next == '(' ? Use.FUNCTION : next == '.' || next == '[' ? Use.OBJECT : Use.VALUE));
                }
            } else {
                i++;
            }
        }
        return roots;
    }

    private static char previous(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static char next(String text, int at) {
        for (int i = at; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    /** Edit distance between two names (insertions, deletions, substitutions, swaps of neighbours). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
