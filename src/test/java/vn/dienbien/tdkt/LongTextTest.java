package vn.dienbien.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What officials really write: a 4,000-character achievement summary and 3,000-character comments,
 * sent through the same endpoint Tasklist uses (submit-form), go through every step and are stored
 * whole; history keeps no copy of the proposal's form payload.
 */
@WorkflowTest
class LongTextTest {

    private static final String SUMMARY = text("Thành tích xuất sắc trong phong trào thi đua. ", 4_000);
    private static final String COMMENT = text("Ý kiến chi tiết của người xử lý hồ sơ. ", 3_000);

    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void aDossierWithAFullAchievementSummaryAndLongCommentsGoesFromProposalToAcceptance() throws Exception {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("campaignCode", "383/KH-UBND");
        proposal.put("year", 2023);
        proposal.put("awardCode", "CERTIFICATE");
        proposal.put("nomineeKind", "INDIVIDUAL");
        proposal.put("proposingUnitCode", "SYT");
        proposal.put("nominee", Map.of("fullName", "Lường Thị Dài Văn " + System.nanoTime() % 100_000, "gender", "Nữ", "birthYear", 1979,
                "position", "Bác sĩ", "workUnit", "Bệnh viện Đa khoa tỉnh", "directWorker", false));
        proposal.put("achievementSummary", SUMMARY);
        proposal.put("facts", Map.of("excellentYears", List.of(2021, 2022), "recognisedInitiatives", 2,
                "underDiscipline", false, "underInvestigation", false, "openComplaint", false));
        proposal.put("documents", documents("canbo.syt", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"));

        var started = api.submitForm("canbo.syt", "/engine-rest/process-definition/key/award-dossier/submit-form",
                Map.of("proposalJson", json.writeValueAsString(proposal)));
        assertThat(started.getStatusCode().is2xxSuccessful()).as("%s", started.getBody()).isTrue();
        String instance = (String) json.readValue(started.getBody(), Map.class).get("id");

        complete("lanhdao.syt", task(instance, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM", "headNote", COMMENT));
        complete("bantdkt", task(instance, "Task_Appraise"), Map.of("appraisalDecision", "RETURN", "appraisalReason", COMMENT));
        complete("canbo.syt", task(instance, "Task_Supplement"), Map.of("supplementNote", COMMENT));
        complete("bantdkt", task(instance, "Task_Appraise"), Map.of("appraisalDecision", "ACCEPT", "appraisalReason", COMMENT));

        var dossier = jdbc.queryForMap("select status, achievement_summary from dossier where process_instance_id = ?", instance);
        assertThat(dossier.get("status")).isEqualTo("ACCEPTED");
        assertThat((String) dossier.get("achievement_summary")).isEqualTo(SUMMARY.strip());
        List<String> reasons = jdbc.queryForList("select reason from dossier_status_history h join dossier d "
                + "on d.id = h.dossier_id where d.process_instance_id = ? and h.reason is not null", String.class, instance);
        assertThat(reasons).anyMatch(r -> r.contains(COMMENT.strip()));
        assertThat(HistoricValues.updates(historyService, instance)).as("the decisions are in history, the proposal not")
                .extracting(HistoricVariableUpdate::getVariableName).contains("headDecision", "appraisalDecision")
                .doesNotContain("proposalJson");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).list())
                .noneMatch(d -> d.toString().contains("proposalJson"));
    }

    @Test
    void aLaunchPlanWithALongSummaryIsReturnedWithALongReasonResentAndAccepted() {
        var campaign = api.openCampaign("DAI");
        LocalDate today = campaign.today();
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.caseKey("SYT"))
                .singleResult().getId();

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("planNumber", "12/KH-SYT");
        plan.put("planDate", today.minusDays(1).toString());
        plan.put("planSummary", COMMENT);
        plan.put("planDocumentId", api.uploadPdf("canbo.syt", "ke-hoach.pdf"));
        complete("canbo.syt", task(instance, "Task_SubmitPlan"), plan);
        complete("bantdkt", task(instance, "Task_ReviewPlan"), Map.of("reviewDecision", "RETURN", "reviewReason", COMMENT));
        plan.put("planDocumentId", api.uploadPdf("canbo.syt", "ke-hoach.pdf"));
        complete("canbo.syt", task(instance, "Task_RevisePlan"), plan);
        complete("bantdkt", task(instance, "Task_ReviewPlan"), Map.of("reviewDecision", "ACCEPT", "reviewReason", COMMENT));

        assertThat(jdbc.queryForObject("select status from launch_plan where process_instance_id = ?", String.class, instance))
                .isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForList("select reason from launch_plan_review r join launch_plan p on p.id = r.launch_plan_id "
                + "where p.process_instance_id = ?", String.class, instance)).hasSize(2).allMatch(r -> r.length() >= 2_900);
    }

    private void complete(String user, String taskId, Map<String, Object> values) {
        var answer = api.submitForm(user, "/engine-rest/task/" + taskId + "/submit-form", values);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s: %s", user, answer.getBody()).isTrue();
    }

    private String task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
    }

    private Map<String, Long> documents(String user, String... types) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String type : types) {
            ids.put(type, api.uploadPdf(user, type.toLowerCase() + ".pdf"));
        }
        return ids;
    }

    private static String text(String sentence, int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(sentence);
        }
        return out.substring(0, length);
    }
}
