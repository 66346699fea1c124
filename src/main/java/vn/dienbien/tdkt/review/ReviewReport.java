package vn.dienbien.tdkt.review;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Báo cáo sơ kết / tổng kết của một đợt thi đua. */
@Entity
@Table(name = "review_report")
class ReviewReport {

    /** Sơ kết giữa kỳ hoặc tổng kết. */
    enum Kind { MID_TERM, FINAL }

    /** Dự thảo, trình phê duyệt, đã phê duyệt. */
    enum Status { DRAFT, SUBMITTED, APPROVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "review_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.DRAFT;

    @Column(name = "content_json", nullable = false)
    private String contentJson;

    private String narrative;

    @Column(name = "prepared_by")
    private String preparedBy;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "chairman_note")
    private String chairmanNote;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exemplary_model", joinColumns = @JoinColumn(name = "report_id"))
    private List<ExemplaryModel> exemplaryModels = new ArrayList<>();

    protected ReviewReport() {
    }

    ReviewReport(Long campaignId, Kind kind, int year, String contentJson, Instant createdAt) {
        this.campaignId = campaignId;
        this.kind = kind;
        this.year = year;
        this.contentJson = contentJson;
        this.createdAt = createdAt;
    }

    void attachCase(String processInstanceId) { this.processInstanceId = processInstanceId; }

    void finalise(String narrative, List<ExemplaryModel> models, String by) {
        this.narrative = narrative;
        this.exemplaryModels = new ArrayList<>(models);
        this.preparedBy = by;
        this.status = Status.SUBMITTED;
    }

    void approve(String by, Instant at, String note) {
        this.approvedBy = by;
        this.approvedAt = at;
        this.chairmanNote = note;
        this.status = Status.APPROVED;
    }

    void returnToBoard(String note) {
        this.chairmanNote = note;
        this.status = Status.DRAFT;
    }

    Long getId() { return id; }
    String getProcessInstanceId() { return processInstanceId; }
    Long getCampaignId() { return campaignId; }
    Kind getKind() { return kind; }
    int getYear() { return year; }
    Status getStatus() { return status; }
    String getContentJson() { return contentJson; }
    String getNarrative() { return narrative; }
    String getApprovedBy() { return approvedBy; }
    String getChairmanNote() { return chairmanNote; }
    List<ExemplaryModel> getExemplaryModels() { return exemplaryModels; }

    /** Điển hình tiên tiến. */
    @Embeddable
    static class ExemplaryModel {

        @Column(name = "dossier_id", nullable = false)
        Long dossierId;

        @Column(name = "nominee_name", nullable = false)
        String nomineeName;

        @Column(name = "award_name", nullable = false)
        String awardName;

        @Column(name = "unit_name", nullable = false)
        String unitName;

        @Column(name = "award_year", nullable = false)
        int year;

        @Column(nullable = false)
        String achievement;

        protected ExemplaryModel() {
        }

        ExemplaryModel(Long dossierId, String nomineeName, String awardName, String unitName, int year, String achievement) {
            this.dossierId = dossierId;
            this.nomineeName = nomineeName;
            this.awardName = awardName;
            this.unitName = unitName;
            this.year = year;
            this.achievement = achievement;
        }
    }
}
