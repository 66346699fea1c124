package vn.dienbien.tdkt.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to our own /api: a user logged into Tasklist or Cockpit (the webapps'
 * session), or a client sending HTTP basic credentials. Anything else gets 401.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthenticationFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiAuthentication(IdentityService identityService,
            @Value("${tdkt.security.read-only-groups:kiem-tra,mttq-giam-sat}") List<String> readOnlyGroups) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(identityService, readOnlyGroups));
        registration.setName("tdkt-api-auth");
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final IdentityService identityService;
        private final List<String> readOnlyGroups;

        Filter(IdentityService identityService, List<String> readOnlyGroups) {
            this.identityService = identityService;
            this.readOnlyGroups = List.copyOf(readOnlyGroups);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // A browser says where a call comes from; a state change sent from another site is refused
            // however it is authenticated (a browser also replays Basic credentials it cached).
            if (changesState(request) && fromAnotherSite(request)) {
                refuseCrossSite(response);
                return;
            }
            // Credentials sent with the call win: a cross-site page cannot set them.
            CurrentUser user = Callers.fromBasic(request.getHeader("Authorization"), identityService);
            if (user == null) {
                user = Callers.fromSession(request.getSession(false));
                if (user != null && changesState(request) && !sameOrigin(request)) {
                    refuseCrossSite(response);
                    return;
                }
            }
            if (user == null) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                // Browsers get no login prompt, so they never cache credentials to replay across sites.
                String accept = request.getHeader("Accept");
                if (accept == null || !accept.contains("text/html")) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"tdkt\"");
                }
                response.setContentType("application/json;charset=UTF-8");
                response.getOutputStream().write(
                        "{\"status\":401,\"message\":\"Vui lòng đăng nhập (phiên Tasklist hoặc HTTP Basic).\"}"
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            // Oversight roles (auditors, the Fatherland Front) read; they never write, except the Front's
            // comment on a case, which its service allows to the Front alone.
            if (changesState(request) && !isCaseComment(request) && !user.groupIds().isEmpty() && readOnlyGroups.containsAll(user.groupIds())) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/json;charset=UTF-8");
                response.getOutputStream().write(("{\"status\":403,\"message\":\"Vai trò giám sát, kiểm tra "
                        + "chỉ được xem, không được tạo hay sửa dữ liệu.\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, user);
            chain.doFilter(request, response);
        }

        private static void refuseCrossSite(HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"status\":403,\"message\":\"Yêu cầu bị từ chối: "
                    + "thao tác thay đổi dữ liệu phải gửi từ chính trang của hệ thống.\"}").getBytes(StandardCharsets.UTF_8));
        }

        /** The browser named another site as the caller (Sec-Fetch-Site, or an Origin of another host). */
        static boolean fromAnotherSite(HttpServletRequest request) {
            String site = request.getHeader("Sec-Fetch-Site");
            if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
                return true;
            }
            String origin = request.getHeader("Origin");
            return origin != null && !origin.isBlank() && !sameOrigin(request);
        }

        private static boolean isCaseComment(HttpServletRequest request) {
            return "POST".equals(request.getMethod())
                    && CASE_COMMENT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
        }

        private static final java.util.regex.Pattern CASE_COMMENT =
                java.util.regex.Pattern.compile("/api/audit/cases/[^/]+/comments");

        private static boolean changesState(HttpServletRequest request) {
            String method = request.getMethod();
            return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        }

        /**
         * CSRF protection for calls authenticated by the webapps' session cookie: a browser names the
         * page that sent a POST in Origin (or at least Referer); it must be this application.
         */
        static boolean sameOrigin(HttpServletRequest request) {
            String source = request.getHeader("Origin");
            if (source == null || source.isBlank() || "null".equals(source)) {
                source = request.getHeader("Referer");
            }
            if (source == null || source.isBlank()) {
                return false;
            }
            try {
                var uri = java.net.URI.create(source.trim());
                String host = request.getHeader("Host");
                if (uri.getHost() == null || host == null) {
                    return false;
                }
                String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
                return authority.equalsIgnoreCase(host)
                        || (uri.getPort() < 0 && host.equalsIgnoreCase(uri.getHost() + ":" + defaultPort(uri.getScheme())));
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }

        private static int defaultPort(String scheme) {
            return "https".equalsIgnoreCase(scheme) ? 443 : 80;
        }
    }
}
