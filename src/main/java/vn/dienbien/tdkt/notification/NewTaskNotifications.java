package vn.dienbien.tdkt.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.core.instance.CoreExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.ProcessActors;

/**
 * "Có việc mới": every user task of every diagram tells the people who can act on it (its candidate
 * groups, candidate users or assignee) as it is created, in the creating transaction, under the name the
 * diagram's own create listeners gave it. Registered once for all diagrams, so no diagram has to
 * remember it, and modifications that skip custom listeners still tell people. The system user is
 * never told.
 */
@Component
class NewTaskNotifications extends AbstractProcessEnginePlugin {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final int SUBJECT_MAX = 500;

    private final ObjectProvider<NotificationService> notifications;
    /** Resolved at the first task: looking it up again for every task cost 0.3% of the benchmark's workers. */
    private volatile NotificationService service;

    NewTaskNotifications(ObjectProvider<NotificationService> notifications) {
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener listener = this::created;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    // After the diagram's own create listeners, which name the task for its case
                    // ("Biểu quyết: Phiên họp tháng 3/2024"), so people are told that name. The
                    // engine runs built-in listeners first, so the built-in one tells people only
                    // when a modification skips the custom listeners, the last custom one otherwise.
                    TaskDefinition definition = userTask.getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, task -> {
                        if (task.getExecution() instanceof CoreExecution execution && execution.isSkipCustomListeners()) {
                            listener.notify(task);
                        }
                    });
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void created(DelegateTask task) {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
        }
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            } else if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        users.remove(ProcessActors.SYSTEM);
        if (groups.isEmpty() && users.isEmpty()) {
            return;
        }
        String name = task.getName() == null || task.getName().isBlank() ? task.getTaskDefinitionKey() : task.getName();
        String subject = "Có việc mới: " + name;
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
        }
        String body = body(task, name);
        NotificationService service = notificationService();
        for (String group : groups) {
            service.notifyNewTask(group, null, subject, body, task.getId());
        }
        for (String user : users) {
            service.notifyNewTask(null, user, subject, body, task.getId());
        }
    }

    private NotificationService notificationService() {
        NotificationService resolved = service;
        if (resolved == null) {
            resolved = notifications.getObject();
            service = resolved;
        }
        return resolved;
    }

    private static String body(DelegateTask task, String name) {
        StringBuilder body = new StringBuilder("Việc cần làm: ").append(name).append('.');
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (businessKey != null && !businessKey.isBlank()) {
            body.append("\nHồ sơ: ").append(businessKey).append('.');
        }
        if (task.getDueDate() != null) {
            var due = task.getDueDate().toInstant().atZone(VIETNAM);
            // A limit at midnight reads as the legal texts say it: "trước ngày 30/03/2031".
            body.append("\nHạn xử lý: ").append(due.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? "trước ngày " + DAY.format(due) : TIME.format(due)).append('.');
        }
        String text = body.toString();
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }
}
