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

    /** A case started with a value, given two decisions and a binary value, finished; checked; its history deleted. */
    private static void withEngine(String level, Check check) throws SQLException {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:tdkt-history-writer-" + level + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(level)
                .setJobExecutorActivate(false)
                .setProcessEngineName("history-writer-" + level);
        configuration.setProcessEnginePlugins(List.of(new AuditHistoryLevelPlugin(), new PayloadHistoryFilter(
                new DefaultListableBeanFactory().getBeanProvider(FormPayloads.class), false)));
        ProcessEngine engine = configuration.buildProcessEngine();
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
