package vn.dienbien.tdkt.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Kết quả FEEL đã tính của các ô đơn giản trong bảng quyết định: Camunda's FEEL engine (Scala FEEL
 * 1.19) builds all its built-in functions again for every expression it evaluates, some 85% of a
 * decision table's cost; a table cell evaluated a hundred times per decision pays it a hundred times.
 * Most cells are closed: a literal ({@code "FLAG"}, {@code true}, {@code 0}), a comparison with one
 * ({@code >= 2}), a range, a list, {@code not(...)} of those, {@code -}, or an input expression that
 * reads one variable. Their result depends on the text and on one value only (the input's value, or
 * the variable read), so FEEL computes it once per (text, value) and the answer is reused.
 *
 * <p>Anything else — names other than a single variable, function calls, dates, paths, contexts —
 * goes to FEEL every time, as do values that are not plain immutable values (strings, booleans,
 * numbers, null) and refusals (FEEL's exception is raised each time). The memory is bounded
 * (beyond {@value #MAX_ENTRIES} entries it starts afresh).
 */
final class ClosedFeelResults implements FeelEngine {

    static final int MAX_ENTRIES = 8_192;

    private static final String STRING = "\"[^\"\\\\\\r\\n]*\"";
    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String TEST = "(?:(?:<=|>=|<|>)\\s*)?(?:" + STRING + "|" + NUMBER + ")|true|false|null"
            + "|[\\[\\]\\(]\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER + "\\s*[\\[\\]\\)]";
    private static final String TESTS = "(?:" + TEST + ")(?:\\s*,\\s*(?:" + TEST + "))*";
    private static final Pattern CLOSED_UNARY_TESTS = Pattern.compile(
            "\\s*(?:-|" + TESTS + "|not\\(\\s*" + TESTS + "\\s*\\))\\s*");
    private static final Pattern LITERAL = Pattern.compile("\\s*(?:" + STRING + "|" + NUMBER + "|true|false|null)\\s*");
    private static final Pattern VARIABLE = Pattern.compile("\\s*(" + NAME + ")\\s*");
    /** FEEL words that are not variable names on their own. */
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then",
            "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function",
            "external", "date", "time", "duration");
    private static final Object NULL = new Object();
    private static final Object NO_VALUE = new Object();

    private final FeelEngine feel;
    private final ConcurrentMap<String, Shape> expressionShapes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Shape> testShapes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Object> results = new ConcurrentHashMap<>();

    ClosedFeelResults(FeelEngine feel) {
        this.feel = feel;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
        Shape shape = expression == null ? Shape.OTHER
                : shape(expressionShapes, expression, ClosedFeelResults::shapeOf);
        Key key = switch (shape) {
            case LITERAL -> new Key(Kind.EXPRESSION, expression, null, NO_VALUE);
            case VARIABLE -> keyFor(Kind.EXPRESSION, expression, expression.strip(), context);
            default -> null;
        };
        if (key == null) {
            return feel.evaluateSimpleExpression(expression, context);
        }
        Object known = results.get(key);
        if (known != null) {
            return known == NULL ? null : (T) known;
        }
        T result = feel.evaluateSimpleExpression(expression, context);
        if (result == null || plain(result)) {
            remember(key, result == null ? NULL : result);
        }
        return result;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
        Key key = expression != null && inputVariable != null
                && shape(testShapes, expression, ClosedFeelResults::shapeOfTests) == Shape.CLOSED_TESTS
                ? keyFor(Kind.UNARY_TESTS, expression, inputVariable, context) : null;
        if (key == null) {
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        }
        Object known = results.get(key);
        if (known != null) {
            return (Boolean) known;
        }
        boolean result = feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
        remember(key, result);
        return result;
    }

    int size() {
        return results.size();
    }

    /** The key of a cell whose result depends on the text and one variable's value; null to ask FEEL. */
    private static Key keyFor(Kind kind, String text, String variable, VariableContext context) {
        if (!context.containsVariable(variable)) {
            return null;
        }
        TypedValue typed = context.resolve(variable);
        if (typed == null) {
            return null;
        }
        Object value = typed.getValue();
        return value == null || plain(value) ? new Key(kind, text, variable, value) : null;
    }

    private static Shape shape(ConcurrentMap<String, Shape> shapes, String text,
            java.util.function.Function<String, Shape> classify) {
        Shape known = shapes.get(text);
        if (known != null) {
            return known;
        }
        if (shapes.size() >= MAX_ENTRIES) {
            shapes.clear();
        }
        Shape shape = classify.apply(text);
        shapes.putIfAbsent(text, shape);
        return shape;
    }

    private void remember(Key key, Object result) {
        if (results.size() >= MAX_ENTRIES) {
            results.clear();
        }
        results.putIfAbsent(key, result);
    }

    /** Immutable values whose equality is their identity for FEEL. */
    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof Double || value instanceof Float
                || value instanceof BigDecimal || value instanceof BigInteger;
    }

    static Shape shapeOf(String expression) {
        if (LITERAL.matcher(expression).matches()) {
            return Shape.LITERAL;
        }
        var variable = VARIABLE.matcher(expression);
        return variable.matches() && !KEYWORDS.contains(variable.group(1)) ? Shape.VARIABLE : Shape.OTHER;
    }

    static Shape shapeOfTests(String expression) {
        return CLOSED_UNARY_TESTS.matcher(expression).matches() ? Shape.CLOSED_TESTS : Shape.OTHER;
    }

    enum Shape {
        LITERAL, VARIABLE, CLOSED_TESTS, OTHER
    }

    private enum Kind {
        EXPRESSION, UNARY_TESTS
    }

    /** A cell's text, the variable it depends on and that variable's value (Integer 2 and Long 2 differ). */
    private record Key(Kind kind, String text, String variable, Object value) {
    }
}
