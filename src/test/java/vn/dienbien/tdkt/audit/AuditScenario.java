package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.council.CouncilSessions;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.dossier.DossierProposals;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.dossier.Proposal;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Cases made through the real services, as the people of the procedure make them: a unit proposes,
 * its head confirms, the Board accepts, the council votes and the Chairman approves.
 */
@Component
class AuditScenario {

    static final List<String> MEMBERS = List.of("chutich", "hoidong1", "hoidong2", "hoidong3", "hoidong4", "hoidong5",
            "thuongtruc.hd");

    private final DossierProposals proposals;
    private final DossierQueries dossiers;
    private final CouncilSessions sessions;
    private final DocumentService documents;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final vn.dienbien.tdkt.council.CouncilScenario council;

    AuditScenario(vn.dienbien.tdkt.council.CouncilScenario council, DossierProposals proposals, DossierQueries dossiers, CouncilSessions sessions, DocumentService documents,
            TaskService taskService, IdentityService identityService, ManagementService managementService,
            HistoryService historyService, JdbcTemplate jdbc, ObjectMapper json) {
        this.proposals = proposals;
        this.dossiers = dossiers;
        this.sessions = sessions;
        this.documents = documents;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.json = json;
        this.council = council;
    }

    static void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(CaseSearchSql.VIETNAM).toInstant()));
    }

    CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    /** Bằng khen cho một cá nhân, đề nghị bởi cán bộ thi đua của đơn vị {@code unitCode}. */
    Long propose(String unitCode, String fullName) {
        String officer = "canbo." + unitCode.toLowerCase();
        Map<String, Long> docs = new HashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            docs.put(type, documents.store(type.toLowerCase() + ".pdf", "application/pdf",
                    "%PDF-1.4\n%%EOF\n".getBytes(), user(officer)).id());
        }
        return proposals.propose(new Proposal("383/KH-UBND", 2023, "CERTIFICATE", "INDIVIDUAL", unitCode,
                new Proposal.Nominee(fullName, "Nữ", 1980, "Chuyên viên chính", "Văn phòng " + unitCode, false, null, null,
                        null, null, null, null, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ hai năm liền.", new Proposal.Facts(List.of(2022, 2023), 2, false, false, false),
                docs), user(officer));
    }

    /** The head confirms and the Board accepts: the dossier waits for the council. */
    void confirmAndAccept(Long dossierId, String unitCode) {
        String instance = caseOf(dossierId);
        completeAs("lanhdao." + unitCode.toLowerCase(), taskService.createTaskQuery().processInstanceId(instance)
                .singleResult(), Map.of("headDecision", "CONFIRM"));
        completeAs("bantdkt", taskService.createTaskQuery().processInstanceId(instance).singleResult(),
                Map.of("appraisalDecision", "ACCEPT"));
        assertThat(dossiers.record(dossierId).status()).isEqualTo("ACCEPTED");
    }

    /** A session on the dossiers: every member votes yes, the standing body submits, the Chairman approves all. */
    Long decidedSession(String title, LocalDate meetingDate, List<Long> dossierIds) {
        Long sessionId = sessions.open(title, meetingDate, dossierIds, user("bantdkt"));
        String instance = sessionCase(sessionId);
        for (String member : MEMBERS) {
            Task ballot = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Vote")
                    .taskAssignee(member).singleResult();
            completeAs(member, ballot, Variables.createVariables().putValueTyped("ballot",
                    Variables.byteArrayValue(ballot(dossierIds).getBytes(StandardCharsets.UTF_8), true)));
        }
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(instance).executable().list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        completeAs("thuongtruc.hd", task(instance, "Task_Submission"), Map.of("submissionNote", "Trình Chủ tịch."));
        completeAs("chutich", task(instance, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        council.register(sessionId);
        council.executeDossierJobs(dossierIds);
        return sessionId;
    }

    String caseOf(Long dossierId) {
        return dossiers.record(dossierId).processInstanceId();
    }

    String sessionCase(Long sessionId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("PH-" + sessionId)
                .singleResult().getId();
    }

    String decisionOf(Long sessionId) {
        return jdbc.queryForObject("select decision_code from council_session where id = ?", String.class, sessionId);
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private String ballot(List<Long> dossierIds) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Long id : dossierIds) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dossierId", id);
            entry.put("vote", "YES");
            entry.put("comment", "");
            entry.put("conflictOfInterest", false);
            entries.add(entry);
        }
        try {
            return json.writeValueAsString(entries);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void completeAs(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
