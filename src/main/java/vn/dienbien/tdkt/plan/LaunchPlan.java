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
import java.time.LocalDate;

/**
 * What one unit sends for one reporting round: its launch plan (kế hoạch phát động) or a periodic
 * report (báo cáo định kỳ). The name stays from the launch plan, the first round of every campaign.
 */
@Entity
@Table(name = "launch_plan")
class LaunchPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    /** Not named roundId: the audit's change listener reads that name as an evaluation round. */
    @Column(name = "round_id", nullable = false)
    private Long reportingRoundId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LaunchPlanStatus status = LaunchPlanStatus.NOT_SENT;

    @Column(name = "plan_number")
    private String planNumber;

    @Column(name = "plan_date")
    private LocalDate planDate;

    private String summary;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "first_sent_at")
    private Instant firstSentAt;

    @Column(name = "last_sent_at")
    private Instant lastSentAt;

    /** Whether the first sending arrived before the deadline. */
    @Column(name = "on_time")
    private Boolean onTime;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "urged_at")
    private Instant urgedAt;

    protected LaunchPlan() {
    }

    LaunchPlan(Long campaignId, Long roundId, Long unitId) {
        this.campaignId = campaignId;
        this.reportingRoundId = roundId;
        this.unitId = unitId;
    }

    void attachCase(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Records one sending; the first one decides whether the plan was on time. */
    void send(String planNumber, LocalDate planDate, String summary, Long documentId, Instant sentAt, boolean onTimeNow) {
        this.planNumber = planNumber;
        this.planDate = planDate;
        this.summary = summary;
        this.documentId = documentId;
        if (firstSentAt == null) {
            firstSentAt = sentAt;
            onTime = onTimeNow;
        }
        lastSentAt = sentAt;
        status = LaunchPlanStatus.SENT;
    }

    void accept(Instant at) {
        status = LaunchPlanStatus.ACCEPTED;
        acceptedAt = at;
    }

    void returnForRevision() {
        status = LaunchPlanStatus.RETURNED;
    }

    void urged(Instant at) {
        urgedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getCampaignId() {
        return campaignId;
    }

    Long getRoundId() {
        return reportingRoundId;
    }

    Long getUnitId() {
        return unitId;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    LaunchPlanStatus getStatus() {
        return status;
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

    Instant getFirstSentAt() {
        return firstSentAt;
    }

    Instant getLastSentAt() {
        return lastSentAt;
    }

    Boolean getOnTime() {
        return onTime;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    Instant getUrgedAt() {
        return urgedAt;
    }
}
