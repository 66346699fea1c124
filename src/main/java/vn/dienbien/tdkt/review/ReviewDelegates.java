package vn.dienbien.tdkt.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProcessActors;

/** The thin delegates of bpmn/campaign-review.bpmn. */
@Configuration(proxyBeanMethods = false)
class ReviewDelegates {

    /** "Ghi nhận báo cáo hoàn thiện". */
    @Bean
    JavaDelegate saveReviewReport(CampaignReviews reviews) {
        return execution -> reviews.finalise(reportId(execution), (String) execution.getVariable("reportNarrative"),
                (String) execution.getVariable("exemplaryDossierIds"), ProcessActors.currentUser(execution));
    }

    /** "Ghi nhận ý kiến phê duyệt". */
    @Bean
    JavaDelegate recordReviewApproval(CampaignReviews reviews) {
        return execution -> {
            boolean approved = reviews.decide(reportId(execution), (String) execution.getVariable("reviewDecision"),
                    (String) execution.getVariable("reviewNote"), ProcessActors.currentUser(execution));
            execution.setVariable("reviewApproved", approved);
            execution.removeVariable("reviewDecision");
        };
    }

    private static Long reportId(DelegateExecution execution) {
        return ((Number) execution.getVariable("reportId")).longValue();
    }

}
