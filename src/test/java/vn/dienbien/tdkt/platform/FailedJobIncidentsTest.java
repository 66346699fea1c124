package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * A failed job's incident is resolved or deleted with its job exactly as by the engine's own handler, with and
 * without the look-up {@link FailedJobIncidents} leaves out: each case runs on an engine with the plugin and on one
 * without, and both must end the same. (That the look-up is left out for a job that never failed is counted in
 * StatementBudgetTest.)
 */
class FailedJobIncidentsTest {

    private static final BpmnModelInstance PROCESS = Bpmn.createExecutableProcess("incidents")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_Check").camundaAsyncBefore().camundaExpression("${ok ? 'ok' : notDefined.call()}")
            .userTask("Task_After")
            .endEvent()
            .done();

    @Test
    void aJobThatNeverFailedRunsAndLeavesNoIncident() {
        assertSameOnBoth(engine -> {
            String instance = start(engine, true);
            engine.getManagementService().executeJob(job(engine, instance).getId());
            return List.of(openIncidents(engine), taskOf(engine, instance));
        }, List.of(0L, "Task_After"));
    }

    @Test
    void anIncidentOfAJobThatRanOutOfRetriesIsResolvedWhenItRunsAgainAndSucceeds() {
        assertSameOnBoth(engine -> {
            String instance = start(engine, false);
            Job job = job(engine, instance);
            engine.getManagementService().setJobRetries(job.getId(), 1);
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .isInstanceOf(ProcessEngineException.class);
            long afterFailure = openIncidents(engine);
            engine.getRuntimeService().setVariable(instance, "ok", true);
            engine.getManagementService().setJobRetries(job.getId(), 1);
            long afterRetriesGiven = openIncidents(engine);
            engine.getManagementService().executeJob(job.getId());
            return List.of(afterFailure, afterRetriesGiven, openIncidents(engine), taskOf(engine, instance),
                    resolvedIncidents(engine, instance));
        }, List.of(1L, 0L, 0L, "Task_After", 1L));
    }

    @Test
    void anOpenIncidentGoesWithItsJobWhenTheCaseIsDeleted() {
        assertSameOnBoth(engine -> {
            String instance = start(engine, true);
            engine.getManagementService().setJobRetries(job(engine, instance).getId(), 0);
            long before = openIncidents(engine);
            engine.getRuntimeService().deleteProcessInstance(instance, "kiểm thử");
            return List.of(before, openIncidents(engine), engine.getManagementService().createJobQuery().count());
        }, List.of(1L, 0L, 0L));
    }

    @Test
    void anIncidentRecordedByHandOnTheJobsExecutionIsResolvedWhenTheJobSucceeds() {
        assertSameOnBoth(engine -> {
            String instance = start(engine, true);
            Job job = job(engine, instance);
            engine.getRuntimeService().createIncident("failedJob", job.getExecutionId(), job.getId(), "ghi tay");
            long before = openIncidents(engine);
            engine.getManagementService().executeJob(job.getId());
            return List.of(before, openIncidents(engine), taskOf(engine, instance));
        }, List.of(1L, 0L, "Task_After"));
    }

    private static void assertSameOnBoth(Function<ProcessEngine, List<Object>> scenario, List<Object> expected) {
        assertThat(run(scenario, true)).as("with FailedJobIncidents").isEqualTo(expected);
        assertThat(run(scenario, false)).as("the engine's own handler").isEqualTo(expected);
    }

    private static List<Object> run(Function<ProcessEngine, List<Object>> scenario, boolean withPlugin) {
        String name = "incidents-" + withPlugin + "-" + System.nanoTime();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName(name);
        List<ProcessEnginePlugin> plugins = new ArrayList<>();
        if (withPlugin) {
            plugins.add(new FailedJobIncidents());
        }
        configuration.setProcessEnginePlugins(plugins);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            assertThat(configuration.getIncidentHandler("failedJob"))
                    .as("the failed jobs' handler").matches(h -> withPlugin == h instanceof FailedJobIncidents.Handler);
            engine.getRepositoryService().createDeployment().addModelInstance("incidents.bpmn", PROCESS).deploy();
            return scenario.apply(engine);
        } finally {
            engine.close();
        }
    }

    private static String start(ProcessEngine engine, boolean ok) {
        return engine.getRuntimeService().startProcessInstanceByKey("incidents", Map.of("ok", ok)).getId();
    }

    private static Job job(ProcessEngine engine, String instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    }

    private static long openIncidents(ProcessEngine engine) {
        return engine.getRuntimeService().createIncidentQuery().incidentType("failedJob").count();
    }

    private static long resolvedIncidents(ProcessEngine engine, String instance) {
        return engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance).resolved().count();
    }

    private static String taskOf(ProcessEngine engine, String instance) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        return task == null ? null : task.getTaskDefinitionKey();
    }
}
