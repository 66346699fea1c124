package vn.dienbien.tdkt.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of bpmn/campaign-review.bpmn. */
@Configuration(proxyBeanMethods = false)
class ReviewDelegates {

    /** "Ghi nhận báo cáo hoàn thiện". */
    @Bean
    JavaDelegate saveReviewReport(CampaignReviews reviews) {
        return execution -> reviews.finalise(reportId(execution), (String) execution.getVariable("reportNarrative"),
                (String) execution.getVariable("exemplaryDossierIds"), currentUser(execution));
    }

    /** "Ghi nhận ý kiến phê duyệt". */
    @Bean
    JavaDelegate recordReviewApproval(CampaignReviews reviews) {
        return execution -> {
            boolean approved = reviews.decide(reportId(execution), (String) execution.getVariable("reviewDecision"),
                    (String) execution.getVariable("reviewNote"), currentUser(execution));
            execution.setVariable("reviewApproved", approved);
            execution.removeVariable("reviewDecision");
        };
    }

    private static Long reportId(DelegateExecution execution) {
        return ((Number) execution.getVariable("reportId")).longValue();
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : "he-thong";
    }
}
