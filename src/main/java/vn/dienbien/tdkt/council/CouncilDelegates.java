package vn.dienbien.tdkt.council;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProcessActors;

/** The thin delegates of bpmn/council-session.bpmn. */
@Configuration(proxyBeanMethods = false)
class CouncilDelegates {

    /** "Mở phiên họp" from the Board's Tasklist start form. */
    @Bean
    JavaDelegate openCouncilSession(CouncilSessions sessions) {
        return execution -> {
            Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            var user = new vn.dienbien.tdkt.platform.CurrentUser(auth == null ? ProcessActors.SYSTEM : auth.getUserId(),
                    auth == null || auth.getGroupIds() == null ? java.util.List.of() : auth.getGroupIds());
            // Reading the council's membership is the system's act, not the Board officer's.
            ProcessActors.asSystem(() -> sessions.openForCase((String) execution.getVariable("sessionTitleInput"),
                    (String) execution.getVariable("meetingDate"), (String) execution.getVariable("dossierIds"), user,
                    execution));
        };
    }

    /** "Ghi nhận phiếu biểu quyết": the ballot is local to the member's voting instance. */
    @Bean
    JavaDelegate recordBallot(CouncilSessions sessions) {
        return execution -> sessions.recordBallot(CouncilSessions.sessionId(execution),
                (String) execution.getVariable("member"), (String) execution.getVariable("ballot"),
                ProcessActors.currentUser(execution));
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
                (String) execution.getVariable("submissionNote"), ProcessActors.currentUser(execution));
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
            var decision = ProcessActors.asSystem(() -> sessions.issueDecision(CouncilSessions.sessionId(execution),
                    ProcessActors.currentUser(execution)));
            execution.setVariable("decisionCode", decision == null ? null : decision.code());
        };
    }


}
