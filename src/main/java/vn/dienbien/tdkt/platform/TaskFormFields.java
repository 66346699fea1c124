package vn.dienbien.tdkt.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.ClassPathResource;

/**
 * The fields a task's own form submits, read from the form itself (forms/*.html: {@code
 * cam-variable-name} and {@code createVariable}; forms/*.form: the keys of its enabled fields). A
 * completion may set these; anything else it sends must be what the case already holds, so that no
 * step plants values in a later step's form.
 */
final class TaskFormFields {

    private static final Pattern HTML_FIELD = Pattern.compile(
            "cam-variable-name=\"([^\"]+)\"|createVariable\\(\\s*\\{\\s*name\\s*:\\s*'([^']+)'");

    private final TaskService taskService;
    private final ObjectMapper json;
    private final Map<String, Optional<Set<String>>> byForm = new ConcurrentHashMap<>();

    TaskFormFields(TaskService taskService, ObjectMapper json) {
        this.taskService = taskService;
        this.json = json;
    }

    /** The task's form fields, or empty when the task or its form is unknown here. */
    Optional<Set<String>> of(String taskId) {
        Task task;
        try {
            task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (task == null) {
            return Optional.empty();
        }
        String resource = null;
        if (task.getFormKey() != null && task.getFormKey().startsWith("embedded:/forms/")) {
            resource = "forms/" + task.getFormKey().substring("embedded:/forms/".length());
        } else if (task.getCamundaFormRef() != null && task.getCamundaFormRef().getKey() != null) {
            resource = "forms/" + task.getCamundaFormRef().getKey() + ".form";
        }
        return resource == null ? Optional.empty() : byForm.computeIfAbsent(resource, this::read);
    }

    private Optional<Set<String>> read(String resource) {
        var file = new ClassPathResource(resource);
        if (!file.exists()) {
            return Optional.empty();
        }
        try (InputStream in = file.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> fields = new HashSet<>();
            if (resource.endsWith(".form")) {
                collect(json.readTree(text).path("components"), fields);
            } else {
                Matcher m = HTML_FIELD.matcher(text);
                while (m.find()) {
                    fields.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
            return Optional.of(Set.copyOf(fields));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void collect(JsonNode components, Set<String> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                fields.add(component.get("key").asText());
            }
            collect(component.path("components"), fields);
        }
    }
}
