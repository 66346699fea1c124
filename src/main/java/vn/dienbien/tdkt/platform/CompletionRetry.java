package vn.dienbien.tdkt.platform;

import java.util.ArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completes a task again when it raced another completion of the same case (the engine's optimistic lock): members
 * of the council send their ballots of one session at the same instant, and each ballot's completion counts itself
 * in the session's multi-instance. The transaction that lost wrote nothing (it rolled back whole), so running the
 * same completion again, on what the winner committed, is what the person meant; a task that the winner completed
 * itself is then not found and the person is told so. Only a completion that starts its own transaction (Tasklist,
 * the engine's REST API) is run again; one inside a transaction of ours fails as before and its caller answers 409.
 */
@Component
class CompletionRetry extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionRetry.class);
    /**
     * Each round lets at least one of the colliding completions through and the random pauses spread the rest, so
     * a session's seven members submitting at one instant need at most seven; one more for a late-comer.
     */
    static final int ATTEMPTS = 8;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<CommandInterceptor>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        // Last of the interceptors before the engine's transaction: each attempt is a transaction of its own.
        interceptors.add(new Interceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    private static final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                    || Context.getCommandContext() != null
                    || TransactionSynchronizationManager.isActualTransactionActive()) {
                return next.execute(command);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (RuntimeException failed) {
                    if (!raced(failed) || attempt >= ATTEMPTS) {
                        throw failed;
                    }
                    LOG.debug("Hoàn thành nhiệm vụ đụng với một thao tác cùng lúc trên cùng vụ việc; chạy lại lần {}",
                            attempt + 1);
                    pause(attempt);
                }
            }
        }

        /** The engine's optimistic lock, thrown as it is or inside a listener's exception. */
        private static boolean raced(Throwable failed) {
            for (Throwable t = failed; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof OptimisticLockingException) {
                    return true;
                }
            }
            return false;
        }

        private static void pause(int attempt) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
