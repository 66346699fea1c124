package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.dossier.DossierDecisions;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.notification.NotificationService;

/**
 * "Vào số, ngày ký quyết định" then "Ban hành quyết định khen thưởng" (issue 12, vào số nhanh): the văn thư's
 * completion checks the registration and records it with the session, holding its number, and nothing else; the
 * decision, its awardees and every dossier's result are written by a job of the session, from what the session
 * recorded (never from a variable), exactly once, naming the văn thư who registered. A failing job is retried on
 * its cycle, then becomes an incident, and leaves nothing of the decision written.
 */
@WorkflowTest
class DecisionIssuingJobTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired CouncilScenario scenario;
    @Autowired DossierQueries dossiers;
    @Autowired AwardDecisions decisions;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired CouncilSessions sessions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;
    // The same spies as RegistrationOutcomeJobsTest: one application context for both.
    @MockitoSpyBean NotificationService notifications;
    @MockitoSpyBean DossierDecisions dossierDecisions;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void theVanThusCompletionRecordsTheRegistrationOnlyAndTheJobIssuesTheDecisionNamingTheVanThu() {
        Session s = votedAndApproved(LocalDateTime.of(2041, 3, 5, 9, 0), "Lò Văn Khoa", "Quàng Thị Nhung");
        var proposal = scenario.proposal(s.sessionId());
        int number = proposal.proposedNumber();
        Long scan = scenario.signedScan(CouncilScenario.CLERK);
        clockAt(LocalDateTime.of(2041, 3, 5, 10, 0));

        scenario.registerOnly(s.sessionId(), String.valueOf(number), LocalDate.of(2041, 3, 5), scan);

        assertThat(scenario.task(s.sessionId(), "Task_RegisterDecision")).as("the văn thư's task is done").isNull();
        assertThat(pending(s.sessionId())).as("the registration, recorded with the session").isEqualTo(Map.of(
                "decision_number", number, "signed_on", "2041-03-05", "scan_document_id", scan,
                "registered_by", CouncilScenario.CLERK));
        assertThat(decisions.naming(s.awarded())).as("no decision yet").isEmpty();
        assertThat(dossiers.record(s.awarded()).status()).isEqualTo("ACCEPTED");
        assertThat(dossiers.record(s.refused()).status()).isEqualTo("ACCEPTED");
        assertThat(status(s.sessionId())).isEqualTo("SUBMITTED");
        assertThat(held(s.sessionId())).as("the number stays held for the session").isEqualTo(number);
        String session = scenario.processOf(s.sessionId());
        assertThat(managementService.createJobQuery().processInstanceId(session).list())
                .as("one job: the decision's, retried on R3/PT5M").singleElement().satisfies(j -> {
                    assertThat(j.getRetries()).isEqualTo(3);
                    assertThat(scenario.issuing(session)).extracting(Job::getId).containsExactly(j.getId());
                });

        // The job runs later, without the văn thư: the decision still names the văn thư, at the registration's time.
        clockAt(LocalDateTime.of(2041, 3, 5, 11, 30));
        assertThat(scenario.executeIssuingJob(s.sessionId())).isEqualTo(1);

        var decision = decisions.naming(s.awarded()).orElseThrow();
        assertThat(decision.code()).isEqualTo(number + "/QĐ-UBND");
        assertThat(decision.signedOn()).isEqualTo(LocalDate.of(2041, 3, 5));
        assertThat(decision.registeredBy()).isEqualTo(CouncilScenario.CLERK);
        assertThat(decision.registeredAt()).isEqualTo(LocalDateTime.of(2041, 3, 5, 10, 0).atZone(VIETNAM).toInstant());
        assertThat(decision.issuedBy()).isEqualTo("chutich");
        assertThat(decision.scanDocumentId()).isEqualTo(scan);
        assertThat(dossiers.record(s.awarded()).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(s.refused()).status()).isEqualTo("NOT_AWARDED");
        assertThat(status(s.sessionId())).isEqualTo("DECIDED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(dossiers.record(s.awarded())
                .processInstanceId()).count()).as("the awarded dossier's case was told the decision and ended").isZero();
        assertThat(held(s.sessionId())).as("the reservation became the decision").isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(session).count())
                .as("the job told every dossier's case: the session ends with it").isZero();
        assertThat(scenario.executeDossierJobs(s.both())).as("no job of each case's own").isZero();
    }

    @Test
    void theIssuingJobRunAgainAfterASuccessWritesNothingTwice() {
        Session s = votedAndApproved(LocalDateTime.of(2041, 4, 2, 9, 0), "Cà Văn Tuấn", "Lường Thị Mai");
        var proposal = scenario.proposal(s.sessionId());
        scenario.registerOnly(s.sessionId(), String.valueOf(proposal.proposedNumber()), proposal.today(),
                scenario.signedScan(CouncilScenario.CLERK));
        String session = scenario.processOf(s.sessionId());
        // As if the step ran twice (a second node, an operator's modification): a second job of the same step.
        runtimeService.createProcessInstanceModification(session).startBeforeActivity(CouncilScenario.ISSUE_DECISION)
                .execute();
        List<Job> jobs = scenario.issuing(session);
        assertThat(jobs).hasSize(2);
        managementService.executeJob(jobs.get(0).getId());
        var decision = decisions.naming(s.awarded()).orElseThrow();
        int historyBefore = dossiers.record(s.awarded()).history().size();
        String awardedCase = dossiers.record(s.awarded()).processInstanceId();

        managementService.executeJob(jobs.get(1).getId());
        // And the service itself, called again for the case.
        assertThat(sessions.issueRegistered(session)).isEqualTo(decision.code());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(awardedCase).count())
                .as("the case was told once and ended").isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification where process_instance_id = ? and kind = ?",
                Integer.class, awardedCase, "DOSSIER_AWARDED")).as("its unit was told once").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from decision_awardee where dossier_id = ?", Integer.class,
                s.awarded())).as("one decision names the awardee").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from decision where code = ? and number_year = 2041",
                Integer.class, decision.code())).isEqualTo(1);
        assertThat(dossiers.record(s.awarded()).history()).as("no second result").hasSize(historyBefore);
        assertThat(decisions.naming(s.awarded()).orElseThrow().id()).isEqualTo(decision.id());
    }

    @Test
    void badInputIsRefusedWithItsVietnameseMessageAndWritesNothing() {
        Session s = votedAndApproved(LocalDateTime.of(2041, 5, 7, 9, 0), "Điêu Văn Sơn", "Tòng Thị Hiền");
        int number = scenario.proposal(s.sessionId()).proposedNumber();
        Long scan = scenario.signedScan(CouncilScenario.CLERK);
        Session other = votedAndApproved(LocalDateTime.of(2041, 5, 7, 10, 0), "Hà Văn Bình", "Vì Thị Lan");
        int othersNumber = scenario.proposal(other.sessionId()).proposedNumber();
        LocalDate today = LocalDate.of(2041, 5, 7);
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("", "Chưa nhập số quyết định.");
        refusals.put("abc", "Số quyết định phải là số nguyên dương (tối đa 5 chữ số), ví dụ 125.");
        refusals.put(String.valueOf(othersNumber), "Số " + othersNumber + "/QĐ-UBND năm 2041 đang được giữ cho một phiên họp khác");

        for (var refusal : refusals.entrySet()) {
            assertThat(CouncilScenario.refusalOf(() -> scenario.registerOnly(s.sessionId(), refusal.getKey(), today, scan))
                    .getMessage()).as(refusal.getKey()).startsWith(refusal.getValue());
        }
        assertThat(CouncilScenario.refusalOf(() -> scenario.registerOnly(s.sessionId(), String.valueOf(number),
                today.plusDays(1), scan)).getMessage()).isEqualTo("Ngày ký quyết định không được sau hôm nay.");
        assertThat(CouncilScenario.refusalOf(() -> scenario.registerOnly(s.sessionId(), String.valueOf(number),
                today, null)).getMessage()).startsWith("Chưa đính kèm bản quét quyết định đã ký");
        assertThat(CouncilScenario.refusalOf(() -> scenario.registerOnly(s.sessionId(), String.valueOf(number),
                today, scenario.signedScan("bantdkt"))).status().value()).isEqualTo(403);

        assertThat(scenario.task(s.sessionId(), "Task_RegisterDecision")).as("the task stays open").isNotNull();
        assertThat(pending(s.sessionId())).as("nothing recorded").isNull();
        assertThat(scenario.issuing(scenario.processOf(s.sessionId()))).as("no job").isEmpty();
        assertThat(held(s.sessionId())).as("the session keeps its own number").isEqualTo(number);
        assertThat(held(other.sessionId())).isEqualTo(othersNumber);
        assertThat(decisions.naming(s.awarded())).isEmpty();
    }

    @Test
    void aVariableSentThroughEngineRestCannotRedirectTheJobToAnotherSession() {
        Session s = votedAndApproved(LocalDateTime.of(2041, 6, 4, 9, 0), "Mè Văn Dũng", "Lò Thị Thơm");
        Session other = votedAndApproved(LocalDateTime.of(2041, 6, 4, 10, 0), "Cầm Văn Hải", "Lường Thị Ngân");
        int number = scenario.proposal(s.sessionId()).proposedNumber();
        int othersNumber = scenario.proposal(other.sessionId()).proposedNumber();
        Long scan = scenario.signedScan(CouncilScenario.CLERK);
        String taskId = scenario.task(s.sessionId(), "Task_RegisterDecision").getId();
        String session = scenario.processOf(s.sessionId());

        // The session's own id is the system's: a completion that names another session is refused, nothing written.
        Map<String, Object> form = new HashMap<>();
        form.put("decisionNumber", text(String.valueOf(number)));
        form.put("signedOn", text("2041-06-04"));
        form.put("signedScanId", text(String.valueOf(scan)));
        Map<String, Object> redirected = new HashMap<>(form);
        redirected.put("sessionId", Map.of("value", other.sessionId(), "type", "Long"));
        ResponseEntity<String> refused = engine(CouncilScenario.CLERK, "/engine-rest/task/" + taskId + "/complete",
                redirected);
        assertThat(refused.getStatusCode().is4xxClientError()).as(refused.getBody()).isTrue();
        assertThat(pending(s.sessionId())).isNull();

        ResponseEntity<String> completed = engine(CouncilScenario.CLERK, "/engine-rest/task/" + taskId + "/complete", form);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        // Before the job runs, the form's variables are rewritten to point at the other session's number and scan.
        Long othersScan = scenario.signedScan(CouncilScenario.CLERK);
        runtimeService.setVariable(session, "decisionNumber", String.valueOf(othersNumber));
        runtimeService.setVariable(session, "signedOn", "2041-06-03");
        runtimeService.setVariable(session, "signedScanId", String.valueOf(othersScan));

        assertThat(scenario.executeIssuingJob(s.sessionId())).isEqualTo(1);

        var decision = decisions.naming(s.awarded()).orElseThrow();
        assertThat(decision.code()).as("the number the session recorded").isEqualTo(number + "/QĐ-UBND");
        assertThat(decision.signedOn()).isEqualTo(LocalDate.of(2041, 6, 4));
        assertThat(decision.scanDocumentId()).isEqualTo(scan);
        assertThat(decisions.naming(other.awarded())).as("the other session is untouched").isEmpty();
        for (Long id : other.both()) {
            assertThat(runtimeService.createExecutionQuery()
                    .processInstanceId(dossiers.record(id).processInstanceId())
                    .messageEventSubscriptionName("DossierDecided").count())
                    .as("the other session's cases still wait for their result").isEqualTo(1);
        }
        assertThat(pending(other.sessionId())).isNull();
        assertThat(held(other.sessionId())).isEqualTo(othersNumber);
        assertThat(scenario.task(other.sessionId(), "Task_RegisterDecision")).isNotNull();
    }

    @Test
    void aJobThatKeepsFailingEndsInAnIncidentWithNothingOfTheDecisionWritten() {
        Session s = votedAndApproved(LocalDateTime.of(2041, 7, 2, 9, 0), "Giàng A Sình", "Sùng Thị Pằng");
        int number = scenario.proposal(s.sessionId()).proposedNumber();
        scenario.registerOnly(s.sessionId(), String.valueOf(number), LocalDate.of(2041, 7, 2),
                scenario.signedScan(CouncilScenario.CLERK));
        String session = scenario.processOf(s.sessionId());
        Job job = scenario.issuing(session).get(0);
        int decisionsBefore = jdbc.queryForObject("select count(*) from decision", Integer.class);
        long documentCasesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("decision-document")
                .count();
        // Everything is written, then the transaction fails: all of it must roll back.
        doAnswer(call -> {
            call.callRealMethod();
            throw new IllegalStateException("connection reset");
        }).when(dossierDecisions).decide(any(), any(), any(), any(), any(), any());

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(retried.getRetries()).as("R3/PT5M: two attempts left").isEqualTo(2);
        assertThat(retried.getDuedate()).as("five minutes later")
                .isCloseTo(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(300)), 30_000L);
        for (int attempt = 1; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        }

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage())
                .startsWith("Không ban hành được quyết định khen thưởng của phiên họp: lỗi tạm thời")
                .contains("R3/PT5M").contains("Cockpit").doesNotContain("IllegalStateException");
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(session).singleResult();
        assertThat(incident).as("an operator sees it in Cockpit").isNotNull();
        assertThat(incident.getIncidentMessage()).isEqualTo(failed.getExceptionMessage());
        assertThat(jdbc.queryForObject("select count(*) from decision", Integer.class)).as("no decision")
                .isEqualTo(decisionsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("decision-document").count())
                .as("no document case").isEqualTo(documentCasesBefore);
        assertThat(dossiers.record(s.awarded()).status()).isEqualTo("ACCEPTED");
        assertThat(dossiers.record(s.refused()).status()).isEqualTo("ACCEPTED");
        assertThat(status(s.sessionId())).isEqualTo("SUBMITTED");
        assertThat(pending(s.sessionId())).as("the registration stays").isNotNull();
        assertThat(held(s.sessionId())).as("and its number").isEqualTo(number);

        doCallRealMethod().when(dossierDecisions).decide(any(), any(), any(), any(), any(), any());
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(decisions.naming(s.awarded()).orElseThrow().code()).isEqualTo(number + "/QĐ-UBND");
        assertThat(status(s.sessionId())).isEqualTo("DECIDED");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(session).count()).isZero();
    }

    // ---------------------------------------------------------------- the session's records

    private Map<String, Object> pending(Long sessionId) {
        var rows = jdbc.queryForList("select decision_number, signed_on, scan_document_id, registered_by"
                + " from council_decision_registration where session_id = ?", sessionId);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new HashMap<>();
        rows.get(0).forEach((k, v) -> row.put(k.toLowerCase(), v instanceof java.sql.Date d ? d.toLocalDate().toString()
                : v instanceof Number n && !k.equalsIgnoreCase("decision_number") ? Long.valueOf(n.longValue())
                : v instanceof Number n ? Integer.valueOf(n.intValue()) : v));
        return row;
    }

    private String status(Long sessionId) {
        return jdbc.queryForObject("select status from council_session where id = ?", String.class, sessionId);
    }

    private Integer held(Long sessionId) {
        var found = jdbc.queryForList("select number_value from decision_number_reservation where holder = ?",
                Integer.class, "council-session:" + sessionId);
        return found.isEmpty() ? null : found.get(0);
    }

    private ResponseEntity<String> engine(String user, String path, Map<String, Object> variables) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), ApiClient.jsonHeaders()), String.class);
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private record Session(Long sessionId, Long awarded, Long refused) {
        List<Long> both() {
            return List.of(awarded, refused);
        }
    }

    /** Two accepted dossiers of the health department; the council passes the first, not the second; approved. */
    private Session votedAndApproved(LocalDateTime at, String passedName, String votedDownName) {
        clockAt(at);
        Long a = scenario.acceptedCertificate(passedName);
        Long b = scenario.acceptedCertificate(votedDownName);
        Long sessionId = scenario.open("Phiên họp " + at, at.toLocalDate().plusDays(1), List.of(a, b));
        Map<Long, String> votes = new LinkedHashMap<>();
        votes.put(a, "YES");
        votes.put(b, "NO");
        for (String member : CouncilScenario.MEMBERS) {
            scenario.vote(sessionId, member, member, scenario.ballot(votes, Map.of(), List.of()));
        }
        scenario.executeJobs(sessionId);
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen cho 1 cá nhân."));
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        return new Session(sessionId, a, b);
    }
}
