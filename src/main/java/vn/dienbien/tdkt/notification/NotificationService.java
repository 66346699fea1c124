package vn.dienbien.tdkt.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Notifies units, role groups and people. Notifications are kept in our tables, shown to each
 * user in Tasklist (unread ones marked) and, when mail is on, mailed by a job of their own
 * ({@link MailScheduling}) started in the same transaction: a step that rolls back sends nothing,
 * and a mail server that is down fails only that job, never the step.
 */
@Service
public class NotificationService {

    /** "Có việc mới": a task the recipients can act on was created. */
    public static final String NEW_TASK = "NEW_TASK";

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final MailScheduling mail;

    NotificationService(NotificationRepository notifications, MailScheduling mail) {
        this.notifications = notifications;
        this.mail = mail;
    }

    @Transactional
    public NotificationView notifyUnit(Long unitId, String kind, String subject, String body) {
        log.info("Notification to unit {} [{}]: {}", unitId, kind, subject);
        return sent(new Notification(unitId, null, kind, subject, body, WorkflowClock.now(), currentCase()));
    }

    /** To everyone in a role group, e.g. the Board. */
    @Transactional
    public NotificationView notifyGroup(String groupId, String kind, String subject, String body) {
        log.info("Notification to group {} [{}]: {}", groupId, kind, subject);
        return sent(new Notification(null, groupId, kind, subject, body, WorkflowClock.now(), currentCase()));
    }

    /**
     * A new task, to one group or one person who can act on it. It names the task, not the case:
     * the task is already in the case's story, a copy of it for each recipient would only repeat it.
     */
    @Transactional
    NotificationView notifyNewTask(String groupId, String userId, String subject, String body, String taskId) {
        return sent(Notification.newTask(groupId, userId, subject, body, WorkflowClock.now(), taskId));
    }

    private NotificationView sent(Notification notification) {
        Notification saved = notifications.save(notification);
        mail.schedule(saved.getId());
        return saved.view();
    }

    /** The case whose step is sending (a delegate or task listener at work), or null outside one. */
    private static String currentCase() {
        var context = org.camunda.bpm.engine.impl.context.Context.getBpmnExecutionContext();
        return context == null || context.getExecution() == null ? null : context.getExecution().getProcessInstanceId();
    }

    /** Whether a notification of this kind was already sent from this case (a job that runs again sends it once). */
    @Transactional(readOnly = true)
    public boolean sentForCase(String processInstanceId, String kind) {
        return processInstanceId != null && notifications.sentForCase(processInstanceId, kind);
    }

    @Transactional(readOnly = true)
    public List<NotificationView> forGroup(String groupId) {
        return notifications.findByRecipientGroupOrderByCreatedAtDescIdDesc(groupId).stream().map(Notification::view).toList();
    }

    @Transactional(readOnly = true)
    public List<NotificationView> forUnit(Long unitId) {
        return notifications.findByUnitIdOrderByCreatedAtDescIdDesc(unitId).stream().map(Notification::view).toList();
    }
}
