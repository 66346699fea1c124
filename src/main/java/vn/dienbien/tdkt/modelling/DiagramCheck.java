package vn.dienbien.tdkt.modelling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** The rules of {@link ModelCheck} for one BPMN diagram of a deployment. */
final class DiagramCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** Elements that belong to their parent when a problem is reported (no id of their own worth naming). */
    private static final Set<String> PARTS = Set.of("conditionExpression", "completionCondition", "loopCardinality",
            "timeDate", "timeDuration", "timeCycle", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics");

    private final String resource;
    private final ModelFacts facts;
    private final ModelCheck.Contents deployment;
    private final List<ModelProblem> problems;
    private final Set<String> declared = new HashSet<>();
    private final ExpressionRules expressions;

    DiagramCheck(String resource, ModelFacts facts, ModelCheck.Contents deployment, List<ModelProblem> problems) {
        this.resource = resource;
        this.facts = facts;
        this.deployment = deployment;
        this.problems = problems;
        this.expressions = new ExpressionRules(facts, declared);
    }

    void check(Document document) {
        declare(document.getDocumentElement());
        for (Element process : children(document.getDocumentElement())) {
            if (is(process, BPMN, "process") && !"false".equals(process.getAttribute("isExecutable"))) {
                String ttl = process.getAttributeNS(CAMUNDA, "historyTimeToLive");
                if (ttl.isBlank()) {
                    report(process, "quy trình chưa khai báo thời hạn lưu lịch sử (historyTimeToLive, số ngày): "
                            + "thiếu nó thì lịch sử không bao giờ được dọn theo quy định lưu trữ.");
                } else if (!Literals.validTimeToLive(ttl)) {
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
                expressions.delegate(value, place(element), problem -> report(element, problem));
            } else if (camunda && name.equals("expression") && (!camundaElement || is(element, CAMUNDA, "taskListener")
                    || is(element, CAMUNDA, "executionListener"))) {
                expressions.sideEffect(value, problem -> report(element, problem));
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

    private void values(Element element, String text) {
        expressions.values(text, problem -> report(element, problem));
    }

    private static ExpressionRules.Place place(Element element) {
        return is(element, CAMUNDA, "taskListener") ? ExpressionRules.Place.TASK_LISTENER
                : is(element, CAMUNDA, "executionListener") ? ExpressionRules.Place.EXECUTION_LISTENER
                : ExpressionRules.Place.ACTIVITY;
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
            reportIf(element, Literals.formRefProblem(formRef, sameDeployment, deployment, facts));
        }
        String formKey = element.getAttributeNS(CAMUNDA, "formKey").trim();
        if (!formKey.isEmpty() && !Expressions.isExpression(formKey)) {
            reportIf(element, Literals.formKeyProblem(formKey, deployment, facts));
        }
    }

    private void decision(Element task) {
        String ref = task.getAttributeNS(CAMUNDA, "decisionRef").trim();
        if (!ref.isEmpty() && !Expressions.isExpression(ref)) {
            boolean sameDeployment = "deployment".equals(task.getAttributeNS(CAMUNDA, "decisionRefBinding"));
            reportIf(task, Literals.decisionProblem(ref, sameDeployment, deployment, facts));
        }
    }

    private void timer(Element definition) {
        boolean any = false;
        for (Element part : children(definition)) {
            String kind = BPMN.equals(part.getNamespaceURI()) ? part.getLocalName() : "";
            if (Set.of("timeDate", "timeDuration", "timeCycle").contains(kind)) {
                any = true;
                String text = part.getTextContent().trim();
                reportIf(part, text.isEmpty() ? "bộ hẹn giờ (" + kind + ") chưa có giá trị."
                        : Expressions.isExpression(text) ? null : Literals.timerProblem(kind, text));
            }
        }
        if (!any) {
            report(definition, "bộ hẹn giờ chưa có ngày giờ, khoảng thời gian hay chu kỳ.");
        }
    }

    private void reportIf(Element at, String problem) {
        if (problem != null) {
            report(at, problem);
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
