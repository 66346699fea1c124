package vn.dienbien.tdkt.campaign;

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
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** Đợt / phong trào thi đua, e.g. Kế hoạch 383/KH-UBND giai đoạn 2021–2025. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String title;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "period_start_year", nullable = false)
    private int periodStartYear;

    @Column(name = "period_end_year", nullable = false)
    private int periodEndYear;

    /** Hạn gửi kế hoạch phát động: a plan must arrive strictly before this instant. */
    @Column(name = "launch_plan_deadline", nullable = false)
    private Instant launchPlanDeadline;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    /** Days before the deadline on which units are reminded, e.g. "10,3". */
    @Column(name = "reminder_days_before", nullable = false)
    private String reminderDaysBefore;

    /** Năm sơ kết giữa kỳ. */
    @Column(name = "mid_term_review_year", nullable = false)
    private int midTermReviewYear;

    /** Năm tổng kết. */
    @Column(name = "final_review_year", nullable = false)
    private int finalReviewYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status = CampaignStatus.DRAFT;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "opened_by")
    private String openedBy;

    private boolean demo;

    /** The day (MM-dd) on which each year's evaluation opens, e.g. "12-15". */
    @Column(name = "evaluation_month_day", nullable = false)
    private String evaluationMonthDay = "12-15";

    protected Campaign() {
    }

    Campaign(String code, String title, LocalDate issuedOn, int periodStartYear, int periodEndYear,
            Instant launchPlanDeadline, String timeZone, List<Integer> reminderDaysBefore, int midTermReviewYear,
            int finalReviewYear, boolean demo) {
        this.code = code;
        this.title = title;
        this.issuedOn = issuedOn;
        this.periodStartYear = periodStartYear;
        this.periodEndYear = periodEndYear;
        this.launchPlanDeadline = launchPlanDeadline;
        this.timeZone = timeZone;
        this.reminderDaysBefore = String.join(",", reminderDaysBefore.stream().map(String::valueOf).toList());
        this.midTermReviewYear = midTermReviewYear;
        this.finalReviewYear = finalReviewYear;
        this.demo = demo;
    }

    void open(String user, Instant at) {
        this.status = CampaignStatus.OPEN;
        this.openedBy = user;
        this.openedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public int getPeriodStartYear() {
        return periodStartYear;
    }

    public int getPeriodEndYear() {
        return periodEndYear;
    }

    public Instant getLaunchPlanDeadline() {
        return launchPlanDeadline;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public List<Integer> reminderDaysBefore() {
        if (reminderDaysBefore == null || reminderDaysBefore.isBlank()) {
            return List.of();
        }
        return Arrays.stream(reminderDaysBefore.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    public int getMidTermReviewYear() {
        return midTermReviewYear;
    }

    public int getFinalReviewYear() {
        return finalReviewYear;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public boolean isDemo() {
        return demo;
    }

    public String getEvaluationMonthDay() {
        return evaluationMonthDay;
    }

    void evaluateOn(String monthDay) {
        this.evaluationMonthDay = monthDay;
    }

    /** Whether a plan sent at this instant is on time ("trước" the deadline). */
    public boolean isOnTime(Instant sentAt) {
        return sentAt.isBefore(launchPlanDeadline);
    }
}
