package vn.dienbien.tdkt.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side protections that the Camunda webapps give /camunda, for our own surfaces:
 * no MIME sniffing, no framing by other sites, no referrer to other sites, and a content
 * security policy.
 * <ul>
 * <li>/api, /public and /engine-rest answer JSON, CSV and downloads, never a page: nothing may
 * load or run from them ({@code default-src 'none'}) and nobody may frame them.</li>
 * <li>/public/verify is a small server-rendered page (certificate verification): as the data
 * surfaces, but its own inline style may apply; still no script, no image, no framing.</li>
 * <li>/forms holds the embedded forms, which Tasklist fetches and runs inside its own page
 * under its own policy; opened on their own they are inert fragments, so they may show styles
 * and images of this site but run no script, and only this site may frame them.</li>
 * </ul>
 * The headers are set before anything answers, so refusals (401, 403, 404, 413) carry them too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String FORMS_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; base-uri 'self'; "
            + "form-action 'self'";
    /** The application's own pages (the calendar, the audit pages): their scripts from this origin only, no inline code. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; "
            + "base-uri 'self'; form-action 'self'";

    static final String VERIFY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter());
        registration.setName("tdkt-security-headers");
        registration.addUrlPatterns("/api/*", "/public/*", "/forms/*", "/engine-rest/*", "/calendar/*",
                "/audit", "/audit/*", "/migration", "/migration/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean form = request.getRequestURI().startsWith(request.getContextPath() + "/forms/");
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean page = path.startsWith("/calendar/") || path.equals("/audit") || path.startsWith("/audit/")
                    || path.equals("/migration") || path.startsWith("/migration/");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", form || page ? "SAMEORIGIN" : "DENY");
            boolean verify = path.startsWith("/public/verify/");
            response.setHeader("Content-Security-Policy", form ? FORMS_POLICY : page ? PAGE_POLICY
                    : verify ? VERIFY_POLICY : DATA_POLICY);
            response.setHeader("Referrer-Policy", "same-origin");
            chain.doFilter(request, response);
        }
    }
}
