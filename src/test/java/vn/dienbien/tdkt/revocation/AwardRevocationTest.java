package vn.dienbien.tdkt.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Issue 10, item 5: an award found to rest on a false dossier is revoked or annulled. The Board's officer
 * asks, the head of the Board checks, the Chairman decides; the annulment decision takes the next number
 * of the year's book; the award history, the decision list, the audit exports, the certificate list and
 * the public verification page then all say by which decision the award was taken back.
 */
@WorkflowTest
@SuppressWarnings("unchecked")
class AwardRevocationTest {

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    record Issued(long decisionId, long a, long b) {
    }

    /** A Chairman's decision of 12/03/2024 awarding two certificates of the health department. */
    private Issued issued(String first, String second) {
        clockAt(LocalDateTime.of(2024, 3, 12, 9, 0));
        Long a = scenario.acceptedCertificate(first);
        Long b = scenario.acceptedCertificate(second);
        Long sessionId = scenario.open("Phiên họp xét Bằng khen tháng 3/2024", LocalDate.of(2024, 3, 20), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình 2 hồ sơ."));
        scenario.approveAndRegister(sessionId);
        return new Issued(jdbc.queryForObject("select decision_id from decision_awardee where dossier_id = ?", Long.class, a), a, b);
    }

    private ResponseEntity<Map> request(String user, Map<String, Object> body) {
        return api.as(user).postForEntity("/api/award-revocations", new HttpEntity<>(body, ApiClient.jsonHeaders()), Map.class);
    }

    private long requested(String user, long dossierId, String kind, String reason) {
        var answer = request(user, Map.of("dossierId", dossierId, "kind", kind, "reason", reason));
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(201);
        return ((Number) answer.getBody().get("id")).longValue();
    }

    private String caseOf(long requestId) {
        return jdbc.queryForObject("select process_instance_id from award_revocation where id = ?", String.class, requestId);
    }

    private Task task(long requestId, String key) {
        return taskService.createTaskQuery().processInstanceId(caseOf(requestId)).taskDefinitionKey(key).singleResult();
    }

    /** Completes a task as Tasklist does (submit-form through the engine REST, guarded like every call). */
    private ResponseEntity<String> submit(String user, Task task, Map<String, ?> values) {
        return api.submitForm(user, "/engine-rest/task/" + task.getId() + "/submit-form", values);
    }

    private void submitted(String user, Task task, Map<String, ?> values) {
        var answer = submit(user, task, values);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s: %s", user, answer.getBody()).isTrue();
    }

    /**
     * The highest number of the year's book in use (award or annulment decision). Not the counter row: a
     * registration under its session's reserved number leaves the counter to the next one who takes a number.
     */
    private int counter(int year) {
        return jdbc.queryForObject("select coalesce(max(n), 0) from (select number_value n from decision where number_year = ?"
                + " union all select number_value from award_annulment where number_year = ?) x", Integer.class, year, year);
    }

    private String nameOf(long dossierId) {
        return jdbc.queryForObject("select nominee_name from dossier where id = ?", String.class, dossierId);
    }

    private String codeOf(long dossierId) {
        return jdbc.queryForObject("select code from award_certificate where dossier_id = ?", String.class, dossierId);
    }

    private List<Map<String, Object>> history(String user) {
        return api.as(user).getForObject("/api/award-history?unit=SYT", List.class);
    }

    private Map<String, Object> entry(List<Map<String, Object>> history, long dossierId) {
        return history.stream().filter(e -> ((Number) e.get("dossierId")).longValue() == dossierId).findFirst().orElseThrow();
    }

    @Test
    void theChairmansApprovalRevokesTheAwardWithTheNextNumberAndEveryViewSaysSo() throws Exception {
        Issued d = issued("Lò Văn Khai", "Cà Thị Thật");
        clockAt(LocalDateTime.of(2024, 6, 3, 9, 0));
        int before = counter(2024);
        long evidence = api.uploadPdf("bantdkt", "bien-ban-xac-minh.pdf");
        var started = request("bantdkt", Map.of("dossierId", d.a(), "kind", "REVOKE",
                "reason", "Xác minh cho thấy báo cáo thành tích khai man số năm hoàn thành xuất sắc nhiệm vụ.",
                "evidenceDocumentId", evidence));
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
        assertThat(started.getBody()).containsEntry("status", "REQUESTED");
        long id = ((Number) started.getBody().get("id")).longValue();

        Task check = task(id, "Task_Check");
        assertThat(check.getName()).startsWith("Kiểm tra đề nghị: Thu hồi Bằng khen của Chủ tịch UBND tỉnh – " + nameOf(d.a()));
        assertThat(taskService.getIdentityLinksForTask(check.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("lanh-dao-ban-tdkt"));
        assertThat(check.getDueDate().toInstant()).isEqualTo(LocalDateTime.of(2024, 6, 13, 9, 0)
                .atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
        submitted("truongban.tdkt", check, Map.of("revocationCheck", "FORWARD", "revocationCheckNote", "Đủ căn cứ, trình Chủ tịch."));

        Task decide = task(id, "Task_Decide");
        assertThat(decide.getDueDate()).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(decide.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("chu-tich-ubnd"));
        assertThat(decide.getName()).as("the diagram's fixed name and the case's title, read from its request")
                .isEqualTo("Quyết định thu hồi, hủy bỏ: " + check.getName().substring("Kiểm tra đề nghị: ".length()));
        assertThat(decide.getDescription()).isEqualTo(check.getDescription());
        submitted("chutich", decide, Map.of("revocationDecision", "APPROVE"));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(caseOf(id))
                .activityId("Task_IssueDecision").finished().count()).as("the decision is issued as its own step").isEqualTo(1);

        // The annulment decision: the next number of the year's book, signed today.
        assertThat(counter(2024)).isEqualTo(before + 1);
        var annulment = jdbc.queryForMap("select kind, code, number_value, signed_on, decided_by, decision_id"
                + " from award_annulment where dossier_id = ?", d.a());
        String code = (before + 1) + "/QĐ-UBND";
        assertThat(annulment).containsEntry("KIND", "REVOKE").containsEntry("CODE", code)
                .containsEntry("DECIDED_BY", "chutich");
        assertThat(((Number) annulment.get("DECISION_ID")).longValue()).isEqualTo(d.decisionId());
        String statement = "Đã bị thu hồi theo Quyết định số " + code + " ngày 03/06/2024";
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseOf(id)).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_Revoked");
        var view = api.as("bantdkt").getForObject("/api/award-revocations/" + id, Map.class);
        assertThat(view).containsEntry("status", "APPROVED").containsEntry("checkedBy", "truongban.tdkt")
                .containsEntry("decidedBy", "chutich");
        assertThat((Map<String, Object>) view.get("annulment")).containsEntry("code", code);
        // The unit is told.
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'AWARD_REVOKED' and body like ?",
                Integer.class, "%" + code + "%")).isEqualTo(1);

        // The award history: revoked, by number and date; the other awardee's award stands.
        for (String reader : List.of("bantdkt", "canbo.syt", "canbo.stc")) {
            var history = history(reader);
            assertThat(entry(history, d.a())).as(reader).containsEntry("revocation", statement)
                    .containsEntry("statusLabel", "đã bị thu hồi khen thưởng (Quyết định số " + code + ")");
            assertThat(entry(history, d.b())).as(reader).containsEntry("revocation", null)
                    .containsEntry("statusLabel", "được khen thưởng");
        }
        // The decision list names the annulment on the awardee.
        List<Map<String, Object>> decisions = api.as("canbo.syt").getForObject("/api/decisions?year=2024", List.class);
        var awardees = (List<Map<String, Object>>) decisions.stream()
                .filter(x -> ((Number) x.get("id")).longValue() == d.decisionId()).findFirst().orElseThrow().get("awardees");
        assertThat(awardees).filteredOn(x -> ((Number) x.get("dossierId")).longValue() == d.a()).singleElement()
                .satisfies(x -> assertThat((Map<String, Object>) x.get("annulment")).containsEntry("code", code));
        assertThat(awardees).filteredOn(x -> ((Number) x.get("dossierId")).longValue() == d.b()).singleElement()
                .satisfies(x -> assertThat(x.get("annulment")).isNull());

        // The public verification page.
        var page = api.as(null).getForEntity("/public/verify/" + codeOf(d.a()), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(statement).doesNotContain("Còn hiệu lực").doesNotContain("khai man");
        var json = api.as(null).getForObject("/public/verify/" + codeOf(d.a()) + ".json", Map.class);
        assertThat(json).containsEntry("valid", false).containsEntry("standing", statement);
        assertThat(api.as(null).getForObject("/public/verify/" + codeOf(d.b()) + ".json", Map.class))
                .containsEntry("valid", true);

        // The certificate list.
        var list = api.as("bantdkt").getForEntity("/api/decisions/" + d.decisionId() + "/certificates.xlsx", byte[].class);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(list.getBody()))) {
            var sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            Map<String, String> standing = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                standing.put(text.formatCellValue(sheet.getRow(r).getCell(1)), text.formatCellValue(sheet.getRow(r).getCell(8)));
            }
            assertThat(standing).containsEntry(nameOf(d.a()), statement).containsEntry(nameOf(d.b()), "Còn hiệu lực");
        }

        // The audit search exports (CSV and XLSX) and the dossier's case record.
        String nominee = nameOf(d.a());
        String csv = api.as("kiemtoan").getForObject("/api/audit/cases.csv?kind=DOSSIER&nominee={n}", String.class, nominee);
        assertThat(csv).contains("Thu hồi, hủy bỏ khen thưởng").contains(statement);
        var xlsx = api.as("kiemtoan").getForEntity("/api/audit/cases.xlsx?kind=DOSSIER&nominee={n}", byte[].class, nominee);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            var sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            int last = sheet.getRow(0).getLastCellNum() - 1;
            assertThat(text.formatCellValue(sheet.getRow(0).getCell(last))).isEqualTo("Thu hồi, hủy bỏ khen thưởng");
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(last))).isEqualTo(statement);
        }
        String dossierCase = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, d.a());
        String record = api.as("kiemtoan").getForObject("/api/audit/cases/" + dossierCase + "/export.json", String.class);
        assertThat(record).contains(statement).contains("REVOCATION_REQUESTED").contains("ANNULMENT");
        var pdf = api.as("kiemtoan").getForEntity("/api/audit/cases/" + dossierCase + "/export.pdf", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        String revocationCase = api.as("kiemtoan").getForObject("/api/audit/cases/" + caseOf(id), String.class);
        assertThat(revocationCase).contains("Thu hồi, hủy bỏ khen thưởng").contains("REVOCATION_DECIDED");

        // Both cases are sealed with the annulment: altering it is seen, putting it back heals.
        for (String sealed : List.of(dossierCase, caseOf(id))) {
            assertThat(integrity(sealed)).as(sealed).containsEntry("intact", true);
        }
        String reason = jdbc.queryForObject("select reason from award_annulment where dossier_id = ?", String.class, d.a());
        jdbc.update("update award_annulment set reason = 'Lý do khác' where dossier_id = ?", d.a());
        assertThat(integrity(dossierCase)).containsEntry("intact", false);
        assertThat(integrity(caseOf(id))).containsEntry("intact", false);
        jdbc.update("update award_annulment set reason = ? where dossier_id = ?", reason, d.a());
        assertThat(integrity(dossierCase)).containsEntry("intact", true);
    }

    private Map<String, Object> integrity(String caseId) {
        return (Map<String, Object>) api.as("kiemtoan").getForObject("/api/audit/cases/" + caseId, Map.class).get("integrity");
    }

    @Test
    void aStoppedOrRejectedRequestLeavesTheAwardStandingAndTakesNoNumber() {
        Issued d = issued("Lò Văn Giữ", "Cà Thị Nguyên");
        clockAt(LocalDateTime.of(2024, 7, 1, 9, 0));
        int before = counter(2024);

        long stopped = requested("bantdkt", d.b(), "ANNUL", "Có đơn phản ánh hồ sơ giả mạo.");
        var noReason = submit("truongban.tdkt", task(stopped, "Task_Check"), Map.of("revocationCheck", "STOP"));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("Dừng đề nghị phải nêu lý do");
        submitted("truongban.tdkt", task(stopped, "Task_Check"), Map.of("revocationCheck", "STOP",
                "revocationCheckNote", "Đơn phản ánh không có căn cứ."));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseOf(stopped)).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_Stopped");

        long rejected = requested("bantdkt", d.b(), "ANNUL", "Có đơn phản ánh lần hai.");
        submitted("truongban.tdkt", task(rejected, "Task_Check"), Map.of("revocationCheck", "FORWARD"));
        submitted("chutich", task(rejected, "Task_Decide"), Map.of("revocationDecision", "REJECT",
                "revocationDecisionNote", "Hồ sơ đã được xác minh là trung thực."));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseOf(rejected)).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_Kept");
        assertThat(api.as("bantdkt").getForObject("/api/award-revocations/" + rejected, Map.class))
                .containsEntry("status", "REJECTED").containsEntry("annulment", null);

        assertThat(counter(2024)).as("no number taken").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from award_annulment where dossier_id = ?", Integer.class, d.b())).isZero();
        assertThat(entry(history("bantdkt"), d.b())).containsEntry("revocation", null).containsEntry("statusLabel", "được khen thưởng");
        assertThat(api.as(null).getForObject("/public/verify/" + codeOf(d.b()) + ".json", Map.class))
                .containsEntry("valid", true).containsEntry("standing", "Còn hiệu lực");
    }

    @Test
    void onlyTheBoardAsksOnlyForAnAwardThatStandsAndNeverTwice() {
        Issued d = issued("Lò Văn Hai", "Cà Thị Lần");
        clockAt(LocalDateTime.of(2024, 8, 5, 9, 0));
        Map<String, Object> body = Map.of("dossierId", d.a(), "kind", "REVOKE", "reason", "Khai man thành tích.");
        for (String notBoard : List.of("canbo.syt", "lanhdao.syt", "chutich", "hoidong1", "thuongtruc.hd", "admin")) {
            assertThat(request(notBoard, body).getStatusCode().value()).as(notBoard).isEqualTo(403);
        }
        for (String oversight : List.of("kiemtoan", "mttq.giamsat")) {
            assertThat(request(oversight, body).getStatusCode().value()).as(oversight).isEqualTo(403);
        }
        assertThat(request(null, body).getStatusCode().value()).isEqualTo(401);
        assertThat(request("bantdkt", Map.of("dossierId", 987654321L, "kind", "REVOKE", "reason", "x")).getStatusCode().value())
                .isEqualTo(404);
        long notAwarded = scenario.acceptedCertificate("Lò Văn Chưa");
        var refused = request("bantdkt", Map.of("dossierId", notAwarded, "kind", "REVOKE", "reason", "Khai man."));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("message")).contains("chưa được khen thưởng");
        assertThat(request("bantdkt", Map.of("dossierId", d.a(), "kind", "XOA", "reason", "x")).getStatusCode().value()).isEqualTo(400);
        assertThat(request("bantdkt", Map.of("dossierId", d.a(), "kind", "REVOKE")).getStatusCode().value()).isEqualTo(400);
        long othersDocument = api.uploadPdf("canbo.syt", "khong-phai-cua-ban.pdf");
        assertThat(request("bantdkt", Map.of("dossierId", d.a(), "kind", "REVOKE", "reason", "Khai man.",
                "evidenceDocumentId", othersDocument)).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from award_revocation where dossier_id in (?, ?)", Integer.class,
                d.a(), notAwarded)).as("nothing recorded by a refusal").isZero();

        long id = requested("bantdkt", d.a(), "REVOKE", "Khai man thành tích.");
        assertThat(request("truongban.tdkt", body).getStatusCode().value()).as("one request at a time").isEqualTo(409);

        // Forged variables through the engine REST: the case's request and its outcomes are the system's.
        Task check = task(id, "Task_Check");
        for (String forged : List.of("revocationId", "revocationForwarded", "revocationApproved")) {
            var answer = api.as("truongban.tdkt").postForEntity("/engine-rest/task/" + check.getId() + "/complete",
                    new HttpEntity<>("{\"variables\":{\"revocationCheck\":{\"value\":\"FORWARD\"},\"" + forged
                            + "\":{\"value\":1,\"type\":\"Long\"}}}", ApiClient.jsonHeaders()), String.class);
            assertThat(answer.getStatusCode().value()).as(forged).isBetween(400, 499);
        }
        var unitOfficer = api.as("canbo.syt").postForEntity("/engine-rest/task/" + check.getId() + "/complete",
                new HttpEntity<>("{\"variables\":{\"revocationCheck\":{\"value\":\"FORWARD\"}}}", ApiClient.jsonHeaders()),
                String.class);
        assertThat(unitOfficer.getStatusCode().value()).isBetween(400, 499);
        assertThat(taskService.createTaskQuery().taskId(check.getId()).count()).as("the check is still to do").isEqualTo(1);
        // A case cannot be started by hand, nor tied to an existing request.
        var byHand = api.as("bantdkt").postForEntity("/engine-rest/process-definition/key/award-revocation/start",
                new HttpEntity<>("{\"businessKey\":\"TH-" + id + "\"}", ApiClient.jsonHeaders()), String.class);
        assertThat(byHand.getStatusCode().value()).isBetween(400, 499);
        var byAdmin = api.as("admin").postForEntity("/engine-rest/process-definition/key/award-revocation/start",
                new HttpEntity<>("{\"businessKey\":\"TH-" + id + "\"}", ApiClient.jsonHeaders()), String.class);
        assertThat(byAdmin.getStatusCode().value()).isEqualTo(400);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("award-revocation")
                .processInstanceBusinessKey("TH-" + id).count()).isEqualTo(1);

        submitted("truongban.tdkt", check, Map.of("revocationCheck", "FORWARD"));
        var boardHeadDecides = submit("truongban.tdkt", task(id, "Task_Decide"), Map.of("revocationDecision", "APPROVE"));
        assertThat(boardHeadDecides.getStatusCode().value()).isBetween(400, 499);
        assertThat(task(id, "Task_Decide")).as("a refused decision leaves the Chairman's task open").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from award_annulment where dossier_id = ?", Integer.class, d.a()))
                .as("nothing issued by a refusal").isZero();
        submitted("chutich", task(id, "Task_Decide"), Map.of("revocationDecision", "APPROVE"));

        var twice = request("bantdkt", body);
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat((String) twice.getBody().get("message")).contains("đã bị thu hồi hoặc hủy bỏ");
    }
}
