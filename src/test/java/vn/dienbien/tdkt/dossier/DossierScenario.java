package vn.dienbien.tdkt.dossier;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** The award-dossier procedure as a unit's officer, its head and the Board take it. */
@Component
class DossierScenario {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DossierProposals proposals;
    private final DossierRepository dossiers;
    private final DocumentService documents;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final DossierBlockVotes blockVotes;

    DossierScenario(DossierProposals proposals, DossierRepository dossiers, DocumentService documents,
            TaskService taskService, ManagementService managementService, IdentityService identityService,
            DossierBlockVotes blockVotes) {
        this.blockVotes = blockVotes;
        this.proposals = proposals;
        this.dossiers = dossiers;
        this.documents = documents;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(VIETNAM).toInstant()));
    }

    CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    Long upload(String userId, String name) {
        return documents.store(name, "application/pdf", ("%PDF-1.4 " + name).getBytes(), user(userId)).id();
    }

    Map<String, Long> documentsFor(String userId, String... types) {
        Map<String, Long> docs = new HashMap<>();
        for (String type : types) {
            docs.put(type, upload(userId, type.toLowerCase() + ".pdf"));
        }
        return docs;
    }

    /** Bằng khen cho một cá nhân của Sở Y tế. */
    Proposal individualCertificate(String fullName, List<Integer> excellentYears, int initiatives, int year) {
        return new Proposal("383/KH-UBND", year, "CERTIFICATE", "INDIVIDUAL", "SYT",
                new Proposal.Nominee(fullName, "Nữ", 1980, "Bác sĩ, Trưởng khoa Nhi", "Bệnh viện Đa khoa tỉnh", false,
                        null, null, null, null, null, null, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ; hai sáng kiến cải tiến khám chữa bệnh được công nhận.",
                new Proposal.Facts(excellentYears, initiatives, false, false, false),
                documentsFor("canbo.syt", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"));
    }

    /** Bằng khen cho một cá nhân của đơn vị {@code unitCode}, đề nghị bởi cán bộ của đơn vị ấy. */
    Proposal individualCertificate(String unitCode, String fullName) {
        return new Proposal("383/KH-UBND", 2023, "CERTIFICATE", "INDIVIDUAL", unitCode,
                new Proposal.Nominee(fullName, "Nam", 1978, "Chuyên viên chính", "Văn phòng " + unitCode, false,
                        null, null, null, null, null, null, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ hai năm liền.", new Proposal.Facts(List.of(2022, 2023), 2, false, false, false),
                documentsFor(officerOf(unitCode), "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"));
    }

    static String officerOf(String unitCode) {
        return "canbo." + unitCode.toLowerCase();
    }

    static String headOf(String unitCode) {
        return "lanhdao." + unitCode.toLowerCase();
    }

    /** Cờ thi đua cho đơn vị dẫn đầu khối. */
    Proposal flag(String unitCode, String groupCode, int year, String proposer) {
        return new Proposal("383/KH-UBND", year, "FLAG", "COLLECTIVE", unitCode,
                new Proposal.Nominee(null, null, null, null, null, null, null, null, 45, unitCode, groupCode, 6, 6,
                        null, null),
                "Đơn vị dẫn đầu phong trào thi đua của khối năm " + year + ".",
                new Proposal.Facts(List.of(), 0, false, false, false),
                documentsFor(proposer, "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_KHOI"));
    }

    Long propose(String userId, Proposal proposal) {
        return proposals.propose(proposal, user(userId));
    }

    Dossier dossier(Long id) {
        return dossiers.findById(id).orElseThrow();
    }

    Task task(Long dossierId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(dossier(dossierId).getProcessInstanceId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    void completeAs(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } catch (ProcessEngineException thrown) {
            throw refusalIn(thrown);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Our refusal inside what the engine threw: a complete listener's exception comes wrapped (the
     * engine REST and Tasklist answer with its status and message); anything else as it came.
     */
    static RuntimeException refusalIn(ProcessEngineException thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException refusal) {
                return refusal;
            }
        }
        return thrown;
    }

    /** The head confirms; the same step checks the rules and gives the Board its task. */
    void confirmByHead(Long dossierId, String head) {
        completeAs(head, task(dossierId, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));
    }

    /**
     * The job that checks the rules again when the decision table failed at the confirmation or the resend (job
     * execution is off in tests); how many ran.
     */
    int runAppraisalJob(Long dossierId) {
        return AppraisalJobs.run(managementService, dossier(dossierId).getProcessInstanceId());
    }

    /** The Board records that the block voted outside the system, its minutes attached to the Flag dossier. */
    DossierEligibility.EligibilityOutcome declareOutsideBlockVote(Long dossierId) {
        return blockVotes.declareOutsideVote(dossierId,
                "Hội nghị cụm/khối ngày 15/12 bình xét, suy tôn đơn vị dẫn đầu (biên bản kèm hồ sơ).", user("bantdkt"));
    }

    void appraise(Long dossierId, String decision, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("appraisalDecision", decision);
        if (reason != null) {
            variables.put("appraisalReason", reason);
        }
        completeAs("bantdkt", task(dossierId, "Task_Appraise"), variables);
    }

    List<Job> timers(Long dossierId) {
        return managementService.createJobQuery().processInstanceId(dossier(dossierId).getProcessInstanceId())
                .timers().orderByJobDuedate().asc().list();
    }

    int executeDueJobs(Long dossierId) {
        int executed = 0;
        List<Job> due;
        while (!(due = managementService.createJobQuery().processInstanceId(dossier(dossierId).getProcessInstanceId())
                .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list()).isEmpty()) {
            for (Job job : due) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }

    static Instant local(LocalDateTime at) {
        return at.atZone(VIETNAM).toInstant();
    }
}
