package vn.dienbien.tdkt.modelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import vn.dienbien.tdkt.modelling.Expressions.Root;
import vn.dienbien.tdkt.modelling.Expressions.Use;

/** The rules of {@link ModelCheck} for one BPMN diagram of a deployment. */
final class DiagramCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** Objects the engine itself puts into expressions. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "variableScope",
            "authenticatedUserId", "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
    /** Functions the engine offers in expressions. */
    private static final Set<String> ENGINE_FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");
    /** Elements that belong to their parent when a problem is reported (no id of their own worth naming). */
    private static final Set<String> PARTS = Set.of("conditionExpression", "completionCondition", "loopCardinality",
            "timeDate", "timeDuration", "timeCycle", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics");

    private final String resource;
    private final ModelFacts facts;
    private final Set<String> beans;
    private final ModelCheck.Contents deployment;
    private final List<ModelProblem> problems;
    private final Set<String> declared = new HashSet<>();

    DiagramCheck(String resource, ModelFacts facts, ModelCheck.Contents deployment, List<ModelProblem> problems) {
        this.resource = resource;
        this.facts = facts;
        this.beans = facts.beanNames();
        this.deployment = deployment;
        this.problems = problems;
    }

    void check(Document document) {
        declare(document.getDocumentElement());
        for (Element process : children(document.getDocumentElement())) {
            if (is(process, BPMN, "process") && !"false".equals(process.getAttribute("isExecutable"))) {
                String ttl = process.getAttributeNS(CAMUNDA, "historyTimeToLive");
                if (ttl.isBlank()) {
                    report(process, "quy trình chưa khai báo thời hạn lưu lịch sử (historyTimeToLive, số ngày): "
                            + "thiếu nó thì lịch sử không bao giờ được dọn theo quy định lưu trữ.");
                } else if (!validTimeToLive(ttl)) {
                    report(process, "thời hạn lưu lịch sử (historyTimeToLive) \"" + ttl + "\" không phải số ngày.");
                }
                visit(process);
            }
        }
    }

    private void visit(Element element) {
        inspect(element);
        for (Element child : children(element)) {
            if (!is(child, BPMN, "documentation") && !is(child, BPMN, "textAnnotation")) {
                visit(child);
            }
        }
    }

    /** Names a diagram gives variables itself (loop variables, input/output mappings, form fields…). */
    private void declare(Element element) {
        for (String attribute : List.of("elementVariable", "resultVariable", "initiator", "variableName")) {
            String name = element.getAttributeNS(CAMUNDA, attribute);
            if (!name.isBlank()) {
                declared.add(name.trim());
            }
        }
        if (CAMUNDA.equals(element.getNamespaceURI())) {
            String local = element.getLocalName();
            if (local.equals("inputParameter") || local.equals("outputParameter")) {
                declared.add(element.getAttribute("name"));
            } else if (local.equals("formField")) {
                declared.add(element.getAttribute("id"));
            } else if (local.equals("in") || local.equals("out")) {
                declared.add(element.getAttribute("target"));
            }
        }
        children(element).forEach(this::declare);
    }

    private void inspect(Element element) {
        boolean camundaElement = CAMUNDA.equals(element.getNamespaceURI());
        if (is(element, BPMN, "scriptTask") || is(element, CAMUNDA, "script")
                || !element.getAttribute("language").isBlank() || !element.getAttributeNS(CAMUNDA, "resource").isBlank()) {
            report(element, "không dùng mã kịch bản (script) trong sơ đồ: mã ấy chạy trong máy chủ với toàn quyền, "
                    + "ngoài kiểm thử và kiểm soát của ứng dụng; hãy gọi một bean bằng delegateExpression.");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean camunda = CAMUNDA.equals(ns) || (ns == null && camundaElement);
            String value = attribute.getValue();
            if (camunda && name.equals("class")) {
                report(element, "không dùng lớp Java (camunda:class): lớp ấy được tạo ngoài Spring, "
                        + "không có dịch vụ, giao dịch và kiểm thử của ứng dụng; hãy dùng delegateExpression với "
                        + "một bean.");
            } else if (camunda && name.equals("delegateExpression")) {
                delegate(element, value);
            } else if (camunda && name.equals("expression") && (!camundaElement || is(element, CAMUNDA, "taskListener")
                    || is(element, CAMUNDA, "executionListener"))) {
                sideEffect(element, value);
            } else if (camunda && name.equals("candidateGroups") && is(element, BPMN, "userTask")) {
                candidateGroups(element, value);
            } else if (Expressions.isExpression(value)) {
                values(element, value);
            }
        }
        if (!camundaElement || !element.getLocalName().equals("script")) {
            String text = ownText(element);
            if (Expressions.isExpression(text)) {
                values(element, text);
            }
        }
        if (is(element, BPMN, "userTask")) {
            userTask(element);
        } else if (is(element, BPMN, "startEvent")) {
            forms(element);
        } else if (is(element, BPMN, "businessRuleTask")) {
            decision(element);
        } else if (is(element, BPMN, "timerEventDefinition")) {
            timer(element);
        }
    }

    /** A delegate expression names a bean of the application, of the kind its place needs. */
    private void delegate(Element element, String text) {
        if (!Expressions.isSingle(text)) {
            report(element, "delegateExpression \"" + text + "\" phải có dạng ${tênBean}.");
            return;
        }
        String body = Expressions.bodies(text).get(0);
        List<Root> roots = Expressions.roots(body);
        if (roots.isEmpty() || !beans.contains(roots.get(0).name())) {
            String name = roots.isEmpty() ? body.trim() : roots.get(0).name();
            report(element, "không có bean \"" + name + "\" trong ứng dụng (delegateExpression)" + suggestion(name) + ".");
            return;
        }
        if (roots.size() == 1 && body.trim().equals(roots.get(0).name())) {
            Class<?> type = facts.beanType(body.trim());
            String kind = kindMismatch(element, type);
            if (kind != null) {
                report(element, "bean \"" + body.trim() + "\" không phải " + kind + " (delegateExpression).");
            }
        }
        roots.stream().skip(1).forEach(root -> value(element, root));
    }

    private static String kindMismatch(Element element, Class<?> type) {
        if (type == null) {
            return null;
        }
        if (is(element, CAMUNDA, "taskListener")) {
            return TaskListener.class.isAssignableFrom(type) ? null : "bộ lắng nghe nhiệm vụ (task listener)";
        }
        if (is(element, CAMUNDA, "executionListener")) {
            return ExecutionListener.class.isAssignableFrom(type) || JavaDelegate.class.isAssignableFrom(type)
                    ? null : "bộ lắng nghe thực thi (execution listener)";
        }
        return JavaDelegate.class.isAssignableFrom(type) || ActivityBehavior.class.isAssignableFrom(type)
                ? null : "một bước xử lý tự động (delegate)";
    }

    /** An expression run for what it does (camunda:expression): it calls a bean or the engine's objects. */
    private void sideEffect(Element element, String text) {
        for (String body : Expressions.bodies(text)) {
            List<Root> roots = Expressions.roots(body);
            if (roots.isEmpty()) {
                continue;
            }
            Root first = roots.get(0);
            if (!beans.contains(first.name()) && !ENGINE_OBJECTS.contains(first.name())) {
                report(element, "biểu thức \"" + text + "\" gọi \"" + first.name() + "\", không phải bean của ứng dụng"
                        + suggestion(first.name()) + ".");
            }
            roots.stream().skip(1).forEach(root -> value(element, root));
        }
        if (!Expressions.isExpression(text)) {
            report(element, "expression \"" + text + "\" không phải biểu thức.");
        }
    }

    /** Expressions for values (conditions, names, dates, groups, collections): see {@link #value}. */
    private void values(Element element, String text) {
        for (String body : Expressions.bodies(text)) {
            Expressions.roots(body).forEach(root -> value(element, root));
        }
    }

    /**
     * A root is a bean, one of the engine's objects or functions, or a variable the diagram declares;
     * otherwise it must be used as a plain value (a process variable set by a delegate or a form) and
     * not be a typo of a bean's name (see {@link #misspelt}).
     */
    private void value(Element element, Root root) {
        String name = root.name();
        if (beans.contains(name) || ENGINE_OBJECTS.contains(name) || declared.contains(name)
                || (root.use() == Use.FUNCTION && ENGINE_FUNCTIONS.contains(name))) {
            return;
        }
        if (root.use() != Use.VALUE) {
            report(element, "biểu thức dùng \"" + name + "\" như một bean nhưng ứng dụng không có bean này"
                    + suggestion(name) + ".");
            return;
        }
        String near = nearestBean(name);
        if (near != null && misspelt(name, near)) {
            report(element, "\"" + name + "\" không phải bean cũng không phải biến khai báo trong sơ đồ; "
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
        return near != null && Expressions.distance(name, near) <= 3 ? "; có phải là \"" + near + "\"?" : "";
    }

    private String nearestBean(String name) {
        return beans.stream().filter(bean -> Math.abs(bean.length() - name.length()) <= 3)
                .min(Comparator.comparingInt((String bean) -> Expressions.distance(name, bean)).thenComparing(b -> b))
                .orElse(null);
    }

    private void candidateGroups(Element element, String value) {
        for (String group : splitList(value)) {
            if (Expressions.isExpression(group)) {
                values(element, group);
            } else if (!facts.isGroup(group)) {
                report(element, "nhóm ứng viên \"" + group + "\" không có trong danh mục nhóm (nhóm Camunda, nhóm vai trò "
                        + "hoặc nhóm của đơn vị); không ai nhận được nhiệm vụ này.");
            }
        }
    }

    /** Items of a comma-separated list; commas inside an expression do not split it. */
    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                items.add(item.toString().trim());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString().trim());
        items.removeIf(String::isEmpty);
        return items;
    }

    private void userTask(Element task) {
        String groups = task.getAttributeNS(CAMUNDA, "candidateGroups");
        boolean assigned = !groups.isBlank()
                || Expressions.isExpression(task.getAttributeNS(CAMUNDA, "assignee"))
                || Expressions.isExpression(task.getAttributeNS(CAMUNDA, "candidateUsers"))
                || !descendants(task, BPMN, "potentialOwner").isEmpty()
                || !descendants(task, BPMN, "humanPerformer").isEmpty();
        if (!assigned) {
            report(task, "nhiệm vụ chưa giao cho ai: cần nhóm ứng viên (candidateGroups) hoặc người nhận là biểu thức "
                    + "(assignee).");
        }
        boolean hasForm = !task.getAttributeNS(CAMUNDA, "formKey").isBlank()
                || !task.getAttributeNS(CAMUNDA, "formRef").isBlank()
                || !descendants(task, CAMUNDA, "formField").isEmpty();
        if (!hasForm) {
            report(task, "nhiệm vụ chưa có biểu mẫu (formKey hoặc formRef): người nhận không có gì để điền.");
        }
        forms(task);
    }

    private void forms(Element element) {
        String formRef = element.getAttributeNS(CAMUNDA, "formRef").trim();
        if (!formRef.isEmpty() && !Expressions.isExpression(formRef)) {
            boolean sameDeployment = "deployment".equals(element.getAttributeNS(CAMUNDA, "formRefBinding"));
            if (!deployment.formIds().contains(formRef) && (sameDeployment || !facts.isDeployedForm(formRef))) {
                report(element, "biểu mẫu Camunda \"" + formRef + "\" không có trong lần triển khai này"
                        + (sameDeployment ? " (formRefBinding=deployment)." : " và chưa từng được triển khai."));
            }
        }
        String formKey = element.getAttributeNS(CAMUNDA, "formKey").trim();
        if (!formKey.isEmpty() && !Expressions.isExpression(formKey)) {
            formKey(element, formKey);
        }
    }

    private void formKey(Element element, String formKey) {
        String location = formKey.startsWith("embedded:") ? formKey.substring("embedded:".length())
                : formKey.startsWith("camunda-forms:") ? formKey.substring("camunda-forms:".length()) : null;
        if (location == null) {
            report(element, "khóa biểu mẫu \"" + formKey + "\" không thuộc loại ứng dụng dùng (embedded:/forms/….html, "
                    + "embedded:deployment:…, camunda-forms:… hoặc formRef).");
        } else if (location.startsWith("deployment:")) {
            String path = location.substring("deployment:".length());
            if (!deployment.resourceNames().contains(path) && !deployment.resourceNames().contains("/" + path)) {
                report(element, "biểu mẫu \"" + path + "\" (" + formKey + ") không có trong lần triển khai này.");
            }
        } else if (location.startsWith("app:")) {
            report(element, "biểu mẫu \"" + formKey + "\" dùng đường dẫn app:, nhưng ứng dụng không đăng ký process "
                    + "application nên Tasklist không tìm được; hãy dùng embedded:/forms/….html.");
        } else if (!location.startsWith("/") || !facts.isServed(location)) {
            report(element, "ứng dụng không phục vụ biểu mẫu \"" + location + "\" (" + formKey + "); các biểu mẫu "
                    + "nhúng nằm trong thư mục forms/ và được mở tại /forms/….");
        }
    }

    private void decision(Element task) {
        String ref = task.getAttributeNS(CAMUNDA, "decisionRef").trim();
        if (ref.isEmpty() || Expressions.isExpression(ref)) {
            return;
        }
        boolean sameDeployment = "deployment".equals(task.getAttributeNS(CAMUNDA, "decisionRefBinding"));
        if (!deployment.decisionIds().contains(ref) && (sameDeployment || !facts.isDeployedDecision(ref))) {
            report(task, "bảng quyết định DMN \"" + ref + "\" không có trong lần triển khai này"
                    + (sameDeployment ? " (decisionRefBinding=deployment)." : " và chưa từng được triển khai."));
        }
    }

    private void timer(Element definition) {
        boolean any = false;
        for (Element part : children(definition)) {
            String kind = BPMN.equals(part.getNamespaceURI()) ? part.getLocalName() : "";
            if (!Set.of("timeDate", "timeDuration", "timeCycle").contains(kind)) {
                continue;
            }
            any = true;
            String text = part.getTextContent().trim();
            if (text.isEmpty()) {
                report(part, "bộ hẹn giờ (" + kind + ") chưa có giá trị.");
            } else if (!Expressions.isExpression(text) && !parses(kind, text)) {
                report(part, switch (kind) {
                    case "timeDate" -> "ngày giờ hẹn \"" + text + "\" không đúng ISO 8601 (ví dụ 2026-03-30T17:00:00+07:00).";
                    case "timeDuration" -> "khoảng thời gian \"" + text + "\" không đúng ISO 8601 (ví dụ P3D, PT12H).";
                    default -> "chu kỳ \"" + text + "\" không đúng ISO 8601 (ví dụ R3/PT10H) hay biểu thức cron "
                            + "(ví dụ 0 30 1 * * ?).";
                });
            }
        }
        if (!any) {
            report(definition, "bộ hẹn giờ chưa có ngày giờ, khoảng thời gian hay chu kỳ.");
        }
    }

    /** The literal reads as the engine itself will read it when the timer is created. */
    static boolean parses(String kind, String text) {
        try {
            var due = switch (kind) {
                case "timeDate" -> new DueDateBusinessCalendar().resolveDuedate(text);
                case "timeDuration" -> new DurationBusinessCalendar().resolveDuedate(text);
                default -> new CycleBusinessCalendar().resolveDuedate(text);
            };
            return due != null;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    static boolean validTimeToLive(String ttl) {
        try {
            Integer days = ParseUtil.parseHistoryTimeToLive(ttl.trim());
            return days != null && days >= 0;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private void report(Element at, String problem) {
        Element owner = owner(at);
        String id = owner == null ? null : owner.getAttribute("id");
        String name = owner == null ? null : owner.getAttribute("name");
        problems.add(new ModelProblem(resource, id, name, problem));
    }

    /** The element a person finds in Modeler: the nearest BPMN element with an id of its own. */
    private static Element owner(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (BPMN.equals(e.getNamespaceURI()) && e.hasAttribute("id") && !PARTS.contains(e.getLocalName())
                    && !e.getLocalName().endsWith("EventDefinition")) {
                return e;
            }
        }
        return null;
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }

    static boolean is(Element element, String ns, String local) {
        return ns.equals(element.getNamespaceURI()) && local.equals(element.getLocalName());
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static List<Element> descendants(Element element, String ns, String local) {
        List<Element> found = new ArrayList<>();
        var nodes = element.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
