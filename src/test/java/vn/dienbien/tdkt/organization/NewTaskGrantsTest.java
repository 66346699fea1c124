package vn.dienbien.tdkt.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * A new task's grants are the engine's own although they are no longer looked up in the authorization table
 * ({@link CaseHistoryGrants.Provider#getGrantAuthorization}, issue 12): the same process run on an engine with the
 * default provider and on one with ours leaves the same rows — the assignee's, each candidate's and each group's,
 * runtime and historic, on a task created in the command and on one that existed before it.
 */
class NewTaskGrantsTest {

    @Test
    void aNewTasksGrantsAreTheEnginesOwn() {
        Map<String, Integer> engines = grantsOfOneCase("default", List.of());
        Map<String, Integer> ours = grantsOfOneCase("ours", List.of(new CaseHistoryGrants()));

        assertThat(ours).isEqualTo(engines);
        assertThat(ours.keySet()).as("the grants of both tasks").contains("first TASK user nguoi-a",
                "first TASK user nguoi-b", "first TASK group nhom-x", "first TASK group nhom-y",
                "first TASK group nhom-z", "first HISTORIC_TASK user nguoi-a", "first HISTORIC_TASK group nhom-x",
                "first, ended HISTORIC_TASK group nhom-z", "second TASK group nhom-x",
                "second HISTORIC_TASK group nhom-x");
    }

    /** Grant (task, resource, user or group) → its permissions' bits: while the first task is open, and after. */
    private static Map<String, Integer> grantsOfOneCase(String name, List<ProcessEnginePlugin> plugins) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:tdkt-new-task-grants-" + name + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setProcessEngineName("new-task-grants-" + name);
        // As the Spring Boot starter's engine: task ids are random UUIDs (the plain engine counts them).
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setAuthorizationEnabled(true);
        configuration.setEnableHistoricInstancePermissions(true);
        configuration.setProcessEnginePlugins(plugins);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("grants.bpmn",
                    Bpmn.createExecutableProcess("grants").camundaHistoryTimeToLive(1).startEvent()
                            .userTask("first").camundaAssignee("nguoi-a").camundaCandidateUsers("nguoi-a,nguoi-b")
                            .camundaCandidateGroups("nhom-x,nhom-y")
                            .userTask("second").camundaCandidateGroups("nhom-x")
                            .endEvent().done()).deploy();
            String instance = engine.getRuntimeService().startProcessInstanceByKey("grants").getId();
            Task first = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
            engine.getTaskService().addCandidateGroup(first.getId(), "nhom-z");
            // A candidate's own grant, found and widened, not made twice.
            engine.getTaskService().setAssignee(first.getId(), "nguoi-b");
            Map<String, Integer> grants = new TreeMap<>();
            read(engine, Map.of(first.getId(), "first"), grants);
            engine.getTaskService().complete(first.getId());
            Task second = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
            read(engine, Map.of(first.getId(), "first, ended", second.getId(), "second"), grants);
            return grants;
        } finally {
            engine.close();
        }
    }

    private static void read(ProcessEngine engine, Map<String, String> keyOfTask, Map<String, Integer> grants) {
        for (Authorization grant : engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).list()) {
            String task = keyOfTask.get(grant.getResourceId());
            if (task != null) {
                String resource = grant.getResourceType() == Resources.TASK.resourceType() ? "TASK" : "HISTORIC_TASK";
                String who = grant.getUserId() != null ? "user " + grant.getUserId() : "group " + grant.getGroupId();
                // Summed: two rows for one person on one resource would show as a different number.
                grants.merge(task + " " + resource + " " + who, ((AuthorizationEntity) grant).getPermissions(),
                        Integer::sum);
            }
        }
    }
}
