package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;

/** What each role group may do with launch-plan cases, checked by the engine's authorizations. */
@WorkflowTest
class RoleAccessTest {

    @Autowired LaunchPlanScenario scenario;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired AuthorizationService authorizationService;

    @Test
    void auditorsReadHistoryButNeitherRuntimeStateNorTasks() {
        Campaign campaign = scenario.openCampaign(List.of());
        var syt = scenario.caseOf(campaign, "SYT");
        scenario.clockAt(LocalDateTime.of(2031, 3, 3, 8, 0));
        scenario.sendPlan("canbo.syt", scenario.task(syt, "Task_SubmitPlan"), "9/KH-SYT");
        var review = scenario.task(syt, "Task_ReviewPlan");

        identityService.setAuthentication("kiemtoan", scenario.groupsOf("kiemtoan"));
        long history = historyService.createHistoricProcessInstanceQuery().processInstanceId(syt.getId()).count();
        long historicTasks = historyService.createHistoricTaskInstanceQuery().processInstanceId(syt.getId()).count();
        long runtime = runtimeService.createProcessInstanceQuery().processInstanceId(syt.getId()).count();
        long tasks = taskService.createTaskQuery().processInstanceId(syt.getId()).count();
        identityService.clearAuthentication();

        assertThat(history).isEqualTo(1);
        assertThat(historicTasks).isEqualTo(2);
        assertThat(runtime).isZero();
        assertThat(tasks).isZero();
        assertThatThrownBy(() -> scenario.completeAs("kiemtoan", review, Map.of("reviewDecision", "ACCEPT")))
                .isInstanceOf(AuthorizationException.class);
    }

    /**
     * The engine's historic task grants are left out where the group reads the case's history anyway (issue 12):
     * the Board's review and the unit's revision leave no act_ru_authorization row after the case, and the unit and
     * the Board still read every historic task of the finished case; the auditors as before.
     */
    @Test
    void historicTaskGrantsArePiledUpOnlyWhereTheyAreTheGroupsOnlyWayIntoTheCase() {
        Campaign campaign = scenario.openCampaign(List.of());
        var syt = scenario.caseOf(campaign, "SYT");
        scenario.clockAt(LocalDateTime.of(2031, 3, 3, 8, 0));
        scenario.sendPlan("canbo.syt", scenario.task(syt, "Task_SubmitPlan"), "9/KH-SYT");
        scenario.completeAs("bantdkt", scenario.task(syt, "Task_ReviewPlan"), Map.of("reviewDecision", "RETURN",
                "reviewReason", "Bổ sung chỉ tiêu."));
        scenario.sendPlan("canbo.syt", scenario.task(syt, "Task_RevisePlan"), "9/KH-SYT (sửa đổi)");
        scenario.completeAs("bantdkt", scenario.task(syt, "Task_ReviewPlan"), Map.of("reviewDecision", "ACCEPT"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(syt.getId()).finished()
                .count()).as("the case has ended").isEqualTo(1);
        List<String> taskIds = historyService.createHistoricTaskInstanceQuery().processInstanceId(syt.getId()).list()
                .stream().map(t -> t.getId()).toList();
        assertThat(taskIds).hasSize(4);

        List<String> grantedGroups = taskIds.stream().flatMap(id -> authorizationService.createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_TASK).resourceId(id).list().stream()).map(a -> a.getGroupId())
                .toList();
        assertThat(grantedGroups).as("historic task grants left after the case").doesNotContain("ban-tdkt")
                .containsOnlyOnce("donvi.syt");
        for (String reader : List.of("canbo.syt", "bantdkt", "kiemtoan")) {
            identityService.setAuthentication(reader, scenario.groupsOf(reader));
            long seen = historyService.createHistoricTaskInstanceQuery().processInstanceId(syt.getId()).count();
            identityService.clearAuthentication();
            assertThat(seen).as("historic tasks of the finished case %s reads", reader).isEqualTo(4);
        }
        identityService.setAuthentication("canbo.dbp", scenario.groupsOf("canbo.dbp"));
        long otherUnit = historyService.createHistoricTaskInstanceQuery().processInstanceId(syt.getId()).count();
        identityService.clearAuthentication();
        assertThat(otherUnit).as("another unit").isZero();
    }

    @Test
    void onlyAdministratorsMayDeploy() {
        assertThat(authorizationService.isUserAuthorized("admin", scenario.groupsOf("admin"), Permissions.CREATE,
                Resources.DEPLOYMENT)).isTrue();
        for (String user : List.of("bantdkt", "canbo.syt", "kiemtoan", "chutich", "mttq.giamsat")) {
            assertThat(authorizationService.isUserAuthorized(user, scenario.groupsOf(user), Permissions.CREATE,
                    Resources.DEPLOYMENT)).as(user).isFalse();
        }
    }

    @Test
    void registryRolesBecomeCamundaGroups() {
        assertThat(scenario.groupsOf("truongban.tdkt")).contains("donvi.snv", "ban-tdkt", "lanh-dao-ban-tdkt");
        assertThat(scenario.groupsOf("chutich")).contains("chu-tich-ubnd", "hoi-dong-tdkt", "donvi.vpubnd");
        assertThat(scenario.groupsOf("mttq.giamsat")).contains("mttq-giam-sat").doesNotContain("donvi.mttq");
        assertThat(scenario.groupsOf("kiemtoan")).containsExactly("kiem-tra");
        assertThat(scenario.groupsOf("canbo.dbp")).containsExactly("donvi.dbp");
        assertThat(scenario.groupsOf("lanhdao.dbp")).containsExactlyInAnyOrder("donvi.dbp", "thutruong.dbp");
        var hang = identityService.createUserQuery().userId("bantdkt").singleResult();
        assertThat(hang.getFirstName() + " " + hang.getLastName())
                .as("family and middle names first, as the webapps show them").isEqualTo("Phạm Thị Hằng");
    }
}
