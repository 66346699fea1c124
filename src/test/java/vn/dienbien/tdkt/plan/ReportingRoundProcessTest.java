package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.notification.NotificationView;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Periodic reports (383/KH-UBND V.2: "thực hiện đúng, đầy đủ chế độ báo cáo định kỳ") through the
 * launch-plan procedure, driven by the engine's clock: the six-month report of 2031, due on 15/6/2031
 * by default, i.e. before 16/6/2031 00:00 in Điện Biên (15/6 17:00 UTC).
 */
@WorkflowTest
class ReportingRoundProcessTest {

    private static final String SUBMIT = "Task_SubmitPlan";
    private static final String REVIEW = "Task_ReviewPlan";
    private static final String REVISE = "Task_RevisePlan";
    private static final String URGE = "Task_Urge";
    private static final String SIX_MONTH_2031 = "BC6T-2031";
    private static final Instant DUE = Instant.parse("2031-06-15T17:00:00Z");

    @Autowired LaunchPlanScenario scenario;
    @Autowired ReportingRounds rounds;
    @Autowired LaunchPlanService service;
    @Autowired LaunchPlanRecords records;
    @Autowired LaunchPlanProgress progress;
    @Autowired NotificationService notifications;
    @Autowired OrgUnitRepository units;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired LaunchPlanRepository plans;
    @Autowired IdentityService identityService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void openingACampaignDeclaresItsLaunchPlanRoundDueAtTheCampaignsDeadline() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));

        assertThat(rounds.ofCampaign(campaign.getId())).singleElement().satisfies(round -> {
            assertThat(round.kind()).isEqualTo(ReportKind.LAUNCH_PLAN);
            assertThat(round.title()).isEqualTo("Kế hoạch phát động thi đua");
            assertThat(round.dueAt()).isEqualTo(Instant.parse("2031-03-29T17:00:00Z"));
            assertThat(round.dueDate()).as("the last day to send: trước 30/3").isEqualTo(LocalDate.of(2031, 3, 29));
            assertThat(round.declaredBy()).isEqualTo("truongban.tdkt");
        });
        Long launchRound = rounds.launchPlanRoundOf(campaign.getId());
        assertThat(progress.roundBoard(launchRound).rows()).isEqualTo(progress.board(campaign.getId()).rows());
    }

    @Test
    void aSixMonthReportRoundGivesEveryUnitItsTaskDueAtTheEndOfTheDueDay() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        scenario.clockAt(LocalDateTime.of(2031, 5, 4, 8, 0));

        var round = scenario.declareRound(campaign, ReportKind.SIX_MONTH_REPORT, 2031, null, null);

        assertThat(round.title()).isEqualTo("Báo cáo sơ kết thi đua 6 tháng đầu năm 2031");
        assertThat(round.dueDate()).as("tdkt.reporting.six-month-report-due").isEqualTo(LocalDate.of(2031, 6, 15));
        assertThat(round.dueAt()).isEqualTo(DUE);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(campaign.getCode() + " | " + SIX_MONTH_2031 + " | %").count())
                .isEqualTo(units.findByActiveTrueOrderByCode().size()).isEqualTo(46);
        Task task = scenario.task(scenario.reportCaseOf(campaign, SIX_MONTH_2031, "SYT"), SUBMIT);
        assertThat(task.getName()).isEqualTo("Lập và gửi báo cáo sơ kết thi đua 6 tháng đầu năm 2031");
        assertThat(task.getDueDate().toInstant()).isEqualTo(DUE);
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("donvi.syt"));
        assertThat(scenario.task(scenario.caseOf(campaign, "SYT"), SUBMIT))
                .as("the unit's launch plan is a case of its own").isNotNull();
        var board = progress.roundBoard(round.id());
        assertThat(board.roundKind()).isEqualTo(ReportKind.SIX_MONTH_REPORT);
        assertThat(board.deadline()).isEqualTo(DUE);
        assertThat(board.counts().get(PlanProgressStatus.NOT_SENT)).isEqualTo(46);
        assertThat(rounds.ofCampaign(campaign.getId())).extracting(ReportingRounds.RoundView::kind)
                .containsExactly(ReportKind.LAUNCH_PLAN, ReportKind.SIX_MONTH_REPORT);
    }

    @Test
    void unitsAreRemindedBeforeTheDueDateAndUrgedAfterItAndALateReportIsMarked() {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        scenario.clockAt(LocalDateTime.of(2031, 5, 4, 8, 0));
        var round = scenario.declareRound(campaign, ReportKind.SIX_MONTH_REPORT, 2031, null, null);
        ProcessInstance stc = scenario.reportCaseOf(campaign, SIX_MONTH_2031, "STC");

        assertThat(scenario.timers(stc)).extracting(job -> job.getDuedate().toInstant()).containsExactly(
                Instant.parse("2031-06-05T17:00:00Z"), // 6/6 00:00 in Điện Biên: 10 days before the due instant
                Instant.parse("2031-06-12T17:00:00Z"), // 3 days before
                DUE);
        scenario.clockAt(LocalDateTime.of(2031, 6, 6, 0, 0));
        assertThat(scenario.executeDueJobs(stc)).isEqualTo(1);
        assertThat(reportNotices(campaign, "STC", "PLAN_REMINDER")).singleElement().satisfies(n -> assertThat(n.subject())
                .contains("báo cáo sơ kết thi đua 6 tháng đầu năm 2031").contains("còn 10 ngày"));

        scenario.clockAt(LocalDateTime.of(2031, 6, 15, 23, 59));
        scenario.executeDueJobs(stc);
        assertThat(scenario.task(stc, URGE)).as("15/6 is still within the due day").isNull();

        scenario.clockAt(LocalDateTime.of(2031, 6, 16, 0, 0));
        scenario.executeDueJobs(stc);
        Task urge = scenario.task(stc, URGE);
        assertThat(urge.getName()).isEqualTo("Đôn đốc gửi báo cáo 6 tháng 2031: Sở Tài chính");
        scenario.completeAs("bantdkt", urge, Map.of("urgeMethod", "DIEN_THOAI",
                "urgeNote", "Đã gọi điện đề nghị gửi báo cáo 6 tháng trước 20/6/2031."));
        assertThat(reportNotices(campaign, "STC", "PLAN_URGED")).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("chưa gửi báo cáo đúng hạn"));

        scenario.clockAt(LocalDateTime.of(2031, 6, 19, 10, 0));
        scenario.sendPlan("canbo.stc", scenario.task(stc, SUBMIT), "45/BC-STC");

        assertThat(runtimeService.getVariable(stc.getId(), "sentLate")).isEqualTo(true);
        assertThat(scenario.task(stc, REVIEW).getName()).isEqualTo("Thẩm định báo cáo 6 tháng 2031: Sở Tài chính");
        var row = row(round.id(), "STC");
        assertThat(row.status()).isEqualTo(PlanProgressStatus.SENT_LATE);
        assertThat(row.urgedAt()).isEqualTo(DUE);
        assertThat(records.record(planId(stc))).satisfies(r -> {
            assertThat(r.roundKind()).isEqualTo(ReportKind.SIX_MONTH_REPORT);
            assertThat(r.roundDocument()).isEqualTo("báo cáo");
            assertThat(r.deadline()).isEqualTo(DUE);
            assertThat(r.onTime()).isFalse();
        });
    }

    @Test
    void theBoardReturnsAReportForRevisionTheUnitResendsAndTheBoardAccepts() {
        Campaign campaign = scenario.openCampaign(List.of());
        scenario.clockAt(LocalDateTime.of(2031, 5, 4, 8, 0));
        var round = scenario.declareRound(campaign, ReportKind.SIX_MONTH_REPORT, 2031, null, null);
        ProcessInstance hdb = scenario.reportCaseOf(campaign, SIX_MONTH_2031, "HDB");

        scenario.clockAt(LocalDateTime.of(2031, 6, 10, 8, 0));
        scenario.sendPlan("canbo.hdb", scenario.task(hdb, SUBMIT), "12/BC-UBND");
        scenario.completeAs("bantdkt", scenario.task(hdb, REVIEW), Map.of("reviewDecision", "RETURN",
                "reviewReason", "Bổ sung số liệu khen thưởng 6 tháng."));

        Task revise = scenario.task(hdb, REVISE);
        assertThat(revise.getName()).isEqualTo("Chỉnh sửa và gửi lại báo cáo 6 tháng 2031");
        assertThat(row(round.id(), "HDB").status()).isEqualTo(PlanProgressStatus.RETURNED);
        assertThat(reportNotices(campaign, "HDB", "PLAN_RETURNED")).singleElement()
                .satisfies(n -> assertThat(n.subject()).startsWith("Báo cáo sơ kết thi đua 6 tháng đầu năm 2031 bị trả lại"));

        scenario.clockAt(LocalDateTime.of(2031, 6, 20, 8, 0));
        scenario.sendPlan("canbo.hdb", revise, "12/BC-UBND (bổ sung)");
        scenario.completeAs("bantdkt", scenario.task(hdb, REVIEW), Map.of("reviewDecision", "ACCEPT"));

        assertThat(hdb).isEnded().hasPassed("EndEvent_Accepted");
        var record = records.record(planId(hdb));
        assertThat(record.sendings()).extracting(LaunchPlanRecords.Sending::planNumber)
                .containsExactly("12/BC-UBND", "12/BC-UBND (bổ sung)");
        assertThat(record.onTime()).as("the first sending decides").isTrue();
        assertThat(row(round.id(), "HDB").status()).isEqualTo(PlanProgressStatus.ACCEPTED);
        assertThat(reportNotices(campaign, "HDB", "PLAN_ACCEPTED")).hasSize(1);
    }

    @Test
    void theProgressBoardCountsEveryUnitOfTheRoundByStatus() {
        Campaign campaign = scenario.openCampaign(List.of());
        scenario.clockAt(LocalDateTime.of(2031, 9, 1, 8, 0));
        var round = scenario.declareRound(campaign, ReportKind.YEARLY_REPORT, 2031, null, null);
        assertThat(round.dueDate()).as("tdkt.reporting.yearly-report-due").isEqualTo(LocalDate.of(2031, 11, 15));
        String key = "BCN-2031";

        scenario.clockAt(LocalDateTime.of(2031, 11, 10, 8, 0));
        scenario.sendPlan("canbo.syt", scenario.task(scenario.reportCaseOf(campaign, key, "SYT"), SUBMIT), "1/BC-SYT");
        ProcessInstance stp = scenario.reportCaseOf(campaign, key, "STP");
        scenario.sendPlan("canbo.stp", scenario.task(stp, SUBMIT), "1/BC-STP");
        scenario.completeAs("bantdkt", scenario.task(stp, REVIEW), Map.of("reviewDecision", "ACCEPT"));
        ProcessInstance sct = scenario.reportCaseOf(campaign, key, "SCT");
        scenario.sendPlan("canbo.sct", scenario.task(sct, SUBMIT), "1/BC-SCT");
        scenario.completeAs("bantdkt", scenario.task(sct, REVIEW), Map.of("reviewDecision", "RETURN",
                "reviewReason", "Thiếu phụ lục số liệu."));
        scenario.clockAt(LocalDateTime.of(2031, 11, 16, 0, 0));
        scenario.sendPlan("canbo.stc", scenario.task(scenario.reportCaseOf(campaign, key, "STC"), SUBMIT), "1/BC-STC");

        var board = progress.roundBoard(round.id());
        assertThat(board.countsByLabel()).containsEntry("chưa gửi", 42L).containsEntry("gửi đúng hạn", 1L)
                .containsEntry("gửi muộn", 1L).containsEntry("bị trả lại", 1L).containsEntry("đã tiếp nhận", 1L);
        assertThat(board.units()).isEqualTo(46);
        assertThat(board.roundTitle()).isEqualTo("Báo cáo tổng kết thi đua, khen thưởng năm 2031");
        assertThat(progress.board(campaign.getId()).counts().get(PlanProgressStatus.NOT_SENT))
                .as("the launch-plan board is untouched").isEqualTo(46);
    }

    @Test
    void aUnitCannotSendAnotherUnitsReport() {
        Campaign campaign = scenario.openCampaign(List.of());
        scenario.clockAt(LocalDateTime.of(2031, 5, 4, 8, 0));
        scenario.declareRound(campaign, ReportKind.SIX_MONTH_REPORT, 2031, null, null);
        ProcessInstance stc = scenario.reportCaseOf(campaign, SIX_MONTH_2031, "STC");
        Task stcTask = scenario.task(stc, SUBMIT);

        assertThatThrownBy(() -> scenario.sendPlan("canbo.syt", stcTask, "9/BC-SYT"))
                .isInstanceOf(AuthorizationException.class);
        Long stcReport = planId(stc);
        var sending = new LaunchPlanService.PlanSending("9/BC-SYT", "2031-05-01", "Báo cáo", 1L);
        assertThatThrownBy(() -> service.recordSubmission(stcReport, sending,
                new CurrentUser("canbo.syt", scenario.groupsOf("canbo.syt"))))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("chỉ gửi được báo cáo sơ kết thi đua 6 tháng đầu năm 2031 của đơn vị mình");
        assertThat(records.record(stcReport).sendings()).isEmpty();
    }

    @Test
    void aClosedRoundWaitsNoLongerAndTakesNoMoreSendings() {
        Campaign campaign = scenario.openCampaign(List.of());
        scenario.clockAt(LocalDateTime.of(2031, 5, 4, 8, 0));
        var round = scenario.declareRound(campaign, ReportKind.OTHER, 2031,
                "Báo cáo chuyên đề phong trào thi đua xây dựng nông thôn mới", "2031-05-31");
        assertThat(round.title()).isEqualTo("Báo cáo chuyên đề phong trào thi đua xây dựng nông thôn mới");
        String key = "BC-" + round.id();
        ProcessInstance syt = scenario.reportCaseOf(campaign, key, "SYT");
        ProcessInstance stc = scenario.reportCaseOf(campaign, key, "STC");
        assertThat(scenario.task(stc, SUBMIT).getName())
                .isEqualTo("Lập và gửi báo cáo chuyên đề phong trào thi đua xây dựng nông thôn mới");
        scenario.clockAt(LocalDateTime.of(2031, 5, 20, 8, 0));
        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "3/BC-SYT");
        Long stcReport = planId(stc);

        CurrentUser board = new CurrentUser("bantdkt", scenario.groupsOf("bantdkt"));
        assertThatThrownBy(() -> rounds.close(round.id(), new CurrentUser("canbo.syt", scenario.groupsOf("canbo.syt"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("Chỉ Ban Thi đua – Khen thưởng");
        var closed = rounds.close(round.id(), board);

        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(stc).as("the case of a unit that never sent ends").isEnded();
        assertThat(row(round.id(), "STC").status()).isEqualTo(PlanProgressStatus.NOT_SENT);
        var sending = new LaunchPlanService.PlanSending("5/BC-STC", "2031-05-01", "Báo cáo", 1L);
        assertThatThrownBy(() -> service.recordSubmission(stcReport, sending,
                new CurrentUser("canbo.stc", scenario.groupsOf("canbo.stc"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("đã kết thúc; không nhận thêm báo cáo");
        Task review = scenario.task(syt, REVIEW);
        assertThatThrownBy(() -> scenario.completeAs("bantdkt", review, Map.of("reviewDecision", "RETURN",
                "reviewReason", "Bổ sung.")))
                .isInstanceOf(ApiException.class).hasMessageContaining("chỉ tiếp nhận");
        scenario.completeAs("bantdkt", scenario.task(syt, REVIEW), Map.of("reviewDecision", "ACCEPT"));
        assertThat(row(round.id(), "SYT").status()).isEqualTo(PlanProgressStatus.ACCEPTED);
        assertThatThrownBy(() -> rounds.close(round.id(), board)).isInstanceOf(ApiException.class)
                .hasMessageContaining("đã kết thúc từ trước");
        assertThatThrownBy(() -> progress.roundBoard(-1L)).isInstanceOf(ApiException.class)
                .hasMessageContaining("Không tìm thấy đợt báo cáo");
    }

    @Test
    void theSameReportCannotBeDeclaredTwiceAndItsDueDateMustLieAhead() {
        Campaign campaign = scenario.openCampaign(List.of());
        scenario.clockAt(LocalDateTime.of(2031, 5, 4, 8, 0));
        scenario.declareRound(campaign, ReportKind.SIX_MONTH_REPORT, 2031, null, "2031-06-30");

        assertThatThrownBy(() -> scenario.declareRound(campaign, ReportKind.SIX_MONTH_REPORT, 2031, null, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("đã có đợt báo cáo sơ kết");
        assertThatThrownBy(() -> scenario.declareRound(campaign, ReportKind.YEARLY_REPORT, 2031, null, "2031-05-04"))
                .isInstanceOf(ApiException.class).hasMessageContaining("hạn gửi phải sau ngày hôm nay (04/05/2031)");
        assertThatThrownBy(() -> scenario.declareRound(campaign, ReportKind.LAUNCH_PLAN, 2031, null, "2031-07-01"))
                .isInstanceOf(ApiException.class).hasMessageContaining("được giao khi mở đợt thi đua");
        assertThatThrownBy(() -> scenario.declareRound(campaign, ReportKind.YEARLY_REPORT, 2040, null, "2040-11-15"))
                .isInstanceOf(ApiException.class).hasMessageContaining("năm báo cáo phải trong giai đoạn 2031–2035");
        assertThat(rounds.ofCampaign(campaign.getId())).hasSize(2);
    }

    private LaunchPlanProgress.UnitRow row(Long roundId, String unitCode) {
        return progress.roundBoard(roundId).rows().stream().filter(r -> r.unitCode().equals(unitCode)).findFirst()
                .orElseThrow();
    }

    /** The plan the case is about: the record that names the case (its start values are in no history table). */
    private Long planId(ProcessInstance instance) {
        return plans.findByProcessInstanceId(instance.getId()).orElseThrow().getId();
    }

    /** The unit's notices of this kind about a periodic report of the campaign (the launch plan's say "kế hoạch"). */
    private List<NotificationView> reportNotices(Campaign campaign, String unitCode, String kind) {
        return notifications.forUnit(units.findByCode(unitCode).orElseThrow().getId()).stream()
                .filter(n -> n.kind().equals(kind) && n.subject().toLowerCase().contains("báo cáo")
                        && n.subject().contains("(" + campaign.getCode() + ")"))
                .toList();
    }
}
