package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * The diagram names each step in fixed words; Tasklist, the notifications and the e2e test see the
 * session's title on each task, found from the case's own session. A session opened through /api and
 * one opened from Tasklist's start form enter the diagram the same way.
 */
@WorkflowTest
class CouncilTaskNamesTest {

    @Autowired CouncilScenario scenario;
    @Autowired HistoryService historyService;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void everyTaskOfTheSessionCarriesItsTitleInTasklistAndInTheNewTaskNotification() {
        clockAt(LocalDateTime.of(2024, 3, 4, 9, 0));
        Long a = scenario.acceptedCertificate("Quàng Văn Tên");
        String title = "Phiên họp tháng 3/2024 (tên nhiệm vụ)";
        Long sessionId = scenario.open(title, LocalDate.of(2024, 3, 12), List.of(a));

        Task ballot = scenario.ballotTask(sessionId, "hoidong1");
        assertThat(ballot.getName()).isEqualTo("Biểu quyết: " + title);
        assertThat(ballot.getDescription()).contains("Phiên họp: " + title).contains("Ngày họp: 12/03/2024")
                .contains("Hạn biểu quyết: 17:00 ngày 09/03/2024");
        assertThat(subjectOfNewTask(ballot, "hoidong1")).isEqualTo("Có việc mới: Biểu quyết: " + title);
        Task close = scenario.task(sessionId, "Task_CloseVoting");
        assertThat(close.getName()).isEqualTo("Thường trực Hội đồng kết thúc biểu quyết: " + title);
        assertThat(subjectOfNewTask(close, null)).isEqualTo("Có việc mới: Thường trực Hội đồng kết thúc biểu quyết: " + title);

        scenario.allVote(sessionId, List.of(a), "YES");
        Task submission = scenario.task(sessionId, "Task_Submission");
        assertThat(submission.getName()).isEqualTo("Lập tờ trình Chủ tịch UBND tỉnh: " + title);
        assertThat(submission.getDescription()).contains("Phiên họp: " + title).doesNotContain("Hạn biểu quyết");
        scenario.completeAs("thuongtruc.hd", submission, Map.of("submissionNote", "Trình 1 hồ sơ."));
        assertThat(scenario.task(sessionId, "Task_Chairman").getName()).isEqualTo("Phê duyệt khen thưởng: " + title);
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        assertThat(scenario.task(sessionId, "Task_RegisterDecision").getName())
                .isEqualTo("Văn thư vào số, ngày ký quyết định: " + title);
        scenario.register(sessionId); // the decision's job tells each dossier's case; the session then ends

        // History keeps the diagram's fixed step names; the Ghi nhận steps are no longer steps of their own.
        String process = scenario.processOf(sessionId);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process).activityId("Task_Vote")
                .list()).extracting(a2 -> a2.getActivityName()).containsOnly("Biểu quyết khen thưởng");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process).list())
                .extracting(a2 -> a2.getActivityId()).doesNotContain("Task_RecordSubmission", "Task_RecordChairman")
                .contains("Task_Tally", "Task_IssueDecision", "EndEvent_Decided");
    }

    @Test
    void aTitleLongerThanATaskNameIsCutInTheNameAndKeptWholeInTheDescription() {
        Long a = scenario.acceptedCertificate("Lò Thị Dài");
        String title = "Phiên họp " + "rất dài ".repeat(60).strip();
        assertThat(title.length()).isBetween(256, CouncilSessions.TITLE_MAX);
        Long sessionId = scenario.open(title, LocalDate.now(), List.of(a));

        Task ballot = scenario.ballotTask(sessionId, "hoidong2");
        assertThat(ballot.getName()).hasSize(CouncilTaskNames.NAME_MAX).startsWith("Biểu quyết: Phiên họp rất dài").endsWith("…");
        assertThat(ballot.getDescription()).contains(title);
    }

    @Test
    void aSessionOpenedThroughTheApiAndOneOpenedFromTasklistEnterAtTheSameStartEvent() {
        Long a = scenario.acceptedCertificate("Giàng A Lối");
        Long b = scenario.acceptedCertificate("Giàng A Vào");
        Long viaApi = scenario.open("Phiên họp qua /api", LocalDate.now(), List.of(a));
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("council-session")
                .latestVersion().singleResult().getId();
        identityService.setAuthentication("bantdkt", scenario.user("bantdkt").groupIds());
        String viaTasklist;
        try {
            viaTasklist = formService.submitStartForm(definitionId, Map.of("sessionTitleInput", "Phiên họp qua Tasklist",
                    "meetingDate", LocalDate.now().toString(), "dossierIds", String.valueOf(b))).getId();
        } finally {
            identityService.clearAuthentication();
        }

        for (String process : List.of(scenario.processOf(viaApi), viaTasklist)) {
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                    .orderPartiallyByOccurrence().asc().list()).extracting(i -> i.getActivityId())
                    .startsWith("StartEvent_Opened", "Task_OpenSession");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(viaTasklist).singleResult()
                .getBusinessKey()).startsWith("PH-");
    }

    @Test
    void aTaskStartedWithoutCustomListenersStillTellsItsPeopleOnceUnderTheDiagramsName() {
        Long a = scenario.acceptedCertificate("Lò Văn Sửa");
        Long sessionId = scenario.open("Phiên họp sửa quy trình", LocalDate.now(), List.of(a));
        // An administrator's modification that skips custom listeners (as Cockpit offers it).
        runtimeService.createProcessInstanceModification(scenario.processOf(sessionId))
                .startBeforeActivity("Task_Submission").execute(true, false);

        Task submission = scenario.task(sessionId, "Task_Submission");
        assertThat(submission.getName()).isEqualTo("Lập tờ trình Chủ tịch UBND tỉnh");
        assertThat(subjectOfNewTask(submission, null)).isEqualTo("Có việc mới: Lập tờ trình Chủ tịch UBND tỉnh");
    }

    /** The subject of the "Có việc mới" notification of this task, to a person or (null) to its group. */
    private String subjectOfNewTask(Task task, String user) {
        return jdbc.queryForObject("select subject from notification where task_id = ? and "
                + (user == null ? "recipient_user is null" : "recipient_user = ?"), String.class,
                user == null ? new Object[] {task.getId()} : new Object[] {task.getId(), user});
    }
}
