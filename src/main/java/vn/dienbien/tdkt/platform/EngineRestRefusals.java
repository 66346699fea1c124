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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
            HistoryService historyService, TaskService taskService, RuntimeService runtimeService, ObjectMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new Filter(declared, historyService, new CurrentValues(taskService, runtimeService), json));
        registration.setName("tdkt-engine-rest-refusals");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // Outside the engine's own authentication filter, so that its answers are rewritten too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(EngineRestRefusals.class);
        /** JSON members whose object holds variables by name. */
        private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
                "processVariablesLocal", "processVariablesToTriggeredScope", "localVariables");
        private static final Pattern VARIABLE_PATH = Pattern.compile("/(?:variables|localVariables)/([^/]+)(?:/data)?/?$");
        private static final Pattern TASK_ACTION = Pattern.compile("/task/([^/]+)/(?:complete|submit-form|resolve)/?$");
        private static final Pattern START = Pattern.compile("/process-definition/.+/(?:start|submit-form)/?$");
        private static final int MAX_BODY = 30 * 1024 * 1024;

        private final ObjectProvider<ProtectedVariables> declared;
        private final HistoryService historyService;
        private final CurrentValues currentValues;
        private final ObjectMapper json;
        private volatile Set<String> protectedNames;

        Filter(ObjectProvider<ProtectedVariables> declared, HistoryService historyService, CurrentValues currentValues,
                ObjectMapper json) {
            this.declared = declared;
            this.historyService = historyService;
            this.currentValues = currentValues;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest checked = request;
            if (writes(request)) {
                String path = request.getRequestURI();
                Matcher named = VARIABLE_PATH.matcher(path);
                String namedVariable = named.find() ? URLDecoder.decode(named.group(1), StandardCharsets.UTF_8) : null;
                if (namedVariable != null && protectedNames().contains(namedVariable) && !isJson(request)) {
                    refuseProtected(response, namedVariable);
                    return;
                }
                if (isJson(request)) {
                    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
                    if (START.matcher(path).find() && startsHalfway(body)) {
                        refuse(response, "Chỉ được bắt đầu quy trình từ điểm bắt đầu của nó, "
                                + "không được bắt đầu giữa chừng hay bỏ qua các bước ghi nhận.");
                        return;
                    }
                    var current = currentValues.of(path);
                    // A target that no longer exists takes no variables: the engine answers (404, or 409 for a task).
                    String forbidden = current != null && !current.exists() ? null : namedVariable != null && protectedNames().contains(namedVariable)
                            ? (unchanged(namedVariable, readTree(body), current) ? null : namedVariable)
                            : firstProtected(body, current);
                    if (forbidden != null) {
                        refuseProtected(response, forbidden);
                        return;
                    }
                    checked = new CachedBody(request, body);
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
            if (taskAlreadyDone(request)) {
                refusal = new Refusal(HttpStatus.CONFLICT,
                        "Nhiệm vụ này đã được hoàn thành (có thể bởi người khác). Vui lòng tải lại danh sách nhiệm vụ.");
            } else if (refusal != null && refusal.status() == HttpStatus.CONFLICT && TASK_ACTION.matcher(request.getRequestURI()).find()) {
                refusal = new Refusal(HttpStatus.CONFLICT, "Nhiệm vụ này vừa được người khác hoàn thành hoặc xử lý "
                        + "cùng lúc. Vui lòng tải lại danh sách nhiệm vụ.");
            }
            if (refusal == null) {
                String message = messageOf(response.getContentAsByteArray());
                refusal = new Refusal(HttpStatus.valueOf(status),
                        message != null && Refusal.readable(message) ? message : Refusal.generic(status));
            }
            if (refusal.status().is5xxServerError() && thrown != null) {
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

        /** A start that names where to begin or skips listeners bypasses the case's own first steps. */
        private boolean startsHalfway(byte[] body) {
            try {
                JsonNode node = json.readTree(body);
                return node != null && node.isObject() && ((node.hasNonNull("startInstructions")
                        && !node.get("startInstructions").isEmpty())
                        || node.path("skipCustomListeners").asBoolean(false) || node.path("skipIoMappings").asBoolean(false));
            } catch (IOException unreadable) {
                return false;
            }
        }

        private JsonNode readTree(byte[] body) {
            try {
                return body.length == 0 ? null : json.readTree(body);
            } catch (IOException unreadable) {
                return null; // the engine answers the malformed body itself; the answer is rewritten
            }
        }

        private String firstProtected(byte[] body, CurrentValues.Lookup current) {
            return firstProtected(readTree(body), current);
        }

        /**
         * A protected variable sent back with the value it already has changes nothing (Tasklist's
         * embedded forms send back what they read); any other value is a forgery.
         */
        private static boolean unchanged(String name, JsonNode submitted, CurrentValues.Lookup current) {
            if (submitted == null || current == null || !current.exists()) {
                return false;
            }
            Object value = current.value(name);
            JsonNode given = submitted.isObject() && submitted.has("value") ? submitted.get("value") : null;
            if (value == null || given == null || given.isNull() || given.isContainerNode()) {
                return value == null && given != null && given.isNull();
            }
            if (value instanceof Number number && given.isNumber()) {
                return given.decimalValue().compareTo(new java.math.BigDecimal(number.toString())) == 0;
            }
            if (value instanceof Number number && given.isTextual()) {
                return given.asText().equals(number.toString());
            }
            if (value instanceof java.util.Date) {
                return false;
            }
            return given.isValueNode() && given.asText().equals(String.valueOf(value));
        }

        private String firstProtected(JsonNode node, CurrentValues.Lookup current) {
            if (node == null) {
                return null;
            }
            if (node.isObject()) {
                var fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
                        var names = field.getValue().fieldNames();
                        while (names.hasNext()) {
                            String name = names.next();
                            if (protectedNames().contains(name) && !unchanged(name, field.getValue().get(name), current)) {
                                return name;
                            }
                        }
                    }
                    if ("deletions".equals(field.getKey()) && field.getValue().isArray()) {
                        for (JsonNode name : field.getValue()) {
                            if (protectedNames().contains(name.asText())) {
                                return name.asText();
                            }
                        }
                    }
                    String inner = firstProtected(field.getValue(), current);
                    if (inner != null) {
                        return inner;
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    String inner = firstProtected(element, current);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return null;
        }

        private Set<String> protectedNames() {
            Set<String> names = protectedNames;
            if (names == null) {
                Set<String> all = new HashSet<>();
                declared.orderedStream().forEach(p -> all.addAll(p.names()));
                names = Set.copyOf(all);
                protectedNames = names;
            }
            return names;
        }

        private void refuseProtected(HttpServletResponse response, String name) throws IOException {
            refuse(response, "Không được đặt hoặc sửa biến \"" + name + "\": giá trị này do hệ thống quản lý.");
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
