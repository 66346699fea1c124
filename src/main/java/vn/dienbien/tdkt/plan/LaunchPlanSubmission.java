package vn.dienbien.tdkt.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One round of sending a launch plan (lần gửi). */
@Entity
@Table(name = "launch_plan_submission")
class LaunchPlanSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "launch_plan_id", nullable = false)
    private Long launchPlanId;

    @Column(name = "round_no", nullable = false)
    private int round;

    @Column(name = "plan_number", nullable = false)
    private String planNumber;

    @Column(name = "plan_date", nullable = false)
    private LocalDate planDate;

    @Column(nullable = false)
    private String summary;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "sent_by", nullable = false)
    private String sentBy;

    @Column(name = "on_time", nullable = false)
    private boolean onTime;

    protected LaunchPlanSubmission() {
    }

    LaunchPlanSubmission(Long launchPlanId, int round, String planNumber, LocalDate planDate, String summary,
            Long documentId, Instant sentAt, String sentBy, boolean onTime) {
        this.launchPlanId = launchPlanId;
        this.round = round;
        this.planNumber = planNumber;
        this.planDate = planDate;
        this.summary = summary;
        this.documentId = documentId;
        this.sentAt = sentAt;
        this.sentBy = sentBy;
        this.onTime = onTime;
    }

    int getRound() {
        return round;
    }

    String getPlanNumber() {
        return planNumber;
    }

    LocalDate getPlanDate() {
        return planDate;
    }

    String getSummary() {
        return summary;
    }

    Long getDocumentId() {
        return documentId;
    }

    Instant getSentAt() {
        return sentAt;
    }

    String getSentBy() {
        return sentBy;
    }

    boolean isOnTime() {
        return onTime;
    }
}
