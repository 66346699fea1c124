package vn.dienbien.tdkt.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Đôn đốc: how the Board urged a unit that missed the deadline. */
@Entity
@Table(name = "launch_plan_urging")
class LaunchPlanUrging {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "launch_plan_id", nullable = false)
    private Long launchPlanId;

    @Column(nullable = false)
    private String method;

    @Column(nullable = false)
    private String note;

    @Column(name = "urged_by", nullable = false)
    private String urgedBy;

    @Column(name = "urged_at", nullable = false)
    private Instant urgedAt;

    protected LaunchPlanUrging() {
    }

    LaunchPlanUrging(Long launchPlanId, String method, String note, String urgedBy, Instant urgedAt) {
        this.launchPlanId = launchPlanId;
        this.method = method;
        this.note = note;
        this.urgedBy = urgedBy;
        this.urgedAt = urgedAt;
    }

    String getMethod() {
        return method;
    }

    String getNote() {
        return note;
    }

    String getUrgedBy() {
        return urgedBy;
    }

    Instant getUrgedAt() {
        return urgedAt;
    }
}
