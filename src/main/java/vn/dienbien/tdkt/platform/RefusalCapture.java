package vn.dienbien.tdkt.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Remembers, per request thread, the exception with which the engine refused a command, so that
 * {@link EngineRestRefusals} can answer the REST call with the refusal's own status and message;
 * the engine's REST layers wrap it in exceptions of their own and answer 500.
 */
@Component
class RefusalCapture extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Throwable> LAST = new ThreadLocal<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<CommandInterceptor>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new Interceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static void clear() {
        LAST.remove();
    }

    static Throwable last() {
        return LAST.get();
    }

    private static final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException | Error e) {
                LAST.set(e);
                throw e;
            }
        }
    }
}
