package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.HistoricValues;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.platform.ApiException;

/** The council votes, the standing body submits, the Chairman approves, a decision issues. */
@WorkflowTest
class CouncilSessionTest {

    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessions sessions;
    @Autowired CouncilSessionViews views;
    @Autowired DossierQueries dossiers;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @Test
    void votesWithAConflictAndAWrittenVoteDecideEachDossierAndTheChairmansApprovalIssuesTheDecision() {
        clockAt(LocalDateTime.of(2024, 1, 10, 9, 0));
        Long a = scenario.acceptedCertificate("Đỗ Thị An");
        Long b = scenario.acceptedCertificate("Hoàng Văn Bảo");
        Long sessionId = scenario.open("Phiên họp tháng 1/2024", LocalDate.of(2024, 1, 20), List.of(a, b));

        assertThat(CouncilScenario.MEMBERS).allSatisfy(member -> assertThat(scenario.ballotTask(sessionId, member)).isNotNull());

        vote(sessionId, "chutich", "chutich", a, "YES", b, "YES", false);
        vote(sessionId, "hoidong1", "hoidong1", a, "YES", b, "YES", false);
        vote(sessionId, "hoidong2", "hoidong2", a, "YES", b, "NO", false);
        vote(sessionId, "hoidong3", "hoidong3", a, "YES", b, "NO", false);
        vote(sessionId, "hoidong4", "hoidong4", a, "YES", b, "YES", true);   // conflict of interest on B
        vote(sessionId, "hoidong5", "thuongtruc.hd", a, "NO", b, "YES", false); // absent: written vote
        vote(sessionId, "thuongtruc.hd", "thuongtruc.hd", a, "NO", b, "YES", false);
        assertThat(scenario.executeJobs(sessionId)).as("one job after the last ballot, none per ballot").isEqualTo(1);

        var view = views.view(sessionId, scenario.user("kiemtoan"));
        assertThat(view.status()).isEqualTo("TALLIED");
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(a)).singleElement().satisfies(d -> {
            assertThat(d.yes()).isEqualTo(5);
            assertThat(d.eligible()).isEqualTo(7);
            assertThat(d.passed()).isTrue();
        });
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(b)).singleElement().satisfies(d -> {
            assertThat(d.yes()).isEqualTo(4);
            assertThat(d.conflicts()).isEqualTo(1);
            assertThat(d.eligible()).as("the base is all members: the member in conflict counts as not agreeing")
                    .isEqualTo(7);
            assertThat(d.passed()).isFalse();
        });
        assertThat(view.tallySummary()).contains("Hồ sơ số " + a).contains("5/7 đồng ý — đạt")
                .contains("4/7 đồng ý, 1 thành viên xung đột lợi ích");
        assertThat(view.votes()).hasSize(14);
        assertThat(view.absentMembers()).as("every member voted: nobody absent").isEmpty();
        assertThat(view.votingClosedBy()).isNull();
        assertThat(scenario.task(sessionId, "Task_CloseVoting")).as("the closing step ends with the last ballot").isNull();
        assertThat(view.votes()).filteredOn(v -> v.memberId().equals("hoidong5")).allSatisfy(v -> {
            assertThat(v.written()).isTrue();
            assertThat(v.recordedBy()).isEqualTo("thuongtruc.hd");
        });
        assertThat(view.votes()).filteredOn(v -> v.memberId().equals("hoidong4")).allSatisfy(v ->
                assertThat(v.written()).isFalse());
        String sessionCase = scenario.processOf(sessionId);
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(sessionCase).variableName("ballot")
                .count()).as("ballots live in the council's tables, not in the case's variables").isZero();
        assertThat(HistoricValues.updates(historyService, sessionCase)).as("nor in its history")
                .extracting(HistoricVariableUpdate::getVariableName).isNotEmpty().doesNotContain("ballot");

        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 1 cá nhân đạt tỷ lệ biểu quyết."));
        scenario.approveAndRegister(sessionId);

        var decided = views.view(sessionId, scenario.user("kiemtoan"));
        assertThat(decided.status()).isEqualTo("DECIDED");
        assertThat(decided.decisionCode()).matches("\\d+/QĐ-UBND");
        assertThat(dossiers.record(a).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(a).outcomeReason()).contains(decided.decisionCode());
        assertThat(dossiers.record(b).status()).isEqualTo("NOT_AWARDED");
        assertThat(dossiers.record(b).outcomeReason()).contains("Không đạt tỷ lệ biểu quyết").contains("4/7")
                .contains("≥ 70% tổng số thành viên Hội đồng");
    }

    @Test
    void theChairmanMayReturnTheSubmissionAndThenApproveOnlySome() {
        clockAt(LocalDateTime.of(2024, 2, 20, 9, 0));
        Long a = scenario.acceptedCertificate("Lường Thị Cúc");
        Long b = scenario.acceptedCertificate("Mùa A Dế");
        Long sessionId = scenario.open("Phiên họp tháng 2/2024", LocalDate.of(2024, 2, 25), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình 2 hồ sơ."));
        // The Chairman's opinion is recorded by the task's complete listener: refused, the task stays open.
        var chairman = scenario.task(sessionId, "Task_Chairman");
        assertThat(CouncilScenario.refusalOf(() -> scenario.completeAs("chutich", chairman,
                Map.of("chairmanDecision", "RETURN"))).getMessage()).contains("Trả lại tờ trình phải nêu lý do");
        assertThat(scenario.task(sessionId, "Task_Chairman").getId()).isEqualTo(chairman.getId());
        assertThat(views.view(sessionId, scenario.user("kiemtoan")).chairmanDecision()).isNull();
        assertThat(runtimeService.getVariable(chairman.getProcessInstanceId(), "chairmanReturned")).isNull();
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"),
                Map.of("chairmanDecision", "RETURN", "chairmanNote", "Bổ sung ý kiến của Ủy ban MTTQ tỉnh."));
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đã bổ sung ý kiến MTTQ."));
        Map<String, Object> some = new HashMap<>();
        some.put("chairmanDecision", "APPROVE_SOME");
        some.put("excludedDossiers", b + ": Đang có đơn phản ánh cần xác minh.");
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), some);
        scenario.register(sessionId);

        assertThat(dossiers.record(a).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(b).status()).isEqualTo("NOT_AWARDED");
        assertThat(dossiers.record(b).outcomeReason()).isEqualTo("Chủ tịch UBND tỉnh không phê duyệt: Đang có đơn phản ánh cần xác minh.");
    }

    @Test
    void theBoardOpensASessionFromTasklistsStartForm() {
        clockAt(LocalDateTime.of(2024, 3, 5, 9, 0));
        Long a = scenario.acceptedCertificate("Vàng A Tủa");
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("council-session")
                .latestVersion().singleResult().getId();
        identityService.setAuthentication("bantdkt", scenario.user("bantdkt").groupIds());
        var instance = formService.submitStartForm(definitionId, Map.of("sessionTitleInput", "Phiên họp tháng 3/2024",
                "meetingDate", "2024-03-06", "dossierIds", String.valueOf(a)));
        identityService.clearAuthentication();

        Long sessionId = (Long) runtimeService.getVariable(instance.getId(), "sessionId");
        assertThat(views.view(sessionId, scenario.user("bantdkt")).dossiers())
                .extracting(CouncilSessionViews.SessionView.DossierLine::dossierId).containsExactly(a);
        assertThat(scenario.processOf(sessionId)).isEqualTo(instance.getId());
        assertThat(CouncilScenario.MEMBERS).allSatisfy(member -> assertThat(scenario.ballotTask(sessionId, member)).isNotNull());
    }

    @Test
    void onlyAcceptedDossiersGoToTheCouncil() {
        assertThatThrownBy(() -> scenario.open("Phiên họp", LocalDate.now(), List.of(987654L)))
                .isInstanceOf(ApiException.class).hasMessageContaining("không có hồ sơ số 987654");
        assertThatThrownBy(() -> sessions.open("Phiên họp", LocalDate.now(), List.of(1L), scenario.user("canbo.syt")))
                .isInstanceOf(ApiException.class).hasMessageContaining("Chỉ Ban Thi đua");
    }

    private void vote(Long sessionId, String member, String recordedBy, Long a, String voteA, Long b, String voteB,
            boolean conflictOnB) {
        Map<Long, String> votes = new LinkedHashMap<>();
        votes.put(a, voteA);
        votes.put(b, voteB);
        scenario.vote(sessionId, member, recordedBy,
                scenario.ballot(votes, Map.of(b, "Ý kiến của " + member), conflictOnB ? List.of(b) : List.of()));
    }
}
