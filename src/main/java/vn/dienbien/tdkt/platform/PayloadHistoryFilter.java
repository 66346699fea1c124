package vn.dienbien.tdkt.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's history, without the variables that carry whole forms ({@link FormPayloads}): their
 * data lives once, in our tables, and history keeps everything else (full level).
 */
@Component
class PayloadHistoryFilter extends AbstractProcessEnginePlugin {

    private static final int FORM_LOG_LENGTH = 3_990;

    private final ObjectProvider<FormPayloads> declared;
    private volatile Set<String> names;

    PayloadHistoryFilter(ObjectProvider<FormPayloads> declared) {
        this.declared = declared;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new Handler(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private boolean isPayload(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return payloadNames().contains(variable.getVariableName());
        }
        return event instanceof HistoricFormPropertyEventEntity form && payloadNames().contains(form.getPropertyId());
    }

    /**
     * Tasklist's submit-form logs every submitted text as a form property (a 4,000-character column);
     * a long comment is kept in our tables in full, so its log entry is shortened rather than failing the step.
     */
    private static void shorten(HistoryEvent event) {
        if (event instanceof HistoricFormPropertyEventEntity form && form.getPropertyValue() instanceof String text
                && text.length() > FORM_LOG_LENGTH) {
            form.setPropertyValue(text.substring(0, FORM_LOG_LENGTH - 1) + "…");
        }
    }

    private Set<String> payloadNames() {
        Set<String> known = names;
        if (known == null) {
            Set<String> all = new HashSet<>();
            declared.orderedStream().forEach(p -> all.addAll(p.names()));
            known = Set.copyOf(all);
            names = known;
        }
        return known;
    }

    private final class Handler implements HistoryEventHandler {
        private final HistoryEventHandler database;

        Handler(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isPayload(event)) {
                shorten(event);
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
