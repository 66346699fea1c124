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
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;
import vn.dienbien.tdkt.platform.DerivedVariables;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/**
 * The engine's history at the audit's level (tdkt.history.level: tdkt-audit, issue 12): no rows of gateways,
 * of a sub-process's own start and end events, of the multi-instance counters or of historic variable instances
 * (act_hi_varinst), and still every step of a finished dossier in its timeline, with the person who did it, the
 * time, the decision taken and each value a person set with the value before.
 */
@WorkflowTest
class AuditHistoryLevelTest {

    private static final List<String> SILENT = List.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "intermediateNoneThrowEvent");
    private static final List<String> DERIVED = List.of("headConfirmed", "appraisalOutcome", "returnReason",
            "eligibilitySummary", "allRulesPassed", "dueAt", "dueReminderAt", "awarded", "decisionCode", "decisionReason");
    private static final List<String> COUNTERS = List.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances");

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService historyService;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired List<DerivedVariables> derived;
    @Autowired List<ProtectedVariables> protectedVariables;

    /** A derived value has no history row when the system sets it, so no task or call may set it instead. */
    @Test
    void everyDerivedVariableIsProtected() {
        List<String> protectedNames = protectedVariables.stream().flatMap(p -> p.names().stream()).toList();
        assertThat(derived).isNotEmpty().allSatisfy(d -> assertThat(protectedNames).as("derived in %s", d.processKey())
                .containsAll(d.names()));
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
            assertThat(count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ in ("
                    + marks(COUNTERS) + ")", caseId, COUNTERS)).as("counters of %s", caseId).isZero();
        }
        assertThat(count("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_TYPE_ = 'multiInstanceBody'",
                sessionCase, List.of())).as("the members' vote ran as a multi-instance").isPositive();
        assertThat(count("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_TYPE_ = 'subProcess'",
                sessionCase, List.of())).as("the session ran a sub-process").isPositive();
        assertThat(count("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_ID_ = 'Task_Tally'"
                + " and END_TIME_ is not null", sessionCase, List.of())).as("the continuation after the ballots ran")
                .isPositive();
        for (String caseId : cases) {
            assertThat(count("select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and JOB_STATE_ = 2",
                    caseId, List.of())).as("continuations of %s that succeeded at their first try: their steps'"
                    + " rows tell when they ran", caseId).isZero();
        }
        // What the system derived from the dossier's records or from the person's decisions has no detail row;
        // the timeline shows the rules, the statuses and the decision from the records themselves.
        assertThat(count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ in (" + marks(DERIVED)
                + ")", dossierCase, DERIVED)).as("derived values of the dossier's case").isZero();
        assertThat(count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TEXT_ is null and LONG_ is null"
                + " and DOUBLE_ is null and BYTEARRAY_ID_ is null and OPERATION_ID_ is null", dossierCase, List.of()))
                .as("the system's removals of consumed form values").isZero();
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

    @Test
    void aFinishedCaseHasNoVariableInstanceRowsAndItsTimelineShowsWhatAPersonSetWithBeforeAndAfter() {
        CouncilScenario.clockAt(LocalDateTime.of(2044, 5, 6, 9, 0));
        Long dossier = scenario.returnedThenAcceptedCertificate("Lò Văn Thanh", "Thiếu bản sao bằng khen.");
        Long sessionId = scenario.open("Phiên họp tháng 5/2044", LocalDate.of(2044, 5, 20), List.of(dossier));
        scenario.allVote(sessionId, List.of(dossier), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"),
                Map.of("submissionNote", "Đề nghị tặng Bằng khen."));
        scenario.approveAndRegister(sessionId);
        scenario.executeDossierJobs(List.of(dossier));
        String dossierCase = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class,
                dossier);
        String sessionCase = scenario.processOf(sessionId);
        for (String caseId : List.of(dossierCase, sessionCase)) {
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).finished().count())
                    .as("%s has ended", caseId).isEqualTo(1);
            assertThat(count("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ?", caseId, List.of()))
                    .as("act_hi_varinst rows of %s", caseId).isZero();
            assertThat(count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TYPE_ = 'VariableUpdate'",
                    caseId, List.of())).as("the values set in %s are in act_hi_detail", caseId).isPositive();
        }

        // The Board's appraisal, returned then accepted: each value with the one the Board chose before it, at the
        // moment the Board's officer completed the task (the step clears the decision once recorded: a removal by the
        // system, not written), and the records the system derived from it.
        Map<String, Object> record = map(api.as("kiemtoan").getForEntity("/api/audit/cases/" + dossierCase, Map.class)
                .getBody());
        assertThat(map(record.get("integrity")).get("intact")).as("%s", record.get("integrity")).isEqualTo(true);
        List<Map<String, Object>> entries = list(record.get("entries"));
        List<Map<String, Object>> appraisals = entries.stream()
                .filter(e -> "Dữ liệu thay đổi: appraisalDecision".equals(e.get("title"))).toList();
        assertThat(appraisals).allSatisfy(e -> assertThat(e.get("kind")).isEqualTo("VARIABLE_CHANGED"))
                .extracting(e -> map(e.get("details")).get("Trước") + " → " + map(e.get("details")).get("Sau"))
                .containsExactly("(chưa có) → RETURN", "RETURN → ACCEPT");
        for (Map<String, Object> set : appraisals) {
            assertThat(entries).as("completed by the Board when %s was set", map(set.get("details")).get("Sau"))
                    .anySatisfy(e -> {
                        assertThat(e.get("kind")).isEqualTo("TASK_COMPLETED");
                        assertThat(e.get("actorId")).isEqualTo("bantdkt");
                        assertThat(e.get("at")).isEqualTo(set.get("at"));
                    });
        }
        assertThat(entries).as("each rule's result, from the dossier's records")
                .anySatisfy(e -> assertThat(e.get("kind")).isEqualTo("RULE"));
        assertThat(entries).as("the dossier's statuses with their reasons, up to the award").filteredOn(
                e -> "STATUS".equals(e.get("kind"))).extracting(e -> e.get("title").toString())
                .anySatisfy(title -> assertThat(title).startsWith("Trạng thái hồ sơ: "))
                .hasSizeGreaterThanOrEqualTo(4);

        // The session's case was started with values copied from its record (title, date, dossiers), which no
        // history table keeps: its record and business key still tell which session it is.
        assertThat(count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ in (?, ?, ?)",
                sessionCase, List.of("sessionTitleInput", "meetingDate", "dossierIds"))).isZero();
        Map<String, Object> session = map(api.as("kiemtoan").getForEntity("/api/audit/cases/" + sessionCase, Map.class)
                .getBody());
        Map<String, Object> summary = map(session.get("summary"));
        assertThat(summary.get("kind")).isEqualTo("COUNCIL_SESSION");
        assertThat(((Number) summary.get("recordId")).longValue()).isEqualTo(sessionId);
        assertThat(summary.get("title").toString()).contains("Phiên họp tháng 5/2044");
        assertThat(list(session.get("entries"))).anySatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("PROCESS_STARTED");
            assertThat(map(e.get("details"))).containsEntry("Mã nghiệp vụ", "PH-" + sessionId);
        });
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
