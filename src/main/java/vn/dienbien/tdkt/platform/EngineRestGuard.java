package vn.dienbien.tdkt.platform;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What a call to the engine's REST API may change, decided before the engine sees it: tasks end only
 * by completing their form; a case's variables change only through its tasks' forms (administrators
 * excepted); variables the system owns never change; a process starts at its start, with its start
 * form's fields only. Returns the Vietnamese reason for a refusal, or null.
 */
final class EngineRestGuard {

    /** JSON members whose object holds variables by name. */
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
            "processVariablesLocal", "processVariablesToTriggeredScope", "localVariables");
    static final Pattern TASK_ACTION = Pattern.compile("/task/([^/]+)/(?:complete|submit-form|resolve)/?$");
    private static final Pattern TASK_SHORTCUT = Pattern.compile("/task/[^/]+/(?:bpmnError|bpmnEscalation)/?$");
    private static final Pattern VARIABLE_API = Pattern.compile(
            "/(?:task|process-instance|execution|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/|$)"
                    + "|/variable-instance(?:/|$)|/process-instance/variables-async/?$");
    private static final Pattern NAMED_VARIABLE = Pattern.compile("/(?:variables|localVariables)/([^/]+)(?:/data)?/?$");
    private static final Pattern RESHAPE = Pattern.compile(
            "/process-definition/[^/]+/restart|/process-instance/(?:[^/]+/)?modification|/process-instance/[^/]+/(?:suspended|delete)");
    private static final Pattern START = Pattern.compile("/process-definition/(key/)?([^/]+)/(?:start|submit-form)/?$");

    private final ObjectProvider<ProtectedVariables> protectedDeclared;
    private final ObjectProvider<FormPayloads> payloadsDeclared;
    private final ObjectProvider<StartFormFields> startFormsDeclared;
    private final IdentityService identityService;
    private final org.camunda.bpm.engine.TaskService taskService;
    private final CurrentValues currentValues;
    private final TaskFormFields taskForms;
    private final String adminGroup;
    private volatile Set<String> protectedNames;
    private volatile Set<String> payloadNames;
    private volatile Map<String, Set<String>> startFields;

    EngineRestGuard(ObjectProvider<ProtectedVariables> protectedDeclared, ObjectProvider<FormPayloads> payloadsDeclared,
            ObjectProvider<StartFormFields> startFormsDeclared, IdentityService identityService,
            org.camunda.bpm.engine.TaskService taskService, CurrentValues currentValues, TaskFormFields taskForms,
            String adminGroup) {
        this.protectedDeclared = protectedDeclared;
        this.payloadsDeclared = payloadsDeclared;
        this.startFormsDeclared = startFormsDeclared;
        this.identityService = identityService;
        this.taskService = taskService;
        this.currentValues = currentValues;
        this.taskForms = taskForms;
        this.adminGroup = adminGroup;
    }

    /** The reason to refuse a state-changing call, or null; {@code body} is its JSON, or null. */
    String refusal(HttpServletRequest request, JsonNode body) {
        String path = request.getRequestURI();
        if (TASK_SHORTCUT.matcher(path).find()) {
            return "Nhiệm vụ chỉ kết thúc khi người được giao hoàn thành biểu mẫu của nó.";
        }
        boolean admin = isAdministrator(request);
        if (!admin && VARIABLE_API.matcher(path).find()) {
            return "Dữ liệu của hồ sơ chỉ thay đổi qua biểu mẫu của nhiệm vụ, không qua API biến.";
        }
        if (!admin && RESHAPE.matcher(path).find()) {
            return "Chỉ quản trị hệ thống được sửa đường đi của hồ sơ.";
        }
        Matcher named = NAMED_VARIABLE.matcher(path);
        if (named.find()) {
            String name = URLDecoder.decode(named.group(1), StandardCharsets.UTF_8);
            if (protectedNames().contains(name) || payloadNames().contains(name)) {
                return systemOwned(name);
            }
        }
        Matcher start = START.matcher(path);
        if (start.find()) {
            if (startsHalfway(body)) {
                return "Chỉ được bắt đầu quy trình từ điểm bắt đầu của nó, không được bắt đầu giữa chừng "
                        + "hay bỏ qua các bước ghi nhận.";
            }
            String key = URLDecoder.decode(start.group(2), StandardCharsets.UTF_8);
            key = start.group(1) != null ? key : key.split(":")[0];
            String stray = firstOutside(body, startFields().getOrDefault(key, Set.of()));
            if (stray != null && !admin) {
                return "\"" + stray + "\" không thuộc biểu mẫu bắt đầu của quy trình này.";
            }
        }
        if (body == null) {
            return null;
        }
        Matcher task = TASK_ACTION.matcher(path);
        boolean completion = task.find();
        CurrentValues.Lookup current = completion ? currentValues.of(path) : null;
        if (current != null && !current.exists()) {
            return null; // the engine answers: the task is gone (404, or 409 once completed)
        }
        if (completion && !mayWorkOn(request, URLDecoder.decode(task.group(1), StandardCharsets.UTF_8))) {
            // Compare nothing for a caller who may not work on the task (or whose password is wrong):
            // the engine refuses, and no answer tells whether a guessed value was right.
            return null;
        }
        String name = firstProtected(body, current);
        if (name != null) {
            return systemOwned(name);
        }
        if (completion) {
            var fields = taskForms.of(URLDecoder.decode(task.group(1), StandardCharsets.UTF_8));
            String stray = fields.isEmpty() ? null : firstStray(body, fields.get(), current);
            if (stray != null) {
                return "\"" + stray + "\" không phải trường của biểu mẫu nhiệm vụ này: một bước không được "
                        + "điền sẵn dữ liệu cho bước khác.";
            }
        }
        return null;
    }

    private static String systemOwned(String name) {
        return "Không được đặt hoặc sửa biến \"" + name + "\": giá trị này do hệ thống quản lý.";
    }

    private boolean isAdministrator(HttpServletRequest request) {
        // The password is checked by the engine's own filter next; a wrong one never reaches the engine.
        Callers.Basic basic = Callers.basic(request.getHeader("Authorization"));
        CurrentUser session = basic == null ? Callers.fromSession(request.getSession(false)) : null;
        String user = basic != null ? basic.user() : session == null ? null : session.userId();
        return user != null && identityService.createUserQuery().userId(user).memberOfGroup(adminGroup).count() > 0;
    }

    /** The caller, authenticated (session, or Basic with a right password), may see the task. */
    private boolean mayWorkOn(HttpServletRequest request, String taskId) {
        String header = request.getHeader("Authorization");
        CurrentUser caller = Callers.basic(header) != null ? Callers.fromBasic(header, identityService)
                : Callers.fromSession(request.getSession(false));
        if (caller == null) {
            return false;
        }
        // Whatever authentication the request thread already carries is put back afterwards.
        var previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(caller.userId(), caller.groupIds());
        try {
            return taskService.createTaskQuery().taskId(taskId).count() > 0;
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            } else {
                identityService.clearAuthentication();
            }
        }
    }

    private static boolean startsHalfway(JsonNode body) {
        return body != null && body.isObject() && ((body.hasNonNull("startInstructions") && !body.get("startInstructions").isEmpty())
                || body.path("skipCustomListeners").asBoolean(false) || body.path("skipIoMappings").asBoolean(false));
    }

    /** A variable the completion sets that is neither its form's field nor sent back as it stands. */
    private static String firstStray(JsonNode body, Set<String> fields, CurrentValues.Lookup current) {
        if (!body.path("variables").isObject()) {
            return null;
        }
        for (var entries = body.get("variables").fields(); entries.hasNext(); ) {
            var entry = entries.next();
            if (!fields.contains(entry.getKey()) && !unchanged(entry.getKey(), entry.getValue(), current)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static String firstOutside(JsonNode body, Set<String> allowed) {
        if (body == null || !body.path("variables").isObject()) {
            return null;
        }
        for (Iterator<String> names = body.get("variables").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The first system-owned variable a body writes. On a task's own completion, one sent back with the
     * value and type it already has passes: Tasklist's embedded forms send back what they read.
     */
    private String firstProtected(JsonNode node, CurrentValues.Lookup current) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
                    for (Iterator<String> names = field.getValue().fieldNames(); names.hasNext(); ) {
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

    static boolean unchanged(String name, JsonNode submitted, CurrentValues.Lookup current) {
        if (submitted == null || current == null || !submitted.isObject()) {
            return false;
        }
        TypedValue value = current.typedValue(name);
        JsonNode given = submitted.hasNonNull("value") ? submitted.get("value")
                : com.fasterxml.jackson.databind.node.NullNode.getInstance();
        if (value == null || value.getValue() == null) {
            return given.isNull(); // a form sends back, empty, what it read and the case does not hold
        }
        if (given.isNull() || given.isContainerNode()) {
            return false;
        }
        String type = value.getType() == null ? "" : value.getType().getName();
        String claimed = submitted.path("type").asText("");
        Object held = value.getValue();
        if (held instanceof Number number) {
            boolean sameType = claimed.isEmpty() ? given.isIntegralNumber() && (type.equals("integer") || type.equals("long"))
                    : claimed.equalsIgnoreCase(type);
            return sameType && given.isNumber()
                    && given.decimalValue().compareTo(new java.math.BigDecimal(number.toString())) == 0;
        }
        if (held instanceof String text) {
            return (claimed.isEmpty() || claimed.equalsIgnoreCase("string")) && given.isTextual() && given.asText().equals(text);
        }
        if (held instanceof Boolean flag) {
            return (claimed.isEmpty() || claimed.equalsIgnoreCase("boolean")) && given.isBoolean() && given.asBoolean() == flag;
        }
        return false;
    }

    private Set<String> protectedNames() {
        Set<String> names = protectedNames;
        if (names == null) {
            Set<String> all = new HashSet<>();
            protectedDeclared.orderedStream().forEach(p -> all.addAll(p.names()));
            protectedNames = names = Set.copyOf(all);
        }
        return names;
    }

    private Set<String> payloadNames() {
        Set<String> names = payloadNames;
        if (names == null) {
            Set<String> all = new HashSet<>();
            payloadsDeclared.orderedStream().forEach(p -> all.addAll(p.names()));
            payloadNames = names = Set.copyOf(all);
        }
        return names;
    }

    private Map<String, Set<String>> startFields() {
        Map<String, Set<String>> fields = startFields;
        if (fields == null) {
            Map<String, Set<String>> all = new HashMap<>();
            startFormsDeclared.orderedStream().forEach(f -> all.merge(f.processKey(), f.fields(), (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.addAll(b);
                return Set.copyOf(both);
            }));
            startFields = fields = Map.copyOf(all);
        }
        return fields;
    }
}
