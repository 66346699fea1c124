package vn.dienbien.tdkt.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells the ledger which cases' history each transaction writes (after the database handler). */
@Component
class EngineHistorySealing extends AbstractProcessEnginePlugin {

    private final ObjectProvider<LedgerSealing> sealing;

    EngineHistorySealing(ObjectProvider<LedgerSealing> sealing) {
        this.sealing = sealing;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Marker());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private final class Marker implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            String caseId = event.getProcessInstanceId() != null ? event.getProcessInstanceId()
                    : event.getRootProcessInstanceId();
            if (caseId != null) {
                sealing.getObject().caseChanged(caseId);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
