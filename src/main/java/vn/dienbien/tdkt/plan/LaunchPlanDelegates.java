package vn.dienbien.tdkt.plan;

import static vn.dienbien.tdkt.plan.LaunchPlanVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.DerivedVariables;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.ProtectedVariables;
import vn.dienbien.tdkt.platform.WorkflowKeys;

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

    /**
     * Create listener of every user task: the diagram names a task by what is done ("Thẩm định kế
     * hoạch, báo cáo"); the task in Tasklist names the round and the unit of its own case, read from
     * the plan linked to the case ("Thẩm định kế hoạch: Sở Y tế"), and says the round's title. A
     * diagram name with expressions of its own is left as the engine resolved it.
     */
    @Bean
    TaskListener nameLaunchPlanTask(LaunchPlanService service) {
        return task -> service.subjectOfCase(task.getProcessInstanceId()).ifPresent(subject -> {
            String diagramName = task.getBpmnModelElementInstance() == null ? null
                    : task.getBpmnModelElementInstance().getName();
            if (diagramName != null && !diagramName.contains("${")) {
                task.setName(runtimeName(diagramName, task.getTaskDefinitionKey(), subject));
            }
            task.setDescription(subject.roundTitle() + " – " + subject.unitName());
        });
    }

    /** What every round's diagram name ends with; in Tasklist the round's own words take its place. */
    static final String ANY_ROUND = " kế hoạch, báo cáo";

    /**
     * The name a task shows in Tasklist: the diagram's step ("Thẩm định kế hoạch, báo cáo") with the
     * round's words ("Thẩm định kế hoạch 6 tháng 2031") and, for the Board's steps, the unit.
     */
    static String runtimeName(String diagramName, String taskKey, LaunchPlanService.CaseSubject subject) {
        String step = diagramName.endsWith(ANY_ROUND)
                ? diagramName.substring(0, diagramName.length() - ANY_ROUND.length()) : diagramName;
        return switch (taskKey) {
            case "Task_SubmitPlan" -> step + " " + subject.subject();
            case "Task_RevisePlan" -> step + " " + subject.label();
            default -> step + " " + subject.label() + ": " + subject.unitName();
        };
    }

    /**
     * Complete listener of "Lập và gửi" and "Chỉnh sửa và gửi lại": records what the unit sent. It runs
     * in the completing transaction, so a refusal leaves the task open and nothing written.
     */
    @Bean
    TaskListener recordPlanSubmission(LaunchPlanService service) {
        return (CaseStep) execution -> {
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

    /** Complete listener of "Thẩm định": records the Board's decision, which the gateway then follows. */
    @Bean
    TaskListener recordPlanReview(LaunchPlanService service) {
        return (CaseStep) execution -> {
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

    /** "Nhắc đơn vị hạn gửi": a business step of its own, run by the reminder timers. */
    @Bean
    JavaDelegate remindUnit(LaunchPlanService service) {
        return execution -> service.remind(planOf(execution, service));
    }

    /** Complete listener of "Đôn đốc gửi kế hoạch, báo cáo": records how the Board urged the unit. */
    @Bean
    TaskListener recordUrging(LaunchPlanService service) {
        return (CaseStep) execution -> service.recordUrging(planOf(execution, service),
                stringOrNull(execution.getVariable(URGE_METHOD)), stringOrNull(execution.getVariable(URGE_NOTE)),
                ProcessActors.currentActor(execution));
    }

    /**
     * What a task's complete listener records, written once against the task's execution (the form's
     * values are the case's variables by then). Cases still running on an earlier version of the
     * diagram call the same bean from their "Ghi nhận …" service tasks, as a {@link JavaDelegate}
     * (the beans are declared as the listener the current diagram uses them as).
     */
    @FunctionalInterface
    interface CaseStep extends JavaDelegate, TaskListener {

        @Override
        default void notify(DelegateTask task) {
            try {
                execute(task.getExecution());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
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

    /**
     * The Board's review as the gateway's flag and the reason shown to the unit: copies of the Board's own values
     * ({@code reviewDecision}, {@code reviewReason}), whose detail rows stay, and of the plan's record (issue 12).
     */
    @Bean
    DerivedVariables launchPlanDerivedVariables() {
        return DerivedVariables.of(WorkflowKeys.LAUNCH_PLAN, PLAN_ACCEPTED, RETURN_REASON);
    }
}
