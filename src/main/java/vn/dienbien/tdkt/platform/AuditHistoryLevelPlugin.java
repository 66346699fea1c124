package vn.dienbien.tdkt.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers {@link AuditHistoryLevel} ({@code camunda.bpm.history-level: tdkt-audit}, set through
 * {@code tdkt.history.level}) and lets a database switch between it and {@code full}.
 *
 * <p>The engine stores its level in ACT_GE_PROPERTY ("historyLevel") when it creates the schema and refuses to
 * start when the configured level differs ("historyLevel mismatch"): a database created at full (every
 * database before issue 12) would no longer start. Both levels write the same tables and differ only in which
 * rows they leave out from now on, so after the schema's check the stored level is set to the configured one
 * when both are one of these two (logged); any other mismatch is left to the engine to refuse. Going back to a
 * version without this level: start once with {@code tdkt.history.level: full} first (an unknown level id
 * stops the engine).
 */
@Component
class AuditHistoryLevelPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(AuditHistoryLevelPlugin.class);
    private static final Set<Integer> INTERCHANGEABLE = Set.of(HistoryLevel.HISTORY_LEVEL_FULL.getId(),
            AuditHistoryLevel.ID);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new AuditHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
        configuration.setSchemaOperationsCommand(new AdoptConfiguredLevel(configuration.getSchemaOperationsCommand()));
    }

    /** The engine's schema operations, then the stored level set to the configured one (full ↔ tdkt-audit). */
    private static final class AdoptConfiguredLevel implements SchemaOperationsCommand {
        private final SchemaOperationsCommand schema;

        AdoptConfiguredLevel(SchemaOperationsCommand schema) {
            this.schema = schema;
        }

        @Override
        public Void execute(CommandContext context) {
            if (schema != null) {
                schema.execute(context);
            }
            HistoryLevel configured = context.getProcessEngineConfiguration().getHistoryLevel();
            PropertyEntity stored = context.getPropertyManager().findPropertyById("historyLevel");
            if (configured == null || stored == null) {
                return null; // a new database: the engine stores the configured level itself
            }
            int storedId;
            try {
                storedId = Integer.parseInt(stored.getValue());
            } catch (NumberFormatException e) {
                return null;
            }
            if (storedId != configured.getId() && INTERCHANGEABLE.contains(storedId)
                    && INTERCHANGEABLE.contains(configured.getId())) {
                LOG.info("Engine history level of this database changed from {} to {} ({}): rows written from now on"
                        + " follow the new level, earlier history stays as it is.", storedId, configured.getId(),
                        configured.getName());
                stored.setValue(Integer.toString(configured.getId()));
            }
            return null;
        }
    }
}
