package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.HistoricValues;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.OrgUnitRepository;

/**
 * "Có tập thể, cá nhân được khen thưởng?" after the Chairman's approval: when no dossier is left to
 * award (every one voted down, or every passed one left out by the Chairman) the session ends
 * "Không có khen thưởng" without a task for the văn thư, without a decision and without taking a
 * number from the register; each dossier ends with its reason and its unit is told. The answer is
 * the system's, from the session's dossiers: a value sent by the Chairman does not change it.
 */
@WorkflowTest
class NoAwardSessionTest {

    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessionViews views;
    @Autowired DossierQueries dossiers;
    @Autowired AwardDecisions decisions;
    @Autowired NotificationService notifications;
    @Autowired OrgUnitRepository units;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiClient api;

    @Test
    void aSessionWhoseDossiersAreAllVotedDownEndsWithoutTheVanThuAndWithoutADecision() {
        clockAt(LocalDateTime.of(2032, 9, 6, 9, 0));
        Long a = scenario.acceptedCertificate("Lầu A Sùng");
        Long b = scenario.acceptedCertificate("Vừ Thị Mai");
        Long sessionId = scenario.open("Phiên họp tháng 9/2032", LocalDate.of(2032, 9, 7), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "NO");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Không hồ sơ nào đạt tỷ lệ biểu quyết."));
        int nextNumber = decisions.nextNumber(2032);
        int decisionsBefore = decisionsOf2032();
        int unitNoticesBefore = notAwardedNotices().size();

        clockAt(LocalDateTime.of(2032, 9, 8, 10, 0));
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));

        assertEndedWithoutAward(sessionId, nextNumber, decisionsBefore);
        for (Long id : List.of(a, b)) {
            var record = dossiers.record(id);
            assertThat(record.status()).isEqualTo("NOT_AWARDED");
            assertThat(record.outcomeReason()).contains("Không đạt tỷ lệ biểu quyết của Hội đồng").contains("0/7")
                    .contains("≥ 70% tổng số thành viên Hội đồng");
            assertThat(record.history()).filteredOn(h -> h.status().equals("NOT_AWARDED")).singleElement()
                    .satisfies(h -> assertThat(h.actor()).as("the Chairman who approved decided").isEqualTo("chutich"));
        }
        assertThat(scenario.executeDossierJobs(List.of(a, b))).as("each case told its unit and ended at once")
                .isZero();
        assertThat(notAwardedNotices()).as("each unit told, as with a decision").hasSize(unitNoticesBefore + 2)
                .anySatisfy(n -> assertThat(n.subject()).contains(dossiers.record(a).nomineeName()).contains("không được khen thưởng"))
                .anySatisfy(n -> assertThat(n.subject()).contains(dossiers.record(b).nomineeName()));
    }

    @Test
    void whenTheChairmanLeavesOutEveryPassedDossierTheSessionEndsWithoutTheVanThuWhateverTheFormSends() {
        clockAt(LocalDateTime.of(2032, 10, 5, 9, 0));
        Long a = scenario.acceptedCertificate("Mùa A Chứ");
        Long b = scenario.acceptedCertificate("Giàng Thị Dua");
        Long sessionId = scenario.open("Phiên họp tháng 10/2032", LocalDate.of(2032, 10, 6), List.of(a, b));
        Map<Long, String> votes = new java.util.LinkedHashMap<>();
        votes.put(a, "YES");
        votes.put(b, "NO");
        for (String member : CouncilScenario.MEMBERS) {
            scenario.vote(sessionId, member, member, scenario.ballot(votes, Map.of(), List.of()));
        }
        scenario.executeJobs(sessionId);
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình 1 hồ sơ."));
        int nextNumber = decisions.nextNumber(2032);
        int decisionsBefore = decisionsOf2032();

        // Through the engine REST the flag is the system's: a completion that sends it is refused, the task stays.
        String chairmanTask = scenario.task(sessionId, "Task_Chairman").getId();
        var forged = api.as("chutich").exchange("/engine-rest/task/" + chairmanTask + "/complete",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("variables", Map.of(
                        "chairmanDecision", Map.of("value", "APPROVE_SOME", "type", "String"),
                        "excludedDossiers", Map.of("value", a + ": Cần xác minh đơn phản ánh.", "type", "String"),
                        CouncilDelegates.AWARDEES_APPROVED, Map.of("value", true, "type", "Boolean"))),
                        ApiClient.jsonHeaders()), String.class);
        assertThat(forged.getStatusCode().is2xxSuccessful()).as("%s", forged.getBody()).isFalse();
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody()).contains(CouncilDelegates.AWARDEES_APPROVED).contains("do hệ thống quản lý");
        assertThat(scenario.task(sessionId, "Task_Chairman").getId()).isEqualTo(chairmanTask);

        // Inside the engine, a value sent along is overwritten by the one the system reads from the session.
        Map<String, Object> some = new HashMap<>();
        some.put("chairmanDecision", "APPROVE_SOME");
        some.put("excludedDossiers", a + ": Cần xác minh đơn phản ánh.");
        some.put(CouncilDelegates.AWARDEES_APPROVED, true);
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), some);

        assertEndedWithoutAward(sessionId, nextNumber, decisionsBefore);
        assertThat(dossiers.record(a).status()).isEqualTo("NOT_AWARDED");
        assertThat(dossiers.record(a).outcomeReason()).isEqualTo("Chủ tịch UBND tỉnh không phê duyệt: Cần xác minh đơn phản ánh.");
        assertThat(dossiers.record(b).status()).isEqualTo("NOT_AWARDED");
        assertThat(dossiers.record(b).outcomeReason()).contains("Không đạt tỷ lệ biểu quyết của Hội đồng");
    }

    @Test
    void aSessionWithAnAwardeeStillGoesThroughTheVanThu() {
        clockAt(LocalDateTime.of(2032, 11, 2, 9, 0));
        Long a = scenario.acceptedCertificate("Lò Văn Pánh");
        Long b = scenario.acceptedCertificate("Tòng Thị Ỏn");
        Long sessionId = scenario.open("Phiên họp tháng 11/2032", LocalDate.of(2032, 11, 3), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình 2 hồ sơ."));
        Map<String, Object> some = new HashMap<>();
        some.put("chairmanDecision", "APPROVE_SOME");
        some.put("excludedDossiers", b + ": Chưa đủ thời gian công tác.");
        some.put(CouncilDelegates.AWARDEES_APPROVED, false);
        scenario.completeAs("chutich", scenario.task(sessionId, "Task_Chairman"), some);

        var registration = scenario.task(sessionId, "Task_RegisterDecision");
        assertThat(registration).as("one dossier left to award: the văn thư numbers the decision").isNotNull();
        assertThat(taskService.createTaskQuery().taskId(registration.getId()).taskCandidateGroup("van-thu-ubnd").count())
                .isEqualTo(1);
        int proposed = scenario.proposal(sessionId).proposedNumber();
        scenario.register(sessionId);

        var decided = views.view(sessionId, scenario.user("kiemtoan"));
        assertThat(decided.decisionCode()).isEqualTo(proposed + "/QĐ-UBND");
        assertThat(dossiers.record(a).status()).isEqualTo("AWARDED");
        assertThat(dossiers.record(b).status()).isEqualTo("NOT_AWARDED");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(scenario.processOf(sessionId))
                .singleResult().getEndActivityId()).as("the decision's job told each dossier's case and ended the session")
                .isEqualTo("EndEvent_Decided");
    }

    private void assertEndedWithoutAward(Long sessionId, int nextNumber, int decisionsBefore) {
        String process = scenario.processOf(sessionId);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(process).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_NoAward");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_RegisterDecision").count()).as("no task for the văn thư").isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(process)
                .taskDefinitionKey("Task_RegisterDecision").count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_IssueDecision").count()).isZero();
        var view = views.view(sessionId, scenario.user("kiemtoan"));
        assertThat(view.status()).isEqualTo("DECIDED");
        assertThat(view.decisionCode()).as("no decision").isNull();
        assertThat(decisions.nextNumber(2032)).as("no number taken from the register").isEqualTo(nextNumber);
        assertThat(decisionsOf2032()).isEqualTo(decisionsBefore);
        assertThat(HistoricValues.last(historyService, process, CouncilDelegates.AWARDEES_APPROVED)).isEqualTo(false);
    }

    private int decisionsOf2032() {
        return jdbc.queryForObject("select count(*) from decision where number_year = 2032", Integer.class);
    }

    private List<vn.dienbien.tdkt.notification.NotificationView> notAwardedNotices() {
        return notifications.forUnit(units.findByCode("SYT").orElseThrow().getId()).stream()
                .filter(n -> n.kind().equals("DOSSIER_NOT_AWARDED")).toList();
    }
}
