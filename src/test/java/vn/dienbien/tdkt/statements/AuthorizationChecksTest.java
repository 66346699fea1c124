package vn.dienbien.tdkt.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * The engine's authorization checks answer as before without reading every group id of the authorization table
 * in each command (issue 12; organization's AuthorizedGroupsWithoutScan): the statements a check and a Tasklist
 * query send hold no {@code select distinct … GROUP_ID_ from ACT_RU_AUTHORIZATION}, and a group without any
 * authorization among a person's groups changes no answer. A plain check is one plain read of the grants
 * (organization's GrantLookup), not the engine's CASE query.
 */
@WorkflowTest
@Import(StatementCounter.Wrapping.class)
class AuthorizationChecksTest {

    @Autowired AuthorizationService authorizationService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void checksAnswerAsTheEnginesWithoutScanningTheAuthorizationTableForGroups() {
        List<String> admin = groupsOf("admin");
        List<String> unit = groupsOf("canbo.syt");
        List<String> unitWithAGroupWithoutGrants = new ArrayList<>(unit);
        unitWithAGroupWithoutGrants.add("nhom-chua-co-quyen");

        StatementCounter.start();
        boolean adminDeploys = authorizationService.isUserAuthorized("admin", admin, Permissions.CREATE,
                Resources.DEPLOYMENT);
        boolean unitDeploys = authorizationService.isUserAuthorized("canbo.syt", unitWithAGroupWithoutGrants,
                Permissions.CREATE, Resources.DEPLOYMENT);
        boolean unitReadsItsTasks = authorizationService.isUserAuthorized("canbo.syt", unitWithAGroupWithoutGrants,
                Permissions.READ, Resources.TASK, "*");
        identityService.setAuthentication("bantdkt", groupsOf("bantdkt"));
        taskService.createTaskQuery().taskCandidateGroup("ban-tdkt").orderByDueDate().asc().listPage(0, 15);
        identityService.clearAuthentication();
        List<String> statements = StatementCounter.stop();

        assertThat(adminDeploys).as("the administrator deploys").isTrue();
        assertThat(unitDeploys).as("a unit's officer, with a group that has no grant, does not deploy").isFalse();
        assertThat(unitReadsItsTasks).as("no grant on every task for a unit").isFalse();
        assertThat(statements).as("statements of three checks and a task list").isNotEmpty()
                .noneMatch(sql -> sql.toLowerCase(Locale.ROOT).matches(
                        "select\\s+distinct\\s*\\(?\\s*a\\.group_id_.*from\\s+act_ru_authorization.*"));
        assertThat(statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains("act_ru_authorization")))
                .as("the checks still ask the authorization table").isNotEmpty();
        // The three checks are read plainly (organization's GrantLookup), not by the engine's CASE query; each is
        // its command's first, so it asks for revokes in the same statement, not in one of its own.
        assertThat(statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT)
                .startsWith("select type_, resource_type_, resource_id_, perms_ from act_ru_authorization")))
                .as("plain grant reads").hasSize(3);
        assertThat(statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT)
                .startsWith("select id_ from act_ru_authorization where type_ = 2")))
                .as("a revoke test of its own only for the task list, a query (its command has no check first)")
                .hasSize(1);
        assertThat(statements).as("no CASE query of the engine's check")
                .noneMatch(sql -> sql.toLowerCase(Locale.ROOT).matches("(?s).*\\bcase\\s+when\\b.*\\bperms_.*"));
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
