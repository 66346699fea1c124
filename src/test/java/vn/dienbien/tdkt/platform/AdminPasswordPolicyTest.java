package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The administrator's password outside demo mode: from the environment, strong, or no start. */
class AdminPasswordPolicyTest {

    private final AdminPasswordPolicy policy = new AdminPasswordPolicy();

    @Test
    void withoutDemoAMissingOrWeakPasswordStopsTheStartWithAMessageSayingWhatToSet() {
        for (String weak : new String[] {"", "demo", "short1", "chicochudaithoi", "123456789012345"}) {
            var environment = new MockEnvironment().withProperty("tdkt.demo.enabled", "false")
                    .withProperty("tdkt.admin.password", weak);
            assertThatThrownBy(() -> policy.postProcessEnvironment(environment, null)).as(weak)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("TDKT_ADMIN_PASSWORD");
        }
    }

    @Test
    void withoutDemoAStrongPasswordIsKept() {
        var environment = new MockEnvironment().withProperty("tdkt.demo.enabled", "false")
                .withProperty("tdkt.admin.password", "Quan-tri-2026-DienBien");
        policy.postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("tdkt.admin.password")).isEqualTo("Quan-tri-2026-DienBien");
    }

    @Test
    void inDemoModeTheAdministratorGetsTheDemoPasswordUnlessOneIsGiven() {
        var demo = new MockEnvironment().withProperty("tdkt.demo.enabled", "true").withProperty("tdkt.admin.password", "");
        policy.postProcessEnvironment(demo, null);
        assertThat(demo.getProperty("tdkt.admin.password")).isEqualTo("demo");

        var given = new MockEnvironment().withProperty("tdkt.demo.enabled", "true")
                .withProperty("tdkt.admin.password", "Quan-tri-2026-DienBien");
        policy.postProcessEnvironment(given, null);
        assertThat(given.getProperty("tdkt.admin.password")).isEqualTo("Quan-tri-2026-DienBien");
    }
}
