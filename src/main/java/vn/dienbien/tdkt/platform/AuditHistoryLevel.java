package vn.dienbien.tdkt.platform;

import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.jobexecutor.AsyncContinuationJobHandler;
import org.camunda.bpm.engine.impl.migration.instance.MigratingActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

/**
 * The engine's history the audit needs (issue 12): level full, without the rows that record no act and no
 * decision, or only repeat what other history rows or our records hold. What stays is every step a person or a
 * rule acts in — user tasks with their assignees and completers, service and rule tasks, call activities,
 * timers, messages, conditions, sub-processes, the case's start and end events and every end event that tells
 * which way a case or a sub-process ended — every value a person or a delegate sets, with its changes, and every
 * failure of a job.
 *
 * <p>Not written (the audit timeline, its exports, the diagram, migration and our tests read none of it):
 * <ul>
 * <li>activity instances of exclusive, parallel and inclusive gateways and of none intermediate throw events:
 * nobody acts there and no time passes; the branch taken is the step that follows. Event-based gateways stay
 * (a case waits in them);</li>
 * <li>the none start event of an embedded sub-process and its end event when it has only one: the sub-process's
 * own row has the same start and end;</li>
 * <li>the historic variable instances (act_hi_varinst: one row per variable with its last value, 13.5 of the
 * 72.4 KB of an awarded dossier in the province benchmark): nothing of ours reads them. Every value a person or a
 * delegate sets is in act_hi_detail, with its time, task and revision, and the timeline shows it with the value
 * before (the detail row before it) and after. One event of the engine writes both tables, so this level lets
 * the variables' events through and the database handler, {@link AuditHistoryWriter}, writes only their detail
 * rows;</li>
 * <li>the multi-instance counters ({@code loopCounter}, {@code nrOf…Instances}) in act_hi_detail: the engine's
 * bookkeeping of the members' ballots, whose tasks (who, when, outcome) are in the task history and whose votes
 * are in our tables;</li>
 * <li>the values a case is started with (ids, names and dates copied from our records by the service that starts
 * it; protected variables, which no task or call may change afterwards): no detail rows, and so in no history
 * table. Which record a case is about is its business key (shown as "Mã nghiệp vụ" in the timeline's first entry,
 * "Bắt đầu vụ việc") and the record that names the case ({@code process_instance_id}), whose data the timeline
 * shows and the ledger seals with the case; act_hi_procinst keeps who started the case and when. A later change
 * of such a value would show "(giá trị trước không được ghi lại)" as its value before. Values set later by a
 * person keep their detail rows, and so do those a delegate sets, except the {@link DerivedVariables} and the
 * removals the system makes ({@link AuditHistoryWriter}). (The engine's "restart with the initial variables" reads
 * these rows; we do not restart cases.)</li>
 * <li>the job log's creations and deletions (act_hi_job_log): a timer or continuation scheduled, or a deadline
 * timer dropped because its task was done in time; and the success of an asynchronous continuation at its first
 * try (the step it continued into has its own row, with its times). A timer that fires and a continuation that
 * runs are steps (act_hi_actinst); a job's failures (error, retries left, host) stay, and so does the success that
 * ends them, and a timer's.</li>
 * </ul>
 * Filtering both the start and the end of an activity by its type keeps the engine consistent (an end event is
 * an update of the row its start wrote). History cleanup, removal times and the deletion of a case's history
 * delete by case and find no act_hi_varinst rows to delete; the engine's queries of historic details
 * (HistoricDetailQuery) do not read act_hi_varinst. Its queries of historic process instances and tasks by
 * variable value do, and find nothing at this level: nothing of ours uses them.
 */
final class AuditHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "tdkt-audit";
    /** Camunda's own levels are 0–3; a custom level needs an id of its own, stored in ACT_GE_PROPERTY. */
    static final int ID = 31;

    private static final Set<String> SILENT_TYPES = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "intermediateNoneThrowEvent");
    private static final Set<String> ENGINE_COUNTERS = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances");

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity == null) {
            return true; // asked while parsing: may the type be produced at all (yes, all of full's)
        }
        if (eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE) {
            return !isSilent(activityOf(entity));
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE) {
            return false; // writes only act_hi_varinst (a migrated variable's new definition)
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_DELETE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            // Produced for their detail rows (AuditHistoryWriter writes no act_hi_varinst).
            String name = variableNameOf(entity);
            if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                    && entity instanceof HistoricVariableUpdateEventEntity update && Boolean.TRUE.equals(update.isInitial())) {
                return false; // a value the case was started with: a copy of our record's, in no history table
            }
            return name == null || !ENGINE_COUNTERS.contains(name);
        }
        if (eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_DELETE) {
            return false;
        }
        if (eventType == HistoryEventTypes.JOB_SUCCESS && entity instanceof JobEntity job) {
            return !isFirstTryContinuation(job);
        }
        return true;
    }

    /**
     * An asynchronous continuation that succeeds at its first try: its step's own row (act_hi_actinst) has the time
     * it ran. One that failed before keeps its success (the failures and their end belong together); timers keep it.
     */
    private static boolean isFirstTryContinuation(JobEntity job) {
        return AsyncContinuationJobHandler.TYPE.equals(job.getJobHandlerType()) && job.getExceptionByteArrayId() == null
                && job.getExceptionMessage() == null;
    }

    /** The activity the engine's event producer would name in the row (its activity, else its event source). */
    private static ScopeImpl activityOf(Object entity) {
        if (entity instanceof ExecutionEntity execution) {
            if (execution.getActivity() != null) {
                return execution.getActivity();
            }
            return execution.getEventSource() instanceof ScopeImpl source ? source : null;
        }
        if (entity instanceof MigratingActivityInstance migrating) {
            return migrating.getSourceScope();
        }
        return null;
    }

    static boolean isSilent(ScopeImpl scope) {
        if (!(scope instanceof ActivityImpl activity)) {
            return false;
        }
        String type = typeOf(activity);
        if (SILENT_TYPES.contains(type)) {
            return true;
        }
        if (!(activity.getFlowScope() instanceof ActivityImpl subProcess) || !"subProcess".equals(typeOf(subProcess))) {
            return false; // the case's own start and end events stay: tests and people read them
        }
        if ("startEvent".equals(type)) {
            return true;
        }
        return "noneEndEvent".equals(type)
                && subProcess.getActivities().stream().filter(a -> typeOf(a).endsWith("EndEvent")).count() == 1;
    }

    private static String typeOf(ActivityImpl activity) {
        Object type = activity.getProperty(BpmnProperties.TYPE.getName());
        return type == null ? "" : type.toString();
    }

    private static String variableNameOf(Object entity) {
        if (entity instanceof VariableInstanceEntity variable) {
            return variable.getName();
        }
        if (entity instanceof HistoricVariableUpdateEventEntity update) {
            return update.getVariableName();
        }
        return null;
    }
}
