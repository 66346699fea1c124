package vn.dienbien.tdkt.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;

/**
 * The steps of one version of a process as people read them: id → Vietnamese name, with the
 * expressions of a name (${unitName}) shown as "…"; and which steps a case can wait in.
 */
final class ActivityNames {

    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Boolean> waits = new LinkedHashMap<>();
    private final Set<String> conditional = new java.util.HashSet<>();

    ActivityNames(BpmnModelInstance model) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            names.put(node.getId(), readable(node.getName(), node.getId()));
            waits.put(node.getId(), canWait(node));
            if (node instanceof CatchEvent event && event.getEventDefinitions().stream()
                    .anyMatch(ConditionalEventDefinition.class::isInstance)) {
                conditional.add(node.getId());
            }
        }
    }

    /**
     * Whether the step waits for a condition ("Đơn vị đã gửi"): the engine moves such a step only
     * with the new version's condition (an updated event trigger).
     */
    boolean isConditional(String activityId) {
        return conditional.contains(base(activityId));
    }

    /** The step's readable name; a multi-instance body is named by its activity. */
    String name(String activityId) {
        String id = base(activityId);
        return names.getOrDefault(id, id);
    }

    boolean contains(String activityId) {
        return names.containsKey(base(activityId));
    }

    /** Ids of the steps a case can sit in (tasks, timers, messages, subprocesses, async steps). */
    Set<String> waitStates() {
        Set<String> ids = new java.util.LinkedHashSet<>();
        waits.forEach((id, wait) -> {
            if (wait) {
                ids.add(id);
            }
        });
        return ids;
    }

    Set<String> ids() {
        return names.keySet();
    }

    static String base(String activityId) {
        return activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
    }

    private static boolean canWait(FlowNode node) {
        if (node instanceof UserTask || node instanceof ReceiveTask || node instanceof SubProcess
                || node instanceof CallActivity || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
                || node instanceof EventBasedGateway) {
            return true;
        }
        return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()
                || node instanceof Activity activity && activity.getLoopCharacteristics() != null;
    }

    /** "Thẩm định ${roundLabel}: ${unitName}" → "Thẩm định …". */
    static String readable(String name, String id) {
        if (name == null || name.isBlank()) {
            return id;
        }
        String shown = name.replaceAll("\\$\\{[^}]*}", "…").replaceAll("…(\\s*[:,\\-–]\\s*…)+", "…")
                .replaceAll("\\s+", " ").trim();
        return shown.isEmpty() ? id : shown;
    }
}
