package vn.dienbien.tdkt.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST surfaces (/engine-rest for clients and Modeler, /camunda/api/engine for
 * Tasklist): a client may not write the variables that tie a case to its records or that the system
 * computes ({@link ProtectedVariables}), and every error answer carries the refusal's own status with
 * a Vietnamese message and nothing internal.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestRefusalFilter(ObjectProvider<ProtectedVariables> declared,
            ObjectProvider<FormPayloads> payloads, ObjectProvider<StartFormFields> startForms,
            IdentityService identityService, HistoryService historyService, TaskService taskService,
            RuntimeService runtimeService, ObjectMapper json,
            @Value("${tdkt.security.admin-group:camunda-admin}") String adminGroup) {
        var guard = new EngineRestGuard(declared, payloads, startForms, identityService, taskService,
                new CurrentValues(taskService, runtimeService), new TaskFormFields(taskService, json), adminGroup);
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(guard, historyService, json));
        registration.setName("tdkt-engine-rest-refusals");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // Outside the engine's own authentication filter, so that its answers are rewritten too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(EngineRestRefusals.class);
        private static final Pattern TASK_ACTION = EngineRestGuard.TASK_ACTION;
        private static final int MAX_BODY = 30 * 1024 * 1024;

        private final EngineRestGuard guard;
        private final HistoryService historyService;
        private final ObjectMapper json;

        Filter(EngineRestGuard guard, HistoryService historyService, ObjectMapper json) {
            this.guard = guard;
            this.historyService = historyService;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest checked = request;
            // A browser that cached Basic credentials would replay them for another site's page.
            if (writes(request) && "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
                refuse(response, "Yêu cầu bị từ chối: thao tác thay đổi dữ liệu phải gửi từ chính trang của hệ thống.");
                return;
            }
            if (writes(request)) {
                JsonNode body = null;
                if (isJson(request)) {
                    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY);
                    body = readTree(bytes);
                    checked = new CachedBody(request, bytes);
                }
                String refusal = guard.refusal(request, body);
                if (refusal != null) {
                    refuse(response, refusal);
                    return;
                }
            }
            var wrapped = new ErrorHoldingResponse(response);
            RefusalCapture.clear();
            try {
                chain.doFilter(checked, wrapped);
            } finally {
                Throwable thrown = RefusalCapture.last();
                RefusalCapture.clear();
                if (wrapped.getStatus() >= 400) {
                    rewrite(request, wrapped, thrown);
                }
                wrapped.copyBodyToResponse();
            }
        }

        private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response, Throwable thrown)
                throws IOException {
            int status = response.getStatus();
            Refusal refusal = thrown == null ? null : Refusal.of(thrown);
            // The loser of two simultaneous completions finds the task gone, its candidate links gone, or
            // (inside the engine) its execution half gone: whatever it met, someone else completed the task.
            boolean databaseAway = refusal != null && refusal.status() == HttpStatus.SERVICE_UNAVAILABLE;
            if (!databaseAway && taskAlreadyDone(request)) {
                refusal = new Refusal(HttpStatus.CONFLICT,
                        "Nhiệm vụ này đã được hoàn thành (có thể bởi người khác). Vui lòng tải lại danh sách nhiệm vụ.");
            } else if (refusal != null && refusal.status() == HttpStatus.CONFLICT && !ours(thrown)
                    && TASK_ACTION.matcher(request.getRequestURI()).find()) {
                // A conflict the engine or the database met mid-completion (not one of our rules,
                // e.g. a decision number already used, whose message stays).
                refusal = new Refusal(HttpStatus.CONFLICT, "Nhiệm vụ này vừa được người khác hoàn thành hoặc xử lý "
                        + "cùng lúc. Vui lòng tải lại danh sách nhiệm vụ.");
            }
            if (refusal == null) {
                String message = messageOf(response.getContentAsByteArray());
                refusal = new Refusal(HttpStatus.valueOf(status),
                        message != null && Refusal.readable(message) ? message : Refusal.generic(status));
            }
            if (refusal.status() == HttpStatus.SERVICE_UNAVAILABLE && thrown != null && DatabaseOutage.causedBy(thrown)) {
                // Every call meets it while the database is away: one line each, no stack trace.
                log.warn("Engine REST {} {}: database unreachable, answered 503 ({})", request.getMethod(),
                        request.getRequestURI(), DatabaseOutage.rootMessage(thrown));
            } else if (refusal.status().is5xxServerError() && thrown != null) {
                log.error("Engine REST {} {} failed", request.getMethod(), request.getRequestURI(), thrown);
            }
            response.resetBuffer();
            response.setStatus(refusal.status().value());
            response.setContentType("application/json;charset=UTF-8");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", refusal.status().is4xxClientError() ? "Refusal" : "ServerError");
            body.put("status", refusal.status().value());
            body.put("message", refusal.message());
            response.getOutputStream().write(json.writeValueAsBytes(body));
        }

        /** A refusal of our own rules (ApiException) somewhere in what was thrown. */
        private static boolean ours(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ApiException) {
                    return true;
                }
            }
            return false;
        }

        /** A completion of a task that existed and has ended: someone else completed it first. */
        private boolean taskAlreadyDone(HttpServletRequest request) {
            Matcher task = TASK_ACTION.matcher(request.getRequestURI());
            return task.find() && historyService.createHistoricTaskInstanceQuery()
                    .taskId(URLDecoder.decode(task.group(1), StandardCharsets.UTF_8)).finished().count() > 0;
        }

        private String messageOf(byte[] body) {
            if (body.length == 0) {
                return null;
            }
            try {
                JsonNode node = json.readTree(body);
                return node != null && node.hasNonNull("message") ? node.get("message").asText() : null;
            } catch (IOException notJson) {
                return null;
            }
        }

        private JsonNode readTree(byte[] body) {
            try {
                return body.length == 0 ? null : json.readTree(body);
            } catch (IOException unreadable) {
                return null; // the engine answers the malformed body itself; the answer is rewritten
            }
        }

        private void refuse(HttpServletResponse response, String message) throws IOException {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(Map.of("type", "Refusal", "status", 403,
                    "message", message)));
        }

        private static boolean writes(HttpServletRequest request) {
            String method = request.getMethod();
            return "POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method) || "PATCH".equals(method);
        }

        private static boolean isJson(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase().contains("json");
        }
    }

    /** Keeps an error status of the engine's REST layer open for rewriting instead of committing it. */
    static final class ErrorHoldingResponse extends ContentCachingResponseWrapper {
        ErrorHoldingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }
    }

    /** The request with its already-read body, for the engine to read again. */
    static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
