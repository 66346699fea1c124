package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.notification.NotificationView;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;

/** The launch-plan procedure of 383/KH-UBND section V.2, driven by the engine's clock. */
@WorkflowTest
class LaunchPlanProcessTest {

    private static final String SUBMIT = "Task_SubmitPlan";
    private static final String REVIEW = "Task_ReviewPlan";
    private static final String REVISE = "Task_RevisePlan";
    private static final String URGE = "Task_Urge";

    @Autowired LaunchPlanScenario scenario;
    @Autowired LaunchPlanRecords records;
    @Autowired LaunchPlanProgress progress;
    @Autowired NotificationService notifications;
    @Autowired OrgUnitRepository units;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired LaunchPlanRepository plans;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired ApplicationContext context;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void openingACampaignGivesEveryUnitItsTaskDueAtTheDeadline() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));

        long activeUnits = units.findByActiveTrueOrderByCode().size();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign.getCode() + " | %").count())
                .isEqualTo(activeUnits).isEqualTo(46);
        Task task = scenario.task(scenario.caseOf(campaign, "SYT"), SUBMIT);
        assertThat(task.getName()).isEqualTo("Lập và gửi kế hoạch phát động thi đua");
        // "trước 30/3/2031": due at 30/3/2031 00:00 in Điện Biên, i.e. 29/3 17:00 UTC.
        assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2031-03-29T17:00:00Z"));
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("donvi.syt"));
        assertThat(progress.board(campaign.getId()).counts().get(PlanProgressStatus.NOT_SENT)).isEqualTo(46);
    }

    @Test
    void theDiagramNamesTheStepAndTheTaskNamesTheRoundAndTheUnitOfItsOwnPlan() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        var model = repositoryService.getBpmnModelInstance(syt.getProcessDefinitionId());
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getName)
                .containsExactlyInAnyOrder("Lập và gửi kế hoạch, báo cáo", "Đôn đốc gửi kế hoạch, báo cáo",
                        "Thẩm định kế hoạch, báo cáo", "Chỉnh sửa và gửi lại kế hoạch, báo cáo");

        // A variable naming another unit does not change what the task says: the plan of the case does.
        runtimeService.setVariable(syt.getId(), "unitName", "Sở Tài chính");
        scenario.clockAt(LocalDateTime.of(2031, 3, 1, 9, 30));
        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "26/KH-SYT");

        Task review = scenario.task(syt, REVIEW);
        assertThat(review.getName()).isEqualTo("Thẩm định kế hoạch: Sở Y tế");
        assertThat(review.getDescription()).endsWith(" – Sở Y tế");
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getName())
                .as("the case's history tells the same name").isEqualTo("Thẩm định kế hoạch: Sở Y tế");
    }

    /** Cases still on the earlier diagram call the recording beans from "Ghi nhận …" service tasks. */
    @Test
    void theRecordingStepsServeBothTheTasksListenersAndTheEarlierDiagramsServiceTasks() {
        for (String bean : List.of("recordPlanSubmission", "recordPlanReview", "recordUrging")) {
            assertThat(context.getBean(bean)).as(bean).isInstanceOf(TaskListener.class).isInstanceOf(JavaDelegate.class);
        }
    }

    @Test
    void sendingEndsTheWaitForTheDeadlineAndTheRemindersAtOnce() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        assertThat(scenario.timers(syt)).hasSize(3);

        scenario.clockAt(LocalDateTime.of(2031, 3, 1, 9, 30));
        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "27/KH-SYT");

        assertThat(scenario.timers(syt)).as("no reminder or deadline left").isEmpty();
        assertThat(syt).hasPassed("EndEvent_SentBeforeDeadline", "EndEvent_RemindersStopped");
        assertThat(scenario.task(syt, REVIEW)).isNotNull();
    }

    @Test
    void planSentOnTimeIsReviewedAndAccepted() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");

        scenario.clockAt(LocalDateTime.of(2031, 3, 1, 9, 30));
        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "25/KH-SYT");

        Task review = scenario.task(syt, REVIEW);
        assertThat(review.getName()).isEqualTo("Thẩm định kế hoạch: Sở Y tế");
        assertThat(taskService.getIdentityLinksForTask(review.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("ban-tdkt"));
        assertThat(runtimeService.getVariable(syt.getId(), "sentLate")).isEqualTo(false);
        assertThat(row(campaign, "SYT").status()).isEqualTo(PlanProgressStatus.SENT_ON_TIME);

        scenario.completeAs("bantdkt", review, Map.of("reviewDecision", "ACCEPT"));

        assertThat(syt).isEnded().hasPassed("EndEvent_Accepted");
        var record = records.record(planId(syt));
        assertThat(record.status()).isEqualTo(LaunchPlanStatus.ACCEPTED);
        assertThat(record.onTime()).isTrue();
        assertThat(record.planNumber()).isEqualTo("25/KH-SYT");
        assertThat(record.document().fileName()).isEqualTo("25-KH-SYT.pdf");
        assertThat(record.sendings()).singleElement().satisfies(s -> {
            assertThat(s.sentBy()).isEqualTo("canbo.syt");
            assertThat(s.sentAt()).isEqualTo(Instant.parse("2031-03-01T02:30:00Z"));
        });
        assertThat(record.reviews()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("ACCEPTED");
            assertThat(r.reviewer()).isEqualTo("bantdkt");
        });
        var board = progress.board(campaign.getId());
        assertThat(board.counts().get(PlanProgressStatus.ACCEPTED)).isEqualTo(1);
        assertThat(board.counts().get(PlanProgressStatus.NOT_SENT)).isEqualTo(45);
        assertThat(notificationsOf("SYT")).extracting(NotificationView::kind).contains("PLAN_ACCEPTED");
    }

    @Test
    void atTheDeadlineTheBoardIsAskedToUrgeAndALatePlanIsStillTaken() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        ProcessInstance stc = scenario.caseOf(campaign, "STC");

        scenario.clockAt(LocalDateTime.of(2031, 3, 29, 23, 59));
        scenario.executeDueJobs(stc);
        assertThat(scenario.task(stc, URGE)).as("no urging before the deadline").isNull();

        scenario.clockAt(LocalDateTime.of(2031, 3, 30, 0, 0));
        scenario.executeDueJobs(stc);
        Task urge = scenario.task(stc, URGE);
        assertThat(urge.getName()).isEqualTo("Đôn đốc gửi kế hoạch: Sở Tài chính");
        assertThat(taskService.getIdentityLinksForTask(urge.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("ban-tdkt"));
        assertThat(scenario.task(stc, SUBMIT)).as("the unit can still send").isNotNull();

        scenario.completeAs("bantdkt", urge, Map.of("urgeMethod", "CONG_VAN",
                "urgeNote", "Công văn số 120/SNV-TĐKT đề nghị gửi trước 02/4/2031."));
        assertThat(notificationsOf("STC")).extracting(NotificationView::kind).contains("PLAN_URGED");

        scenario.clockAt(LocalDateTime.of(2031, 4, 1, 10, 0));
        scenario.sendPlan("canbo.stc", scenario.task(stc, SUBMIT), "30/KH-STC");

        assertThat(runtimeService.getVariable(stc.getId(), "sentLate")).isEqualTo(true);
        assertThat(row(campaign, "STC").status()).isEqualTo(PlanProgressStatus.SENT_LATE);
        assertThat(row(campaign, "STC").urgedAt()).isEqualTo(Instant.parse("2031-03-29T17:00:00Z"));
        var record = records.record(planId(stc));
        assertThat(record.onTime()).isFalse();
        assertThat(record.urgings()).singleElement().satisfies(u -> assertThat(u.urgedBy()).isEqualTo("bantdkt"));
    }

    @Test
    void sendingCancelsAnOpenUrgingTask() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance sxd = scenario.caseOf(campaign, "SXD");
        scenario.clockAt(LocalDateTime.of(2031, 3, 30, 8, 0));
        scenario.executeDueJobs(sxd);
        assertThat(scenario.task(sxd, URGE)).isNotNull();

        scenario.sendPlan("canbo.sxd", scenario.task(sxd, SUBMIT), "12/KH-SXD");

        assertThat(scenario.task(sxd, URGE)).isNull();
        assertThat(scenario.task(sxd, REVIEW)).isNotNull();
        assertThat(row(campaign, "SXD").status()).isEqualTo(PlanProgressStatus.SENT_LATE);
    }

    @Test
    void theLastMomentBeforeTheDeadlineIsOnTimeAndTheDeadlineItselfIsLate() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance stp = scenario.caseOf(campaign, "STP");
        ProcessInstance sct = scenario.caseOf(campaign, "SCT");

        scenario.clockAt(Instant.parse("2031-03-29T16:59:59Z"));
        scenario.sendPlan("canbo.stp", scenario.task(stp, SUBMIT), "1/KH-STP");
        scenario.clockAt(Instant.parse("2031-03-29T17:00:00Z"));
        scenario.sendPlan("canbo.sct", scenario.task(sct, SUBMIT), "1/KH-SCT");

        assertThat(row(campaign, "STP").status()).isEqualTo(PlanProgressStatus.SENT_ON_TIME);
        assertThat(row(campaign, "SCT").status()).isEqualTo(PlanProgressStatus.SENT_LATE);
    }

    @Test
    void remindersFireAtTheConfiguredOffsetsBeforeTheDeadline() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");

        List<Job> timers = scenario.timers(syt);
        assertThat(timers).extracting(job -> job.getDuedate().toInstant()).containsExactly(
                Instant.parse("2031-03-19T17:00:00Z"), // 20/3 00:00 in Điện Biên: 10 days before
                Instant.parse("2031-03-26T17:00:00Z"), // 27/3: 3 days before
                Instant.parse("2031-03-29T17:00:00Z")); // the deadline itself

        scenario.clockAt(LocalDateTime.of(2031, 3, 19, 23, 0));
        assertThat(scenario.executeDueJobs(syt)).isZero();
        scenario.clockAt(LocalDateTime.of(2031, 3, 20, 0, 0));
        assertThat(scenario.executeDueJobs(syt)).isEqualTo(1);
        assertThat(remindersOf("SYT", campaign)).singleElement()
                .satisfies(n -> assertThat(n.subject()).contains("còn 10 ngày"));

        scenario.clockAt(LocalDateTime.of(2031, 3, 27, 0, 0));
        assertThat(scenario.executeDueJobs(syt)).isEqualTo(1);
        assertThat(remindersOf("SYT", campaign)).hasSize(2).first()
                .satisfies(n -> assertThat(n.subject()).contains("còn 3 ngày"));
        assertThat(scenario.task(syt, SUBMIT)).as("reminders do not interrupt the unit's task").isNotNull();
        assertThat(scenario.task(syt, URGE)).isNull();
    }

    @Test
    void reminderOffsetsAreTheCampaignsOwn() {
        Campaign campaign = scenario.openCampaign(List.of(7));
        assertThat(scenario.timers(scenario.caseOf(campaign, "SGDDT")))
                .extracting(job -> job.getDuedate().toInstant())
                .containsExactly(Instant.parse("2031-03-22T17:00:00Z"), Instant.parse("2031-03-29T17:00:00Z"));
    }

    @Test
    void aReturnedPlanIsRevisedAndResentAndEveryRoundIsKept() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        ProcessInstance hdb = scenario.caseOf(campaign, "HDB");
        scenario.clockAt(LocalDateTime.of(2031, 3, 10, 8, 0));
        scenario.sendPlan("canbo.hdb", scenario.task(hdb, SUBMIT), "05/KH-UBND");

        scenario.completeAs("bantdkt", scenario.task(hdb, REVIEW), Map.of("reviewDecision", "RETURN",
                "reviewReason", "Bổ sung chỉ tiêu giảm nghèo theo mục II.1.2."));

        Task revise = scenario.task(hdb, REVISE);
        assertThat(taskService.getIdentityLinksForTask(revise.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("donvi.hdb"));
        assertThat(runtimeService.getVariable(hdb.getId(), "returnReason"))
                .isEqualTo("Bổ sung chỉ tiêu giảm nghèo theo mục II.1.2.");
        assertThat(row(campaign, "HDB").status()).isEqualTo(PlanProgressStatus.RETURNED);
        assertThat(row(campaign, "HDB").lastReturnReason()).isEqualTo("Bổ sung chỉ tiêu giảm nghèo theo mục II.1.2.");
        assertThat(notificationsOf("HDB")).extracting(NotificationView::kind).contains("PLAN_RETURNED");

        scenario.clockAt(LocalDateTime.of(2031, 3, 12, 8, 0));
        scenario.sendPlan("canbo.hdb", revise, "05/KH-UBND (sửa đổi)");
        scenario.completeAs("truongban.tdkt", scenario.task(hdb, REVIEW), Map.of("reviewDecision", "ACCEPT"));

        assertThat(hdb).isEnded();
        var record = records.record(planId(hdb));
        assertThat(record.sendings()).extracting(LaunchPlanRecords.Sending::round, LaunchPlanRecords.Sending::planNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "05/KH-UBND"),
                        org.assertj.core.groups.Tuple.tuple(2, "05/KH-UBND (sửa đổi)"));
        assertThat(record.reviews()).extracting(LaunchPlanRecords.Review::outcome, LaunchPlanRecords.Review::reason,
                        LaunchPlanRecords.Review::reviewer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RETURNED", "Bổ sung chỉ tiêu giảm nghèo theo mục II.1.2.", "bantdkt"),
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", null, "truongban.tdkt"));
        assertThat(record.onTime()).as("the first sending decides").isTrue();
        assertThat(record.planNumber()).isEqualTo("05/KH-UBND (sửa đổi)");
    }

    @Test
    void aPlanFirstSentOnTimeStaysOnTimeInTheCaseWhenResentAfterTheDeadline() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance dbp = scenario.caseOf(campaign, "DBP");
        scenario.clockAt(LocalDateTime.of(2031, 3, 29, 23, 59));
        scenario.sendPlan("canbo.dbp", scenario.task(dbp, SUBMIT), "07/KH-UBND");
        assertThat(runtimeService.getVariable(dbp.getId(), "sentLate")).isEqualTo(false);
        scenario.completeAs("bantdkt", scenario.task(dbp, REVIEW), Map.of("reviewDecision", "RETURN",
                "reviewReason", "Bổ sung chỉ tiêu."));

        scenario.clockAt(LocalDateTime.of(2031, 4, 2, 9, 0));
        scenario.sendPlan("canbo.dbp", scenario.task(dbp, REVISE), "07/KH-UBND (sửa đổi)");

        assertThat(row(campaign, "DBP").status()).isEqualTo(PlanProgressStatus.SENT_ON_TIME);
        assertThat(runtimeService.getVariable(dbp.getId(), "sentLate")).as("the case says what the record says")
                .isEqualTo(false);
    }

    @Test
    void returningWithoutAReasonIsRefusedAndNothingIsWritten() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance tg = scenario.caseOf(campaign, "TGIAO");
        scenario.clockAt(LocalDateTime.of(2031, 3, 10, 8, 0));
        scenario.sendPlan("canbo.tgiao", scenario.task(tg, SUBMIT), "7/KH-UBND");
        Task review = scenario.task(tg, REVIEW);

        assertThatThrownBy(() -> scenario.completeAs("bantdkt", review, Map.of("reviewDecision", "RETURN")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Trả lại kế hoạch phải nêu lý do");

        assertThat(scenario.task(tg, REVIEW)).as("the review task is still open").isNotNull();
        assertThat(records.record(planId(tg)).reviews()).isEmpty();
        assertThat(row(campaign, "TGIAO").status()).isEqualTo(PlanProgressStatus.SENT_ON_TIME);
    }

    @Test
    void sendingWithoutADocumentIsRefusedInVietnamese() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance stp = scenario.caseOf(campaign, "STP");
        scenario.clockAt(LocalDateTime.of(2031, 3, 10, 8, 0));
        Task submit = scenario.task(stp, SUBMIT);

        assertThatThrownBy(() -> scenario.completeAs("canbo.stp", submit, Map.of("planNumber", "2/KH-STP",
                "planDate", "2031-03-01", "planSummary", "Nội dung")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("chưa đính kèm văn bản kế hoạch");

        assertThat(scenario.task(stp, SUBMIT)).isNotNull();
        assertThat(records.record(planId(stp)).sendings()).isEmpty();
    }

    @Test
    void aUnitsPeopleSeeAndCompleteOnlyTheirOwnUnitsTasks() {
        Campaign campaign = scenario.openCampaign(List.of());
        Task sytTask = scenario.task(scenario.caseOf(campaign, "SYT"), SUBMIT);
        Task stcTask = scenario.task(scenario.caseOf(campaign, "STC"), SUBMIT);

        identityService.setAuthentication("canbo.syt", scenario.groupsOf("canbo.syt"));
        List<Task> visible = taskService.createTaskQuery().processVariableValueEquals("campaignCode", campaign.getCode()).list();
        long otherCases = runtimeService.createProcessInstanceQuery().processInstanceId(stcTask.getProcessInstanceId()).count();
        long ownCases = runtimeService.createProcessInstanceQuery().processInstanceId(sytTask.getProcessInstanceId()).count();
        identityService.clearAuthentication();

        assertThat(visible).extracting(Task::getId).containsExactly(sytTask.getId());
        assertThat(ownCases).isEqualTo(1);
        assertThat(otherCases).isZero();
        assertThatThrownBy(() -> scenario.completeAs("canbo.syt", stcTask, Map.of()))
                .isInstanceOf(AuthorizationException.class);
        assertThat(scenario.task(scenario.caseOf(campaign, "STC"), SUBMIT)).isNotNull();

        identityService.setAuthentication("bantdkt", scenario.groupsOf("bantdkt"));
        long boardSees = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(campaign.getCode() + " | %").count();
        identityService.clearAuthentication();
        assertThat(boardSees).as("the Board sees every plan case").isEqualTo(46);
    }

    private LaunchPlanProgress.UnitRow row(Campaign campaign, String unitCode) {
        return progress.board(campaign.getId()).rows().stream().filter(r -> r.unitCode().equals(unitCode)).findFirst()
                .orElseThrow();
    }

    /** The plan the case is about: the record that names the case (its start values are in no history table). */
    private Long planId(ProcessInstance instance) {
        return plans.findByProcessInstanceId(instance.getId()).orElseThrow().getId();
    }

    private List<NotificationView> remindersOf(String unitCode, Campaign campaign) {
        return notificationsOf(unitCode).stream()
                .filter(n -> n.kind().equals("PLAN_REMINDER") && n.subject().contains(campaign.getCode())).toList();
    }

    private List<NotificationView> notificationsOf(String unitCode) {
        return notifications.forUnit(units.findByCode(unitCode).orElseThrow().getId());
    }
}
