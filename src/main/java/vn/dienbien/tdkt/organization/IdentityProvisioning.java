package vn.dienbien.tdkt.organization;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.StartupOrder;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Derives Camunda users, groups, authorizations and Tasklist filters from the registry. Runs at
 * every start and only adds what is missing, so edits made in Camunda Admin are kept.
 */
@Component
@Order(StartupOrder.PROVISION_IDENTITY)
class IdentityProvisioning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityProvisioning.class);
    private static final String ANY = Authorization.ANY;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final OrgUnitRepository units;
    private final OfficialRepository officials;
    private final String demoPassword;
    private final boolean demo;

    IdentityProvisioning(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, OrgUnitRepository units,
            OfficialRepository officials, @Value("${tdkt.demo.password:demo}") String demoPassword,
            @Value("${tdkt.demo.enabled:false}") boolean demo) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.units = units;
        this.officials = officials;
        this.demoPassword = demoPassword;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        roleGroups().forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
        for (OrgUnit unit : units.findAll()) {
            ensureGroup(unit.camundaGroup(), unit.getName(), "UNIT");
            ensureGroup(CamundaGroups.headsOf(unit.getCode()), "Lãnh đạo " + unit.getName(), "UNIT_HEADS");
            grantUnit(unit.camundaGroup());
            grantUnit(CamundaGroups.headsOf(unit.getCode()));
        }
        int created = 0;
        for (Official official : officials.findAll()) {
            if (ensureUser(official)) {
                created++;
            }
        }
        grantRoles();
        grantDirectory();
        ensureFilters();
        log.info("Identity provisioned from the registry ({} new users)", created);
        if (demo) {
            log.warn("""

                    ================================================================================
                      CHẾ ĐỘ DEMO (TDKT_DEMO_ENABLED=true): dữ liệu mẫu; cán bộ mẫu đăng nhập bằng mật khẩu
                      demo. Không dùng cho hồ sơ thật: đặt TDKT_DEMO_ENABLED=false và TDKT_ADMIN_PASSWORD.
                      DEMO MODE: sample officials with demo passwords; not for real dossiers.
                    ================================================================================""");
        }
    }

    private static Map<String, String> roleGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(CamundaGroups.BOARD, "Ban Thi đua – Khen thưởng tỉnh");
        groups.put(CamundaGroups.BOARD_HEAD, "Lãnh đạo Ban Thi đua – Khen thưởng");
        groups.put(CamundaGroups.COUNCIL, "Hội đồng Thi đua – Khen thưởng tỉnh");
        groups.put(CamundaGroups.COUNCIL_STANDING, "Thường trực Hội đồng Thi đua – Khen thưởng tỉnh");
        groups.put(CamundaGroups.CHAIRMAN, "Chủ tịch UBND tỉnh");
        groups.put(CamundaGroups.CLERK, "Văn thư UBND tỉnh");
        groups.put(CamundaGroups.FATHERLAND_FRONT, "Ủy ban MTTQ Việt Nam tỉnh (giám sát)");
        groups.put(CamundaGroups.AUDITORS, "Kiểm tra viên (chỉ đọc lịch sử)");
        groups.put(CamundaGroups.ADMINISTRATORS, "Quản trị hệ thống");
        return groups;
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    private boolean ensureUser(Official official) {
        String id = official.getUsername();
        boolean created = false;
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            String fullName = official.getFullName().trim();
            int lastSpace = fullName.lastIndexOf(' ');
            // The webapps show "first last"; a Vietnamese name reads family and middle names first,
            // so "Nguyễn Văn An" is stored as Nguyễn Văn / An (the vi labels say so).
            user.setFirstName(lastSpace < 0 ? fullName : fullName.substring(0, lastSpace));
            user.setLastName(lastSpace < 0 ? "" : fullName.substring(lastSpace + 1));
            // Outside demo mode nobody gets a password the application knows: the administrator sets
            // each official's password in Camunda Admin.
            user.setPassword(demo && official.isDemo() ? demoPassword : unknowablePassword());
            user.setEmail(official.getEmail());
            identityService.saveUser(user);
            created = true;
        } else if (official.getEmail() != null) {
            // An address given in Camunda Admin is kept; a user without one gets the registry's.
            User user = identityService.createUserQuery().userId(id).singleResult();
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                user.setEmail(official.getEmail());
                identityService.saveUser(user);
            }
        }
        // Oversight roles read and never write: they are not members of their unit's group, whose
        // members send plans, propose dossiers and complete the unit's tasks.
        if (official.getRoles().stream().allMatch(Role::isOversight) && !official.getRoles().isEmpty()) {
            removeMembership(id, official.getUnit().camundaGroup());
        } else {
            ensureMembership(id, official.getUnit().camundaGroup());
        }
        for (Role role : official.getRoles()) {
            if (role.group() != null) {
                ensureMembership(id, role.group());
            }
            if (role == Role.UNIT_HEAD) {
                ensureMembership(id, CamundaGroups.headsOf(official.getUnit().getCode()));
            }
        }
        return created;
    }

    private void removeMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
            identityService.deleteMembership(userId, groupId);
        }
    }

    private static String unknowablePassword() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private void grantUnit(String unitGroup) {
        grant(unitGroup, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(unitGroup, Resources.PROCESS_DEFINITION, WorkflowKeys.LAUNCH_PLAN, Permissions.READ);
        grant(unitGroup, Resources.PROCESS_DEFINITION, WorkflowKeys.YEARLY_EVALUATION, Permissions.READ);
        // Units propose awards from Tasklist's "start process" (the dossier's start form).
        grant(unitGroup, Resources.PROCESS_DEFINITION, WorkflowKeys.AWARD_DOSSIER, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant(unitGroup, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    private void grantRoles() {
        for (String group : List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            // The Board follows every launch-plan case and every award dossier of every unit.
            for (String key : List.of(WorkflowKeys.LAUNCH_PLAN, WorkflowKeys.AWARD_DOSSIER)) {
                grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ,
                        Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
            }
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        }
        for (String group : List.of(CamundaGroups.COUNCIL, CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN,
                CamundaGroups.CLERK)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, WorkflowKeys.COUNCIL_SESSION, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, WorkflowKeys.CAMPAIGN_REVIEW, Permissions.READ);
        }
        for (String group : List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD)) {
            for (String key : List.of(WorkflowKeys.YEARLY_EVALUATION, WorkflowKeys.EVALUATION_CYCLE,
                    WorkflowKeys.CAMPAIGN_REVIEW)) {
                grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.READ_INSTANCE,
                        Permissions.READ_HISTORY, Permissions.READ_TASK);
            }
            // The Board opens council sessions from Tasklist's "start process".
            grant(group, Resources.PROCESS_DEFINITION, WorkflowKeys.COUNCIL_SESSION, Permissions.READ,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
        }
        // Thu hồi, hủy bỏ khen thưởng: opened through /api by the Board (never from Tasklist), followed by the
        // Board, decided by the Chairman.
        for (String group : List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD)) {
            grant(group, Resources.PROCESS_DEFINITION, WorkflowKeys.AWARD_REVOCATION, Permissions.READ,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        }
        grant(CamundaGroups.CHAIRMAN, Resources.PROCESS_DEFINITION, WorkflowKeys.AWARD_REVOCATION, Permissions.READ);
        // Auditors and the Fatherland Front read history and never change anything.
        for (String group : List.of(CamundaGroups.AUDITORS, CamundaGroups.FATHERLAND_FRONT)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
            grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        }
        grant(CamundaGroups.AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    }

    /** Everyone may read the directory, so Tasklist shows names of groups and colleagues, not ids. */
    private void grantDirectory() {
        for (Resource resource : List.of(Resources.GROUP, Resources.USER)) {
            if (authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                    .resourceType(resource).resourceId(ANY).count() == 0) {
                Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
                read.setResource(resource);
                read.setResourceId(ANY);
                read.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(read);
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = Arrays.stream(permissions).anyMatch(p -> !authorization.isPermissionGranted(p));
        if (missing) {
            Arrays.stream(permissions).forEach(authorization::addPermission);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void ensureFilters() {
        ensureFilter("Nhiệm vụ của đơn vị tôi", -10,
                "Nhiệm vụ giao cho đơn vị, nhóm của tôi hoặc cho tôi",
                taskService.createTaskQuery().or()
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .taskAssigneeExpression("${currentUser()}")
                        .endOr().orderByDueDate().asc());
        ensureFilter("Nhiệm vụ tôi đang xử lý", 0, "Nhiệm vụ đã nhận, giao cho tôi",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
            filter.setOwner("admin");
            filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        }
        // The query follows the code: a unit's head (candidate user) and a council member (assignee) see theirs.
        filter.setQuery(query);
        filterService.saveFilter(filter);
        Authorization global = authorizationService.createAuthorizationQuery()
                .resourceType(Resources.FILTER).resourceId(filter.getId()).authorizationType(AUTH_TYPE_GLOBAL)
                .singleResult();
        if (global == null) {
            Authorization readForAll = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            readForAll.setResource(Resources.FILTER);
            readForAll.setResourceId(filter.getId());
            readForAll.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(readForAll);
        }
    }
}
