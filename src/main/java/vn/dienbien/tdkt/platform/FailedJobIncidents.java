package vn.dienbien.tdkt.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.BitMaskUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine's handler of failed jobs' incidents (sự cố), without the look-up it makes for every job it deletes.
 * When a job ends — it ran, or its scope ended (a deadline's timers when the dossier closes) — the engine asks the
 * incident table for the job's incident, one statement per job: about five per awarded dossier, nearly always for
 * nothing (issue 12). A failed job's incident is always on the job's execution, and the engine knows, from the
 * execution's own row, whether that execution has any incident at all: when the execution in this command is known
 * to have none, there is nothing to resolve or delete and nothing is asked. Otherwise — an execution with an
 * incident, one not loaded in this command, a job without an execution — the engine's handler runs as before.
 */
@Component
class FailedJobIncidents extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new ArrayList<>();
        if (configuration.getCustomIncidentHandlers() != null) {
            handlers.addAll(configuration.getCustomIncidentHandlers());
        }
        // Put after the engine's own, a custom handler replaces the engine's for its type.
        handlers.add(new Handler());
        configuration.setCustomIncidentHandlers(handlers);
    }

    static final class Handler extends DefaultIncidentHandler {

        Handler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        protected void removeIncident(IncidentContext context, boolean incidentResolved) {
            if (hasNoIncident(context.getExecutionId())) {
                return;
            }
            super.removeIncident(context, incidentResolved);
        }

        /**
         * Whether the execution, as this command holds it, has no incident: its incidents are known (loaded, or known
         * to be none from its row's state) and there are none. An execution this command has not loaded is not
         * loaded for the question.
         */
        private static boolean hasNoIncident(String executionId) {
            CommandContext command = Context.getCommandContext();
            if (executionId == null || command == null) {
                return false;
            }
            ExecutionEntity execution = command.getDbEntityManager().getCachedEntity(ExecutionEntity.class,
                    executionId);
            // The state's incident bit is off only when the execution's incidents are known and there are none.
            return execution != null
                    && !BitMaskUtil.isBitOn(execution.getCachedEntityState(), ExecutionEntity.INCIDENT_STATE_BIT);
        }
    }
}
