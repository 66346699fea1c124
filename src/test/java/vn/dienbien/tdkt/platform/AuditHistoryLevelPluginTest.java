package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;

/**
 * A database the engine created at history level full (every database before issue 12) starts at the audit's
 * level, and back; the engine's other refusals of a mismatching level stay.
 */
class AuditHistoryLevelPluginTest {

    private static final String URL = "jdbc:h2:mem:tdkt-history-level;DB_CLOSE_DELAY=-1";

    @Test
    void aDatabaseCreatedAtLevelFullStartsAtTheAuditLevelAndBack() {
        assertThat(storedLevelAfterStart("full", false)).as("created by the engine as before").isEqualTo("3");
        assertThat(storedLevelAfterStart("tdkt-audit", true)).isEqualTo("31");
        assertThat(storedLevelAfterStart("tdkt-audit", true)).as("and starts again").isEqualTo("31");
        assertThat(storedLevelAfterStart("full", true)).as("back to full").isEqualTo("3");
        assertThat(storedLevelAfterStart("full", false)).as("readable by a version without the plugin")
                .isEqualTo("3");
        assertThatThrownBy(() -> storedLevelAfterStart("audit", true)).as("other levels are still refused")
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("historyLevel mismatch");
    }

    private static String storedLevelAfterStart(String level, boolean withPlugin) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl(URL)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(level)
                .setJobExecutorActivate(false)
                .setProcessEngineName("history-level-" + level + "-" + withPlugin);
        List<ProcessEnginePlugin> plugins = new ArrayList<>();
        if (withPlugin) {
            plugins.add(new AuditHistoryLevelPlugin());
        }
        configuration.setProcessEnginePlugins(plugins);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            assertThat(configuration.getHistoryLevel().getName()).isEqualTo(level);
            return engine.getManagementService().getProperties().get("historyLevel");
        } finally {
            engine.close();
        }
    }
}
