package vn.dienbien.tdkt.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.document.DocumentInfo;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Steps of the launch-plan procedure as the people involved take them, on the engine's clock. */
@Component
class LaunchPlanScenario {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final CampaignService campaigns;
    private final ReportingRounds rounds;
    private final DocumentService documents;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    LaunchPlanScenario(CampaignService campaigns, ReportingRounds rounds, DocumentService documents, RuntimeService runtimeService,
            TaskService taskService, ManagementService managementService, IdentityService identityService) {
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.documents = documents;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    /** Sets the engine's clock to a local time in Điện Biên. */
    void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(VIETNAM).toInstant()));
    }

    void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** A campaign like 383/KH-UBND ten years on: issued 09/02/2031, plans due before 30/3/2031. */
    Campaign openCampaign(List<Integer> reminderDays) {
        String code = "T" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000 + "/KH-UBND";
        clockAt(LocalDateTime.of(2031, 2, 10, 8, 0));
        Campaign campaign = campaigns.create(new CampaignService.NewCampaign(code, "Đợt thi đua kiểm thử",
                LocalDate.of(2031, 2, 9), 2031, 2035, LocalDateTime.of(2031, 3, 30, 0, 0), "Asia/Ho_Chi_Minh",
                reminderDays, 2033, 2035, false));
        return campaigns.open(campaign.getId(), "truongban.tdkt");
    }

    ProcessInstance caseOf(Campaign campaign, String unitCode) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getCode() + " | " + unitCode).singleResult();
    }

    /** The Board (bantdkt) declares a reporting round; a null due date takes the configured default. */
    ReportingRounds.RoundView declareRound(Campaign campaign, ReportKind kind, int year, String title, String dueDate) {
        return rounds.declare(new ReportingRounds.NewRound(campaign.getId(), kind.name(), year, title, dueDate),
                new CurrentUser("bantdkt", groupsOf("bantdkt")));
    }

    /** A unit's case of a periodic report round, e.g. key part "BC6T-2031". */
    ProcessInstance reportCaseOf(Campaign campaign, String roundKeyPart, String unitCode) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getCode() + " | " + roundKeyPart + " | " + unitCode).singleResult();
    }

    Task task(ProcessInstance instance, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    /** Uploads a document as the given user, as the Tasklist form does before completing. */
    DocumentInfo upload(String userId, String fileName) {
        return documents.store(fileName, "application/pdf", ("%PDF-1.4 kế hoạch " + fileName).getBytes(),
                new CurrentUser(userId, groupsOf(userId)));
    }

    /** Completes a task as a logged-in user would through Tasklist: with that user's authorizations. */
    void completeAs(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, groupsOf(userId));
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

    /** The unit's officer sends the plan with an attached document. */
    void sendPlan(String userId, Task task, String planNumber) {
        DocumentInfo document = upload(userId, planNumber.replace('/', '-') + ".pdf");
        completeAs(userId, task, Map.of("planNumber", planNumber, "planDate", "2031-02-20",
                "planSummary", "Phát động thi đua hoàn thành các chỉ tiêu năm 2031.", "planDocumentId", document.id()));
    }

    List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /** Runs every job of the case that is due by the engine's clock, as the job executor would. */
    int executeDueJobs(ProcessInstance instance) {
        int executed = 0;
        List<Job> due;
        while (!(due = managementService.createJobQuery().processInstanceId(instance.getId())
                .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list()).isEmpty()) {
            for (Job job : due) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }

    List<Job> timers(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().orderByJobDuedate().asc().list();
    }
}
