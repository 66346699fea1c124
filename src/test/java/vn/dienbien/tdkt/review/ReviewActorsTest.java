package vn.dienbien.tdkt.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * A review case acts on its own report only, the Board finalises it and the Chairman approves it,
 * each in the report's status; pointing the case at another report is refused.
 */
@WorkflowTest
class ReviewActorsTest {

    @Autowired CampaignReviews reviews;
    @Autowired CampaignService campaigns;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    @Test
    void theBoardFinalisesAndTheChairmanApprovesOnlyTheCasesOwnReport() {
        Campaign a = campaign(2091);
        Campaign b = campaign(2096);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2093, 11, 1, 8, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
        Long own = reviews.start(a.getId(), "MID_TERM", "bantdkt");
        Long other = reviews.start(b.getId(), "MID_TERM", "bantdkt");
        Task finalise = task(own, "Task_Finalise");

        assertThat(refusal(() -> complete("bantdkt", finalise, Map.of("reportNarrative", "Báo cáo của đợt khác.",
                "reportId", other))).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> complete("admin", finalise, Map.of("reportNarrative", "Quản trị viên hoàn thiện.")))
                .status()).as("the administrator is not the Board").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> complete("bantdkt", finalise, Map.of("reportNarrative", "x".repeat(8001)))).status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reviews.view(other).narrative()).as("the other report is untouched").isNull();
        assertThat(reviews.view(own).status()).isEqualTo("DRAFT");
        assertThat(task(own, "Task_Finalise").getId()).as("a refused completion leaves the task open").isEqualTo(finalise.getId());
        assertThat(finalise.getName()).as("the diagram's fixed name and the case's report")
                .isEqualTo("Hoàn thiện báo cáo: Sơ kết " + a.getCode() + " năm 2093");

        complete("bantdkt", finalise, Map.of("reportNarrative", "Phong trào được triển khai rộng khắp."));
        assertThat(reviews.view(own).status()).isEqualTo("SUBMITTED");
        Task approve = task(own, "Task_Approve");
        assertThat(refusal(() -> complete("chutich", approve, Map.of("reviewDecision", "APPROVE", "reportId", other)))
                .status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> complete("admin", approve, Map.of("reviewDecision", "APPROVE"))).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(task(own, "Task_Approve").getId()).as("a refused approval leaves the task open").isEqualTo(approve.getId());
        assertThat(approve.getName()).isEqualTo("Phê duyệt báo cáo: Sơ kết " + a.getCode() + " năm 2093");
        complete("chutich", approve, Map.of("reviewDecision", "APPROVE"));

        assertThat(reviews.view(own).status()).isEqualTo("APPROVED");
        assertThat(reviews.view(own).approvedBy()).isEqualTo("chutich");
        assertThat(reviews.view(other).status()).isEqualTo("DRAFT");
        assertThat(refusal(() -> reviews.finalise(own, "Sửa sau khi đã phê duyệt.", null, user("bantdkt"))).status())
                .as("an approved report is not finalised again").isEqualTo(HttpStatus.CONFLICT);
        assertThat(refusal(() -> reviews.decide(other, "APPROVE", null, user("chutich"))).status())
                .as("a draft is not approved").isEqualTo(HttpStatus.CONFLICT);
    }

    private Campaign campaign(int from) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(from, 2, 10, 8, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
        return campaigns.create(new CampaignService.NewCampaign("BC-" + from + "-" + System.nanoTime() % 100000 + "/KH",
                "Đợt thi đua kiểm thử báo cáo", LocalDate.of(from, 2, 1), from, from + 4, LocalDateTime.of(from, 3, 30, 0, 0),
                "Asia/Ho_Chi_Minh", List.of(), from + 2, from + 4, false));
    }

    private Task task(Long reportId, String key) {
        return taskService.createTaskQuery().processVariableValueEquals("reportId", reportId).taskDefinitionKey(key)
                .singleResult();
    }

    private void complete(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    private static ApiException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        Throwable t = thrown;
        while (t != null && !(t instanceof ApiException)) {
            t = t.getCause();
        }
        assertThat(t).as("refused by our services, got: " + thrown).isInstanceOf(ApiException.class);
        return (ApiException) t;
    }
}
