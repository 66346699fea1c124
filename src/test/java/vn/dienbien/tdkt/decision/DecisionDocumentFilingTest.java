package vn.dienbien.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;
import vn.dienbien.tdkt.paperwork.OfficialDocuments;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Lập văn bản quyết định lưu hồ sơ: a template the office broke does not undo the decision the văn thư
 * registered; the job is retried on the diagram's cycle (R3/PT10M), then an incident in Vietnamese waits for an
 * administrator, who fixes the template and retries: the document is filed, once.
 */
@WorkflowTest
class DecisionDocumentFilingTest {

    @Autowired CouncilScenario council;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired DecisionDocumentFiling filing;
    @Autowired JdbcTemplate jdbc;
    @Value("${tdkt.documents.template-dir}") String templateDir;

    @AfterEach
    void cleanUp() throws Exception {
        Files.deleteIfExists(Path.of(templateDir, OfficialDocuments.DECISION));
        ClockUtil.reset();
    }

    @Test
    void aBrokenTemplateIsRetriedOnScheduleThenAnIncidentAndTheDecisionStaysIssuedUntilRetriedOnceFixed() throws Exception {
        // The office's template directory holds a decision template that is not a Word document any more.
        Files.createDirectories(Path.of(templateDir));
        Files.writeString(Path.of(templateDir, OfficialDocuments.DECISION), "mẫu bị sửa hỏng");

        CouncilScenario.clockAt(LocalDateTime.of(2024, 5, 6, 9, 0));
        Long dossier = council.acceptedCertificate("Lường Văn Lưu");
        Long session = council.open("Phiên họp lưu văn bản", LocalDate.of(2024, 5, 10), List.of(dossier));
        council.allVote(session, List.of(dossier), "YES");
        council.completeAs("thuongtruc.hd", council.task(session, "Task_Submission"), Map.of("submissionNote", "Trình 1 hồ sơ."));
        council.approveAndRegister(session);

        Long decisionId = jdbc.queryForObject("select d.id from decision d join decision_awardee a on a.decision_id = d.id"
                + " where a.dossier_id = ?", Long.class, dossier);
        String code = jdbc.queryForObject("select code from decision where id = ?", String.class, decisionId);
        Job job = filingJob(decisionId);
        assertThat(job.getRetries()).as("the registration only scheduled the document").isEqualTo(3);

        // R3/PT10M: three attempts in all, ten minutes apart on the engine's clock, then an incident.
        for (int attempt = 1; attempt <= 3; attempt++) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(id))
                    .hasMessageStartingWith("Không lập được văn bản Quyết định số " + code);
            job = filingJob(decisionId);
            assertThat(job.getRetries()).as("retries after attempt %d", attempt).isEqualTo(3 - attempt);
            if (attempt < 3) {
                assertThat(job.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 10 * 60_000));
                ClockUtil.setCurrentTime(job.getDuedate());
            }
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getIncidentMessage())
                .startsWith("Không lập được văn bản Quyết định số " + code + " để lưu hồ sơ: Không lập được văn bản từ mẫu")
                .contains("Retry").doesNotContain("Exception").doesNotContain("java.");

        // The business step stands: the decision is issued, the dossier awarded, its session decided.
        assertThat(jdbc.queryForObject("select count(*) from decision where id = ?", Long.class, decisionId)).isOne();
        assertThat(jdbc.queryForObject("select status from dossier where id = ?", String.class, dossier)).isEqualTo("AWARDED");
        assertThat(jdbc.queryForObject("select document_id from decision where id = ?", Long.class, decisionId)).isNull();

        // The template is fixed (the office's broken file removed: the shipped one applies); the administrator retries.
        Files.delete(Path.of(templateDir, OfficialDocuments.DECISION));
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).count())
                .as("the filing case ended").isZero();
        Long filed = jdbc.queryForObject("select document_id from decision where id = ?", Long.class, decisionId);
        assertThat(filed).isNotNull();
        assertThat(jdbc.queryForObject("select file_name from stored_document where id = ?", String.class, filed))
                .isEqualTo("quyet-dinh-" + code.substring(0, code.indexOf('/')) + "-2024.docx");

        // Filed once: the job run again (an engine retry after a lost commit) files nothing new.
        long documentsBefore = jdbc.queryForObject("select count(*) from stored_document", Long.class);
        assertThat(filing.file(decisionId)).isEqualTo(filed);
        assertThat(jdbc.queryForObject("select count(*) from stored_document", Long.class)).isEqualTo(documentsBefore);
    }

    private Job filingJob(Long decisionId) {
        var filingCase = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("QD-" + decisionId)
                .processDefinitionKey(WorkflowKeys.DECISION_DOCUMENT).singleResult();
        assertThat(filingCase).as("filing case of decision %d", decisionId).isNotNull();
        return managementService.createJobQuery().processInstanceId(filingCase.getId()).singleResult();
    }
}
