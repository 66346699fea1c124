package vn.dienbien.tdkt.platform;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's, so that process tests that move the engine's
 * clock move the domain's records with it.
 */
public final class WorkflowClock {

    private WorkflowClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
