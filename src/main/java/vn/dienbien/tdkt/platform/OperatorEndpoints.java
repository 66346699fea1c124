package vn.dienbien.tdkt.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who reads the operators' endpoints (/actuator, README: Vận hành). The health summary
 * ({@code /actuator/health}: UP or DOWN, nothing else) is public, for a load balancer or an uptime
 * check; its components and details, the metrics ({@code /actuator/prometheus}) and every other
 * endpoint are for members of {@code tdkt.management.groups} (the system administrators, by default),
 * signed in to the webapps or sending HTTP Basic credentials. Such a caller is handed to Actuator as a
 * principal in those groups' roles ({@code management.endpoint.health.roles}); nobody else is.
 */
@Configuration(proxyBeanMethods = false)
class OperatorEndpoints {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> operatorEndpointsFilter(IdentityService identityService,
            @Value("${tdkt.management.groups:camunda-admin}") List<String> groups) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(identityService, groups));
        registration.setName("tdkt-operator-endpoints");
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final IdentityService identityService;
        private final List<String> groups;

        Filter(IdentityService identityService, List<String> groups) {
            this.identityService = identityService;
            this.groups = List.copyOf(groups);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
            CurrentUser caller;
            try {
                caller = caller(request);
            } catch (RuntimeException databaseAway) {
                if (!health) {
                    throw databaseAway; // answered 503 by DatabaseOutage
                }
                caller = null; // the summary still says DOWN while the users' registry cannot be read
            }
            boolean operator = caller != null && caller.inAnyGroup(groups);
            if (operator) {
                chain.doFilter(new Operator(request, caller), response);
                return;
            }
            if (health && "GET".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            refuse(request, response, caller == null ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
        }

        private CurrentUser caller(HttpServletRequest request) {
            CurrentUser user = Callers.fromBasic(request.getHeader("Authorization"), identityService);
            return user != null ? user : Callers.fromSession(request.getSession(false));
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
            response.setStatus(status);
            String message;
            if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                String accept = request.getHeader("Accept");
                if (accept == null || !accept.contains("text/html")) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"tdkt-operators\"");
                }
                message = "Vui lòng đăng nhập bằng tài khoản quản trị hệ thống (phiên Cockpit hoặc HTTP Basic).";
            } else {
                message = "Chỉ quản trị hệ thống được xem chỉ số và chi tiết tình trạng hệ thống.";
            }
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"status\":" + status + ",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The caller as Actuator sees it: a principal in the roles of its groups. */
    static final class Operator extends HttpServletRequestWrapper {

        private final CurrentUser caller;

        Operator(HttpServletRequest request, CurrentUser caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller::userId;
        }

        @Override
        public String getRemoteUser() {
            return caller.userId();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.inGroup(role);
        }
    }
}
