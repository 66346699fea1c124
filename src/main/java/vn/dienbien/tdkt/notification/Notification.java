package vn.dienbien.tdkt.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Thông báo gửi một đơn vị, một nhóm (vai trò) hoặc một người. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    // Ids in blocks of 50, so that one flush inserts many rows in one batch (V41, issue 12).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_ids")
    @SequenceGenerator(name = "notification_ids", sequenceName = "notification_id_blocks", allocationSize = 50)
    private Long id;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(name = "recipient_group")
    private String recipientGroup;

    /** One person: the assignee or a candidate user of a new task. */
    @Column(name = "recipient_user")
    private String recipientUser;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The case at work when it was sent, if any; its story lists it. */
    @Column(name = "process_instance_id")
    private String processInstanceId;

    /** The task a "new task" notification announces; Tasklist opens it. */
    @Column(name = "task_id")
    private String taskId;

    /** When its mail left; a retried delivery never sends it again. */
    @Column(name = "mailed_at")
    private Instant mailedAt;

    @Column(name = "mail_recipients")
    private Integer mailRecipients;

    protected Notification() {
    }

    Notification(Long unitId, String recipientGroup, String kind, String subject, String body, Instant createdAt,
            String processInstanceId) {
        this(unitId, recipientGroup, kind, subject, body, createdAt);
        this.processInstanceId = processInstanceId;
    }

    Notification(Long unitId, String recipientGroup, String kind, String subject, String body, Instant createdAt) {
        this.unitId = unitId;
        this.recipientGroup = recipientGroup;
        this.kind = kind;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
    }

    /** A new task announced to one group or one person (recipientUser) who can act on it. */
    static Notification newTask(String recipientGroup, String recipientUser, String subject, String body,
            Instant createdAt, String taskId) {
        Notification n = new Notification(null, recipientGroup, NotificationService.NEW_TASK, subject, body, createdAt);
        n.recipientUser = recipientUser;
        n.taskId = taskId;
        return n;
    }

    Long getId() {
        return id;
    }

    Long getUnitId() {
        return unitId;
    }

    String getRecipientGroup() {
        return recipientGroup;
    }

    String getRecipientUser() {
        return recipientUser;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getTaskId() {
        return taskId;
    }

    boolean isMailed() {
        return mailedAt != null;
    }

    void mailed(Instant at, int recipients) {
        this.mailedAt = at;
        this.mailRecipients = recipients;
    }

    NotificationView view() {
        return new NotificationView(id, unitId, recipientGroup, kind, subject, body, createdAt);
    }
}
