package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * An auditor reads a dossier that was returned for a supplement, voted by the council and awarded
 * by decision: every step with the person who acted, the time and the data, the rules, documents,
 * ballots and decision, its related council session, the path on its diagram; all sealed intact.
 */
@WorkflowTest
class CaseTimelineTest {

    private static final String RETURN_REASON = "Thiếu biên bản họp Hội đồng thi đua cơ sở có chữ ký.";

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theStoryOfAnAwardedDossierMergesTheEnginesHistoryWithOurRecords() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 3, 4, 9, 0));
        Long returned = scenario.returnedThenAcceptedCertificate("Lò Thị Xuân", RETURN_REASON);
        Long other = scenario.acceptedCertificate("Quàng Văn Hải");
        Long sessionId = scenario.open("Phiên họp tháng 3/2024", LocalDate.of(2024, 3, 15), List.of(returned, other));
        scenario.allVote(sessionId, List.of(returned, other), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen cho 2 cá nhân."));
        scenario.approveAndRegister(sessionId);
        scenario.executeDossierJobs(List.of(returned, other));
        String caseId = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, returned);

        Map<String, Object> record = read("kiemtoan", "/api/audit/cases/" + caseId);

        Map<String, Object> integrity = map(record.get("integrity"));
        assertThat(integrity.get("intact")).as("%s", integrity).isEqualTo(true);
        assertThat((Integer) integrity.get("sealedEntries")).isGreaterThan(30);
        assertThat(map(record.get("summary")).get("nomineeName").toString()).startsWith("Lò Thị Xuân");
        assertThat(map(record.get("summary")).get("decisionCode").toString()).matches("\\d+/QĐ-UBND");
        List<Map<String, Object>> entries = list(record.get("entries"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("integrity")).isEqualTo("OK");
            assertThat(e.get("at").toString()).endsWith("+07:00");
        });
        assertThat(entries).as("in time order").extracting(e -> e.get("at").toString())
                .isSortedAccordingTo(java.util.Comparator.comparing(java.time.OffsetDateTime::parse));
        assertThat(entries).filteredOn(e -> "TASK_COMPLETED".equals(e.get("kind"))).extracting(e -> e.get("actorId"))
                .as("each step by the person who completed it").containsSubsequence("lanhdao.syt", "bantdkt", "canbo.syt",
                        "bantdkt");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("title").toString()).isEqualTo("Trạng thái hồ sơ: Trả lại để bổ sung");
            assertThat(e.get("actorId")).isEqualTo("bantdkt");
            assertThat(map(e.get("details")).get("Lý do")).isEqualTo(RETURN_REASON);
        });
        assertThat(entries).filteredOn(e -> "RULE".equals(e.get("kind"))).isNotEmpty()
                .allSatisfy(e -> assertThat(map(e.get("details"))).containsKey("Căn cứ"));
        assertThat(entries).filteredOn(e -> "DOCUMENT".equals(e.get("kind"))).hasSize(3).allSatisfy(e -> {
            assertThat(map(e.get("details")).get("SHA-256").toString()).hasSize(64);
            assertThat(e.get("link").toString()).matches("/api/documents/\\d+/content");
            assertThat(e.get("actorName")).isNotEqualTo(e.get("actorId"));
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.get("title").toString())
                .startsWith("Kết quả biểu quyết hồ sơ số " + returned + ": Thông qua"));
        assertThat(entries).anySatisfy(e -> assertThat(e.get("title").toString())
                .matches("Quyết định khen thưởng số \\d+/QĐ-UBND: Lò Thị Xuân.*"));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("VARIABLE_CHANGED");
            assertThat(map(e.get("details"))).containsKeys("Trước", "Sau");
        });
        assertThat(entries).as("the unit was notified of the return and of the award").filteredOn(e ->
                "NOTIFICATION".equals(e.get("kind"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(list(record.get("related"))).anySatisfy(r -> {
            assertThat(r.get("kind")).isEqualTo("COUNCIL_SESSION");
            assertThat(r.get("label").toString()).contains("Phiên họp tháng 3/2024").contains("QĐ-UBND");
        });

        Map<String, Object> diagram = read("mttq.giamsat", "/api/audit/cases/" + caseId + "/diagram");
        assertThat(diagram.get("bpmnXml").toString()).contains("id=\"award-dossier\"");
        assertThat(list(diagram.get("activities"))).anySatisfy(a -> {
            assertThat(a.get("activityId")).isEqualTo("Task_Appraise");
            assertThat(a.get("count")).as("appraised twice: before and after the supplement").isEqualTo(2);
            assertThat(a.get("state")).isEqualTo("DONE");
        });

        var pdf = api.as("kiemtoan").getForEntity("/api/audit/cases/" + caseId + "/export.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("ho-so-kiem-tra-" + caseId + ".pdf");
        String text = pdfText(pdf.getBody());
        assertThat(text).contains("Lò Thị Xuân").contains("Trả lại để bổ sung").contains("QĐ-UBND");
        var exported = api.as("mttq.giamsat").getForEntity("/api/audit/cases/" + caseId + "/export.json", Map.class);
        assertThat(exported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list(exported.getBody().get("entries"))).hasSameSizeAs(entries);
        assertThat(api.as("canbo.syt").getForEntity("/api/audit/cases/" + caseId + "/export.pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String sessionCase = scenario.processOf(sessionId);
        Map<String, Object> session = read("kiemtoan", "/api/audit/cases/" + sessionCase);
        assertThat(map(session.get("integrity")).get("intact")).isEqualTo(true);
        assertThat(list(session.get("entries"))).filteredOn(e -> "BALLOT".equals(e.get("kind")))
                .as("voting is closed: each ballot is shown with its vote").hasSize(14)
                .allSatisfy(e -> assertThat(e.get("title").toString()).endsWith(": Đồng ý"));
        assertThat(list(session.get("related"))).filteredOn(r -> "DOSSIER".equals(r.get("kind"))).hasSize(2);
        assertThat(list(read("kiemtoan", "/api/audit/cases/" + sessionCase + "/diagram").get("activities")))
                .as("the closing step, cancelled by the last ballot, was not done").anySatisfy(a -> {
                    assertThat(a.get("activityId")).isEqualTo("Task_CloseVoting");
                    assertThat(a.get("state")).isEqualTo("CANCELED");
                });
    }

    @Test
    void aSessionShowsItsOwnDecisionWhenAnotherYearsDecisionHasTheSameNumber() {
        List<String> sessions = new java.util.ArrayList<>();
        for (int year : List.of(2036, 2037)) {
            CouncilScenario.clockAt(LocalDateTime.of(year, 1, 10, 9, 0));
            Long dossier = scenario.acceptedCertificate("Cầm Thị Năm " + year);
            Long sessionId = scenario.open("Phiên họp đầu năm " + year, LocalDate.of(year, 1, 20), List.of(dossier));
            scenario.allVote(sessionId, List.of(dossier), "YES");
            scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình."));
            scenario.approveAndRegister(sessionId);
            sessions.add(scenario.processOf(sessionId));
        }
        List<String> codes = jdbc.queryForList("select s.decision_code from council_session s where s.process_instance_id in (?, ?)",
                String.class, sessions.get(0), sessions.get(1));
        assertThat(codes).as("numbers restart each year").hasSize(2).containsOnly(codes.get(0));

        for (int i = 0; i < 2; i++) {
            Map<String, Object> record = read("kiemtoan", "/api/audit/cases/" + sessions.get(i));
            assertThat(map(record.get("integrity")).get("intact")).as("%s", record.get("integrity")).isEqualTo(true);
            int year = 2036 + i;
            assertThat(list(record.get("entries"))).filteredOn(e -> "AWARDEE".equals(e.get("kind"))).singleElement()
                    .satisfies(e -> assertThat(e.get("title").toString()).contains("Cầm Thị Năm " + year));
            assertThat(list(record.get("entries"))).filteredOn(e -> "DECISION".equals(e.get("kind"))).hasSize(1);
        }
    }

    @Test
    void onlyReadersReadAndOnlyTheFrontComments() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 4, 1, 9, 0));
        Long dossier = scenario.acceptedCertificate("Giàng A Páo");
        String caseId = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossier);
        String url = "/api/audit/cases/" + caseId;

        assertThat(api.as("canbo.syt").getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("hoidong1").getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(null).getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var missing = api.as("kiemtoan").getForEntity("/api/audit/cases/khong-co", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("message").toString()).contains("Không tìm thấy vụ việc");

        var comment = new HttpEntity<>(Map.of("text", "Đề nghị Ban làm rõ số năm hoàn thành xuất sắc nhiệm vụ."),
                ApiClient.jsonHeaders());
        assertThat(api.as("kiemtoan").postForEntity(url + "/comments", comment, Map.class).getStatusCode())
                .as("auditors change nothing at all").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("bantdkt").postForEntity(url + "/comments", comment, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        var empty = api.as("mttq.giamsat").postForEntity(url + "/comments",
                new HttpEntity<>(Map.of("text", "  "), ApiClient.jsonHeaders()), Map.class);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("message").toString()).contains("nội dung ý kiến");
        var tooLong = api.as("mttq.giamsat").postForEntity(url + "/comments",
                new HttpEntity<>(Map.of("text", "x".repeat(3_901)), ApiClient.jsonHeaders()), Map.class);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.as("mttq.giamsat").postForEntity(url + "/comments", comment, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        Map<String, Object> record = read("bantdkt", url);
        assertThat(map(record.get("integrity")).get("intact")).isEqualTo(true);
        assertThat(list(record.get("entries"))).filteredOn(e -> "COMMENT".equals(e.get("kind"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actorId")).isEqualTo("mttq.giamsat");
                    assertThat(map(e.get("details")).get("Nội dung").toString()).contains("làm rõ");
                });
        assertThat(read("mttq.giamsat", "/api/audit/me").get("canComment")).isEqualTo(true);
        assertThat(read("kiemtoan", "/api/audit/me").get("canComment")).isEqualTo(false);
        assertThat(read("kiemtoan", "/api/audit/me").get("fullName").toString()).isNotBlank().isNotEqualTo("kiemtoan");
    }

    private static String pdfText(byte[] pdf) {
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String user, String url) {
        var answer = api.as(user).getForEntity(url, Map.class);
        assertThat(answer.getStatusCode()).as("%s %s: %s", user, url, answer.getBody()).isEqualTo(HttpStatus.OK);
        return map(answer.getBody());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
