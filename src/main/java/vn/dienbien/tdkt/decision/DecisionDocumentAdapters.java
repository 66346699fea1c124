package vn.dienbien.tdkt.decision;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/** The filing case's adapters: "Lập văn bản quyết định lưu hồ sơ", its retry cycle and its protected variable. */
@Configuration(proxyBeanMethods = false)
class DecisionDocumentAdapters {

    @Bean
    JavaDelegate fileDecisionDocument(DecisionDocumentFiling filing) {
        return execution -> filing.file(((Number) execution.getVariable(DecisionDocumentCases.DECISION_ID)).longValue());
    }

    /**
     * The diagram's retry cycle ({@code ${documentRetryCycle}}, tdkt.documents.retry-cycle), read by the engine each
     * time the filing job fails.
     */
    @Bean
    String documentRetryCycle(DecisionDocumentFiling filing) {
        return filing.retryCycle();
    }

    @Bean
    ProtectedVariables decisionDocumentProtectedVariables() {
        return ProtectedVariables.of(DecisionDocumentCases.DECISION_ID);
    }
}
