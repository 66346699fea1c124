package vn.dienbien.tdkt.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** The values a REST call's target (a task, a process instance, an execution) holds now. */
final class CurrentValues {

    private static final Pattern TASK = Pattern.compile("/task/([^/]+)/(?!.*localVariables)");
    private static final Pattern TASK_LOCAL = Pattern.compile("/task/([^/]+)/localVariables");
    private static final Pattern INSTANCE = Pattern.compile("/process-instance/([^/]+)/variables");
    private static final Pattern EXECUTION = Pattern.compile("/execution/([^/]+)/localVariables");

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    CurrentValues(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    /** Reads one variable of the target by name; the target exists or no value is known. */
    interface Lookup {
        boolean exists();

        TypedValue typedValue(String name);
    }

    /** The target named by a REST path, or null when the path names none (a start, a message). */
    Lookup of(String path) {
        Matcher m;
        if ((m = TASK_LOCAL.matcher(path)).find()) {
            String id = decode(m.group(1));
            return lookup(() -> taskService.createTaskQuery().taskId(id).count() > 0, name -> taskService.getVariableLocalTyped(id, name));
        }
        if ((m = TASK.matcher(path)).find()) {
            String id = decode(m.group(1));
            return lookup(() -> taskService.createTaskQuery().taskId(id).count() > 0, name -> taskService.getVariableTyped(id, name));
        }
        if ((m = INSTANCE.matcher(path)).find()) {
            String id = decode(m.group(1));
            return lookup(() -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0,
                    name -> runtimeService.getVariableTyped(id, name));
        }
        if ((m = EXECUTION.matcher(path)).find()) {
            String id = decode(m.group(1));
            return lookup(() -> runtimeService.createExecutionQuery().executionId(id).count() > 0,
                    name -> runtimeService.getVariableLocalTyped(id, name));
        }
        return null;
    }

    private static Lookup lookup(java.util.function.BooleanSupplier exists, java.util.function.Function<String, TypedValue> read) {
        return new Lookup() {
            @Override
            public boolean exists() {
                try {
                    return exists.getAsBoolean();
                } catch (ProcessEngineException e) {
                    return false;
                }
            }

            @Override
            public TypedValue typedValue(String name) {
                try {
                    return read.apply(name);
                } catch (ProcessEngineException e) {
                    return null;
                }
            }
        };
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
