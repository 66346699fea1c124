package vn.dienbien.tdkt.platform;

import java.util.Set;

/**
 * Variables of one process that the system sets from the case's records, or derives from a value the history
 * already keeps: the eligibility table's summary (the rules' results are in our tables), a gateway's flag computed
 * from the person's own decision, the deadline that is also the task's due date, the decision's number copied into
 * the case. Each module declares its own as a bean, and every name must also be a {@link ProtectedVariables} name
 * (no task or call may write it). At history level {@code tdkt-audit} {@link AuditHistoryWriter} writes no
 * act_hi_detail row when the system sets or removes one (issue 12): the timeline shows the step, the person's
 * values and the record the value came from. A value sent by a person (a user operation) keeps its row.
 */
public record DerivedVariables(String processKey, Set<String> names) {

    public static DerivedVariables of(String processKey, String... names) {
        return new DerivedVariables(processKey, Set.of(names));
    }
}
