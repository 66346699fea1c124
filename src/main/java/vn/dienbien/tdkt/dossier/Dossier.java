package vn.dienbien.tdkt.dossier;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Hồ sơ đề nghị khen thưởng: one nominee, one award, one year. */
@Entity
@Table(name = "dossier")
class Dossier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "award_year", nullable = false)
    private int year;

    @Column(name = "award_code", nullable = false)
    private String awardCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "nominee_kind", nullable = false)
    private NomineeKind nomineeKind;

    @Column(name = "nominee_name", nullable = false)
    private String nomineeName;

    /** Identity of the nominee across dossiers, for "one award per achievement" and history. */
    @Column(name = "nominee_key", nullable = false)
    private String nomineeKey;

    private String gender;

    @Column(name = "birth_year")
    private Integer birthYear;

    private String position;

    @Column(name = "work_unit")
    private String workUnit;

    /** Người trực tiếp lao động, sản xuất (công nhân, nông dân). */
    @Column(name = "direct_worker")
    private Boolean directWorker;

    @Column(name = "parent_unit")
    private String parentUnit;

    @Column(name = "women_share_percent")
    private Integer womenSharePercent;

    @Column(name = "household_address")
    private String householdAddress;

    /** For a unit nominated as a collective (the Flag): the unit itself. */
    @Column(name = "nominee_unit_id")
    private Long nomineeUnitId;

    /** For the Flag: the cluster/block the unit leads, as the block's minutes name it. */
    @Column(name = "led_group_id")
    private Long ledGroupId;

    @Column(name = "proposing_unit_id", nullable = false)
    private Long proposingUnitId;

    @Column(name = "achievement_summary", nullable = false)
    private String achievementSummary;

    /** Years rated "hoàn thành xuất sắc nhiệm vụ", e.g. "2022,2023". */
    @Column(name = "excellent_years")
    private String excellentYears;

    @Column(name = "recognised_initiatives")
    private Integer recognisedInitiatives;

    @Column(name = "under_discipline", nullable = false)
    private boolean underDiscipline;

    @Column(name = "under_investigation", nullable = false)
    private boolean underInvestigation;

    @Column(name = "open_complaint", nullable = false)
    private boolean openComplaint;

    @Column(name = "block_vote_yes")
    private Integer blockVoteYes;

    @Column(name = "block_vote_total")
    private Integer blockVoteTotal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierStatus status;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "clock_started_at")
    private Instant clockStartedAt;

    @Column(name = "clock_resumed_at")
    private Instant clockResumedAt;

    @Column(name = "working_days_used", nullable = false)
    private int workingDaysUsed;

    @Column(name = "due_at")
    private Instant dueAt;

    /** When the Board is reminded that the limit is near; null while the clock stands. */
    @Column(name = "due_reminder_at")
    private Instant dueReminderAt;

    @Column(name = "outcome_reason")
    private String outcomeReason;

    /** The Board member who declared that the block voted outside the system (minutes attached). */
    @Column(name = "outside_vote_declared_by")
    private String outsideVoteDeclaredBy;

    @Column(name = "outside_vote_declared_at")
    private Instant outsideVoteDeclaredAt;

    @Column(name = "outside_vote_note")
    private String outsideVoteNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dossier_document", joinColumns = @JoinColumn(name = "dossier_id"))
    @MapKeyColumn(name = "document_type")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "document_id")
    private Map<DocumentType, Long> documents = new EnumMap<>(DocumentType.class);

    protected Dossier() {
    }

    Dossier(Long campaignId, int year, String awardCode, NomineeKind nomineeKind, String nomineeName,
            String nomineeKey, Long proposingUnitId, String achievementSummary, String createdBy, Instant createdAt) {
        this.campaignId = campaignId;
        this.year = year;
        this.awardCode = awardCode;
        this.nomineeKind = nomineeKind;
        this.nomineeName = nomineeName;
        this.nomineeKey = nomineeKey;
        this.proposingUnitId = proposingUnitId;
        this.achievementSummary = achievementSummary;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = DossierStatus.AWAITING_HEAD;
    }

    void individual(String gender, Integer birthYear, String position, String workUnit, Boolean directWorker) {
        this.gender = gender;
        this.birthYear = birthYear;
        this.position = position;
        this.workUnit = workUnit;
        this.directWorker = directWorker;
    }

    void collective(String parentUnit, Integer womenSharePercent, Long nomineeUnitId, Long ledGroupId,
            Integer blockVoteYes, Integer blockVoteTotal) {
        this.parentUnit = parentUnit;
        this.womenSharePercent = womenSharePercent;
        this.nomineeUnitId = nomineeUnitId;
        this.ledGroupId = ledGroupId;
        this.blockVoteYes = blockVoteYes;
        this.blockVoteTotal = blockVoteTotal;
    }

    void household(String address, Boolean directWorker) {
        this.householdAddress = address;
        this.directWorker = directWorker;
    }

    void facts(String excellentYears, Integer recognisedInitiatives, boolean underDiscipline,
            boolean underInvestigation, boolean openComplaint) {
        this.excellentYears = excellentYears;
        this.recognisedInitiatives = recognisedInitiatives;
        this.underDiscipline = underDiscipline;
        this.underInvestigation = underInvestigation;
        this.openComplaint = openComplaint;
    }

    void attach(DocumentType type, Long documentId) {
        documents.put(type, documentId);
    }

    void attachCase(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void moveTo(DossierStatus status) {
        this.status = status;
    }

    /** The complete dossier reaches the Board: the 25-working-day clock starts or resumes. */
    void startOrResumeClock(Instant now, Instant dueAt, Instant dueReminderAt) {
        if (clockStartedAt == null) {
            clockStartedAt = now;
        }
        this.clockResumedAt = now;
        this.dueAt = dueAt;
        this.dueReminderAt = dueReminderAt;
    }

    /** Returned to the unit: the clock stops, keeping the working days used so far. */
    void pauseClock(int workingDaysUsedSinceResume) {
        this.workingDaysUsed += workingDaysUsedSinceResume;
        this.clockResumedAt = null;
        this.dueAt = null;
        this.dueReminderAt = null;
    }

    /** Ban TĐKT xác nhận cụm/khối đã bình xét, suy tôn ngoài hệ thống, biên bản họp kèm hồ sơ. */
    void declareOutsideBlockVote(String userId, Instant at, String note) {
        this.outsideVoteDeclaredBy = userId;
        this.outsideVoteDeclaredAt = at;
        this.outsideVoteNote = note;
    }

    void close(DossierStatus status, String reason) {
        this.status = status;
        this.outcomeReason = reason;
    }

    Long getId() { return id; }
    Long getCampaignId() { return campaignId; }
    int getYear() { return year; }
    String getAwardCode() { return awardCode; }
    NomineeKind getNomineeKind() { return nomineeKind; }
    String getNomineeName() { return nomineeName; }
    String getNomineeKey() { return nomineeKey; }
    String getGender() { return gender; }
    Integer getBirthYear() { return birthYear; }
    String getPosition() { return position; }
    String getWorkUnit() { return workUnit; }
    Boolean getDirectWorker() { return directWorker; }
    String getParentUnit() { return parentUnit; }
    Integer getWomenSharePercent() { return womenSharePercent; }
    String getHouseholdAddress() { return householdAddress; }
    Long getNomineeUnitId() { return nomineeUnitId; }
    Long getLedGroupId() { return ledGroupId; }
    Long getProposingUnitId() { return proposingUnitId; }
    String getAchievementSummary() { return achievementSummary; }
    String getExcellentYears() { return excellentYears; }
    Integer getRecognisedInitiatives() { return recognisedInitiatives; }
    boolean isUnderDiscipline() { return underDiscipline; }
    boolean isUnderInvestigation() { return underInvestigation; }
    boolean isOpenComplaint() { return openComplaint; }
    Integer getBlockVoteYes() { return blockVoteYes; }
    Integer getBlockVoteTotal() { return blockVoteTotal; }
    DossierStatus getStatus() { return status; }
    String getProcessInstanceId() { return processInstanceId; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getClockStartedAt() { return clockStartedAt; }
    int getWorkingDaysUsed() { return workingDaysUsed; }
    Instant getClockResumedAt() { return clockResumedAt; }
    Instant getDueAt() { return dueAt; }
    Instant getDueReminderAt() { return dueReminderAt; }
    String getOutcomeReason() { return outcomeReason; }
    Map<DocumentType, Long> getDocuments() { return documents; }
    String getOutsideVoteDeclaredBy() { return outsideVoteDeclaredBy; }
    Instant getOutsideVoteDeclaredAt() { return outsideVoteDeclaredAt; }
    String getOutsideVoteNote() { return outsideVoteNote; }
}
