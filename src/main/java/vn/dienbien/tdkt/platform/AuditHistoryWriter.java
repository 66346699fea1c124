package vn.dienbien.tdkt.platform;

import java.util.Date;
import java.util.function.BiPredicate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;

/**
 * The engine's database history handler, which at level {@code tdkt-audit} writes no historic variable instances
 * (act_hi_varinst, issue 12); at any other level (full) it is the engine's own handler, unchanged.
 *
 * <p>A change of a variable reaches the handler as one event that the engine writes twice: as a detail row
 * (act_hi_detail: the value at that moment, with its time, task and revision) and into the variable's one row in
 * act_hi_varinst (its last value). A history level cannot ask for the one without the other, so
 * {@link AuditHistoryLevel} lets the events through and this handler writes only the detail row, when the level
 * wants it. Leaving act_hi_varinst out also spares the engine a read of that row at every change of a variable and
 * the copy of a binary value into a second byte array.
 *
 * <p>Nor does it write, at that level, the detail rows of what the system alone does with a variable (no user
 * operation: a listener, a delegate, a job): setting a {@link DerivedVariables derived variable} (a copy of the
 * case's records or of a value the history keeps) and removing a variable (a form's value consumed by the step that
 * stored it in our tables). A value a person sends or removes — a task's form, a call through the engine's REST
 * API — is a user operation and keeps its row.
 *
 * <p>At every level it remembers when each case, activity and task it wrote began ({@link StartTimes}): the engine's
 * handler reads that start time back from the database when the scope ends or changes in a later transaction (to
 * write its duration), one statement per step for each of the three.
 */
class AuditHistoryWriter extends DbHistoryEventHandler {

    /** Whether a variable of a process (definition key, variable name) is a derived one. */
    private final BiPredicate<String, String> derived;

    private final StartTimes startTimes;

    AuditHistoryWriter(BiPredicate<String, String> derived) {
        this.derived = derived;
        this.startTimes = new StartTimes(StartTimes.CAPACITY);
    }

    /**
     * As the engine's handler, except that a scope's start time known from its first event is not read again: the
     * engine's handler reads it back (select by id) whenever a later transaction updates the scope, to compute its
     * duration. A start time never changes once written and ids are never reused, so a remembered one is the
     * stored one; one not remembered (after a restart, or forgotten) is read as before.
     */
    @Override
    protected void insertOrUpdate(HistoryEvent event) {
        if (!(event instanceof HistoricScopeInstanceEvent scope) || event.getId() == null) {
            super.insertOrUpdate(event);
            return;
        }
        if (isInitialEvent(event)) {
            super.insertOrUpdate(event);
            startTimes.remember(event.getId(), scope.getStartTime());
            return;
        }
        DbEntityManager entities = getDbEntityManager();
        Date started = startTimes.of(event.getId());
        if (started == null || entities.getCachedEntity(event.getClass(), event.getId()) != null) {
            super.insertOrUpdate(event);
        } else {
            scope.setStartTime(started);
            entities.merge(event);
        }
        if (scope.getEndTime() != null) {
            startTimes.forget(event.getId());
        }
    }

    /**
     * Start times by scope id, at most {@code capacity}, the least recently used forgotten first (a province's open
     * cases, activities and tasks fit: about 100 bytes each); shared by the engine's threads.
     */
    static final class StartTimes {
        static final int CAPACITY = 50_000;
        private final BoundedMemory<String, Date> entries;

        StartTimes(int capacity) {
            this.entries = new BoundedMemory<>(capacity);
        }

        void remember(String id, Date startTime) {
            if (startTime != null) {
                entries.put(id, startTime);
            }
        }

        Date of(String id) {
            return entries.get(id);
        }

        void forget(String id) {
            entries.remove(id);
        }
    }

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
        if (!(Context.getProcessEngineConfiguration().getHistoryLevel() instanceof AuditHistoryLevel)) {
            super.insertHistoricVariableUpdateEntity(event);
            return;
        }
        if (!shouldWriteHistoricDetail(event) || isSystemBookkeeping(event)) {
            return;
        }
        byte[] bytes = event.getByteValue();
        if (bytes != null) {
            // The detail's binary value, removed with the case's history as the engine's own handler does.
            ByteArrayEntity value = new ByteArrayEntity(event.getVariableName(), bytes, ResourceTypes.HISTORY);
            value.setRootProcessInstanceId(event.getRootProcessInstanceId());
            value.setRemovalTime(event.getRemovalTime());
            Context.getCommandContext().getByteArrayManager().insertByteArray(value);
            event.setByteArrayId(value.getId());
        }
        getDbEntityManager().insert(event);
    }

    private boolean isSystemBookkeeping(HistoricVariableUpdateEventEntity event) {
        if (event.getUserOperationId() != null) {
            return false; // a person's act
        }
        return event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)
                || derived.test(event.getProcessDefinitionKey(), event.getVariableName());
    }
}
