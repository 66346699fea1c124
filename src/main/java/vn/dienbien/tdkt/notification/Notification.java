package vn.dienbien.tdkt.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Thông báo gửi một đơn vị. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(name = "recipient_group")
    private String recipientGroup;

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

    NotificationView view() {
        return new NotificationView(id, unitId, recipientGroup, kind, subject, body, createdAt);
    }
}
