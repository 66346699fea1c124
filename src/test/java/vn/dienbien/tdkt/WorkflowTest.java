package vn.dienbien.tdkt;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on the test database: H2 in memory by default, or
 * PostgreSQL when TDKT_TEST_DB=postgres (as .ci/run does). Jobs and timers run only when a test
 * executes them. After each test the engine's clock is real time again and nobody is signed in
 * ({@link EngineStateReset}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@ExtendWith(EngineStateReset.class)
public @interface WorkflowTest {
}
