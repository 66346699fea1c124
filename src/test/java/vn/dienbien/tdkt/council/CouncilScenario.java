package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.dossier.DossierProposals;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.dossier.Proposal;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** A council session as the Board, the members, the standing body and the Chairman take it. */
@Component
public class CouncilScenario {

    /** The council of the registry, in the order the session lists them. */
    public static final List<String> MEMBERS = List.of("chutich", "hoidong1", "hoidong2", "hoidong3", "hoidong4", "hoidong5",
            "thuongtruc.hd");

    private final CouncilSessions sessions;
    private final DossierProposals proposals;
    private final DossierQueries dossiers;
    private final DocumentService documents;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final ObjectMapper json;
    private final CouncilPaperwork paperwork;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;

    /** Văn thư UBND tỉnh of the registry. */
    public static final String CLERK = "vanthu.ubnd";

    CouncilScenario(CouncilPaperwork paperwork, CouncilSessions sessions, DossierProposals proposals, DossierQueries dossiers,
            DocumentService documents, TaskService taskService, IdentityService identityService,
            ManagementService managementService, HistoryService historyService, ObjectMapper json,
            JdbcTemplate jdbc, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.sessions = sessions;
        this.proposals = proposals;
        this.dossiers = dossiers;
        this.documents = documents;
        this.taskService = taskService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.json = json;
        this.paperwork = paperwork;
    }

    public static void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    }

    public CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    /** A certificate dossier of the health department, confirmed and accepted by the Board. */
    public Long acceptedCertificate(String baseName) {
        return acceptedCertificate(baseName, "SYT");
    }

    /** A certificate dossier of the unit {@code unitCode}, proposed by its officer, confirmed by its head, accepted. */
    public Long acceptedCertificate(String baseName, String unitCode) {
        Long id = proposedCertificate(baseName, unitCode, "Nam", 1982, "Chuyên viên", false);
        String instance = dossiers.record(id).processInstanceId();
        completeNext(instance, "lanhdao." + unitCode.toLowerCase(), Map.of("headDecision", "CONFIRM"));
        completeNext(instance, "bantdkt", Map.of("appraisalDecision", "ACCEPT"));
        assertThat(dossiers.record(id).status()).isEqualTo("ACCEPTED");
        return id;
    }

    /** As {@link #acceptedCertificate}, but the Board first returns it for a supplement, which the unit sends. */
    public Long returnedThenAcceptedCertificate(String baseName, String returnReason) {
        Long id = proposedCertificate(baseName, "SYT", "Nữ", 1984, "Điều dưỡng trưởng", true);
        String instance = dossiers.record(id).processInstanceId();
        completeNextLater(instance, "lanhdao.syt", Map.of("headDecision", "CONFIRM"));
        completeNextLater(instance, "bantdkt", Map.of("appraisalDecision", "RETURN", "appraisalReason", returnReason));
        completeNextLater(instance, "canbo.syt", Map.of("supplementNote", "Đã bổ sung biên bản họp Hội đồng cơ sở."));
        completeNextLater(instance, "bantdkt", Map.of("appraisalDecision", "ACCEPT",
                "appraisalReason", "Đủ điều kiện sau khi bổ sung."));
        assertThat(dossiers.record(id).status()).isEqualTo("ACCEPTED");
        return id;
    }

    /** Proposed by the unit's officer with its three documents, awaiting the head. */
    private Long proposedCertificate(String baseName, String unitCode, String gender, int birthYear, String position,
            boolean directWorker) {
        String name = baseName + " " + (System.nanoTime() % 100000);
        String officer = "canbo." + unitCode.toLowerCase();
        Map<String, Long> docs = new HashMap<>();
        for (String type : List.of("TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")) {
            docs.put(type, documents.store(type + ".pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(), user(officer)).id());
        }
        return proposals.propose(new Proposal("383/KH-UBND", 2023, "CERTIFICATE", "INDIVIDUAL", unitCode,
                new Proposal.Nominee(name, gender, birthYear, position, "SYT".equals(unitCode) ? "Sở Y tế" : "Văn phòng " + unitCode, directWorker, null, null,
                        null, null, null, null, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ hai năm liền.", new Proposal.Facts(List.of(2022, 2023), 2, false, false, false),
                docs), user(officer));
    }

    private void completeNext(String instance, String userId, Map<String, Object> variables) {
        completeAs(userId, taskService.createTaskQuery().processInstanceId(instance).singleResult(), variables);
    }

    /** As {@link #completeNext}, a minute after the last step, so each step of the story has its own time. */
    private void completeNextLater(String instance, String userId, Map<String, Object> variables) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
        completeNext(instance, userId, variables);
    }

    public Long open(String title, LocalDate meetingDate, List<Long> dossierIds) {
        return sessions.open(title, meetingDate, dossierIds, user("bantdkt"));
    }

    Task ballotTask(Long sessionId, String member) {
        return taskService.createTaskQuery().processInstanceBusinessKey("PH-" + sessionId).taskDefinitionKey("Task_Vote")
                .taskAssignee(member).singleResult();
    }

    public Task task(Long sessionId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey("PH-" + sessionId).taskDefinitionKey(key)
                .singleResult();
    }

    public String processOf(Long sessionId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("PH-" + sessionId)
                .singleResult().getId();
    }

    /** A ballot as the voting form sends it: one entry per dossier, in the given order. */
    String ballot(Map<Long, String> votes, Map<Long, String> comments, List<Long> conflicts) {
        List<Map<String, Object>> entries = new ArrayList<>();
        votes.forEach((dossierId, vote) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dossierId", dossierId);
            entry.put("vote", vote);
            entry.put("comment", comments.getOrDefault(dossierId, ""));
            entry.put("conflictOfInterest", conflicts.contains(dossierId));
            entries.add(entry);
        });
        try {
            return json.writeValueAsString(entries);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same choice on every dossier. */
    public String ballot(List<Long> dossierIds, String vote) {
        Map<Long, String> votes = new LinkedHashMap<>();
        dossierIds.forEach(id -> votes.put(id, vote));
        return ballot(votes, Map.of(), List.of());
    }

    /** The voting form's submission: the ballot travels as transient bytes, never stored as a variable. */
    static VariableMap formSubmission(String ballot) {
        return Variables.createVariables().putValueTyped("ballot",
                Variables.byteArrayValue(ballot.getBytes(StandardCharsets.UTF_8), true));
    }

    /** {@code recordedBy} completes {@code member}'s ballot task (the member, or the secretary for a written vote). */
    public void vote(Long sessionId, String member, String recordedBy, String ballot) {
        completeAs(recordedBy, ballotTask(sessionId, member), formSubmission(ballot));
    }

    /** {@code recordedBy} completes this ballot task with the voting form's submission. */
    void vote(Task ballotTask, String recordedBy, String ballot) {
        completeAs(recordedBy, ballotTask, formSubmission(ballot));
    }

    public void completeAs(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Our refusal inside what the engine threw (a task listener's exception comes wrapped); the
     * engine REST answers with its status and message.
     */
    static ApiException refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no refusal of ours in " + thrown, thrown);
    }

    /** The refusal of a call that must be refused. */
    static ApiException refusalOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException thrown) {
            return refusal(thrown);
        }
        throw new AssertionError("expected a refusal");
    }

    /**
     * The Chairman approves every dossier the council passed, then the văn thư registers the
     * decision under the proposed number, signed today, with the signed scan.
     */
    public void approveAndRegister(Long sessionId) {
        completeAs("chutich", task(sessionId, "Task_Chairman"), Map.of("chairmanDecision", "APPROVE_ALL"));
        register(sessionId);
    }

    /** "Văn thư vào số, ngày ký quyết định" with the register's proposal and today's date. */
    public void register(Long sessionId) {
        var proposal = proposal(sessionId);
        register(sessionId, String.valueOf(proposal.proposedNumber()), proposal.today(), signedScan(CLERK));
    }

    /**
     * The văn thư's form: number, signing date, the signed scan's document id; then the session's job that issues
     * the decision ({@link #executeIssuingJob}; job execution is off in tests).
     */
    public void register(Long sessionId, String number, LocalDate signedOn, Long scanId) {
        registerOnly(sessionId, number, signedOn, scanId);
        executeIssuingJob(sessionId);
    }

    /** The văn thư's completion alone: the registration is recorded, the decision's job waits. */
    public void registerOnly(Long sessionId, String number, LocalDate signedOn, Long scanId) {
        Map<String, Object> form = new HashMap<>();
        form.put("decisionNumber", number);
        form.put("signedOn", signedOn.toString());
        form.put("signedScanId", scanId == null ? null : String.valueOf(scanId));
        completeAs(CLERK, task(sessionId, "Task_RegisterDecision"), form);
    }

    /** The step of the session that issues the registered decision, in a job of its own. */
    public static final String ISSUE_DECISION = "Task_IssueDecision";

    /**
     * The session's job "Ban hành quyết định khen thưởng" after the văn thư's registration (asyncBefore; job
     * execution is off in tests): the decision, its awardees and the dossiers' results. Returns the jobs executed
     * (none for a session of an older version, which issues at registration).
     */
    public int executeIssuingJob(Long sessionId) {
        int executed = 0;
        for (Job job : issuing(processOf(sessionId))) {
            managementService.executeJob(job.getId());
            executed++;
        }
        return executed;
    }

    /** The session's job of "Ban hành quyết định khen thưởng" still waiting (none or one). */
    public List<Job> issuing(String sessionCase) {
        return managementService.createJobQuery().processInstanceId(sessionCase).activityId(ISSUE_DECISION).list();
    }

    /** What the văn thư's form proposes today. */
    public CouncilPaperwork.Registration proposal(Long sessionId) {
        return paperwork.registration(sessionId, null, user(CLERK));
    }

    /** A signed decision scanned to PDF, uploaded by {@code userId}. */
    public Long signedScan(String userId) {
        return documents.store("quyet-dinh-da-ky.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8),
                user(userId)).id();
    }

    /** The asynchronous continuations after the ballots (job execution is off in tests). */
    public int executeJobs(Long sessionId) {
        int executed = 0;
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(processOf(sessionId)).executable().list())
                .isEmpty()) {
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }

    /**
     * The step of the version with one job per dossier (issue 12's third to seventh pass) that tells each dossier's
     * case its result; the current version tells them all in the decision's job.
     */
    public static final String TELL_DOSSIERS = "Task_TellDossiers";

    /**
     * On a session of the version with one job per dossier: the job that tells this dossier's case its result
     * ("Chuyển kết quả vào từng hồ sơ", asynchronous; job execution is off in tests), after the multi-instance's
     * own job that creates one job per dossier. Jobs of the session's other dossiers are left waiting. Returns the
     * jobs executed (none on the current version).
     */
    public int executeTellingJob(Long dossierId) {
        int executed = 0;
        for (String session : jdbc.queryForList("select s.process_instance_id from council_session_dossier sd"
                + " join council_session s on s.id = sd.session_id where sd.dossier_id = ?", String.class, dossierId)) {
            for (Job body : managementService.createJobQuery().processInstanceId(session)
                    .activityId(TELL_DOSSIERS + "#multiInstanceBody").executable().list()) {
                managementService.executeJob(body.getId());
                executed++;
            }
            for (Job job : telling(session)) {
                if (dossierId.equals(runtimeService.getVariable(job.getExecutionId(), CouncilDelegates.OUTCOME_DOSSIER))) {
                    managementService.executeJob(job.getId());
                    executed++;
                }
            }
        }
        return executed;
    }

    /** The session's jobs of "Chuyển kết quả vào từng hồ sơ" still waiting, one per dossier not yet told. */
    public List<Job> telling(String sessionCase) {
        return managementService.createJobQuery().processInstanceId(sessionCase).activityId(TELL_DOSSIERS).list();
    }

    /**
     * Each dossier case's jobs after the session's result: on the version with one job per dossier, the session's
     * job that tells the case ({@link #executeTellingJob}); then the case's own ("Thông báo kết quả cho đơn vị", asynchronous; job execution
     * is off in tests): the unit is told and the case ends.
     */
    public int executeDossierJobs(List<Long> dossierIds) {
        int executed = 0;
        for (Long id : dossierIds) {
            executed += executeTellingJob(id);
            String instance = dossiers.record(id).processInstanceId();
            List<Job> jobs;
            while (!(jobs = managementService.createJobQuery().processInstanceId(instance).executable().list()).isEmpty()) {
                for (Job job : jobs) {
                    managementService.executeJob(job.getId());
                    executed++;
                }
            }
        }
        return executed;
    }

    /** Every member votes the same on every dossier; the session then goes on to its tally. */
    public void allVote(Long sessionId, List<Long> dossierIds, String vote) {
        for (String member : MEMBERS) {
            vote(sessionId, member, member, ballot(dossierIds, vote));
        }
        executeJobs(sessionId);
    }
}
