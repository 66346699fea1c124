package vn.dienbien.tdkt.platform;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a person submitted in a form (a process variable) as the type and length the step
 * expects. Anyone who may complete a task may also send any variable of any type through the REST
 * API, so a wrong type or an oversized value is a 400 with a Vietnamese message, never a 500.
 */
public final class FormValues {

    /** Longest comment, reason or note a form takes (the engine stores text in 4,000 characters). */
    public static final int NOTE = 3_900;

    private FormValues() {
    }

    /** Text of at most {@code maxLength} characters, or null when absent or blank. */
    public static String text(VariableScope scope, String name, String label, int maxLength) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ApiException.badRequest("\"" + label + "\" phải là văn bản.");
        }
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw ApiException.badRequest("\"" + label + "\" quá dài: tối đa " + maxLength + " ký tự (đang có "
                    + text.length() + ").");
        }
        return text.strip();
    }

    /** A comment, reason or note: text of at most {@link #NOTE} characters, or null. */
    public static String note(VariableScope scope, String name, String label) {
        return text(scope, name, label, NOTE);
    }

    /** A positive whole number (an id the person chose, e.g. an uploaded document), or null. */
    public static Long id(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        long id;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            id = n.longValue();
        } else if (value instanceof String s && s.strip().matches("\\d{1,18}")) {
            id = Long.parseLong(s.strip());
        } else {
            throw ApiException.badRequest("\"" + label + "\" phải là một số mã hợp lệ.");
        }
        if (id <= 0) {
            throw ApiException.badRequest("\"" + label + "\" phải là một số mã hợp lệ.");
        }
        return id;
    }

    /** A yes/no choice, or null when absent. */
    public static Boolean flag(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        throw ApiException.badRequest("\"" + label + "\" phải là có hoặc không.");
    }
}
