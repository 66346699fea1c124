package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dienbien.tdkt.audit.CaseTimelineTest.list;
import static vn.dienbien.tdkt.audit.CaseTimelineTest.map;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Rows changed or removed directly in the database — an engine history row and one of our records —
 * are flagged in red in the case's timeline and make the nightly verification raise an incident; put
 * back as they were, the case verifies again. Cases worked through the application never flag.
 */
@WorkflowTest
class TamperEvidenceTest {

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired LedgerVerification verification;
    @Autowired CaseLedger ledger;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    @Test
    void changesMadeAroundTheApplicationAreFlaggedAndRaiseAnIncidentAtNight() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 5, 6, 9, 0));
        Long dossier = scenario.returnedThenAcceptedCertificate("Hà Thị Sửa", "Thiếu tờ trình có chữ ký.");
        String caseId = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossier);
        assertThat(verification.verifyAll()).doesNotContain(caseId);

        Map<String, Object> task = jdbc.queryForMap("select ID_, ASSIGNEE_ from ACT_HI_TASKINST where PROC_INST_ID_ = ?"
                + " and TASK_DEF_KEY_ = 'Task_HeadConfirm'", caseId);
        Map<String, Object> status = jdbc.queryForMap("select id, reason from dossier_status_history where dossier_id = ?"
                + " and status = 'RETURNED'", dossier);
        Map<String, Object> rule = jdbc.queryForList("select id, dossier_id, round_no, rule_code, passed, reason,"
                + " evaluated_at from dossier_rule_result where dossier_id = ? order by id", dossier).get(0);
        jdbc.update("update ACT_HI_TASKINST set ASSIGNEE_ = 'nguoi.khac' where ID_ = ?", task.get("ID_"));
        jdbc.update("update dossier_status_history set reason = 'Hồ sơ đầy đủ' where id = ?", status.get("id"));
        jdbc.update("delete from dossier_rule_result where id = ?", rule.get("id"));

        Map<String, Object> record = read("/api/audit/cases/" + caseId);
        Map<String, Object> integrity = map(record.get("integrity"));
        assertThat(integrity.get("intact")).isEqualTo(false);
        assertThat(integrity.get("flaggedEntries")).isEqualTo(3);
        List<Map<String, Object>> entries = list(record.get("entries"));
        assertThat(entries).filteredOn(e -> ("ACT_HI_TASKINST:" + task.get("ID_")).equals(e.get("itemRef")))
                .isNotEmpty().allSatisfy(e -> assertThat(e.get("integrity")).isEqualTo("CHANGED"));
        assertThat(entries).filteredOn(e -> ("dossier_status_history:" + status.get("id")).equals(e.get("itemRef")))
                .singleElement().satisfies(e -> assertThat(e.get("integrity")).isEqualTo("CHANGED"));
        assertThat(entries).filteredOn(e -> ("dossier_rule_result:" + rule.get("id")).equals(e.get("itemRef")))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("integrity")).isEqualTo("REMOVED");
                    assertThat(e.get("title").toString()).startsWith("Đã bị xóa khỏi cơ sở dữ liệu");
                });
        assertThat(entries).filteredOn(e -> "OK".equals(e.get("integrity"))).hasSizeGreaterThan(20);

        // A comment sealed through the application afterwards does not launder what was changed around it,
        // even an item still open (the dossier's own row): sealing reads again only what it wrote.
        String summary = jdbc.queryForObject("select achievement_summary from dossier where id = ?", String.class, dossier);
        jdbc.update("update dossier set achievement_summary = 'Thành tích khác' where id = ?", dossier);
        var comment = new org.springframework.http.HttpEntity<>(Map.of("text", "Đề nghị kiểm tra lại."),
                ApiClient.jsonHeaders());
        assertThat(api.as("mttq.giamsat").postForEntity("/api/audit/cases/" + caseId + "/comments", comment, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(verification.verifyAll()).contains(caseId);
        assertThat(ledger.verify(caseId).itemStates()).containsEntry("dossier:" + dossier, "CHANGED");
        jdbc.update("update dossier set achievement_summary = ? where id = ?", summary, dossier);

        Incident incident = runNightlyVerification();
        assertThat(incident).as("the nightly verification raises an incident").isNotNull();
        assertThat(incident.getIncidentMessage()).contains("Sổ niêm phong").contains(caseId);

        jdbc.update("update ACT_HI_TASKINST set ASSIGNEE_ = ? where ID_ = ?", task.get("ASSIGNEE_"), task.get("ID_"));
        jdbc.update("update dossier_status_history set reason = ? where id = ?", status.get("reason"), status.get("id"));
        jdbc.update("insert into dossier_rule_result (id, dossier_id, round_no, rule_code, passed, reason, evaluated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", rule.get("id"), rule.get("dossier_id"), rule.get("round_no"),
                rule.get("rule_code"), rule.get("passed"), rule.get("reason"), rule.get("evaluated_at"));
        assertThat(map(read("/api/audit/cases/" + caseId).get("integrity")).get("intact"))
                .as("put back as it was, the case matches its seals again").isEqualTo(true);
        runtimeService.deleteProcessInstance(incident.getProcessInstanceId(), "verified by the test");
    }

    /**
     * A step seals again only the engine rows its own history events wrote: a history row put into the case
     * around the application is not taken in by the next ballot, which writes the same table of the same case
     * (until issue 12's sixteenth pass the whole table was read again, and the forged row sealed with it).
     */
    @Test
    void aHistoryRowPutInAroundTheApplicationIsNotSealedByALaterStep() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 7, 1, 9, 0));
        Long dossier = scenario.acceptedCertificate("Giàng A Páo");
        Long sessionId = scenario.open("Phiên họp tháng 7/2024", java.time.LocalDate.of(2024, 7, 12), List.of(dossier));
        String sessionCase = scenario.processOf(sessionId);
        Map<String, Object> row = jdbc.queryForList("select * from ACT_HI_ACTINST where PROC_INST_ID_ = ?"
                + " and END_TIME_ is not null", sessionCase).get(0);
        row.put("ID_", "forged-step");
        row.put("ACT_NAME_", "Bước không có thật");
        jdbc.update("insert into ACT_HI_ACTINST (" + String.join(", ", row.keySet()) + ") values ("
                + "?, ".repeat(row.size() - 1) + "?)", row.values().toArray());
        String ended = "select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and END_TIME_ is not null";
        int before = jdbc.queryForObject(ended, Integer.class, sessionCase);
        try {
            scenario.vote(sessionId, CouncilScenario.MEMBERS.get(1), CouncilScenario.MEMBERS.get(1),
                    scenario.ballot(List.of(dossier), "YES"));
            assertThat(jdbc.queryForObject(ended, Integer.class, sessionCase))
                    .as("the ballot wrote the same table of the same case").isGreaterThan(before);

            CaseLedger.Verification verified = ledger.verify(sessionCase);
            assertThat(verified.itemStates()).containsEntry("ACT_HI_ACTINST:forged-step", "UNSEALED");
            assertThat(verified.flagged()).isEqualTo(1);
        } finally {
            jdbc.update("delete from ACT_HI_ACTINST where ID_ = 'forged-step'");
        }
        assertThat(ledger.verify(sessionCase).intact()).as("the ballot's own rows are sealed").isTrue();
    }

    @Test
    void everyCaseWorkedThroughTheApplicationVerifies() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 6, 3, 9, 0));
        Long a = scenario.returnedThenAcceptedCertificate("Lầu Thị Mai", "Bổ sung báo cáo thành tích.");
        Long b = scenario.acceptedCertificate("Sùng A Chang");
        Long sessionId = scenario.open("Phiên họp tháng 6/2024", java.time.LocalDate.of(2024, 6, 14), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình."));
        scenario.approveAndRegister(sessionId);

        Integer cases = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Integer.class);
        assertThat(cases).isGreaterThanOrEqualTo(3);
        assertThat(verification.verifyAll()).as("every case of this database, whichever tests ran before").isEmpty();
    }

    @Test
    void theLedgerRefusesChangesOnPostgreSql() throws Exception {
        String database;
        try (var connection = jdbc.getDataSource().getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        CouncilScenario.clockAt(LocalDateTime.of(2024, 7, 1, 9, 0));
        scenario.acceptedCertificate("Vừ A Sổ");
        assertThat(jdbc.queryForObject("select count(*) from audit_seal", Integer.class)).isPositive();
        if (database.toLowerCase().contains("postgres")) {
            assertThatThrownBy(() -> jdbc.update("update audit_seal set sealed_at = sealed_at")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("delete from audit_seal")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.execute("truncate audit_seal")).hasMessageContaining("append-only");
            // The first format's table keeps refusing too (it has rows where a database was upgraded).
            assertThatThrownBy(() -> jdbc.execute("truncate audit_ledger")).hasMessageContaining("append-only");
        }
    }

    /** Fires the nightly timer as the job executor would, then runs its job until the retries run out. */
    private Incident runNightlyVerification() {
        Job timer = managementService.createJobQuery().processDefinitionKey("audit-verification").timers().singleResult();
        assertThat(timer).as("the nightly timer is scheduled").isNotNull();
        managementService.executeJob(timer.getId());
        String instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("audit-verification")
                .unfinished().orderByProcessInstanceStartTime().desc().list().get(0).getId();
        for (int attempt = 0; attempt < 5; attempt++) {
            Job job = managementService.createJobQuery().processInstanceId(instance).withRetriesLeft().singleResult();
            if (job == null) {
                break;
            }
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the verification fails while a case is broken: the job's retries count down
            }
        }
        return runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
    }

    private Map<String, Object> read(String url) {
        var answer = api.as("kiemtoan").getForEntity(url, Map.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return map(answer.getBody());
    }
}
