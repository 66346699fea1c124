package vn.dienbien.tdkt.modelling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.w3c.dom.Document;

/**
 * The rules a deployment must pass before the engine takes it (kiểm tra sơ đồ khi triển khai). Pure:
 * it reads the deployment's files and asks {@link ModelFacts} about the world outside them.
 *
 * <ul>
 * <li>Every BPMN and DMN file reads with Camunda's model API; every Camunda Form has an id.</li>
 * <li>Every executable process, every DMN decision has a history time to live.</li>
 * <li>{@code delegateExpression} (service tasks, listeners, message events) is {@code ${bean}} of an existing
 * bean of the right kind; {@code camunda:class} and scripts are refused.</li>
 * <li>{@code camunda:expression} (what a task or listener does) starts from a bean or the engine's
 * {@code execution}/{@code task}.</li>
 * <li>In every other expression (conditions, names, dates, candidate groups, collections…) each root is a bean,
 * an object or function of the engine, a variable the diagram declares (loop variables, input/output
 * parameters, form fields, result variables), or a plain value (a process variable a delegate sets) whose name
 * is not a typo (one letter off) of a bean's.</li>
 * <li>A user task has candidate groups (or an assignee expression) and a form; literal candidate groups exist;
 * forms and decisions referred to are in the deployment or already deployed, embedded forms are served.</li>
 * <li>Timer literals read as the engine reads them (ISO 8601 date, duration, repetition, or cron).</li>
 * </ul>
 */
public final class ModelCheck {

    /** What a deployment itself carries: file names, Camunda Form ids, DMN decision ids. */
    record Contents(Set<String> resourceNames, Set<String> formIds, Set<String> decisionIds) {
    }

    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelFacts facts;

    public ModelCheck(ModelFacts facts) {
        this.facts = facts;
    }

    /** The problems of a deployment's files (name → content), in file order; empty when it may be deployed. */
    public List<ModelProblem> check(Map<String, byte[]> resources) {
        Map<String, byte[]> files = new TreeMap<>(resources);
        List<ModelProblem> problems = new ArrayList<>();
        Set<String> formIds = new HashSet<>();
        Set<String> decisionIds = new HashSet<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                form(name, bytes, formIds, problems);
            } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                decisions(name, bytes, decisionIds, problems);
            }
        });
        var contents = new Contents(files.keySet(), formIds, decisionIds);
        files.forEach((name, bytes) -> {
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                diagram(name, bytes, contents, problems);
            }
        });
        return problems;
    }

    /** The Vietnamese answer to a refused deployment: every problem on its own line. */
    public static String refusal(List<ModelProblem> problems) {
        StringBuilder message = new StringBuilder("Không triển khai được: sơ đồ có ").append(problems.size())
                .append(" lỗi cần sửa trong Camunda Modeler trước khi triển khai lại.");
        int shown = Math.min(problems.size(), 40);
        for (int i = 0; i < shown; i++) {
            message.append('\n').append(i + 1).append(". ").append(problems.get(i).describe());
        }
        if (shown < problems.size()) {
            message.append("\n… và ").append(problems.size() - shown).append(" lỗi khác.");
        }
        return message.toString();
    }

    private void diagram(String name, byte[] bytes, Contents contents, List<ModelProblem> problems) {
        Document document;
        try {
            Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
            document = parse(bytes);
        } catch (Exception unreadable) {
            problems.add(new ModelProblem(name, null, null, "tệp không đọc được như một sơ đồ BPMN 2.0 (XML sai cấu trúc "
                    + "hoặc không đúng lược đồ BPMN); hãy mở và lưu lại bằng Camunda Modeler."));
            return;
        }
        new DiagramCheck(name, facts, contents, problems).check(document);
    }

    private static void decisions(String name, byte[] bytes, Set<String> ids, List<ModelProblem> problems) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException unreadable) {
            problems.add(new ModelProblem(name, null, null, "tệp không đọc được như một bảng quyết định DMN "
                    + "(XML sai cấu trúc hoặc không đúng lược đồ DMN)."));
            return;
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            ids.add(decision.getId());
            String ttl = decision.getDomElement().getAttribute(CAMUNDA_DMN, "historyTimeToLive");
            if (ttl == null || ttl.isBlank()) {
                problems.add(new ModelProblem(name, decision.getId(), decision.getName(),
                        "bảng quyết định chưa khai báo thời hạn lưu lịch sử (historyTimeToLive, số ngày)."));
            } else if (!Literals.validTimeToLive(ttl)) {
                problems.add(new ModelProblem(name, decision.getId(), decision.getName(),
                        "thời hạn lưu lịch sử (historyTimeToLive) \"" + ttl + "\" không phải số ngày."));
            }
        }
    }

    private static void form(String name, byte[] bytes, Set<String> ids, List<ModelProblem> problems) {
        try {
            JsonNode form = JSON.readTree(bytes);
            String id = form == null ? "" : form.path("id").asText("");
            if (id.isBlank()) {
                problems.add(new ModelProblem(name, null, null, "biểu mẫu Camunda chưa có mã (id)."));
            } else {
                ids.add(id);
            }
        } catch (java.io.IOException unreadable) {
            problems.add(new ModelProblem(name, null, null, "biểu mẫu Camunda không đọc được (JSON sai cấu trúc)."));
        }
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
