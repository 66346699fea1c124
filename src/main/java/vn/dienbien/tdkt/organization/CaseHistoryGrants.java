package vn.dienbien.tdkt.organization;

import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's default authorizations, without the historic task grants that repeat what a group already reads
 * (issue 12: authorization rows that do not pile up). With historic instance permissions on, the engine grants each
 * candidate group and assignee of a task READ on that historic task (act_ru_authorization), a row that stays after
 * the task and the case have ended: about five per awarded dossier. The engine's historic task query lets a group
 * through by READ_HISTORY on the task's process definition, by READ on the historic process instance, or by READ on
 * the historic task; so the historic task grant is left out when the group already holds one of the first two — the
 * Board (READ_HISTORY on the dossier's and the plan's processes) and a unit on its own case (CaseAccess). Nobody
 * reads less. The runtime task grant (Tasklist) is given as before and goes with the task.
 */
@Component
class CaseHistoryGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
            if (groupId == null || !isHistoricInstancePermissionsEnabled() || !readsCaseHistory(task, groupId)) {
                return super.createOrUpdateAuthorizations(task, groupId, userId);
            }
            // Only the runtime grant: the historic one is neither looked up nor made.
            return new AuthorizationEntity[] {createOrUpdateAuthorization(task, userId, groupId, Resources.TASK, false,
                    getRuntimePermissions(isEnforceSpecificVariablePermission()))};
        }

        /**
         * The grant a new task's person or group already has on it: none. A task created in this command has no row
         * in the authorization table (its id is a fresh UUID), and the engine's lookup reads only the table — not
         * the grants this command made and has yet to write — so it finds none either; asking it was two to four
         * statements per new task, thirty when a session opens its ballots (issue 12). Tasks that existed before
         * the command, and engines whose ids are counted rather than random, are looked up as before.
         */
        @Override
        protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId,
                Resource resource) {
            CachedDbEntity task = Context.getCommandContext().getDbEntityManager().getDbEntityCache()
                    .getCachedEntity(TaskEntity.class, taskId);
            boolean newInThisCommand = task != null && task.getEntityState() == DbEntityState.TRANSIENT;
            if (newInThisCommand && Context.getProcessEngineConfiguration().getIdGenerator()
                    instanceof StrongUuidGenerator) {
                return null;
            }
            return super.getGrantAuthorization(taskId, userId, groupId, resource);
        }

        private static boolean readsCaseHistory(Task task, String groupId) {
            if (!(task instanceof TaskEntity entity) || entity.getProcessInstanceId() == null
                    || entity.getProcessDefinition() == null) {
                return false;
            }
            AuthorizationManager authorizations = Context.getCommandContext().getAuthorizationManager();
            // Either grant, asked in one statement (a unit's task needs both asked).
            CompositePermissionCheck either = new PermissionCheckBuilder().disjunctive()
                    .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, entity.getProcessDefinition().getKey(),
                            Permissions.READ_HISTORY)
                    .atomicCheckForResourceId(Resources.HISTORIC_PROCESS_INSTANCE, entity.getProcessInstanceId(),
                            HistoricProcessInstancePermissions.READ)
                    .build();
            return authorizations.isAuthorized(null, List.of(groupId), either);
        }
    }
}
