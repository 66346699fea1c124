package vn.dienbien.tdkt.platform;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The administrator's password: in demo mode it defaults to the demo password; otherwise it must
 * come from the environment (TDKT_ADMIN_PASSWORD) and be strong, or the application does not start.
 * Runs before any bean, so a weak password is never written to the identity tables.
 */
public class AdminPasswordPolicy implements EnvironmentPostProcessor, Ordered {

    static final String PASSWORD = "tdkt.admin.password";
    static final int MIN_LENGTH = 12;
    private static final Set<String> KNOWN_WEAK = Set.of("demo", "admin", "password", "camunda", "123456789012");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = environment.getProperty("tdkt.demo.enabled", Boolean.class, false);
        String password = environment.getProperty(PASSWORD, "");
        if (demo) {
            if (password.isBlank()) {
                environment.getPropertySources().addFirst(new MapPropertySource("tdkt-demo-admin",
                        Map.of(PASSWORD, environment.getProperty("tdkt.demo.password", "demo"))));
            }
            return;
        }
        String problem = weakness(password);
        if (problem != null) {
            throw new IllegalStateException("Không khởi động: chế độ demo đã tắt (TDKT_DEMO_ENABLED=false) nên mật khẩu "
                    + "quản trị phải đặt qua biến môi trường TDKT_ADMIN_PASSWORD — " + problem + ". "
                    + "(Startup refused: set a strong TDKT_ADMIN_PASSWORD when demo mode is off.)");
        }
    }

    /** Why a password is too weak for the administrator, or null when it is strong enough. */
    static String weakness(String password) {
        if (password == null || password.isBlank()) {
            return "chưa đặt";
        }
        if (password.length() < MIN_LENGTH) {
            return "cần ít nhất " + MIN_LENGTH + " ký tự";
        }
        if (KNOWN_WEAK.contains(password.toLowerCase())) {
            return "mật khẩu quá phổ biến";
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            return "cần có cả chữ và số";
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
