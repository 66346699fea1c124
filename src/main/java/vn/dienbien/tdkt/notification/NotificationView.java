package vn.dienbien.tdkt.notification;

import java.time.Instant;

/** A notification as units and tests read it. */
public record NotificationView(Long id, Long unitId, String recipientGroup, String kind, String subject, String body, Instant createdAt) {
}
