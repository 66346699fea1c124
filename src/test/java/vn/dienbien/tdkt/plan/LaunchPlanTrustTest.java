package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Tried as a hostile user would: a launch-plan step acts on the plan of its own case whatever the
 * variables say, only by the people whose step it is, and only with the unit's own document.
 */
@WorkflowTest
class LaunchPlanTrustTest {

    private static final String SUBMIT = "Task_SubmitPlan";
    private static final String REVIEW = "Task_ReviewPlan";

    @Autowired LaunchPlanScenario scenario;
    @Autowired LaunchPlanService service;
    @Autowired LaunchPlanRepository plans;
    @Autowired LaunchPlanRecords records;
    @Autowired RuntimeService runtimeService;

    private LaunchPlan planOf(ProcessInstance instance) {
        return plans.findByProcessInstanceId(instance.getId()).orElseThrow();
    }

    private CurrentUser user(String userId) {
        return new CurrentUser(userId, scenario.groupsOf(userId));
    }

    private static void assertRefused(Runnable step, HttpStatus status, String message) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void anOfficerNamingAnotherUnitsPlanSendsOnlyTheirOwn() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        ProcessInstance stc = scenario.caseOf(campaign, "STC");
        scenario.clockAt(LocalDateTime.of(2031, 3, 2, 9, 0));
        Long document = scenario.upload("canbo.syt", "25-KH-SYT.pdf").id();

        scenario.completeAs("canbo.syt", scenario.task(syt, SUBMIT), Map.of("launchPlanId", planOf(stc).getId(),
                "planNumber", "25/KH-SYT", "planDate", "2031-02-20", "planSummary", "Kế hoạch của Sở Y tế.",
                "planDocumentId", document));

        assertThat(planOf(stc).getStatus()).isEqualTo(LaunchPlanStatus.NOT_SENT);
        assertThat(records.record(planOf(stc).getId()).sendings()).isEmpty();
        assertThat(scenario.task(stc, SUBMIT)).as("the other unit still has its task").isNotNull();
        assertThat(planOf(syt).getStatus()).isEqualTo(LaunchPlanStatus.SENT);
        assertThat(planOf(syt).getPlanNumber()).isEqualTo("25/KH-SYT");
    }

    @Test
    void theBoardNamingAnotherPlanReviewsOnlyTheCasesOwn() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        ProcessInstance stc = scenario.caseOf(campaign, "STC");
        scenario.clockAt(LocalDateTime.of(2031, 3, 2, 9, 0));
        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "25/KH-SYT");
        scenario.sendPlan("canbo.stc", scenario.task(stc, SUBMIT), "30/KH-STC");

        scenario.completeAs("bantdkt", scenario.task(syt, REVIEW), Map.of("launchPlanId", planOf(stc).getId(),
                "reviewDecision", "ACCEPT"));

        assertThat(planOf(syt).getStatus()).isEqualTo(LaunchPlanStatus.ACCEPTED);
        assertThat(planOf(stc).getStatus()).isEqualTo(LaunchPlanStatus.SENT);
        assertThat(scenario.task(stc, REVIEW)).isNotNull();
    }

    @Test
    void onlyTheBoardReviewsEvenAnAdministratorWhoMayCompleteAnyTask() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        scenario.clockAt(LocalDateTime.of(2031, 3, 2, 9, 0));
        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "25/KH-SYT");

        assertRefused(() -> scenario.completeAs("admin", scenario.task(syt, REVIEW), Map.of("reviewDecision", "ACCEPT")),
                HttpStatus.FORBIDDEN, "Chỉ Ban Thi đua – Khen thưởng thẩm định kế hoạch");

        assertThat(planOf(syt).getStatus()).isEqualTo(LaunchPlanStatus.SENT);
        assertThat(scenario.task(syt, REVIEW)).isNotNull();
    }

    @Test
    void aPlanIsSentOnlyByItsOwnUnitAndOnlyWhileItCanBeSent() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        scenario.clockAt(LocalDateTime.of(2031, 3, 2, 9, 0));
        Long planId = planOf(syt).getId();
        var sending = new LaunchPlanService.PlanSending("1/KH-STC", "2031-02-20", "Nội dung",
                scenario.upload("canbo.stc", "1-KH-STC.pdf").id());

        assertRefused(() -> service.recordSubmission(planId, sending, user("canbo.stc")), HttpStatus.FORBIDDEN,
                "chỉ gửi được kế hoạch phát động của đơn vị mình");
        assertRefused(() -> service.recordSubmission(planId, sending, null), HttpStatus.FORBIDDEN,
                "chỉ gửi được kế hoạch phát động của đơn vị mình");
        assertThat(planOf(syt).getStatus()).isEqualTo(LaunchPlanStatus.NOT_SENT);

        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "25/KH-SYT");
        var again = new LaunchPlanService.PlanSending("26/KH-SYT", "2031-02-21", "Nội dung khác",
                planOf(syt).getDocumentId());
        assertRefused(() -> service.recordSubmission(planId, again, user("canbo.syt")), HttpStatus.CONFLICT,
                "chỉ gửi được khi chưa gửi hoặc bị trả lại");
        assertThat(planOf(syt).getPlanNumber()).isEqualTo("25/KH-SYT");
    }

    @Test
    void aPlanCannotBeSentWithAnotherUnitsDocumentOrOneThatDoesNotExist() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        scenario.clockAt(LocalDateTime.of(2031, 3, 2, 9, 0));
        Long otherUnitsDocument = scenario.upload("canbo.stc", "ke-hoach-so-tai-chinh.pdf").id();

        assertRefused(() -> scenario.completeAs("canbo.syt", scenario.task(syt, SUBMIT), Map.of("planNumber", "25/KH-SYT",
                "planDate", "2031-02-20", "planSummary", "Kế hoạch.", "planDocumentId", otherUnitsDocument)),
                HttpStatus.FORBIDDEN, "Chỉ đính kèm được văn bản do chính đơn vị mình tải lên");
        assertRefused(() -> scenario.completeAs("canbo.syt", scenario.task(syt, SUBMIT), Map.of("planNumber", "25/KH-SYT",
                "planDate", "2031-02-20", "planSummary", "Kế hoạch.", "planDocumentId", 987654321L)),
                HttpStatus.NOT_FOUND, "Không tìm thấy văn bản số 987654321");

        assertThat(planOf(syt).getStatus()).isEqualTo(LaunchPlanStatus.NOT_SENT);
        assertThat(scenario.task(syt, SUBMIT)).isNotNull();
    }

    @Test
    void onlyTheBoardUrgesAndOnlyAUnitThatHasNotSent() {
        Campaign campaign = scenario.openCampaign(List.of());
        ProcessInstance stc = scenario.caseOf(campaign, "STC");
        Long planId = planOf(stc).getId();

        assertRefused(() -> service.recordUrging(planId, "CONG_VAN", "Đề nghị gửi.", user("canbo.syt")),
                HttpStatus.FORBIDDEN, "Chỉ Ban Thi đua – Khen thưởng đôn đốc");
        assertRefused(() -> service.recordUrging(planId, "BO_CAU", "Đề nghị gửi.", user("bantdkt")),
                HttpStatus.BAD_REQUEST, "Hình thức đôn đốc không hợp lệ");
        assertRefused(() -> service.recordUrging(planId, "CONG_VAN", "x".repeat(3901), user("bantdkt")),
                HttpStatus.BAD_REQUEST, "dài quá 3900 ký tự");

        scenario.clockAt(LocalDateTime.of(2031, 4, 1, 9, 0));
        scenario.sendPlan("canbo.stc", scenario.task(stc, SUBMIT), "30/KH-STC");
        assertRefused(() -> service.recordUrging(planId, "CONG_VAN", "Đề nghị gửi.", user("bantdkt")),
                HttpStatus.CONFLICT, "không cần đôn đốc");
        assertThat(records.record(planId).urgings()).isEmpty();
    }

    @Test
    void aPlanIsLinkedToOneCaseOnly() {
        Campaign campaign = scenario.openCampaign(List.of());
        Long sytPlan = planOf(scenario.caseOf(campaign, "SYT")).getId();

        assertRefused(() -> runtimeService.startProcessInstanceByKey("launch-plan", Map.of("launchPlanId", sytPlan,
                "campaignCode", campaign.getCode(), "unitGroup", "donvi.stc", "unitName", "Giả mạo",
                "deadline", java.util.Date.from(campaign.getLaunchPlanDeadline()))),
                HttpStatus.CONFLICT, "đã có hồ sơ công việc");
        assertThat(planOf(scenario.caseOf(campaign, "SYT")).getId()).isEqualTo(sytPlan);
    }
}
