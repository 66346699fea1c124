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
import java.util.Locale;

/**
 * Đợt gửi kế hoạch, báo cáo: what the Board asks every unit of a campaign to send, and by when.
 * The launch plan is the campaign's first round; periodic reports are rounds declared as data.
 */
@Entity
@Table(name = "reporting_round")
class ReportingRound {

    /** Đang nhận (open) or đã kết thúc (closed: units still owing are no longer waited for). */
    enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportKind kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "period_year", nullable = false)
    private int periodYear;

    /** A sending counts as on time strictly before this instant. */
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "unique_key")
    private String uniqueKey;

    @Column(name = "declared_by", nullable = false)
    private String declaredBy;

    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected ReportingRound() {
    }

    ReportingRound(Long campaignId, ReportKind kind, String title, int periodYear, Instant dueAt, String declaredBy,
            Instant declaredAt) {
        this.campaignId = campaignId;
        this.kind = kind;
        this.title = title;
        this.periodYear = periodYear;
        this.dueAt = dueAt;
        this.declaredBy = declaredBy;
        this.declaredAt = declaredAt;
        this.uniqueKey = kind == ReportKind.LAUNCH_PLAN ? kind.name()
                : kind.oncePerYear() ? kind.name() + ":" + periodYear : null;
    }

    void close(String by, Instant at) {
        status = Status.CLOSED;
        closedBy = by;
        closedAt = at;
    }

    boolean isOpen() {
        return status == Status.OPEN;
    }

    boolean isOnTime(Instant sentAt) {
        return sentAt.isBefore(dueAt);
    }

    /** What the unit sends, in a sentence: "kế hoạch phát động thi đua", "báo cáo sơ kết … 2031". */
    String subject() {
        return title.isEmpty() ? title : title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
    }

    /** The round in a task's name: "kế hoạch", "báo cáo 6 tháng 2031", or the title of another report. */
    String label() {
        return kind == ReportKind.OTHER ? subject() : kind.labelFor(periodYear);
    }

    /** "kế hoạch" or "báo cáo". */
    String document() {
        return kind.document();
    }

    Long getId() {
        return id;
    }

    Long getCampaignId() {
        return campaignId;
    }

    ReportKind getKind() {
        return kind;
    }

    String getTitle() {
        return title;
    }

    int getPeriodYear() {
        return periodYear;
    }

    Instant getDueAt() {
        return dueAt;
    }

    Status getStatus() {
        return status;
    }

    String getDeclaredBy() {
        return declaredBy;
    }

    Instant getDeclaredAt() {
        return declaredAt;
    }

    String getClosedBy() {
        return closedBy;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
