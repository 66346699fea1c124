package vn.dienbien.tdkt.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Bảng tiêu chí chấm điểm của một khối trong một năm. */
@Entity
@Table(name = "scoring_table")
class ScoringTable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "score_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ScoringTable() {
    }

    ScoringTable(Long groupId, int year, String title, String createdBy, Instant createdAt) {
        this.groupId = groupId;
        this.year = year;
        this.title = title;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long getId() { return id; }
    Long getGroupId() { return groupId; }
    int getYear() { return year; }
    String getTitle() { return title; }
}

/** Một tiêu chí: điểm chuẩn, điểm thưởng or điểm trừ. */
@Entity
@Table(name = "scoring_criterion")
class ScoringCriterion {

    /** Tiêu chí chấm điểm, điểm thưởng, điểm trừ. */
    enum Kind { CRITERION, BONUS, PENALTY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "table_id", nullable = false)
    private Long tableId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "max_points", nullable = false)
    private BigDecimal maxPoints;

    protected ScoringCriterion() {
    }

    ScoringCriterion(Long tableId, String code, String name, Kind kind, BigDecimal maxPoints) {
        this.tableId = tableId;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.maxPoints = maxPoints;
    }

    Long getId() { return id; }
    Long getTableId() { return tableId; }
    String getCode() { return code; }
    String getName() { return name; }
    Kind getKind() { return kind; }
    BigDecimal getMaxPoints() { return maxPoints; }

    /** Points count towards the total, penalties against it. */
    BigDecimal signed(BigDecimal points) {
        return kind == Kind.PENALTY ? points.negate() : points;
    }
}

/** Kỳ đánh giá hằng năm. */
@Entity
@Table(name = "evaluation_round")
class EvaluationRound {

    /** Đang đánh giá / đã kết thúc. */
    enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "round_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "opened_by", nullable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected EvaluationRound() {
    }

    EvaluationRound(Long campaignId, int year, String openedBy, Instant openedAt) {
        this.campaignId = campaignId;
        this.year = year;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void attachCase(String processInstanceId) { this.processInstanceId = processInstanceId; }
    void close() { this.status = Status.CLOSED; }
    boolean isOpen() { return status == Status.OPEN; }

    Long getId() { return id; }
    Long getCampaignId() { return campaignId; }
    int getYear() { return year; }
    Status getStatus() { return status; }
    String getOpenedBy() { return openedBy; }
    String getProcessInstanceId() { return processInstanceId; }
}

/** Điểm của một đơn vị cho một tiêu chí: tự chấm và sau điều chỉnh của trưởng khối. */
@Entity
@Table(name = "unit_score")
class UnitScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "criterion_id", nullable = false)
    private Long criterionId;

    @Column(name = "self_points", nullable = false)
    private BigDecimal selfPoints;

    private String evidence;

    @Column(name = "final_points", nullable = false)
    private BigDecimal finalPoints;

    @Column(name = "adjust_reason")
    private String adjustReason;

    @Column(name = "adjusted_by")
    private String adjustedBy;

    protected UnitScore() {
    }

    UnitScore(Long roundId, Long unitId, Long criterionId, BigDecimal selfPoints, String evidence) {
        this.roundId = roundId;
        this.unitId = unitId;
        this.criterionId = criterionId;
        this.selfPoints = selfPoints;
        this.evidence = evidence;
        this.finalPoints = selfPoints;
    }

    void adjust(BigDecimal points, String reason, String by) {
        this.finalPoints = points;
        this.adjustReason = reason;
        this.adjustedBy = by;
    }

    Long getUnitId() { return unitId; }
    Long getCriterionId() { return criterionId; }
    BigDecimal getSelfPoints() { return selfPoints; }
    String getEvidence() { return evidence; }
    BigDecimal getFinalPoints() { return finalPoints; }
    String getAdjustReason() { return adjustReason; }
    String getAdjustedBy() { return adjustedBy; }
}

/** Phiếu suy tôn của một đơn vị thành viên. */
@Entity
@Table(name = "block_vote")
class BlockVote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "voter_unit_id", nullable = false)
    private Long voterUnitId;

    @Column(name = "voted_unit_id", nullable = false)
    private Long votedUnitId;

    @Column(name = "cast_by", nullable = false)
    private String castBy;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected BlockVote() {
    }

    BlockVote(Long roundId, Long groupId, Long voterUnitId, Long votedUnitId, String castBy, Instant castAt) {
        this.roundId = roundId;
        this.groupId = groupId;
        this.voterUnitId = voterUnitId;
        this.votedUnitId = votedUnitId;
        this.castBy = castBy;
        this.castAt = castAt;
    }

    Long getVoterUnitId() { return voterUnitId; }
    Long getVotedUnitId() { return votedUnitId; }
    String getCastBy() { return castBy; }
}

/**
 * Trưởng khối đã rà soát điểm của khối trong kỳ: from then on the scores are final, no unit
 * self-assesses any more, and the block's vote is open.
 */
@Entity
@Table(name = "block_review")
class BlockReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "reviewed_by", nullable = false)
    private String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected BlockReview() {
    }

    BlockReview(Long roundId, Long groupId, String reviewedBy, Instant reviewedAt) {
        this.roundId = roundId;
        this.groupId = groupId;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
    }
}

/** Kết quả bình xét, suy tôn của khối. */
@Entity
@Table(name = "block_result")
class BlockResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "elected_unit_id", nullable = false)
    private Long electedUnitId;

    @Column(name = "tie_break")
    private String tieBreak;

    @Column(name = "minutes_document_id")
    private Long minutesDocumentId;

    @Column(name = "flag_dossier_id")
    private Long flagDossierId;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected BlockResult() {
    }

    BlockResult(Long roundId, Long groupId, Long electedUnitId, String tieBreak, Long minutesDocumentId, Instant decidedAt) {
        this.roundId = roundId;
        this.groupId = groupId;
        this.electedUnitId = electedUnitId;
        this.tieBreak = tieBreak;
        this.minutesDocumentId = minutesDocumentId;
        this.decidedAt = decidedAt;
    }

    void flagDossier(Long dossierId) { this.flagDossierId = dossierId; }

    Long getRoundId() { return roundId; }
    Long getGroupId() { return groupId; }
    Long getElectedUnitId() { return electedUnitId; }
    String getTieBreak() { return tieBreak; }
    Long getMinutesDocumentId() { return minutesDocumentId; }
    Long getFlagDossierId() { return flagDossierId; }
}
