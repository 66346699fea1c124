package vn.dienbien.tdkt.platform;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
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
 */
class AuditHistoryWriter extends DbHistoryEventHandler {

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
        if (!(Context.getProcessEngineConfiguration().getHistoryLevel() instanceof AuditHistoryLevel)) {
            super.insertHistoricVariableUpdateEntity(event);
            return;
        }
        if (!shouldWriteHistoricDetail(event)) {
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
}
