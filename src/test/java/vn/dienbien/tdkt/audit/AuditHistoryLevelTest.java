package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.audit.CaseTimelineTest.list;
import static vn.dienbien.tdkt.audit.CaseTimelineTest.map;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * The engine's history at the audit's level (tdkt.history.level: tdkt-audit, issue 12): no rows of gateways,
 * of a sub-process's own start and end events or of the multi-instance counters, and still every step of a
 * finished dossier in its timeline, with the person who did it, the time and the decision taken.
 */
@WorkflowTest
class AuditHistoryLevelTest {

    private static final List<String> SILENT = List.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "intermediateNoneThrowEvent");
    private static final List<String> COUNTERS = List.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances");

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngineConfigurationImpl engine;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void aFinishedDossierKeepsEveryStepWithItsPersonTimeAndDecisionWithoutTheRowsNobodyReads() {
        assertThat(engine.getHistoryLevel().getName()).isEqualTo("tdkt-audit");
        CouncilScenario.clockAt(LocalDateTime.of(2043, 3, 4, 9, 0));
        Long dossier = scenario.returnedThenAcceptedCertificate("Lường Thị Hiên", "Thiếu bản sao quyết định.");
        Long sessionId = scenario.open("Phiên họp tháng 3/2043", LocalDate.of(2043, 3, 16), List.of(dossier));
        scenario.allVote(sessionId, List.of(dossier), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen."));
        scenario.approveAndRegister(sessionId);
        String dossierCase = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class,
                dossier);
        String sessionCase = scenario.processOf(sessionId);
        assertThat(jdbc.queryForObject("select status from dossier where id = ?", String.class, dossier))
                .isEqualTo("AWARDED");
        List<String> cases = List.of(dossierCase, sessionCase);

        // Gateways were passed (the return loop, the vote's join), sub-processes and the members' multi-instance ran.
        for (String caseId : cases) {
            assertThat(count("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_TYPE_ in ("
                    + marks(SILENT) + ")", caseId, SILENT)).as("gateway rows of %s", caseId).isZero();
            assertThat(count("select count(*) from ACT_HI_ACTINST a where a.PROC_INST_ID_ = ? and a.ACT_TYPE_ ="
                    + " 'startEvent' and a.PARENT_ACT_INST_ID_ <> a.PROC_INST_ID_", caseId, List.of()))
                    .as("start events inside sub-processes of %s", caseId).isZero();
            assertThat(count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and INITIAL_ = true", caseId,
                    List.of())).as("details of the values %s started with", caseId).isZero();
            assertThat(count("select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and JOB_STATE_ in (0, 3)",
                    caseId, List.of())).as("job creations and deletions of %s", caseId).isZero();
            for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL")) {
                assertThat(count("select count(*) from " + table + " where PROC_INST_ID_ = ? and NAME_ in ("
                        + marks(COUNTERS) + ")", caseId, COUNTERS)).as("%s counters of %s", table, caseId).isZero();
            }
        }
        assertThat(count("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_TYPE_ = 'multiInstanceBody'",
                sessionCase, List.of())).as("the members' vote ran as a multi-instance").isPositive();
        assertThat(count("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_TYPE_ = 'subProcess'",
                sessionCase, List.of())).as("the session ran a sub-process").isPositive();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(dossierCase)
                .variableName("dossierId").singleResult().getValue()).as("a start value stays in act_hi_varinst")
                .isEqualTo(dossier);
        assertThat(count("select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and JOB_STATE_ = 2",
                sessionCase, List.of())).as("the continuations after the ballots ran and are logged").isPositive();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(dossierCase)
                .activityId("Task_Appraise").count()).as("appraised before and after the supplement").isEqualTo(2);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(dossierCase).singleResult()
                .getStartActivityId()).as("the case's own start event stays").isNotNull();

        var answer = api.as("kiemtoan").getForEntity("/api/audit/cases/" + dossierCase, Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> record = map(answer.getBody());
        assertThat(map(record.get("integrity")).get("intact")).as("%s", record.get("integrity")).isEqualTo(true);
        List<Map<String, Object>> entries = list(record.get("entries"));
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery().processInstanceId(dossierCase)
                .finished().list();
        assertThat(tasks).as("the proposal's confirmation, two appraisals, the supplement").hasSizeGreaterThanOrEqualTo(4);
        for (HistoricTaskInstance task : tasks) {
            UserOperationLogEntry completion = historyService.createUserOperationLogQuery().taskId(task.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().get(0);
            assertThat(entries).as("task %s completed by %s", task.getName(), completion.getUserId()).anySatisfy(e -> {
                assertThat(e.get("kind")).isEqualTo("TASK_COMPLETED");
                assertThat(e.get("title")).isEqualTo("Hoàn thành nhiệm vụ: " + task.getName());
                assertThat(e.get("actorId")).isEqualTo(completion.getUserId()).isNotNull();
                assertThat(OffsetDateTime.parse(e.get("at").toString()).toInstant())
                        .isEqualTo(task.getEndTime().toInstant());
            });
        }
        for (String decision : List.of("headDecision", "appraisalDecision")) {
            assertThat(entries).as("the decision %s with its value", decision).anySatisfy(e -> {
                assertThat(e.get("kind")).isEqualTo("VARIABLE_CHANGED");
                assertThat(e.get("title")).isEqualTo("Dữ liệu thay đổi: " + decision);
                assertThat(map(e.get("details")).get("Sau").toString()).isNotBlank();
            });
        }
    }

    private int count(String sql, String caseId, List<String> names) {
        Object[] args = new Object[names.size() + 1];
        args[0] = caseId;
        for (int i = 0; i < names.size(); i++) {
            args[i + 1] = names.get(i);
        }
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static String marks(List<String> names) {
        return String.join(", ", names.stream().map(n -> "?").toList());
    }
}
