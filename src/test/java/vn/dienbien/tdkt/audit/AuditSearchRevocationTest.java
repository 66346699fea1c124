package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Tra cứu hồ sơ thu hồi, hủy bỏ khen thưởng: the revocation cases made through the real procedure are a
 * kind of the audit search, found by kind, the awardee's name, unit, year and award, their status, the
 * number of the decision that gave the award and of the annulment decision, the person who asked, checked,
 * decided or holds the task, and the day they started; they are exported; the other kinds' answers stay
 * as they were.
 */
@WorkflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchRevocationTest {

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;

    /** A mark in every nominee's name, so that the search sees this class's cases among the others. */
    final String mark = "R" + System.nanoTime() % 1_000_000;
    Long a;
    Long b;
    String nameA;
    String nameB;
    String session;
    String award;
    /** Thu hồi A's award: approved by the Chairman. */
    long revoked;
    /** Hủy bỏ B's award: stopped by the head of the Board. */
    long stopped;
    /** Hủy bỏ B's award again: waiting for the head of the Board, who has claimed the task. */
    long pending;
    String annulment;

    @BeforeAll
    void cases() {
        try {
            clockAt(LocalDateTime.of(2024, 5, 6, 9, 0));
            a = scenario.acceptedCertificate("Lò Văn Thu " + mark);
            b = scenario.acceptedCertificate("Cà Thị Giữ " + mark);
            Long sessionId = scenario.open("Phiên họp tháng 5/2024 " + mark, LocalDate.of(2024, 5, 8), List.of(a, b));
            scenario.allVote(sessionId, List.of(a, b), "YES");
            scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                    Map.of("submissionNote", "Trình 2 hồ sơ."));
            scenario.approveAndRegister(sessionId);
            session = scenario.processOf(sessionId);
            award = jdbc.queryForObject("select de.code from decision de join decision_awardee da on da.decision_id = de.id"
                    + " where da.dossier_id = ?", String.class, a);
            nameA = nameOf(a);
            nameB = nameOf(b);

            clockAt(LocalDateTime.of(2024, 6, 10, 9, 0));
            revoked = requested(a, "REVOKE", "Khai man thành tích.");
            submitted("truongban.tdkt", task(revoked, "Task_Check"), Map.of("revocationCheck", "FORWARD"));
            submitted("chutich", task(revoked, "Task_Decide"), Map.of("revocationDecision", "APPROVE"));
            annulment = jdbc.queryForObject("select code from award_annulment where dossier_id = ?", String.class, a);

            clockAt(LocalDateTime.of(2024, 6, 11, 9, 0));
            stopped = requested(b, "ANNUL", "Có đơn phản ánh hồ sơ giả mạo.");
            submitted("truongban.tdkt", task(stopped, "Task_Check"), Map.of("revocationCheck", "STOP",
                    "revocationCheckNote", "Đơn phản ánh không có căn cứ."));

            clockAt(LocalDateTime.of(2024, 6, 12, 9, 0));
            pending = requested(b, "ANNUL", "Có đơn phản ánh lần hai.");
            taskService.claim(task(pending, "Task_Check").getId(), "truongban.tdkt");
        } finally {
            ClockUtil.reset();
        }
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theKindListsEveryRevocationCaseWithItsAwardeeStatusAndDecisions() {
        var page = page("kind=REVOCATION&nominee=" + mark + "&sort=startedAt,asc");
        assertThat(ids(page)).containsExactly(revocationCase(revoked), revocationCase(stopped), revocationCase(pending));
        assertThat(item(page, revocationCase(revoked))).containsEntry("kind", "REVOCATION")
                .containsEntry("kindLabel", "Thu hồi, hủy bỏ khen thưởng")
                .containsEntry("title", "Thu hồi Bằng khen: " + nameA).containsEntry("recordId", (int) revoked)
                .containsEntry("campaignCode", "383/KH-UBND").containsEntry("year", 2023)
                .containsEntry("unitCode", "SYT").containsEntry("unitName", "Sở Y tế")
                .containsEntry("awardCode", "CERTIFICATE").containsEntry("nomineeName", nameA)
                .containsEntry("status", "APPROVED").containsEntry("statusLabel", "Đã quyết định thu hồi, hủy bỏ khen thưởng")
                .containsEntry("decisionCode", award)
                .containsEntry("revocation", "Đã bị thu hồi theo Quyết định số " + annulment + " ngày 10/06/2024")
                .containsEntry("startedAt", "2024-06-10T09:00:00+07:00");
        assertThat(item(page, revocationCase(revoked)).get("endedAt")).as("the Chairman decided: the case has ended").isNotNull();
        assertThat(item(page, revocationCase(stopped))).containsEntry("title", "Hủy bỏ Bằng khen: " + nameB)
                .containsEntry("status", "STOPPED").containsEntry("statusLabel", "Lãnh đạo Ban TĐKT dừng đề nghị")
                .containsEntry("decisionCode", award);
        assertThat(item(page, revocationCase(stopped)).get("revocation")).as("the award stands").isNull();
        assertThat(item(page, revocationCase(pending))).containsEntry("status", "REQUESTED")
                .containsEntry("statusLabel", "Chờ lãnh đạo Ban TĐKT kiểm tra");
        assertThat(item(page, revocationCase(pending)).get("endedAt")).as("still under way").isNull();
        assertThat(total(page("kind=revocation&nominee=" + mark))).as("the kind's code in any case").isEqualTo(3);
    }

    @Test
    void theAwardeesNameFindsTheDossierTheSessionAndTheRevocation() {
        var page = page("nominee=" + "văn thu " + mark.toLowerCase());
        assertThat(ids(page)).containsExactlyInAnyOrder(dossierCase(a), session, revocationCase(revoked));
        assertThat(item(page, dossierCase(a))).containsEntry("kind", "DOSSIER")
                .containsEntry("revocation", "Đã bị thu hồi theo Quyết định số " + annulment + " ngày 10/06/2024");
        assertThat(ids(page("nominee=" + nameB.toUpperCase() + "&kind=REVOCATION")))
                .containsExactlyInAnyOrder(revocationCase(stopped), revocationCase(pending));
    }

    @Test
    void unitYearCampaignAwardAndStatusAreThoseOfTheAwardTakenBack() {
        String ours = "kind=REVOCATION&nominee=" + mark;
        assertThat(total(page(ours + "&unit=SYT&year=2023&campaign=383/KH-UBND&award=CERTIFICATE"))).isEqualTo(3);
        assertThat(total(page(ours + "&unit=STC"))).isZero();
        assertThat(total(page(ours + "&year=2024"))).isZero();
        assertThat(total(page(ours + "&award=FLAG"))).isZero();
        assertThat(ids(page(ours + "&status=stopped"))).containsExactly(revocationCase(stopped));
        assertThat(ids(page("nominee=" + mark + "&status=REQUESTED"))).as("no other kind has this status")
                .containsExactly(revocationCase(pending));
        assertThat(ids(page("nominee=" + mark + "&status=APPROVED"))).containsExactly(revocationCase(revoked));
        assertThat(ids(page("nominee=" + mark + "&status=REJECTED"))).isEmpty();
        var wrong = api.as("kiemtoan").exchange("/api/audit/cases?kind=REVOCATION&status=AWARDED", HttpMethod.GET, null,
                Map.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat((String) wrong.getBody().get("message")).contains("Thu hồi, hủy bỏ khen thưởng");
    }

    @Test
    void theAnnulmentDecisionsNumberAndTheAwardDecisionsNumberFindIt() {
        assertThat(ids(page("nominee=" + mark + "&decision=" + annulment))).containsExactly(revocationCase(revoked));
        assertThat(ids(page("kind=REVOCATION&decision=" + annulment.toLowerCase() + "&size=200")))
                .contains(revocationCase(revoked)).doesNotContain(revocationCase(stopped), revocationCase(pending));
        assertThat(ids(page("nominee=" + mark + "&decision=" + award)))
                .containsExactlyInAnyOrder(dossierCase(a), dossierCase(b), session, revocationCase(revoked), revocationCase(stopped), revocationCase(pending));
    }

    @Test
    void thePeopleWhoAskedCheckedDecidedOrHoldTheTaskFindIt() {
        assertThat(ids(page("nominee=" + mark + "&actor=truongban.tdkt")))
                .as("checked two requests, holds the third's task")
                .containsExactlyInAnyOrder(revocationCase(revoked), revocationCase(stopped), revocationCase(pending));
        assertThat(ids(page("nominee=" + mark + "&actor=chutich&kind=REVOCATION"))).containsExactly(revocationCase(revoked));
        assertThat(ids(page("nominee=" + mark + "&actor=bantdkt&kind=REVOCATION")))
                .containsExactlyInAnyOrder(revocationCase(revoked), revocationCase(stopped), revocationCase(pending));
        assertThat(ids(page("nominee=" + mark + "&actor=canbo.syt&kind=REVOCATION"))).isEmpty();
    }

    @Test
    void theDateRangeIsOfTheDayTheCaseStarted() {
        assertThat(ids(page("nominee=" + mark + "&from=2024-06-11&to=2024-06-11"))).containsExactly(revocationCase(stopped));
        assertThat(ids(page("nominee=" + mark + "&from=2024-06-01")))
                .containsExactlyInAnyOrder(revocationCase(revoked), revocationCase(stopped), revocationCase(pending));
    }

    @Test
    void theOtherKindsAnswerAsBefore() {
        assertThat(ids(page("nominee=" + mark + "&kind=DOSSIER"))).containsExactlyInAnyOrder(dossierCase(a), dossierCase(b));
        assertThat(ids(page("nominee=" + mark + "&kind=COUNCIL_SESSION"))).containsExactly(session);
        assertThat(items(page("nominee=" + mark + "&kind=DOSSIER")))
                .allSatisfy(i -> assertThat(i.get("decisionCode")).isEqualTo(award));
        assertThat(item(page("nominee=" + mark + "&kind=DOSSIER"), dossierCase(b)).get("revocation")).isNull();
        assertThat(total(page("nominee=" + mark + "&kind=LAUNCH_PLAN"))).isZero();
        assertThat(items(page("nominee=" + mark + "&sort=kind,asc"))).extracting(i -> i.get("kind"))
                .containsExactly("COUNCIL_SESSION", "DOSSIER", "DOSSIER", "REVOCATION", "REVOCATION", "REVOCATION");
        for (String sort : List.of("startedAt", "year", "unitName", "nomineeName", "status", "decisionCode")) {
            assertThat(total(page("nominee=" + mark + "&sort=" + sort))).as(sort).isEqualTo(6);
        }
    }

    @Test
    void theCsvHasARowPerRevocationCase() {
        var answer = api.as("mttq.giamsat").exchange("/api/audit/cases.csv?kind=REVOCATION&nominee=" + mark
                + "&sort=startedAt,asc", HttpMethod.GET, null, byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        byte[] body = answer.getBody();
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n", -1);
        assertThat(lines).as("a header, three cases, each line ended by CRLF").hasSize(1 + 3 + 1);
        assertThat(lines[1]).startsWith("\"" + revocationCase(revoked) + "\",\"Thu hồi, hủy bỏ khen thưởng\",\"Thu hồi Bằng khen: "
                + nameA + "\"").contains(",2023,", "\"Sở Y tế\"", "\"Đã quyết định thu hồi, hủy bỏ khen thưởng\"",
                "\"" + award + "\"", "\"10/06/2024 09:00\"",
                "\"Đã bị thu hồi theo Quyết định số " + annulment + " ngày 10/06/2024\"");
        assertThat(lines[2]).startsWith("\"" + revocationCase(stopped) + "\",\"Thu hồi, hủy bỏ khen thưởng\",\"Hủy bỏ Bằng khen: ");
        assertThat(lines[3]).contains("\"Chờ lãnh đạo Ban TĐKT kiểm tra\"");
    }

    // ---------------------------------------------------------------- helpers

    private long requested(long dossierId, String kind, String reason) {
        var answer = api.as("bantdkt").postForEntity("/api/award-revocations",
                new HttpEntity<>(Map.of("dossierId", dossierId, "kind", kind, "reason", reason), ApiClient.jsonHeaders()),
                Map.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(201);
        return ((Number) answer.getBody().get("id")).longValue();
    }

    private String revocationCase(long revocationId) {
        return jdbc.queryForObject("select process_instance_id from award_revocation where id = ?", String.class,
                revocationId);
    }

    private String dossierCase(Long dossierId) {
        return jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossierId);
    }

    private String nameOf(Long dossierId) {
        return jdbc.queryForObject("select nominee_name from dossier where id = ?", String.class, dossierId);
    }

    private Task task(long revocationId, String key) {
        return taskService.createTaskQuery().processInstanceId(revocationCase(revocationId)).taskDefinitionKey(key).singleResult();
    }

    /** Completes a task as Tasklist does (submit-form through the engine REST). */
    private void submitted(String user, Task task, Map<String, ?> values) {
        var answer = api.submitForm(user, "/engine-rest/task/" + task.getId() + "/submit-form", values);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s: %s", user, answer.getBody()).isTrue();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> page(String query) {
        var answer = api.as("kiemtoan").exchange("/api/audit/cases?" + query, HttpMethod.GET, null, Map.class);
        assertThat(answer.getStatusCode().value()).as("%s: %s", query, answer.getBody()).isEqualTo(200);
        return answer;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Map<String, Object>> items(ResponseEntity<Map> page) {
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    @SuppressWarnings("rawtypes")
    private static List<String> ids(ResponseEntity<Map> page) {
        return items(page).stream().map(i -> (String) i.get("caseId")).toList();
    }

    @SuppressWarnings("rawtypes")
    private static long total(ResponseEntity<Map> page) {
        return ((Number) page.getBody().get("total")).longValue();
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Object> item(ResponseEntity<Map> page, String caseId) {
        return items(page).stream().filter(i -> caseId.equals(i.get("caseId"))).findFirst().orElseThrow();
    }
}
