package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.dossier.DossierDecisions;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.notification.NotificationView;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * "Vào số, ngày ký quyết định": the văn thư's registration records the registration and moves no dossier case;
 * the session's job "Ban hành quyết định khen thưởng" then writes, in its one transaction, the decision, its
 * number, its awardees and every dossier's result, and tells every dossier's case of the session; each case then
 * tells its unit and ends in the same transaction ("Thông báo kết quả cho đơn vị", no job of its own since issue
 * 12's twenty-fifth pass). A job that fails leaves nothing half-written and moves nothing; a job run again tells
 * each case and unit once.
 * <p>
 * Sessions left on the version with one job per dossier ("Chuyển kết quả vào từng hồ sơ", issue 12's third to
 * seventh pass) still tell their dossiers that way: the last two tests run on that version.
 */
@WorkflowTest
class RegistrationOutcomeJobsTest {

    private static final String PER_DOSSIER_JOBS = "earlier-versions/council-session-per-dossier-jobs.bpmn";

    @Autowired CouncilScenario scenario;
    @Autowired DossierQueries dossiers;
    @Autowired AwardDecisions decisions;
    @Autowired OrgUnitRepository units;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired SessionOutcomes outcomes;
    @MockitoSpyBean NotificationService notifications;
    @MockitoSpyBean DossierDecisions dossierDecisions;

    private byte[] currentXml;

    @AfterEach
    void reset() throws IOException {
        ClockUtil.reset();
        if (currentXml != null) {
            deploy(currentXml);
            currentXml = null;
        }
    }

    @Test
    void theRegistrationMovesNoCaseAndTheIssuingJobTellsEveryCaseInItsOneTransaction() {
        Session s = votedAndApproved(LocalDateTime.of(2038, 3, 2, 9, 0), "Cà Văn Thắng", "Lò Thị Ngọc");
        int awardedBefore = notices("DOSSIER_AWARDED").size();
        int notAwardedBefore = notices("DOSSIER_NOT_AWARDED").size();
        clearInvocations(dossierDecisions);

        registerOnly(s);

        verify(dossierDecisions, never()).tellCase(any());
        for (Long id : s.both()) {
            assertThat(waitsForTheResult(id)).as("the registration moves no dossier case").isTrue();
        }
        String session = scenario.processOf(s.sessionId());
        assertThat(managementService.createJobQuery().processInstanceId(session).list())
                .as("the registration leaves one job: the decision's").singleElement()
                .satisfies(j -> assertThat(scenario.issuing(session)).extracting(Job::getId).containsExactly(j.getId()));

        assertThat(scenario.executeIssuingJob(s.sessionId())).isEqualTo(1);

        var decision = decisions.naming(s.awarded()).orElseThrow();
        var awarded = dossiers.record(s.awarded());
        assertThat(awarded.status()).as("written with the decision").isEqualTo("AWARDED");
        assertThat(awarded.outcomeReason()).isEqualTo("Khen thưởng theo Quyết định số " + decision.code());
        assertThat(awarded.history()).filteredOn(h -> h.status().equals("AWARDED")).singleElement()
                .satisfies(h -> assertThat(h.actor()).isEqualTo("chutich"));
        assertThat(decision.awardees()).singleElement()
                .satisfies(a -> assertThat(a.nomineeName()).isEqualTo(awarded.nomineeName()));
        var refused = dossiers.record(s.refused());
        assertThat(refused.status()).isEqualTo("NOT_AWARDED");
        assertThat(refused.outcomeReason()).contains("Không đạt tỷ lệ biểu quyết");
        for (Long id : s.both()) {
            assertThat(waitsForTheResult(id)).as("told in the issuing's transaction").isFalse();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseOf(id)).count())
                    .as("the case told its unit and ended in the same transaction").isZero();
            assertThat(managementService.createJobQuery().processInstanceId(caseOf(id)).count())
                    .as("no closing job, no timer left").isZero();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(session).count())
                .as("the session ends with the decision").isZero();
        assertThat(scenario.executeDossierJobs(s.both())).as("nothing left to run").isZero();
        assertThat(notices("DOSSIER_AWARDED")).hasSize(awardedBefore + 1)
                .anySatisfy(n -> assertThat(n.subject()).contains(awarded.nomineeName()).contains("được khen thưởng"));
        assertThat(notices("DOSSIER_NOT_AWARDED")).hasSize(notAwardedBefore + 1);
        assertThat(dossiers.record(s.awarded()).history()).as("the jobs add no status")
                .filteredOn(h -> h.status().equals("AWARDED")).hasSize(1);
    }

    @Test
    void eachCaseIsToldOnceAndOnlyByItsOwnDecidedSession() {
        Session s = votedAndApproved(LocalDateTime.of(2038, 3, 9, 9, 0), "Lường Văn Ín", "Quàng Thị Xuân");
        Session other = votedAndApproved(LocalDateTime.of(2038, 3, 10, 9, 0), "Vì Văn Hặc", "Tòng Thị Ơn");
        registerOnly(s);
        registerOnly(other);
        String session = scenario.processOf(s.sessionId());
        String otherSession = scenario.processOf(other.sessionId());

        assertThat(CouncilScenario.refusalOf(() -> outcomes.tellAll(otherSession)).getMessage())
                .as("not before its decision is issued")
                .isEqualTo("Phiên họp \"Phiên họp 2038-03-10\" chưa có kết quả để báo cho hồ sơ.");
        assertThat(scenario.executeIssuingJob(s.sessionId())).isEqualTo(1);

        assertThat(waitsForTheResult(s.awarded())).isFalse();
        assertThat(waitsForTheResult(s.refused())).isFalse();
        assertThat(waitsForTheResult(other.awarded())).as("only its own session tells it").isTrue();
        assertThat(outcomes.tellAll(session)).as("told once").isZero();
        assertThat(CouncilScenario.refusalOf(() -> outcomes.tellDossier(session, other.awarded())).getMessage())
                .isEqualTo("Hồ sơ số " + other.awarded() + " không thuộc phiên họp \"Phiên họp 2038-03-09\".");
        assertThat(waitsForTheResult(other.awarded())).isTrue();

        int awardedBefore = notices("DOSSIER_AWARDED").size();
        assertThat(scenario.executeDossierJobs(s.both())).as("the cases ended as they were told").isZero();
        assertThat(outcomes.tellAll(session)).as("told again: nothing moves").isZero();
        assertThat(notices("DOSSIER_AWARDED")).as("and nobody is told twice").hasSize(awardedBefore);
        assertThat(scenario.executeIssuingJob(other.sessionId())).isEqualTo(1);
        assertThat(notices("DOSSIER_AWARDED")).hasSize(awardedBefore + 1);
        assertThat(waitsForTheResult(other.awarded())).isFalse();
    }

    @Test
    void anIssuingJobThatFailsWhileTellingTheCasesRollsAllOfItBackAndEndsInAnIncident() {
        Session s = votedAndApproved(LocalDateTime.of(2038, 3, 30, 9, 0), "Lò Văn Sính", "Cầm Thị Pẻng");
        registerOnly(s);
        String session = scenario.processOf(s.sessionId());
        Job job = scenario.issuing(session).get(0);
        // The first case is told, then telling the second fails after its correlation: all of it must roll back.
        doAnswer(call -> {
            call.callRealMethod();
            throw new IllegalStateException("connection reset");
        }).when(dossierDecisions).tellCase(s.refused());

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        }

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage())
                .startsWith("Không ban hành được quyết định khen thưởng của phiên họp: lỗi tạm thời")
                .contains("chưa hồ sơ nào được chuyển").doesNotContain("IllegalStateException");
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(session).singleResult();
        assertThat(incident).as("an operator sees it in Cockpit").isNotNull();
        assertThat(incident.getIncidentMessage()).isEqualTo(failed.getExceptionMessage());
        for (Long id : s.both()) {
            assertThat(waitsForTheResult(id)).as("nothing half-written: no case was moved").isTrue();
            assertThat(dossiers.record(id).status()).as("no result written").isEqualTo("ACCEPTED");
        }
        assertThat(decisions.naming(s.awarded())).as("no decision").isEmpty();
        assertThat(runtimeService.getVariable(caseOf(s.awarded()), "decisionCode")).isNull();

        doCallRealMethod().when(dossierDecisions).tellCase(s.refused());
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(dossiers.record(s.awarded()).status()).isEqualTo("AWARDED");
        assertThat(waitsForTheResult(s.awarded())).isFalse();
        assertThat(waitsForTheResult(s.refused())).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(session).count()).isZero();
    }

    @Test
    void aJobGivenADossierOfAnotherSessionIsRefusedWithAVietnameseMessageAndMovesNothing() throws IOException {
        onThePerDossierJobsVersion();
        Session s = votedAndApproved(LocalDateTime.of(2038, 3, 16, 9, 0), "Lò Văn Pọm", "Điêu Thị Xiêm");
        Session other = votedAndApproved(LocalDateTime.of(2038, 3, 17, 9, 0), "Hà Văn Lả", "Cầm Thị Ương");
        scenario.register(s.sessionId());
        scenario.register(other.sessionId());
        String session = scenario.processOf(s.sessionId());
        scenario.executeTellingJob(s.refused());
        Job job = scenario.telling(session).get(0);
        runtimeService.setVariable(job.getExecutionId(), CouncilDelegates.OUTCOME_DOSSIER, other.awarded());

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getDuedate()).as("retried on the diagram's cycle, R3/PT5M")
                .isCloseTo(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(300)), 30_000L);
        assertThat(failed.getExceptionMessage())
                .isEqualTo("Không chuyển được kết quả xét khen thưởng vào hồ sơ số " + other.awarded()
                        + ": Hồ sơ số " + other.awarded() + " không thuộc phiên họp \"Phiên họp 2038-03-16\"."
                        + " Kết quả đã được ghi vào hồ sơ cùng quyết định; hệ thống tự thử lại theo chu kỳ R3/PT5M."
                        + " Khi hết lượt, xử lý nguyên nhân rồi chọn thử lại (Retry) sự cố này trong Cockpit.");
        assertThat(waitsForTheResult(other.awarded())).isTrue();
        assertThat(waitsForTheResult(s.awarded())).isTrue();
    }

    @Test
    void aTellingJobThatKeepsFailingEndsInAnIncidentWithNothingHalfWrittenAndTheSessionWaits() throws IOException {
        onThePerDossierJobsVersion();
        Session s = votedAndApproved(LocalDateTime.of(2038, 3, 23, 9, 0), "Mè Văn Piềng", "Lò Thị Hính");
        scenario.register(s.sessionId());
        String session = scenario.processOf(s.sessionId());
        scenario.executeTellingJob(s.refused());
        Job job = scenario.telling(session).get(0);
        // The correlation itself goes through, then the transaction fails: all of it must roll back.
        doAnswer(call -> {
            call.callRealMethod();
            throw new IllegalStateException("connection reset");
        }).when(dossierDecisions).tellCase(s.awarded());

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        }

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage()).startsWith("Không chuyển được kết quả xét khen thưởng vào hồ sơ số "
                + s.awarded() + ": lỗi tạm thời").doesNotContain("IllegalStateException");
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(session).singleResult();
        assertThat(incident).as("an operator sees it in Cockpit").isNotNull();
        assertThat(incident.getIncidentMessage()).isEqualTo(failed.getExceptionMessage());
        assertThat(waitsForTheResult(s.awarded())).as("nothing half-written: the case was not moved").isTrue();
        assertThat(runtimeService.getVariable(caseOf(s.awarded()), "decisionCode")).isNull();
        assertThat(dossiers.record(s.awarded()).status()).as("the result stays").isEqualTo("AWARDED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(session).count())
                .as("the session does not end before every dossier is told").isEqualTo(1);

        doCallRealMethod().when(dossierDecisions).tellCase(s.awarded());
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(waitsForTheResult(s.awarded())).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(session).count()).isZero();
    }

    @Test
    void aNoticeThatFailsFailsTheWholeIssuingJobWithNothingWrittenAndTheUnitIsToldOnceOnRetry() {
        Session s = votedAndApproved(LocalDateTime.of(2038, 4, 6, 9, 0), "Quàng Văn Páo", "Mùa Thị Dơ");
        int awardedBefore = notices("DOSSIER_AWARDED").size();
        int notAwardedBefore = notices("DOSSIER_NOT_AWARDED").size();
        registerOnly(s);
        String session = scenario.processOf(s.sessionId());
        Job job = scenario.issuing(session).get(0);
        // The awarded dossier's notice fails once: all of the job rolls back, whatever was told before it.
        doThrow(new IllegalStateException("connection reset")).doCallRealMethod().when(notifications)
                .notifyUnit(anyLong(), eq("DOSSIER_AWARDED"), any(), any());

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("the session's cycle, R3/PT5M: two attempts left").isEqualTo(2);
        assertThat(failed.getExceptionMessage())
                .startsWith("Không ban hành được quyết định khen thưởng của phiên họp: lỗi tạm thời")
                .contains("R3/PT5M").contains("Cockpit").doesNotContain("IllegalStateException");
        for (Long id : s.both()) {
            assertThat(waitsForTheResult(id)).as("nothing half-written: no case was moved").isTrue();
            assertThat(dossiers.record(id).status()).as("no result written").isEqualTo("ACCEPTED");
        }
        assertThat(decisions.naming(s.awarded())).as("no decision").isEmpty();
        assertThat(notices("DOSSIER_AWARDED")).hasSize(awardedBefore);
        assertThat(notices("DOSSIER_NOT_AWARDED")).as("the notice written before the failure is gone too")
                .hasSize(notAwardedBefore);

        managementService.executeJob(job.getId());
        assertThat(notices("DOSSIER_AWARDED")).hasSize(awardedBefore + 1);
        assertThat(notices("DOSSIER_NOT_AWARDED")).hasSize(notAwardedBefore + 1);
        assertThat(dossiers.record(s.awarded()).status()).isEqualTo("AWARDED");
        for (Long id : s.both()) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseOf(id)).count()).isZero();
        }
    }

    /** The văn thư's completion with the form's proposal, without running the decision's job. */
    private void registerOnly(Session session) {
        var proposal = scenario.proposal(session.sessionId());
        scenario.registerOnly(session.sessionId(), String.valueOf(proposal.proposedNumber()), proposal.today(),
                scenario.signedScan(CouncilScenario.CLERK));
    }

    /** Sessions opened from here on start on the version with one job per dossier; the current one comes back after. */
    private void onThePerDossierJobsVersion() throws IOException {
        ProcessDefinition current = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(WorkflowKeys.COUNCIL_SESSION).latestVersion().singleResult();
        try (InputStream in = repositoryService.getProcessModel(current.getId())) {
            currentXml = in.readAllBytes();
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PER_DOSSIER_JOBS)) {
            deploy(in.readAllBytes());
        }
    }

    private void deploy(byte[] xml) {
        repositoryService.createDeployment().name("council-session (kiểm thử phiên bản mỗi hồ sơ một tác vụ nền)")
                .addInputStream("bpmn/council-session.bpmn", new ByteArrayInputStream(xml)).deploy();
    }

    private String caseOf(Long dossierId) {
        return dossiers.record(dossierId).processInstanceId();
    }

    /** The dossier's case still waits at "Hội đồng xét, Chủ tịch UBND tỉnh quyết định" for its result. */
    private boolean waitsForTheResult(Long dossierId) {
        return runtimeService.createExecutionQuery().processInstanceId(caseOf(dossierId))
                .messageEventSubscriptionName("DossierDecided").count() == 1;
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
        Long sessionId = scenario.open("Phiên họp " + at.toLocalDate(), at.toLocalDate().plusDays(1), List.of(a, b));
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

    private List<NotificationView> notices(String kind) {
        return notifications.forUnit(units.findByCode("SYT").orElseThrow().getId()).stream()
                .filter(n -> n.kind().equals(kind)).toList();
    }
}
