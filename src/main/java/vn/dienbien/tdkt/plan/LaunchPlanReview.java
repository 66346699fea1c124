package vn.dienbien.tdkt.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One review outcome of the Board (kết quả thẩm định): accepted or returned with a reason. */
@Entity
@Table(name = "launch_plan_review")
class LaunchPlanReview {

    /** Tiếp nhận hoặc trả lại. */
    enum Outcome { ACCEPTED, RETURNED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "launch_plan_id", nullable = false)
    private Long launchPlanId;

    @Column(name = "round_no", nullable = false)
    private int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String reason;

    @Column(nullable = false)
    private String reviewer;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected LaunchPlanReview() {
    }

    LaunchPlanReview(Long launchPlanId, int round, Outcome outcome, String reason, String reviewer, Instant reviewedAt) {
        this.launchPlanId = launchPlanId;
        this.round = round;
        this.outcome = outcome;
        this.reason = reason;
        this.reviewer = reviewer;
        this.reviewedAt = reviewedAt;
    }

    int getRound() {
        return round;
    }

    Outcome getOutcome() {
        return outcome;
    }

    String getReason() {
        return reason;
    }

    String getReviewer() {
        return reviewer;
    }

    Instant getReviewedAt() {
        return reviewedAt;
    }
}
