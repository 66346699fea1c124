package vn.dienbien.tdkt.plan;

import static vn.dienbien.tdkt.plan.LaunchPlanVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProcessActors;

/**
 * The thin service-task delegates of bpmn/launch-plan.bpmn, each named by
 * {@code camunda:delegateExpression}. They pass ids and form values to {@link LaunchPlanService}.
 */
@Configuration(proxyBeanMethods = false)
class LaunchPlanDelegates {

    /** "Ghi nhận kế hoạch đã gửi". */
    @Bean
    JavaDelegate recordPlanSubmission(LaunchPlanService service) {
        return execution -> {
            var sending = new LaunchPlanService.PlanSending(
                    (String) execution.getVariable(PLAN_NUMBER),
                    (String) execution.getVariable(PLAN_DATE),
                    (String) execution.getVariable(PLAN_SUMMARY),
                    asLong(execution.getVariable(PLAN_DOCUMENT_ID)));
            boolean late = service.recordSubmission(launchPlanId(execution), sending, ProcessActors.currentUser(execution));
            execution.setVariable(SENT_LATE, late);
            execution.removeVariable(RETURN_REASON);
        };
    }

    /** "Ghi nhận kết quả thẩm định". */
    @Bean
    JavaDelegate recordPlanReview(LaunchPlanService service) {
        return execution -> {
            String reason = (String) execution.getVariable(REVIEW_REASON);
            boolean accepted = service.recordReview(launchPlanId(execution),
                    (String) execution.getVariable(REVIEW_DECISION), reason, ProcessActors.currentUser(execution));
            execution.setVariable(PLAN_ACCEPTED, accepted);
            if (!accepted) {
                execution.setVariable(RETURN_REASON, reason);
            }
            // The next round's form starts blank; history keeps what was chosen in this one.
            execution.removeVariable(REVIEW_DECISION);
            execution.removeVariable(REVIEW_REASON);
        };
    }

    /** "Nhắc đơn vị hạn gửi kế hoạch". */
    @Bean
    JavaDelegate remindUnit(LaunchPlanService service) {
        return execution -> service.remind(launchPlanId(execution));
    }

    /** "Ghi nhận việc đôn đốc". */
    @Bean
    JavaDelegate recordUrging(LaunchPlanService service) {
        return execution -> service.recordUrging(launchPlanId(execution),
                (String) execution.getVariable(URGE_METHOD), (String) execution.getVariable(URGE_NOTE),
                ProcessActors.currentUser(execution));
    }

    static Long launchPlanId(DelegateExecution execution) {
        return asLong(execution.getVariable(LAUNCH_PLAN_ID));
    }

    private static Long asLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Long.valueOf(s);
        }
        return null;
    }


}
