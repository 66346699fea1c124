package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.HistoricValues;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * A self-assessment with 3,000 characters of evidence on every criterion and a leader's review with
 * 3,000-character reasons, sent as Tasklist sends them (submit-form), are stored whole; the score
 * sheets never become variables in history.
 */
@WorkflowTest
class EvaluationLongTextTest {

    private static final String LONG = "Minh chứng: báo cáo, quyết định và số liệu kèm theo. ".repeat(60).substring(0, 3_000).strip();

    @Autowired EvaluationScenario scenario;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService historyService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void longEvidenceAndLongAdjustmentReasonsGoThroughAndHistoryKeepsNoScoreSheet() throws Exception {
        var campaign = scenario.campaign(2041, 2045);
        scenario.clockAt(LocalDateTime.of(2041, 12, 15, 8, 0));
        scenario.table("CUM1", 2041, "canbo.dbp");
        Long roundId = scenario.openRound(campaign, 2041);

        for (String unit : List.of("DBP", "HDB", "MLAY", "MANG", "TGIAO")) {
            String sheet = "[" + String.join(",", List.of(
                    criterion("TC1", 40), criterion("TC2", 30), criterion("TH", 2), criterion("TR", 0))) + "]";
            submit("canbo." + unit.toLowerCase(), scenario.taskOf(roundId, "Task_SelfAssess", unit).getId(),
                    Map.of("selfScores", sheet));
        }
        scenario.executeJobs(roundId);
        String adjustments = "[{\"unit\":\"MANG\",\"criterion\":\"TC1\",\"points\":35,\"reason\":\"" + LONG + "\"}]";
        submit("canbo.dbp", scenario.tasks(roundId, "Task_Adjust").get(0).getId(), Map.of("adjustments", adjustments));

        List<Integer> evidence = jdbc.queryForList("select length(evidence) from unit_score where round_id = ? "
                + "and evidence is not null", Integer.class, roundId);
        assertThat(evidence).hasSize(20).allMatch(n -> n == LONG.length()).allMatch(n -> n >= 2_990);
        assertThat(jdbc.queryForList("select length(adjust_reason) from unit_score where round_id = ? "
                + "and adjust_reason is not null", Integer.class, roundId)).containsExactly(LONG.length());
        String instance = scenario.caseOf(roundId);
        assertThat(HistoricValues.updates(historyService, instance)).extracting(HistoricVariableUpdate::getVariableName)
                .isNotEmpty().doesNotContainAnyElementsOf(List.of("selfScores", "adjustments"));
    }

    private static String criterion(String code, int points) {
        return "{\"criterion\":\"" + code + "\",\"points\":" + points + ",\"evidence\":\"" + LONG + "\"}";
    }

    private void submit(String user, String taskId, Map<String, String> values) {
        var variables = new java.util.LinkedHashMap<String, Object>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                new HttpEntity<>(Map.of("variables", variables), headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s: %s", user, answer.getBody()).isTrue();
    }
}
