package vn.dienbien.tdkt.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/**
 * The thin delegates of bpmn/campaign-review.bpmn. The report is the case's own (found by its
 * process instance); the person acting is the one the engine authenticated.
 */
@Configuration(proxyBeanMethods = false)
class ReviewDelegates {

    static final String REPORT_ID = "reportId";

    /** Variables only the system sets: the case's report, what it shows of it, and the approval outcome. */
    @Bean
    ProtectedVariables reviewProtectedVariables() {
        return ProtectedVariables.of(REPORT_ID, "reviewKind", "reviewTitle", "reportSummary", "reviewApproved");
    }

    /**
     * A task of the review is created: the diagram's fixed name ("Hoàn thiện báo cáo", "Phê duyệt báo
     * cáo") gets the case's report title, read from the report itself.
     */
    @Bean
    TaskListener reviewTaskCreated(CampaignReviews reviews) {
        return task -> {
            String title = reviews.titleOfCase(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey());
            task.setName(task.getName() + ": " + title);
            task.setDescription(title);
        };
    }

    /**
     * "Hoàn thiện báo cáo" completed: the Board's narrative and exemplary models are recorded in the
     * completing transaction, so a refusal leaves the task open and nothing written.
     */
    @Bean
    TaskListener saveReviewReport(CampaignReviews reviews) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            reviews.finalise(reportOf(execution, reviews), text(execution, "reportNarrative"),
                    text(execution, "exemplaryDossierIds"), ProcessActors.currentActor(execution));
        };
    }

    /** "Phê duyệt báo cáo" completed: the Chairman's approval or return, recorded with the completion. */
    @Bean
    TaskListener recordReviewApproval(CampaignReviews reviews) {
        return task -> {
            DelegateExecution execution = task.getExecution();
            boolean approved = reviews.decide(reportOf(execution, reviews), text(execution, "reviewDecision"),
                    text(execution, "reviewNote"), ProcessActors.currentActor(execution));
            execution.setVariable("reviewApproved", approved);
            execution.removeVariable("reviewDecision");
        };
    }

    /** The case's report; a completion that tried to point the case at another report is refused. */
    private static Long reportOf(DelegateExecution execution, CampaignReviews reviews) {
        Long reportId = reviews.reportOfCase(execution.getProcessInstanceId());
        Object given = execution.getVariable(REPORT_ID);
        if (!((given instanceof Long || given instanceof Integer) && ((Number) given).longValue() == reportId)) {
            throw ApiException.forbidden("Không được thay đổi báo cáo của hồ sơ xử lý (reportId).");
        }
        return reportId;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw ApiException.badRequest("Dữ liệu biểu mẫu \"" + name + "\" phải là văn bản.");
        }
        return (String) value;
    }
}
