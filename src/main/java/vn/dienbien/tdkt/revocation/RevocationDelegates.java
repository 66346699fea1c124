package vn.dienbien.tdkt.revocation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/**
 * The thin delegates of bpmn/award-revocation.bpmn. The request is the case's own (found by its process
 * instance); the person acting is the one the engine authenticated; the forms' choices and notes are
 * stored in the request and removed from the case.
 */
@Configuration(proxyBeanMethods = false)
class RevocationDelegates {

    static final String REVOCATION_ID = "revocationId";
    static final String TITLE = "revocationTitle";
    static final String CHECK_DUE_AT = "revocationCheckDueAt";
    static final String DECISION_DUE_AT = "revocationDecisionDueAt";
    static final String FORWARDED = "revocationForwarded";
    static final String APPROVED = "revocationApproved";

    static final String CHECK = "revocationCheck";
    static final String CHECK_NOTE = "revocationCheckNote";
    static final String DECISION = "revocationDecision";
    static final String DECISION_NOTE = "revocationDecisionNote";

    /** Variables only the system sets: the case's request, what the forms show of it, due dates and outcomes. */
    @Bean
    ProtectedVariables revocationProtectedVariables() {
        return ProtectedVariables.of(REVOCATION_ID, TITLE, CHECK_DUE_AT, DECISION_DUE_AT, FORWARDED, APPROVED);
    }

    /** The case's start: tied to the request that opened it, or refused. */
    @Bean
    ExecutionListener attachRevocationCase(AwardRevocations revocations) {
        return execution -> revocations.attachCase(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /**
     * A task of the case is created: the diagram's fixed name ("Kiểm tra đề nghị", "Quyết định thu hồi,
     * hủy bỏ") gets the case's title, read from its request, so Tasklist lists stay as before.
     */
    @Bean
    TaskListener revocationTaskCreated(AwardRevocations revocations) {
        return task -> {
            String title = revocations.titleOfCase(task.getProcessInstanceId());
            task.setName(task.getName() + ": " + title);
            task.setDescription(title);
        };
    }

    /**
     * "Kiểm tra đề nghị" completed: the head of the Board's choice and note are recorded with the
     * completion (a refusal leaves the task open, nothing written); the case goes on by the choice.
     */
    @Bean
    TaskListener recordRevocationCheck(AwardRevocations revocations) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            boolean forwarded = revocations.check(requestOf(execution, revocations), text(execution, CHECK),
                    text(execution, CHECK_NOTE), ProcessActors.currentActor(execution));
            execution.setVariable(FORWARDED, forwarded);
            if (forwarded) {
                execution.setVariable(DECISION_DUE_AT, revocations.decisionDueAt());
            }
            execution.removeVariable(CHECK);
            execution.removeVariable(CHECK_NOTE);
        };
    }

    /** "Quyết định thu hồi, hủy bỏ" completed: the Chairman's choice and note, recorded with the completion. */
    @Bean
    TaskListener recordRevocationDecision(AwardRevocations revocations) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            boolean approved = revocations.decide(requestOf(execution, revocations), text(execution, DECISION),
                    text(execution, DECISION_NOTE), ProcessActors.currentActor(execution));
            execution.setVariable(APPROVED, approved);
            execution.removeVariable(DECISION);
            execution.removeVariable(DECISION_NOTE);
        };
    }

    /** "Ban hành quyết định thu hồi, hủy bỏ": the system numbers the approved decision and tells the unit. */
    @Bean
    JavaDelegate issueRevocationDecision(AwardRevocations revocations) {
        return execution -> revocations.issue(revocations.requestOfCase(execution.getProcessInstanceId()),
                execution.getProcessInstanceId());
    }

    /** The case's request; a completion that tried to point the case at another request is refused. */
    private static Long requestOf(DelegateExecution execution, AwardRevocations revocations) {
        Long requestId = revocations.requestOfCase(execution.getProcessInstanceId());
        Object given = execution.getVariable(REVOCATION_ID);
        if (!((given instanceof Long || given instanceof Integer) && ((Number) given).longValue() == requestId)) {
            throw ApiException.forbidden("Không được thay đổi đề nghị của hồ sơ xử lý (revocationId).");
        }
        return requestId;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw ApiException.badRequest("Dữ liệu biểu mẫu \"" + name + "\" phải là văn bản.");
        }
        return (String) value;
    }
}
