package vn.dienbien.tdkt.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Notifies units. Notifications are kept in our tables and listed at /api/notifications; a mail
 * or SMS gateway can be attached here later without touching the processes.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;

    NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public NotificationView notifyUnit(Long unitId, String kind, String subject, String body) {
        log.info("Notification to unit {} [{}]: {}", unitId, kind, subject);
        return notifications.save(new Notification(unitId, null, kind, subject, body, WorkflowClock.now(),
                currentCase())).view();
    }

    /** To everyone in a role group, e.g. the Board. */
    @Transactional
    public NotificationView notifyGroup(String groupId, String kind, String subject, String body) {
        log.info("Notification to group {} [{}]: {}", groupId, kind, subject);
        return notifications.save(new Notification(null, groupId, kind, subject, body, WorkflowClock.now(),
                currentCase())).view();
    }

    /** The case whose step is sending (a delegate or task listener at work), or null outside one. */
    private static String currentCase() {
        var context = org.camunda.bpm.engine.impl.context.Context.getBpmnExecutionContext();
        return context == null || context.getExecution() == null ? null : context.getExecution().getProcessInstanceId();
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
