package vn.dienbien.tdkt;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/**
 * A case's variables as its history keeps them at level tdkt-audit: the detail rows (act_hi_detail) of every
 * value a person or a delegate set, in the order they were written; the engine's act_hi_varinst is not written
 * there (AuditHistoryLevel).
 */
public final class HistoricValues {

    private HistoricValues() {
    }

    /** Every recorded change of a variable of the case, oldest first. */
    public static List<HistoricVariableUpdate> updates(HistoryService history, String processInstanceId) {
        return history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates()
                .orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast).toList();
    }

    /** The value last recorded for the variable in the case's history; fails when it was never recorded. */
    public static Object last(HistoryService history, String processInstanceId, String name) {
        List<HistoricVariableUpdate> changes = updates(history, processInstanceId).stream()
                .filter(u -> u.getVariableName().equals(name)).toList();
        if (changes.isEmpty()) {
            throw new AssertionError("No value of " + name + " in the history of case " + processInstanceId);
        }
        return changes.get(changes.size() - 1).getValue();
    }
}
