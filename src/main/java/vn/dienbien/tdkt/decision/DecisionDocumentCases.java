package vn.dienbien.tdkt.decision;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Starts the case that files a registered decision's document ({@code bpmn/decision-document.bpmn}) inside
 * the registering transaction. Its service task is asynchronous, so the start only writes a job: the
 * document is generated after the decision is issued, with retries and an incident if it cannot be, and the
 * issued decision never depends on it.
 */
@Component
class DecisionDocumentCases {

    /** The one variable of a filing case. */
    static final String DECISION_ID = "decisionId";

    private final ProcessEngine engine;

    DecisionDocumentCases(ProcessEngine engine) {
        this.engine = engine;
    }

    void schedule(Long decisionId) {
        // The system files the document, not the văn thư whose step issued the decision: no start rights needed.
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        executor.execute(context -> context.runWithoutAuthorization(() -> engine.getRuntimeService()
                .createProcessInstanceByKey(WorkflowKeys.DECISION_DOCUMENT)
                .businessKey("QD-" + decisionId)
                .setVariable(DECISION_ID, decisionId)
                .execute()));
    }
}
