package vn.dienbien.tdkt;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each {@link WorkflowTest}: the engine's clock back to real time and nobody signed in, as the next test in
 * the shared application context expects (tests set the clock to the day they play and act as officials).
 */
final class EngineStateReset implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
        SpringExtension.getApplicationContext(context).getBean(IdentityService.class).clearAuthentication();
    }
}
