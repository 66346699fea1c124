package vn.dienbien.tdkt.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history, without the variables that carry whole forms ({@link FormPayloads}): their
 * data lives once, in our tables, and history keeps everything else (full level) — except the
 * evaluations of decision tables (DMN), unless {@code tdkt.history.decision-evaluations} is true. The
 * only table, the eligibility rules, is evaluated at the head's confirmation and its every rule's
 * result, with its reason, is stored with the dossier ({@code dossier_rule_result}, shown and sealed in
 * the case's audit timeline); the engine's copy (act_hi_decinst, act_hi_dec_in, act_hi_dec_out: 22 rows,
 * about 10 KB per dossier in the province benchmark, issue 12) was read by nothing of ours, only by
 * Cockpit's decision history view, which stays empty while the switch is off. The database handler behind the
 * filter is {@link AuditHistoryWriter} (no act_hi_varinst at level tdkt-audit, nor the detail rows of the
 * {@link DerivedVariables} the system sets).
 */
@Component
class PayloadHistoryFilter extends AbstractProcessEnginePlugin {

    private static final int FORM_LOG_LENGTH = 3_990;

    private final ObjectProvider<FormPayloads> declared;
    private volatile Set<String> names;

    private final ObjectProvider<DerivedVariables> derivedDeclared;
    private volatile Map<String, Set<String>> derived;

    private final boolean decisionEvaluations;

    PayloadHistoryFilter(ObjectProvider<FormPayloads> declared, ObjectProvider<DerivedVariables> derivedDeclared,
            @Value("${tdkt.history.decision-evaluations:false}") boolean decisionEvaluations) {
        this.declared = declared;
        this.derivedDeclared = derivedDeclared;
        this.decisionEvaluations = decisionEvaluations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new Handler(new AuditHistoryWriter(this::isDerived)));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private boolean isKept(HistoryEvent event) {
        return decisionEvaluations || !(event instanceof HistoricDecisionEvaluationEvent);
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

    /** Whether the module of a process declared the variable derived ({@link DerivedVariables}). */
    private boolean isDerived(String processKey, String name) {
        Map<String, Set<String>> known = derived;
        if (known == null) {
            Map<String, Set<String>> all = new HashMap<>();
            derivedDeclared.orderedStream().forEach(d -> all.computeIfAbsent(d.processKey(), k -> new HashSet<>())
                    .addAll(d.names()));
            known = Map.copyOf(all);
            derived = known;
        }
        return processKey != null && known.getOrDefault(processKey, Set.of()).contains(name);
    }

    private final class Handler implements HistoryEventHandler {
        private final HistoryEventHandler database;

        Handler(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (isKept(event) && !isPayload(event)) {
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
