package vn.dienbien.tdkt.plan;

import static vn.dienbien.tdkt.plan.LaunchPlanVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/**
 * The thin delegates of bpmn/launch-plan.bpmn, each named by {@code camunda:delegateExpression}.
 * The plan is always the one linked to the case, never one named by a variable; the acting person
 * is the one the engine authenticated. {@link LaunchPlanService} checks both.
 */
@Configuration(proxyBeanMethods = false)
class LaunchPlanDelegates {

    /**
     * Process start: links the new case to the plan it was opened for. The only place the plan's id
     * is read from the case's variables, as the system started the case with them; a plan is linked
     * once and cannot be taken over by another case.
     */
    @Bean
    ExecutionListener linkLaunchPlanCase(LaunchPlanService service) {
        return execution -> service.linkCase(asLong(execution.getVariable(LAUNCH_PLAN_ID)),
                execution.getProcessInstanceId());
    }

    /** "Ghi nhận kế hoạch đã gửi". */
    @Bean
    JavaDelegate recordPlanSubmission(LaunchPlanService service) {
        return execution -> {
            var sending = new LaunchPlanService.PlanSending(
                    stringOrNull(execution.getVariable(PLAN_NUMBER)),
                    stringOrNull(execution.getVariable(PLAN_DATE)),
                    stringOrNull(execution.getVariable(PLAN_SUMMARY)),
                    asLong(execution.getVariable(PLAN_DOCUMENT_ID)));
            boolean late = service.recordSubmission(planOf(execution, service), sending,
                    ProcessActors.currentActor(execution));
            execution.setVariable(SENT_LATE, late);
            // The Board's review form links the document by this id: keep only the checked number.
            execution.setVariable(PLAN_DOCUMENT_ID, sending.documentId());
            execution.removeVariable(RETURN_REASON);
        };
    }

    /** "Ghi nhận kết quả thẩm định". */
    @Bean
    JavaDelegate recordPlanReview(LaunchPlanService service) {
        return execution -> {
            String reason = stringOrNull(execution.getVariable(REVIEW_REASON));
            boolean accepted = service.recordReview(planOf(execution, service),
                    stringOrNull(execution.getVariable(REVIEW_DECISION)), reason, ProcessActors.currentActor(execution));
            execution.setVariable(PLAN_ACCEPTED, accepted);
            if (!accepted) {
                execution.setVariable(RETURN_REASON, reason.trim());
            }
            // The next round's form starts blank; history keeps what was chosen in this one.
            execution.removeVariable(REVIEW_DECISION);
            execution.removeVariable(REVIEW_REASON);
        };
    }

    /** "Nhắc đơn vị hạn gửi kế hoạch". */
    @Bean
    JavaDelegate remindUnit(LaunchPlanService service) {
        return execution -> service.remind(planOf(execution, service));
    }

    /** "Ghi nhận việc đôn đốc". */
    @Bean
    JavaDelegate recordUrging(LaunchPlanService service) {
        return execution -> service.recordUrging(planOf(execution, service),
                stringOrNull(execution.getVariable(URGE_METHOD)), stringOrNull(execution.getVariable(URGE_NOTE)),
                ProcessActors.currentActor(execution));
    }

    /** The plan of this case. */
    static Long planOf(DelegateExecution execution, LaunchPlanService service) {
        return service.planOfCase(execution.getProcessInstanceId());
    }

    private static Long asLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return Long.valueOf(s);
        }
        return null;
    }

    /** A form value as text; a value of another type (a number where text belongs) counts as text too. */
    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * Variables only the system sets on a launch-plan case: the link to the plan, what the case shows
     * and schedules by, and the outcomes the delegates compute. Form fields are not listed.
     */
    @Bean
    ProtectedVariables launchPlanProtectedVariables() {
        return ProtectedVariables.of(LAUNCH_PLAN_ID, CAMPAIGN_CODE, UNIT_GROUP, UNIT_NAME, DEADLINE, ROUND_TITLE,
                ROUND_SUBJECT, ROUND_LABEL, ROUND_DOCUMENT, SENT_LATE,
                PLAN_ACCEPTED, RETURN_REASON, REMINDER_AT);
    }
}
