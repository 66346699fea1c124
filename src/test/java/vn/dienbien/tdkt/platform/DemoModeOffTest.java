package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * With demo mode off nobody logs in with a password the application chose: officials have none
 * anyone knows, and the administrator has the one from the environment. Its own in-memory database,
 * whatever database the rest of the suite uses, so no earlier demo run is in it; and its own JVM
 * (a surefire execution of its own in pom.xml), since Camunda keeps engines in static registries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tdkt.demo.enabled=false",
        "tdkt.admin.password=Quan-tri-2026-DienBien",
        "spring.datasource.url=jdbc:h2:mem:tdkt-no-demo;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.flyway.placeholders.binary_type=binary varying(26214400)"})
@ActiveProfiles("test")
class DemoModeOffTest {

    @Autowired IdentityService identityService;

    @Test
    void officialsAndTheAdministratorDoNotLogInWithTheDemoPassword() {
        // First the right password: a failed attempt delays the account's next login.
        assertThat(identityService.checkPassword("admin", "Quan-tri-2026-DienBien")).isTrue();
        List<String> users = List.of("admin", "bantdkt", "canbo.syt", "chutich", "kiemtoan", "mttq.giamsat");
        for (String user : users) {
            assertThat(identityService.createUserQuery().userId(user).count()).as(user).isEqualTo(1);
            assertThat(identityService.checkPassword(user, "demo")).as(user).isFalse();
        }
    }
}
