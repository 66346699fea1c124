package vn.dienbien.tdkt.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the ledger which cases' history each transaction writes, and in which history table (after the
 * database handler): the ledger reads again only those tables of the case. An event of a kind not
 * known here makes it read all of them.
 */
@Component
class EngineHistorySealing extends AbstractProcessEnginePlugin {

    private final ObjectProvider<LedgerSealing> sealing;
    private final ObjectProvider<CaseItems> items;

    EngineHistorySealing(ObjectProvider<LedgerSealing> sealing, ObjectProvider<CaseItems> items) {
        this.sealing = sealing;
        this.items = items;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Marker());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** Events whose rows no source of the ledger reads (decisions' evaluations, external tasks, batches). */
    private static final Set<Class<?>> UNSEALED = Set.of(HistoricDecisionEvaluationEvent.class,
            HistoricDecisionInstanceEntity.class, HistoricExternalTaskLogEntity.class, HistoricBatchEntity.class);

    /** The history table an event writes that a ledger source reads; null when not known (all are read). */
    static String tableOf(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity) {
            return CaseItems.PROCESS;
        }
        if (event instanceof HistoricActivityInstanceEventEntity) {
            return CaseItems.ACTIVITY;
        }
        if (event instanceof HistoricTaskInstanceEventEntity) {
            return CaseItems.TASK;
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity) {
            return CaseItems.IDENTITY_LINK;
        }
        if (event instanceof HistoricDetailEventEntity) {
            return CaseItems.DETAIL; // variable updates and form fields; ACT_HI_VARINST (level full only) is not sealed
        }
        if (event instanceof UserOperationLogEntryEventEntity) {
            return CaseItems.OPERATION;
        }
        if (event instanceof HistoricIncidentEventEntity) {
            return CaseItems.INCIDENT;
        }
        if (event instanceof HistoricJobLogEvent) {
            return CaseItems.JOB;
        }
        return null;
    }

    /** The row an event wrote, as {@link CaseItems#ROW_KEY} names it (an identity link by its task); or null. */
    static String rowKeyOf(HistoryEvent event) {
        if (event instanceof HistoricIdentityLinkLogEventEntity link) {
            return link.getTaskId();
        }
        return event.getId();
    }

    private final class Marker implements HistoryEventHandler {
        // Resolved at the first event, not at every one (the provider looked the beans up each time: 1.5% of the
        // workers' time in the province benchmark, issue 12); the plugin is built before them, so not earlier.
        private volatile LedgerSealing ledgerSealing;
        private volatile CaseItems caseItems;

        @Override
        public void handleEvent(HistoryEvent event) {
            String caseId = event.getProcessInstanceId() != null ? event.getProcessInstanceId()
                    : event.getRootProcessInstanceId();
            if (caseId != null && !UNSEALED.contains(event.getClass())) {
                sealing().historyChanged(caseId, tableOf(event), rowKeyOf(event));
            }
            if (event instanceof HistoricProcessInstanceEventEntity ended && ended.getEndTime() != null) {
                caseItems().caseEnded(ended.getProcessInstanceId());
            }
        }

        private LedgerSealing sealing() {
            LedgerSealing resolved = ledgerSealing;
            if (resolved == null) {
                resolved = sealing.getObject();
                ledgerSealing = resolved;
            }
            return resolved;
        }

        private CaseItems caseItems() {
            CaseItems resolved = caseItems;
            if (resolved == null) {
                resolved = items.getObject();
                caseItems = resolved;
            }
            return resolved;
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
