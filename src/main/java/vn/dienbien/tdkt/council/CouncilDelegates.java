package vn.dienbien.tdkt.council;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of bpmn/council-session.bpmn. */
@Configuration(proxyBeanMethods = false)
class CouncilDelegates {

    /** "Mở phiên họp" from the Board's Tasklist start form. */
    @Bean
    JavaDelegate openCouncilSession(CouncilSessions sessions) {
        return execution -> {
            Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            var user = new vn.dienbien.tdkt.platform.CurrentUser(auth == null ? "he-thong" : auth.getUserId(),
                    auth == null || auth.getGroupIds() == null ? java.util.List.of() : auth.getGroupIds());
            // Reading the council's membership is the system's act, not the Board officer's.
            withoutAuthorization(() -> sessions.openForCase((String) execution.getVariable("sessionTitleInput"),
                    (String) execution.getVariable("meetingDate"), (String) execution.getVariable("dossierIds"), user,
                    execution));
        };
    }

    /** "Ghi nhận phiếu biểu quyết": the ballot is local to the member's voting instance. */
    @Bean
    JavaDelegate recordBallot(CouncilSessions sessions) {
        return execution -> sessions.recordBallot(CouncilSessions.sessionId(execution),
                (String) execution.getVariable("member"), (String) execution.getVariable("ballot"),
                currentUser(execution));
    }

    /** "Tổng hợp kết quả biểu quyết". */
    @Bean
    JavaDelegate tallyVotes(CouncilSessions sessions) {
        return execution -> execution.setVariable("tallySummary", sessions.tally(CouncilSessions.sessionId(execution)));
    }

    /** "Ghi nhận tờ trình". */
    @Bean
    JavaDelegate recordSubmission(CouncilSessions sessions) {
        return execution -> sessions.recordSubmission(CouncilSessions.sessionId(execution),
                (String) execution.getVariable("submissionNote"), currentUser(execution));
    }

    /** "Ghi nhận ý kiến của Chủ tịch UBND tỉnh". */
    @Bean
    JavaDelegate recordChairmanDecision(CouncilSessions sessions) {
        return execution -> {
            String decision = (String) execution.getVariable("chairmanDecision");
            sessions.recordChairmanDecision(CouncilSessions.sessionId(execution), decision,
                    (String) execution.getVariable("excludedDossiers"), (String) execution.getVariable("chairmanNote"));
            execution.setVariable("chairmanReturned", "RETURN".equals(decision));
        };
    }

    /**
     * "Ban hành quyết định khen thưởng". Telling each dossier's case is the system's act, whoever
     * approved: it runs without the Chairman's own authorizations on those cases.
     */
    @Bean
    JavaDelegate issueAwardDecision(CouncilSessions sessions) {
        return execution -> {
            var decision = withoutAuthorization(() -> sessions.issueDecision(CouncilSessions.sessionId(execution),
                    currentUser(execution)));
            execution.setVariable("decisionCode", decision == null ? null : decision.code());
        };
    }

    private static <T> T withoutAuthorization(Callable<T> call) throws Exception {
        var context = Context.getCommandContext();
        return context == null ? call.call() : context.runWithoutAuthorization(call);
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : "he-thong";
    }
}
