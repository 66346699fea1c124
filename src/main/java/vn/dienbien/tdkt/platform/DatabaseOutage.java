package vn.dienbien.tdkt.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Khi cơ sở dữ liệu mất kết nối: a request that cannot reach the database is answered 503 with a
 * Vietnamese message, on /api, the engine's REST surfaces and the operators' endpoints alike, wherever the
 * failure surfaced (a controller, the engine, or an authentication filter that checks a password). Each
 * step is one transaction, so a step that met the outage wrote nothing; the connection pool (Hikari, a short
 * connection timeout) reconnects by itself when the database returns. README: Vận hành.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    /**
     * Whether what was thrown (anywhere in its cause chain) says the database could not be reached: no
     * connection from the pool in time, a connection refused or broken, the server shutting down. Not a
     * refusal of the data (constraints, serialization conflicts), which keep their own answers.
     */
    static boolean causedBy(Throwable thrown) {
        boolean belowSql = false;
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A connection that broke mid-transaction: the pool's "Connection is closed" when the rollback (which
            // then replaces the first error) finds it gone, or the socket's own error under the driver's.
            if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            if (belowSql && (t instanceof java.net.SocketException || t instanceof java.io.EOFException)) {
                return true;
            }
            belowSql |= t instanceof SQLException;
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // Hibernate's JDBCConnectionException, by name: no compile-time tie to Hibernate's internals.
            if (t.getClass().getName().endsWith(".JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(json));
        registration.setName("tdkt-database-outage");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/actuator/*", "/public/*");
        // Outside every filter that may touch the database (authentication, the engine REST guard).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json;

        Filter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException e) {
                if (!causedBy(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("Database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
                        rootMessage(e));
                response.resetBuffer();
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "30");
                response.setContentType("application/json;charset=UTF-8");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "ServerError");
                body.put("status", 503);
                body.put("message", Refusal.DATABASE_UNAVAILABLE);
                response.getOutputStream().write(json.writeValueAsBytes(body));
            }
        }
    }

    /** For the log: the innermost message, without a stack trace (every request during an outage meets it). */
    static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
