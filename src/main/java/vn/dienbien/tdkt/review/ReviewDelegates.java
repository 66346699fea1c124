package vn.dienbien.tdkt.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

    /** "Ghi nhận báo cáo hoàn thiện". */
    @Bean
    JavaDelegate saveReviewReport(CampaignReviews reviews) {
        return execution -> reviews.finalise(reportOf(execution, reviews), text(execution, "reportNarrative"),
                text(execution, "exemplaryDossierIds"), ProcessActors.currentActor(execution));
    }

    /** "Ghi nhận ý kiến phê duyệt". */
    @Bean
    JavaDelegate recordReviewApproval(CampaignReviews reviews) {
        return execution -> {
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
