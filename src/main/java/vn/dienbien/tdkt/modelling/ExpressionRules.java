package vn.dienbien.tdkt.modelling;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import vn.dienbien.tdkt.modelling.Expressions.Root;
import vn.dienbien.tdkt.modelling.Expressions.Use;

/** What the roots of a diagram's expressions may be: the application's beans, the engine's names, declared variables. */
final class ExpressionRules {

    /** Where a delegate expression stands, which tells the kind of bean it needs. */
    enum Place { ACTIVITY, TASK_LISTENER, EXECUTION_LISTENER }

    /** Objects the engine itself puts into expressions. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "variableScope",
            "authenticatedUserId", "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
    /** Functions the engine offers in expressions. */
    private static final Set<String> ENGINE_FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

    private final Set<String> beans;
    private final Set<String> declared;
    private final ModelFacts facts;

    /** {@code declared}: the variables the diagram names itself (loop variables, input/output parameters…). */
    ExpressionRules(ModelFacts facts, Set<String> declared) {
        this.facts = facts;
        this.beans = facts.beanNames();
        this.declared = declared;
    }

    /** A delegate expression names a bean of the application, of the kind its place needs. */
    void delegate(String text, Place place, Consumer<String> report) {
        if (!Expressions.isSingle(text)) {
            report.accept("delegateExpression \"" + text + "\" phải có dạng ${tênBean}.");
            return;
        }
        String body = Expressions.bodies(text).get(0);
        List<Root> roots = Expressions.roots(body);
        if (roots.isEmpty() || !beans.contains(roots.get(0).name())) {
            String name = roots.isEmpty() ? body.trim() : roots.get(0).name();
            report.accept("không có bean \"" + name + "\" trong ứng dụng (delegateExpression)." + suggestion(name));
            return;
        }
        if (roots.size() == 1 && body.trim().equals(roots.get(0).name())) {
            Class<?> type = facts.beanType(body.trim());
            String kind = kindMismatch(place, type);
            if (kind != null) {
                report.accept("bean \"" + body.trim() + "\" không phải " + kind + " (delegateExpression).");
            }
        }
        roots.stream().skip(1).forEach(root -> value(root, report));
    }

    private static String kindMismatch(Place place, Class<?> type) {
        if (type == null) {
            return null;
        }
        if (place == Place.TASK_LISTENER) {
            return TaskListener.class.isAssignableFrom(type) ? null : "bộ lắng nghe nhiệm vụ (task listener)";
        }
        if (place == Place.EXECUTION_LISTENER) {
            return ExecutionListener.class.isAssignableFrom(type) || JavaDelegate.class.isAssignableFrom(type)
                    ? null : "bộ lắng nghe thực thi (execution listener)";
        }
        return JavaDelegate.class.isAssignableFrom(type) || ActivityBehavior.class.isAssignableFrom(type)
                ? null : "một bước xử lý tự động (delegate)";
    }

    /** An expression run for what it does (camunda:expression): it calls a bean or the engine's objects. */
    void sideEffect(String text, Consumer<String> report) {
        for (String body : Expressions.bodies(text)) {
            List<Root> roots = Expressions.roots(body);
            if (roots.isEmpty()) {
                continue;
            }
            Root first = roots.get(0);
            if (!beans.contains(first.name()) && !ENGINE_OBJECTS.contains(first.name())) {
                report.accept("biểu thức \"" + text + "\" gọi \"" + first.name() + "\", không phải bean của ứng dụng"
                        + "." + suggestion(first.name()));
            }
            roots.stream().skip(1).forEach(root -> value(root, report));
        }
        if (!Expressions.isExpression(text)) {
            report.accept("expression \"" + text + "\" không phải biểu thức.");
        }
    }

    /** Expressions for values (conditions, names, dates, groups, collections): see {@link #value}. */
    void values(String text, Consumer<String> report) {
        for (String body : Expressions.bodies(text)) {
            Expressions.roots(body).forEach(root -> value(root, report));
        }
    }

    /**
     * A root is a bean, one of the engine's objects or functions, or a variable the diagram declares;
     * otherwise it must be used as a plain value (a process variable set by a delegate or a form) and
     * not be a typo of a bean's name (see {@link #misspelt}).
     */
    private void value(Root root, Consumer<String> report) {
        String name = root.name();
        if (beans.contains(name) || ENGINE_OBJECTS.contains(name) || declared.contains(name)
                || (root.use() == Use.FUNCTION && ENGINE_FUNCTIONS.contains(name))) {
            return;
        }
        if (root.use() != Use.VALUE) {
            report.accept("biểu thức dùng \"" + name + "\" như một bean nhưng ứng dụng không có bean này"
                    + "." + suggestion(name));
            return;
        }
        String near = nearestBean(name);
        if (near != null && misspelt(name, near)) {
            report.accept("\"" + name + "\" không phải bean cũng không phải biến khai báo trong sơ đồ; "
                    + "có phải là bean \"" + near + "\"?");
        }
    }

    /**
     * One letter added, left out, changed or swapped in a long name: a typo. A plural or singular of a bean's
     * name is not one ({@code campaign} may well be a variable beside a bean {@code campaigns}).
     */
    static boolean misspelt(String name, String bean) {
        return name.length() >= 8 && Expressions.distance(name, bean) == 1
                && !name.equals(bean + "s") && !bean.equals(name + "s");
    }

    private String suggestion(String name) {
        String near = nearestBean(name);
        return near != null && Expressions.distance(name, near) <= 3 ? " Có phải là \"" + near + "\"?" : "";
    }

    private String nearestBean(String name) {
        return beans.stream().filter(bean -> Math.abs(bean.length() - name.length()) <= 3)
                .min(Comparator.comparingInt((String bean) -> Expressions.distance(name, bean)).thenComparing(b -> b))
                .orElse(null);
    }
}
