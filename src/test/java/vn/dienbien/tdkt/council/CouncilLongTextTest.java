package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.HistoricValues;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.dossier.DossierQueries;

/**
 * A session of thirty dossiers with 3,000-character comments goes through the engine REST as
 * Tasklist's forms send it (issue 7, defect 10): no form payload and no tally is a process
 * variable, so nothing meets the engine's 4,000-character text column.
 */
@WorkflowTest
class CouncilLongTextTest {

    private static final int DOSSIERS = 30;

    @Autowired TestRestTemplate rest;
    @Autowired CouncilScenario scenario;
    @Autowired CouncilVoteRepository votes;
    @Autowired DossierQueries dossiers;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    @Test
    void thirtyDossiersWithLongCommentsGoFromBallotsToTheDecision() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            ids.add(scenario.acceptedCertificate("Nguyễn Thị Hồ Sơ Dài Số " + i));
        }
        var opened = rest.withBasicAuth("bantdkt", "demo").postForEntity("/api/council-sessions",
                Map.of("title", "Phiên họp ba mươi hồ sơ", "meetingDate", LocalDate.now().toString(), "dossierIds", ids),
                Map.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Long sessionId = ((Number) opened.getBody().get("id")).longValue();

        for (String member : CouncilScenario.MEMBERS) {
            Map<Long, String> choices = new LinkedHashMap<>();
            Map<Long, String> comments = new LinkedHashMap<>();
            ids.forEach(id -> {
                choices.put(id, "YES");
                comments.put(id, comment(member + " về hồ sơ " + id, 3000));
            });
            String ballot = scenario.ballot(choices, comments, List.of());
            assertThat(ballot.length()).isGreaterThan(90_000);
            // What the ballot form sends: the ballot's UTF-8 bytes, base64 in JSON, transient.
            String base64 = Base64.getEncoder().encodeToString(ballot.getBytes(StandardCharsets.UTF_8));
            var response = rest.withBasicAuth(member, "demo").postForEntity(
                    "/engine-rest/task/" + scenario.ballotTask(sessionId, member).getId() + "/submit-form",
                    Map.of("variables", Map.of("ballot",
                            Map.of("value", base64, "type", "Bytes", "valueInfo", Map.of("transient", true)))),
                    String.class);
            assertThat(response.getStatusCode()).as(member + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(scenario.executeJobs(sessionId)).as("one job after the last ballot, none per ballot").isEqualTo(1);
        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).hasSize(7 * DOSSIERS)
                .allSatisfy(v -> assertThat(v.getComment()).hasSize(3000));

        submit("thuongtruc.hd", scenario.task(sessionId, "Task_Submission").getId(),
                Map.of("submissionNote", comment("Tờ trình", 3000)));
        submit("chutich", scenario.task(sessionId, "Task_Chairman").getId(),
                Map.of("chairmanDecision", "RETURN", "chairmanNote", comment("Đề nghị bổ sung", 3000)));
        submit("thuongtruc.hd", scenario.task(sessionId, "Task_Submission").getId(),
                Map.of("submissionNote", comment("Tờ trình đã bổ sung", 3000)));
        // A dossier's reason goes on to its outcome (4,000 characters), so each reason holds 3,800.
        String taskId = scenario.task(sessionId, "Task_Chairman").getId();
        var tooLong = rest.withBasicAuth("chutich", "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("chairmanDecision", Map.of("value", "APPROVE_SOME", "type", "String"),
                        "excludedDossiers", Map.of("value", ids.get(0) + ": " + comment("Cần xác minh", 3801), "type", "String"))),
                String.class);
        assertThat(tooLong.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(tooLong.getBody()).contains("dài quá 3800 ký tự");
        submit("chutich", taskId, Map.of("chairmanDecision", "APPROVE_SOME",
                "excludedDossiers", ids.get(0) + ": " + comment("Cần xác minh", 3800) + "\n" + ids.get(2) + ": Chưa đủ hồ sơ.",
                "chairmanNote", comment("Phê duyệt", 3000)));
        scenario.register(sessionId);

        var view = rest.withBasicAuth("kiemtoan", "demo").getForEntity("/api/council-sessions/" + sessionId, Map.class).getBody();
        assertThat(view.get("status")).isEqualTo("DECIDED");
        assertThat(((String) view.get("tallySummary")).lines()).hasSize(DOSSIERS);
        assertThat((String) view.get("tallySummary")).hasSizeGreaterThan(2000);
        assertThat(dossiers.record(ids.get(0)).status()).isEqualTo("NOT_AWARDED");
        assertThat(dossiers.record(ids.get(0)).outcomeReason()).contains(comment("Cần xác minh", 3800).strip());
        assertThat(dossiers.record(ids.get(1)).status()).isEqualTo("AWARDED");

        String process = scenario.processOf(sessionId);
        List<HistoricVariableUpdate> variables = HistoricValues.updates(historyService, process);
        assertThat(variables).extracting(HistoricVariableUpdate::getVariableName).isNotEmpty()
                .doesNotContain("ballot", "tallySummary");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(process).formFields().list())
                .as("no copy of a ballot in history's form-property log")
                .noneSatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId())
                        .isEqualTo("ballot"));
        assertThat(variables).allSatisfy(v -> assertThat(String.valueOf(v.getValue()).length()).as(v.getVariableName())
                .isLessThanOrEqualTo(4000));
    }

    private void submit(String user, String taskId, Map<String, String> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        var response = rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables), String.class);
        assertThat(response.getStatusCode()).as(user + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** A Vietnamese text of exactly this many characters. */
    private static String comment(String start, int length) {
        StringBuilder text = new StringBuilder(start).append(": ");
        while (text.length() < length) {
            text.append("Thành tích xuất sắc, gương mẫu, được tập thể ghi nhận. ");
        }
        return text.substring(0, length);
    }
}
