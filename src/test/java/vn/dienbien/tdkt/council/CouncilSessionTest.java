package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.dossier.DossierProposals;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.dossier.Proposal;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** The council votes, the standing body submits, the Chairman approves, a decision issues. */
@WorkflowTest
class CouncilSessionTest {

    @Autowired CouncilSessions sessions;
    @Autowired DossierProposals proposals;
    @Autowired DossierQueries dossiers;
    @Autowired DocumentService documents;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired org.camunda.bpm.engine.FormService formService;
    @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void votesWithAConflictAndAWrittenVoteDecideEachDossierAndTheChairmansApprovalIssuesTheDecision() {
        clockAt(LocalDateTime.of(2024, 1, 10, 9, 0));
        Long a = acceptedCertificate("Đỗ Thị An");
        Long b = acceptedCertificate("Hoàng Văn Bảo");
        Long sessionId = sessions.open("Phiên họp tháng 1/2024", LocalDate.of(2024, 1, 20), List.of(a, b), user("bantdkt"));

        List<Task> ballots = taskService.createTaskQuery().processInstanceBusinessKey("PH-" + sessionId)
                .taskDefinitionKey("Task_Vote").list();
        assertThat(ballots).extracting(Task::getAssignee).containsExactlyInAnyOrder("chutich", "hoidong1", "hoidong2",
                "hoidong3", "hoidong4", "hoidong5", "thuongtruc.hd");

        vote("chutich", "chutich", sessionId, a, "YES", b, "YES", false);
        vote("hoidong1", "hoidong1", sessionId, a, "YES", b, "YES", false);
        vote("hoidong2", "hoidong2", sessionId, a, "YES", b, "NO", false);
        vote("hoidong3", "hoidong3", sessionId, a, "YES", b, "NO", false);
        vote("hoidong4", "hoidong4", sessionId, a, "YES", b, "YES", true);   // conflict of interest on B
        vote("hoidong5", "thuongtruc.hd", sessionId, a, "NO", b, "YES", false); // absent: written vote
        vote("thuongtruc.hd", "thuongtruc.hd", sessionId, a, "NO", b, "YES", false);

        var view = sessions.view(sessionId);
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(a)).singleElement().satisfies(d -> {
            assertThat(d.yes()).isEqualTo(5);
            assertThat(d.eligible()).isEqualTo(7);
            assertThat(d.passed()).isTrue();
        });
        assertThat(view.dossiers()).filteredOn(d -> d.dossierId().equals(b)).singleElement().satisfies(d -> {
            assertThat(d.yes()).isEqualTo(4);
            assertThat(d.conflicts()).isEqualTo(1);
            assertThat(d.eligible()).isEqualTo(6);
            assertThat(d.passed()).isFalse();
        });
        assertThat(view.votes()).hasSize(14);
        assertThat(view.votes()).filteredOn(v -> v.memberId().equals("hoidong5")).allSatisfy(v -> {
            assertThat(v.written()).isTrue();
            assertThat(v.recordedBy()).isEqualTo("thuongtruc.hd");
        });
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("ballot")
                .processInstanceIdIn(processOf(sessionId)).count()).as("each member's ballot stays in history").isEqualTo(7);

        complete("thuongtruc.hd", task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 1 cá nhân đạt tỷ lệ biểu quyết."));
        complete("chutich", task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));

        var decided = sessions.view(sessionId);
        assertThat(decided.status()).isEqualTo("DECIDED");
        assertThat(decided.decisionCode()).matches("\\d+/QĐ-UBND");
        assertThat(dossiers.record(a).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(a).outcomeReason()).contains(decided.decisionCode());
        assertThat(dossiers.record(b).status()).isEqualTo("NOT_AWARDED");
        assertThat(dossiers.record(b).outcomeReason()).contains("Không đạt tỷ lệ biểu quyết").contains("4/6");
    }

    @Test
    void theChairmanMayReturnTheSubmissionAndThenApproveOnlySome() {
        clockAt(LocalDateTime.of(2024, 2, 20, 9, 0));
        Long a = acceptedCertificate("Lường Thị Cúc");
        Long b = acceptedCertificate("Mùa A Dế");
        Long sessionId = sessions.open("Phiên họp tháng 2/2024", LocalDate.of(2024, 2, 25), List.of(a, b), user("bantdkt"));
        for (String member : List.of("chutich", "hoidong1", "hoidong2", "hoidong3", "hoidong4", "hoidong5", "thuongtruc.hd")) {
            vote(member, member, sessionId, a, "YES", b, "YES", false);
        }
        complete("thuongtruc.hd", task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình 2 hồ sơ."));
        assertThatThrownBy(() -> complete("chutich", task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "RETURN")))
                .hasMessageContaining("Trả lại tờ trình phải nêu lý do");
        complete("chutich", task(sessionId, "Task_Chairman"),
                Map.of("chairmanDecision", "RETURN", "chairmanNote", "Bổ sung ý kiến của Ủy ban MTTQ tỉnh."));
        complete("thuongtruc.hd", task(sessionId, "Task_Submission"), Map.of("submissionNote", "Đã bổ sung ý kiến MTTQ."));
        Map<String, Object> some = new HashMap<>();
        some.put("chairmanDecision", "APPROVE_SOME");
        some.put("excludedDossiers", b + ": Đang có đơn phản ánh cần xác minh.");
        complete("chutich", task(sessionId, "Task_Chairman"), some);

        assertThat(dossiers.record(a).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(b).status()).isEqualTo("NOT_AWARDED");
        assertThat(dossiers.record(b).outcomeReason()).isEqualTo("Chủ tịch UBND tỉnh không phê duyệt: Đang có đơn phản ánh cần xác minh.");
    }

    @Test
    void theBoardOpensASessionFromTasklistsStartForm() {
        clockAt(LocalDateTime.of(2024, 3, 5, 9, 0));
        Long a = acceptedCertificate("Vàng A Tủa");
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("council-session")
                .latestVersion().singleResult().getId();
        identityService.setAuthentication("bantdkt", user("bantdkt").groupIds());
        var instance = formService.submitStartForm(definitionId, Map.of("sessionTitleInput", "Phiên họp tháng 3/2024",
                "meetingDate", "2024-03-06", "dossierIds", String.valueOf(a)));
        identityService.clearAuthentication();

        Long sessionId = (Long) runtimeService.getVariable(instance.getId(), "sessionId");
        assertThat(sessions.view(sessionId).dossiers()).extracting(CouncilSessions.SessionView.DossierLine::dossierId)
                .containsExactly(a);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Vote").count())
                .isEqualTo(7);
    }

    @Test
    void onlyAcceptedDossiersGoToTheCouncil() {
        assertThatThrownBy(() -> sessions.open("Phiên họp", LocalDate.of(2024, 3, 1), List.of(987654L), user("bantdkt")))
                .isInstanceOf(ApiException.class).hasMessageContaining("không có hồ sơ số 987654");
        assertThatThrownBy(() -> sessions.open("Phiên họp", LocalDate.of(2024, 3, 1), List.of(1L), user("canbo.syt")))
                .isInstanceOf(ApiException.class).hasMessageContaining("Chỉ Ban Thi đua");
    }

    private Long acceptedCertificate(String baseName) {
        String name = baseName + " " + (System.nanoTime() % 100000);
        Map<String, Long> docs = new HashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            docs.put(type, documents.store(type + ".pdf", "application/pdf", "%PDF-1.4".getBytes(), user("canbo.syt")).id());
        }
        Long id = proposals.propose(new Proposal("383/KH-UBND", 2023, "CERTIFICATE", "INDIVIDUAL", "SYT",
                new Proposal.Nominee(name, "Nam", 1982, "Chuyên viên", "Sở Y tế", false, null, null, null, null, null,
                        null, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ hai năm liền.", new Proposal.Facts(List.of(2022, 2023), 2, false, false, false),
                docs), user("canbo.syt"));
        String instance = dossiers.record(id).processInstanceId();
        complete("lanhdao.syt", taskService.createTaskQuery().processInstanceId(instance).singleResult(),
                Map.of("headDecision", "CONFIRM"));
        complete("bantdkt", taskService.createTaskQuery().processInstanceId(instance).singleResult(),
                Map.of("appraisalDecision", "ACCEPT"));
        assertThat(dossiers.record(id).status()).isEqualTo("ACCEPTED");
        return id;
    }

    private void vote(String member, String recordedBy, Long sessionId, Long a, String voteA, Long b, String voteB,
            boolean conflictOnB) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("PH-" + sessionId)
                .taskDefinitionKey("Task_Vote").taskAssignee(member).singleResult();
        String ballot = "[{\"dossierId\":" + a + ",\"vote\":\"" + voteA + "\",\"comment\":\"\",\"conflictOfInterest\":false},"
                + "{\"dossierId\":" + b + ",\"vote\":\"" + voteB + "\",\"comment\":\"Ý kiến của " + member + "\","
                + "\"conflictOfInterest\":" + conflictOnB + "}]";
        complete(recordedBy, task, Map.of("ballot", ballot));
    }

    private Task task(Long sessionId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey("PH-" + sessionId).taskDefinitionKey(key)
                .singleResult();
    }

    private String processOf(Long sessionId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("PH-" + sessionId)
                .singleResult().getId();
    }

    private void complete(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    private static void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    }
}
