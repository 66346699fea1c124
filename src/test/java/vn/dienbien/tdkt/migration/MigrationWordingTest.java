package vn.dienbien.tdkt.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** How the page names steps and tells the engine's refusals: Vietnamese, never the engine's words. */
class MigrationWordingTest {

    @Test
    void expressionsInAStepsNameAreShownAsAnEllipsis() {
        assertThat(ActivityNames.readable("Thẩm định ${roundLabel}: ${unitName}", "Task_ReviewPlan"))
                .isEqualTo("Thẩm định …");
        assertThat(ActivityNames.readable("Chỉnh sửa và gửi lại ${roundLabel}", "Task_RevisePlan"))
                .isEqualTo("Chỉnh sửa và gửi lại …");
        assertThat(ActivityNames.readable("Hết hạn gửi", "Timer_Deadline")).isEqualTo("Hết hạn gửi");
        assertThat(ActivityNames.readable(null, "Gateway_Fork")).isEqualTo("Gateway_Fork");
        assertThat(ActivityNames.readable("${x}", "Task_X")).isEqualTo("…");
    }

    @Test
    void aCaseCanWaitInTasksTimersAndSubprocessesNotInGatewaysOrServiceSteps() {
        var model = Bpmn.createExecutableProcess("p").startEvent("start").userTask("task").name("Việc ${a}")
                .intermediateCatchEvent("timer").timerWithDuration("PT1H").serviceTask("auto")
                .camundaExpression("${true}").exclusiveGateway("gw").endEvent("end").done();
        ActivityNames names = new ActivityNames(model);
        assertThat(names.waitStates()).containsExactlyInAnyOrder("task", "timer");
        assertThat(names.name("task")).isEqualTo("Việc …");
        assertThat(names.name("task#multiInstanceBody")).isEqualTo("Việc …");
        assertThat(names.contains("task#multiInstanceBody")).isTrue();
        assertThat(names.contains("khong-co")).isFalse();
    }

    @Test
    void theEnginesReasonsAreToldInVietnamese() {
        assertThat(MigrationReports.reason("Activities have incompatible types (UserTaskActivityBehavior is not "
                + "compatible with ServiceTaskActivityBehavior)")).isEqualTo("hai bước khác loại, hoặc loại bước này "
                        + "không chuyển được");
        assertThat(MigrationReports.reason("There are multiple mappings for source activity id 'a'"))
                .isEqualTo("một bước chỉ được ánh xạ tới một bước của phiên bản mới");
        assertThat(MigrationReports.reason("The closest mapped ancestor 'sub' is mapped to scope 'p' which is not"
                + " an ancestor of target scope 'x'")).isEqualTo("bước mới phải nằm trong quy trình con tương ứng"
                        + " với bước cũ");
        assertThat(MigrationReports.reason("something new")).isEqualTo("phiên bản mới không có bước tương ứng phù hợp");
        assertThat(MigrationReports.reason(null)).doesNotContain("null");
    }
}
