package vn.dienbien.tdkt.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * The plain authorization read ({@link GrantLookup}, issue 12) answers every check exactly as the engine's own
 * query: user, group and global grants, a grant on '*' or on the resource's id, a grant of some of a permission's
 * bits, a grant to another user or to "every user", several checks of which any may grant — and, once a REVOKE
 * applies to the person, the engine's query is asked and the revoke wins.
 */
@WorkflowTest
class GrantLookupTest {

    private static final String USER = "nguoi-thu-quyen";
    private static final List<String> GROUPS = List.of("nhom-thu-a", "nhom-thu-b");
    private static final List<Resource> RESOURCES = List.of(Resources.PROCESS_DEFINITION, Resources.TASK,
            Resources.DEPLOYMENT, Resources.HISTORIC_PROCESS_INSTANCE);
    private static final List<String> IDS = Arrays.asList("quy-trinh-a", "quy-trinh-b", "viec-1", "trien-khai-x",
            "ca-2", "*", null);
    private static final List<Permission> PERMISSIONS = List.of(Permissions.READ, Permissions.UPDATE,
            Permissions.TASK_WORK, Permissions.READ_HISTORY, Permissions.DELETE, Permissions.ALL,
            HistoricProcessInstancePermissions.READ, HistoricProcessInstancePermissions.ALL);

    @Autowired AuthorizationService authorizationService;
    @Autowired ProcessEngine engine;

    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void grants() {
        grant(Authorization.AUTH_TYPE_GRANT, USER, null, Resources.PROCESS_DEFINITION, "quy-trinh-a",
                Permissions.READ, Permissions.UPDATE);
        grant(Authorization.AUTH_TYPE_GRANT, null, "nhom-thu-a", Resources.TASK, "*", Permissions.READ);
        grant(Authorization.AUTH_TYPE_GRANT, null, "nhom-thu-b", Resources.PROCESS_DEFINITION, "*",
                Permissions.READ_HISTORY);
        grant(Authorization.AUTH_TYPE_GRANT, null, "nhom-thu-b", Resources.TASK, "viec-1", Permissions.TASK_WORK);
        grant(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.DEPLOYMENT, "trien-khai-x", Permissions.READ);
        grant(Authorization.AUTH_TYPE_GRANT, "nguoi-khac", null, Resources.PROCESS_DEFINITION, "quy-trinh-b",
                Permissions.ALL);
        grant(Authorization.AUTH_TYPE_GRANT, "*", null, Resources.HISTORIC_PROCESS_INSTANCE, "ca-2",
                HistoricProcessInstancePermissions.READ);
        grant(Authorization.AUTH_TYPE_GRANT, null, "nhom-khac", Resources.HISTORIC_PROCESS_INSTANCE, "*",
                Permissions.ALL);
    }

    @AfterEach
    void removeGrants() {
        created.forEach(authorizationService::deleteAuthorization);
    }

    @Test
    void everySingleCheckIsAnsweredAsByTheEnginesQuery() {
        int granted = 0;
        int refused = 0;
        for (String user : Arrays.asList(USER, "nguoi-khac", null)) {
            for (List<String> groups : List.of(GROUPS, List.of("nhom-thu-b"), List.<String>of())) {
                for (Resource resource : RESOURCES) {
                    for (String id : IDS) {
                        for (Permission permission : PERMISSIONS) {
                            if (Arrays.stream(permission.getTypes()).noneMatch(t -> t == resource)) {
                                continue;
                            }
                            CompositePermissionCheck check = single(resource, id, permission);
                            boolean engines = answer(new AuthorizationManager(), user, groups, check);
                            boolean ours = answer(new AuthorizedGroupsWithoutScan.Manager(), user, groups, check);
                            assertThat(ours).as("%s %s %s %s on %s", user, groups, permission.getName(),
                                    resource.resourceName(), id).isEqualTo(engines);
                            if (engines) {
                                granted++;
                            } else {
                                refused++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(granted).as("checks some grant answers").isGreaterThan(20);
        assertThat(refused).as("checks some grant refuses").isGreaterThan(20);
    }

    @Test
    void anyOfSeveralChecksIsAnsweredAsByTheEnginesQuery() {
        List<CompositePermissionCheck> checks = List.of(
                anyOf(check(Resources.TASK, "viec-2", Permissions.TASK_WORK),
                        check(Resources.PROCESS_DEFINITION, "quy-trinh-a", Permissions.UPDATE)),
                anyOf(check(Resources.TASK, "viec-2", Permissions.TASK_WORK),
                        check(Resources.PROCESS_DEFINITION, "quy-trinh-b", Permissions.UPDATE)),
                anyOf(check(Resources.PROCESS_DEFINITION, "quy-trinh-b", Permissions.READ_HISTORY),
                        check(Resources.HISTORIC_PROCESS_INSTANCE, "ca-1", HistoricProcessInstancePermissions.READ)),
                anyOf(check(Resources.TASK, "viec-1", Permissions.TASK_WORK),
                        check(Resources.DEPLOYMENT, "trien-khai-y", Permissions.READ)));
        List<Boolean> engines = new ArrayList<>();
        for (CompositePermissionCheck check : checks) {
            boolean theirs = answer(new AuthorizationManager(), USER, GROUPS, check);
            assertThat(answer(new AuthorizedGroupsWithoutScan.Manager(), USER, GROUPS, check)).isEqualTo(theirs);
            engines.add(theirs);
        }
        assertThat(engines).containsExactly(true, false, true, true);
        // Only a group's own id grant: with the group gone, refused.
        assertThat(answer(new AuthorizedGroupsWithoutScan.Manager(), USER, List.of("nhom-thu-a"), checks.get(3)))
                .isFalse();
    }

    @Test
    void aRevokeThatAppliesIsHonoured() {
        CompositePermissionCheck readTask = single(Resources.TASK, "viec-bi-thu-hoi", Permissions.READ);
        assertThat(answer(new AuthorizedGroupsWithoutScan.Manager(), USER, GROUPS, readTask))
                .as("the group's grant on every task").isTrue();

        grant(Authorization.AUTH_TYPE_REVOKE, null, "nhom-thu-a", Resources.TASK, "viec-bi-thu-hoi",
                Permissions.READ);

        assertThat(answer(new AuthorizationManager(), USER, GROUPS, readTask)).as("the engine's answer").isFalse();
        assertThat(answer(new AuthorizedGroupsWithoutScan.Manager(), USER, GROUPS, readTask))
                .as("revoked for the group on this task").isFalse();
    }

    @Test
    void theChecksAfterACommandsFirstAreAnsweredAsByTheEngineWithOrWithoutARevokeElsewhere() {
        List<CompositePermissionCheck> checks = List.of(single(Resources.TASK, "viec-9", Permissions.READ),
                single(Resources.PROCESS_DEFINITION, "quy-trinh-b", Permissions.UPDATE),
                single(Resources.PROCESS_DEFINITION, "quy-trinh-a", Permissions.UPDATE));
        assertThat(inOneCommand(new AuthorizationManager(), checks)).containsExactly(true, false, true);
        assertThat(inOneCommand(new AuthorizedGroupsWithoutScan.Manager(), checks)).containsExactly(true, false, true);

        // A revoke of the user's on another resource: the engine's query answers every check, as the engine does.
        grant(Authorization.AUTH_TYPE_REVOKE, USER, null, Resources.DEPLOYMENT, "trien-khai-z", Permissions.READ);

        assertThat(inOneCommand(new AuthorizedGroupsWithoutScan.Manager(), checks)).containsExactly(true, false, true);
    }

    private List<Boolean> inOneCommand(AuthorizationManager manager, List<CompositePermissionCheck> checks) {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        return commands.execute(context -> checks.stream().map(c -> manager.isAuthorized(USER, GROUPS, c)).toList());
    }

    private boolean answer(AuthorizationManager manager, String user, List<String> groups,
            CompositePermissionCheck check) {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        return Objects.requireNonNull(commands.execute(context -> manager.isAuthorized(user, groups, check)));
    }

    private static CompositePermissionCheck single(Resource resource, String id, Permission permission) {
        CompositePermissionCheck composite = new CompositePermissionCheck();
        composite.addAtomicCheck(check(resource, id, permission));
        return composite;
    }

    private static CompositePermissionCheck anyOf(PermissionCheck... checks) {
        CompositePermissionCheck composite = new CompositePermissionCheck(true);
        Arrays.stream(checks).forEach(composite::addAtomicCheck);
        return composite;
    }

    private static PermissionCheck check(Resource resource, String id, Permission permission) {
        PermissionCheck check = new PermissionCheck();
        check.setResource(resource);
        check.setResourceId(id);
        check.setPermission(permission);
        return check;
    }

    private void grant(int type, String userId, String groupId, Resource resource, String id,
            Permission... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(type);
        if (userId != null) {
            authorization.setUserId(userId);
        }
        if (groupId != null) {
            authorization.setGroupId(groupId);
        }
        authorization.setResource(resource);
        authorization.setResourceId(id);
        if (type == Authorization.AUTH_TYPE_GLOBAL) {
            authorization.setUserId("*");
        }
        for (Permission permission : permissions) {
            // A revoke starts with every permission and takes away the ones named.
            if (type == Authorization.AUTH_TYPE_REVOKE) {
                authorization.removePermission(permission);
            } else {
                authorization.addPermission(permission);
            }
        }
        created.add(authorizationService.saveAuthorization(authorization).getId());
    }
}
