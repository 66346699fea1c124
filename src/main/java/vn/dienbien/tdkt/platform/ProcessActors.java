package vn.dienbien.tdkt.platform;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts in a delegate, and acting as the system where a step is the system's own act. */
public final class ProcessActors {

    /** Recorded as the actor of steps no person took (timers, the system's own acts). */
    public static final String SYSTEM = "he-thong";

    private ProcessActors() {
    }

    /** The user completing the step, as the engine knows it (Tasklist or REST), or the system. */
    public static String currentUser(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : SYSTEM;
    }

    /**
     * The person completing the step with their groups, as the engine authenticated them; null when
     * no person acts (a timer, a job, the system).
     */
    public static CurrentUser currentActor(DelegateExecution execution) {
        if (execution == null) {
            // A task whose case another completion ended after this command read the task: the same race as the
            // engine's optimistic lock, told the same way (409 through the REST API; CompletionRetry runs the
            // completion again, which then finds the task done).
            throw new OptimisticLockingException("Nhiệm vụ này vừa được người khác hoàn thành hoặc xử lý cùng lúc.");
        }
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return null;
        }
        return new CurrentUser(auth.getUserId(), auth.getGroupIds() == null ? java.util.List.of() : auth.getGroupIds());
    }

    /**
     * Runs a system act (granting access, starting a case, telling other cases) inside the current
     * command without the acting user's own authorizations.
     */
    public static <T> T asSystem(Callable<T> call) throws Exception {
        var context = Context.getCommandContext();
        return context == null ? call.call() : context.runWithoutAuthorization(call);
    }
}
