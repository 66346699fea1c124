package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * What the engine's history keeps of a case's variables at each level, through our history plugins (issue 12):
 * at tdkt-audit every value set after the start as a detail row (act_hi_detail) and no act_hi_varinst; at full,
 * everything as the engine writes it. Either way the engine's detail queries read them and deleting the case's
 * history leaves no row, binary values included.
 */
class AuditHistoryWriterTest {

    private static final byte[] SCAN = {37, 80, 68, 70};
    private static final int HISTORY_BYTES = ResourceTypes.HISTORY.getValue();

    @Test
    void atTheAuditLevelOnlyTheDetailRowsOfTheValuesSetAfterTheStartAreWritten() throws SQLException {
        withEngine("tdkt-audit", (engine, pi) -> {
            assertThat(count(engine, "select count(*) from ACT_HI_VARINST")).isZero();
            assertThat(changes(engine.getHistoryService(), pi)).containsExactly("decision=RETURN", "scan=4 bytes",
                    "decision=ACCEPT");
            assertThat(count(engine, "select count(*) from ACT_GE_BYTEARRAY where TYPE_ = " + HISTORY_BYTES))
                    .as("the scan's one copy, in its detail row").isEqualTo(1);
        });
    }

    @Test
    void atLevelFullEverythingIsWrittenAsBefore() throws SQLException {
        withEngine("full", (engine, pi) -> {
            List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(pi).orderByVariableName().asc().list();
            assertThat(variables).extracting(v -> v.getName() + "=" + show(v.getValue()))
                    .containsExactly("caseRef=HS-1", "decision=ACCEPT", "scan=4 bytes");
            assertThat(changes(engine.getHistoryService(), pi)).containsExactly("caseRef=HS-1", "decision=RETURN",
                    "scan=4 bytes", "decision=ACCEPT");
            assertThat(count(engine, "select count(*) from ACT_GE_BYTEARRAY where TYPE_ = " + HISTORY_BYTES))
                    .as("the scan in its variable's row and in its detail row").isEqualTo(2);
        });
    }

    private interface Check {
        void on(ProcessEngine engine, String processInstanceId) throws SQLException;
    }

    @Test
    void atTheAuditLevelWhatTheSystemAloneSetsOrRemovesOfItsDerivedValuesHasNoDetailRowWhatAPersonDoesHas()
            throws SQLException {
        Map<String, List<String>> changes = derivedScenario("tdkt-audit");
        assertThat(changes.get("system")).as("a listener's derived flag and its removal of the form's value")
                .containsExactly("decision=ACCEPT");
        assertThat(changes.get("person")).as("a person's own change of the same variables")
                .containsExactly("decision=ACCEPT", "accepted=true", "decision=null");
    }

    @Test
    void atLevelFullTheDerivedValuesAndRemovalsAreWrittenAsBefore() throws SQLException {
        Map<String, List<String>> changes = derivedScenario("full");
        assertThat(changes.get("system")).containsExactly("decision=ACCEPT", "accepted=true", "decision=null");
        assertThat(changes.get("person")).containsExactly("decision=ACCEPT", "accepted=true", "decision=null");
    }

    @Test
    void atTheAuditLevelAContinuationThatSucceedsAtItsFirstTryLeavesNoJobLogOneThatFailedBeforeKeepsItsEnd()
            throws SQLException {
        ProcessEngine engine = engine("tdkt-audit-jobs");
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("job.bpmn",
                    Bpmn.createExecutableProcess("job").camundaHistoryTimeToLive(1).startEvent().serviceTask("step")
                            .camundaAsyncBefore().camundaExpression("${flaky.run(execution)}").userTask("after")
                            .endEvent().done()).deploy();
            var management = engine.getManagementService();
            String smooth = engine.getRuntimeService().startProcessInstanceByKey("job", Map.of("fail", false)).getId();
            management.executeJob(management.createJobQuery().processInstanceId(smooth).singleResult().getId());
            String rough = engine.getRuntimeService().startProcessInstanceByKey("job", Map.of("fail", true)).getId();
            String job = management.createJobQuery().processInstanceId(rough).singleResult().getId();
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> management.executeJob(job))).hasMessageContaining("lần đầu");
            management.executeJob(job);

            assertThat(jobLog(engine, smooth)).isEmpty();
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(smooth)
                    .activityId("step").finished().count()).as("the step it ran").isEqualTo(1);
            assertThat(jobLog(engine, rough)).containsExactly("failure", "success");
        } finally {
            engine.close();
        }
    }

    @Test
    void aScopeThatEndsInALaterTransactionHasItsDurationFromTheRememberedStartOrFromTheDatabaseAfterARestart()
            throws SQLException {
        ProcessEngine first = engine("tdkt-audit-durations");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2044-05-06T02:00:00Z")));
        try {
            first.getRepositoryService().createDeployment().addModelInstance("steps.bpmn",
                    Bpmn.createExecutableProcess("steps").camundaHistoryTimeToLive(1).startEvent().userTask("decide")
                            .userTask("after").endEvent().done()).deploy();
            String remembered = first.getRuntimeService().startProcessInstanceByKey("steps").getId();
            String restarted = first.getRuntimeService().startProcessInstanceByKey("steps").getId();
            minuteLater();
            complete(first, remembered);
            minuteLater();
            minuteLater();
            complete(first, remembered);
            // Another engine on the same database: it remembers nothing, so it reads each start time as the engine does.
            ProcessEngine second = engine("tdkt-audit-durations", "after-restart");
            try {
                complete(second, restarted);
                minuteLater();
                complete(second, restarted);
            } finally {
                second.close();
            }

            assertThat(durations(first, remembered)).containsExactly("decide=60000", "after=120000",
                    "task decide=60000", "task after=120000", "case=180000");
            assertThat(durations(first, restarted)).containsExactly("decide=180000", "after=60000",
                    "task decide=180000", "task after=60000", "case=240000");
        } finally {
            ClockUtil.reset();
            first.close();
        }
    }

    private static void complete(ProcessEngine engine, String pi) {
        engine.getTaskService().complete(
                engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId());
    }

    /** The written durations of the case's user tasks (as activities, then as tasks) and of the case, in order. */
    private static List<String> durations(ProcessEngine engine, String pi) {
        HistoryService history = engine.getHistoryService();
        java.util.stream.Stream<String> activities = history.createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityType("userTask").orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(a -> a.getActivityId() + "=" + a.getDurationInMillis());
        java.util.stream.Stream<String> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(pi)
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(t -> "task " + t.getTaskDefinitionKey() + "=" + t.getDurationInMillis());
        return java.util.stream.Stream.of(activities, tasks,
                java.util.stream.Stream.of("case=" + history.createHistoricProcessInstanceQuery().processInstanceId(pi)
                        .singleResult().getDurationInMillis())).flatMap(s -> s).toList();
    }

    private static List<String> jobLog(ProcessEngine engine, String pi) {
        return engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi)
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(l -> l.isFailureLog() ? "failure" : l.isSuccessLog() ? "success" : "other").toList();
    }

    /** Fails at the first run of a case whose {@code fail} is true, succeeds after. */
    public static final class Flaky {
        private final java.util.Set<String> failed = new java.util.HashSet<>();

        public void run(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            if (Boolean.TRUE.equals(execution.getVariable("fail")) && failed.add(execution.getProcessInstanceId())) {
                throw new IllegalStateException("Hỏng ở lần đầu");
            }
        }
    }

    /**
     * Two cases of a process that declares {@code accepted} derived: in the first a task's complete listener (the
     * system) sets {@code accepted} from the form's {@code decision} and removes {@code decision}; in the second an
     * authenticated person does the same through the runtime service (a user operation).
     */
    private static Map<String, List<String>> derivedScenario(String level) throws SQLException {
        ProcessEngine engine = engine(level + "-derived");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2044-05-06T02:00:00Z")));
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("case.bpmn",
                    Bpmn.createExecutableProcess("case").camundaHistoryTimeToLive(1).startEvent().userTask("decide")
                            .camundaTaskListenerExpression("complete",
                                    "${task.execution.setVariable('accepted', decision == 'ACCEPT')}")
                            .camundaTaskListenerExpression("complete", "${task.execution.removeVariable('decision')}")
                            .userTask("after").endEvent().done()).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            String bySystem = runtime.startProcessInstanceByKey("case").getId();
            minuteLater();
            String task = engine.getTaskService().createTaskQuery().processInstanceId(bySystem).singleResult().getId();
            engine.getIdentityService().setAuthenticatedUserId("canbo.ban");
            engine.getTaskService().complete(task, Map.of("decision", "ACCEPT"));
            String byPerson = runtime.startProcessInstanceByKey("case").getId();
            minuteLater();
            runtime.setVariable(byPerson, "decision", "ACCEPT");
            minuteLater();
            runtime.setVariable(byPerson, "accepted", true);
            minuteLater();
            runtime.removeVariable(byPerson, "decision");
            engine.getIdentityService().clearAuthentication();
            return Map.of("system", changes(engine.getHistoryService(), bySystem),
                    "person", changes(engine.getHistoryService(), byPerson));
        } finally {
            ClockUtil.reset();
            engine.close();
        }
    }

    private static ObjectProvider<DerivedVariables> derived() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("caseDerived", DerivedVariables.of("case", "accepted"));
        return beans.getBeanProvider(DerivedVariables.class);
    }

    private static ProcessEngine engine(String name) {
        return engine(name, "");
    }

    /** An engine on the database {@code name} (another {@code instance} of it shares the database). */
    private static ProcessEngine engine(String name, String instance) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:tdkt-history-writer-" + name + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(name.startsWith("full") ? "full" : "tdkt-audit")
                .setJobExecutorActivate(false)
                .setProcessEngineName("history-writer-" + name + instance);
        configuration.setBeans(Map.of("flaky", new Flaky()));
        configuration.setProcessEnginePlugins(List.of(new AuditHistoryLevelPlugin(), new PayloadHistoryFilter(
                new DefaultListableBeanFactory().getBeanProvider(FormPayloads.class), derived(), false)));
        return configuration.buildProcessEngine();
    }

    /** A case started with a value, given two decisions and a binary value, finished; checked; its history deleted. */
    private static void withEngine(String level, Check check) throws SQLException {
        ProcessEngine engine = engine(level);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2044-05-06T02:00:00Z")));
        try {
            assertThat(configuration.getHistoryLevel().getName()).isEqualTo(level);
            engine.getRepositoryService().createDeployment().addModelInstance("case.bpmn",
                    Bpmn.createExecutableProcess("case").camundaHistoryTimeToLive(1).startEvent().userTask("decide")
                            .endEvent().done()).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            String pi = runtime.startProcessInstanceByKey("case", Map.of("caseRef", "HS-1")).getId();
            minuteLater();
            runtime.setVariable(pi, "decision", "RETURN");
            minuteLater();
            runtime.setVariable(pi, "scan", SCAN);
            minuteLater();
            String task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
            engine.getTaskService().complete(task, Map.of("decision", "ACCEPT"));
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(1);

            check.on(engine, pi);

            engine.getHistoryService().deleteHistoricProcessInstance(pi);
            for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_PROCINST")) {
                assertThat(count(engine, "select count(*) from " + table)).as(table).isZero();
            }
            assertThat(count(engine, "select count(*) from ACT_GE_BYTEARRAY where TYPE_ = " + HISTORY_BYTES))
                    .as("history's bytes").isZero();
        } finally {
            ClockUtil.reset();
            engine.close();
        }
    }

    /** Each change at a time of its own, so that the detail rows read back in the order they were written. */
    private static void minuteLater() {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(60)));
    }

    private static List<String> changes(HistoryService history, String pi) {
        return history.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().orderByTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream().map(HistoricVariableUpdate.class::cast)
                .map(u -> u.getVariableName() + "=" + show(u.getValue())).toList();
    }

    private static String show(Object value) {
        return value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
    }

    private static int count(ProcessEngine engine, String sql) throws SQLException {
        try (Connection c = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource()
                .getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
