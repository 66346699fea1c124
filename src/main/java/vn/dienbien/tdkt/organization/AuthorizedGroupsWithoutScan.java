package vn.dienbien.tdkt.organization;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks without reading every group id of the authorization table first (issue 12:
 * "the authorization table is scanned about three times per dossier"). Before its first check in a command, the
 * engine's {@link AuthorizationManager} reads {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION} to drop
 * the user's groups that hold no authorization at all from the check. That is a read of the whole table (its group
 * index) in every command a person runs — completing a task, Tasklist's list, a history query — and the table grows
 * with every case (the grants of each unit on its own case stay). Dropping those groups cannot change an answer: a
 * group without rows matches no row of the check's query. So the check here takes the user's groups as they are
 * (a person has one to three), and the answers are the engine's. Its plain checks are read by {@link GrantLookup}.
 */
@Component
class AuthorizedGroupsWithoutScan extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // Custom session factories are registered after the engine's own, so this one replaces its manager.
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new Manager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /**
     * The engine's manager (one per command), with the user's groups passed through unfiltered, and its plain
     * checks read by {@link GrantLookup}.
     */
    static final class Manager extends AuthorizationManager {

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
            if (!isAuthorizationEnabled()) {
                return true;
            }
            return isAuthorized(userId, groupIds, createCompositePermissionCheck(permissionCheck));
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
            if (!GrantLookup.answers(check) || !validResources(check)) {
                // The engine's query, and its error for a permission the resource does not have.
                return super.isAuthorized(userId, groupIds, check);
            }
            if (isRevokeAuthCheckUsed == null && isAutoRevokeCheck()) {
                // The command's first check: the revoke test and the grant in one statement.
                Boolean granted = GrantLookup.grantedUnlessRevoked(connection(), tablePrefix(), userId,
                        filterAuthenticatedGroupIds(groupIds), check.getAtomicChecks());
                isRevokeAuthCheckUsed = granted == null;
                return granted != null ? granted : super.isAuthorized(userId, groupIds, check);
            }
            if (isRevokeAuthCheckEnabled(userId, groupIds)) {
                return super.isAuthorized(userId, groupIds, check);
            }
            return GrantLookup.isGranted(connection(), tablePrefix(), userId, filterAuthenticatedGroupIds(groupIds),
                    check.getAtomicChecks());
        }

        private static boolean isAutoRevokeCheck() {
            return "auto".equalsIgnoreCase(Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes());
        }

        /** The engine's "auto" revoke test (its first answer holds for the command), read plainly. */
        @Override
        protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
            if (isRevokeAuthCheckUsed == null && isAutoRevokeCheck()) {
                isRevokeAuthCheckUsed = GrantLookup.anyRevoke(connection(), tablePrefix(), userId,
                        filterAuthenticatedGroupIds(groupIds));
            }
            return super.isRevokeAuthCheckEnabled(userId, groupIds);
        }

        private static Connection connection() {
            CommandContext commandContext = Context.getCommandContext();
            return commandContext.getDbSqlSession().getSqlSession().getConnection();
        }

        private static String tablePrefix() {
            return Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        }

        private boolean validResources(CompositePermissionCheck check) {
            return check.getAllPermissionChecks().stream().allMatch(this::isResourceValidForPermission);
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return EMPTY_LIST;
            }
            // A mutable list, as the engine's: MyBatis reads it by reflection.
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
