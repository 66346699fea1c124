package vn.dienbien.tdkt.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.dienbien.tdkt.decision.AnnulmentKind;

/**
 * Đề nghị thu hồi, hủy bỏ khen thưởng (table award_revocation): the record of one revocation case.
 * {@code openDossierId} holds the dossier while the request is under way or approved (a unique column),
 * so an awardee has one such request at a time and is never revoked twice.
 */
@Entity
@Table(name = "award_revocation")
class RevocationRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dossier_id", nullable = false)
    private Long dossierId;

    @Column(name = "decision_id", nullable = false)
    private Long decisionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AnnulmentKind kind;

    @Column(nullable = false)
    private String reason;

    @Column(name = "evidence_document_id")
    private Long evidenceDocumentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RevocationStatus status;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "checked_by")
    private String checkedBy;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "check_note")
    private String checkNote;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "annulment_id")
    private Long annulmentId;

    @Column(name = "open_dossier_id")
    private Long openDossierId;

    protected RevocationRequest() {
    }

    RevocationRequest(Long dossierId, Long decisionId, AnnulmentKind kind, String reason, Long evidenceDocumentId,
            String requestedBy, Instant requestedAt) {
        this.dossierId = dossierId;
        this.decisionId = decisionId;
        this.kind = kind;
        this.reason = reason;
        this.evidenceDocumentId = evidenceDocumentId;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = RevocationStatus.REQUESTED;
        this.openDossierId = dossierId;
    }

    void attachCase(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void checked(boolean forwarded, String by, Instant at, String note) {
        this.checkedBy = by;
        this.checkedAt = at;
        this.checkNote = note;
        this.status = forwarded ? RevocationStatus.FORWARDED : RevocationStatus.STOPPED;
        if (!forwarded) {
            this.openDossierId = null;
        }
    }

    /** The Chairman does not agree: the award stands. */
    void rejected(String by, Instant at, String note) {
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
        this.status = RevocationStatus.REJECTED;
        this.openDossierId = null;
    }

    /** The Chairman agrees; the request stays FORWARDED until its decision is issued, in the same transaction. */
    void approved(String by, Instant at, String note) {
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
    }

    /** The annulment decision is issued: the request is decided. */
    void issued(Long annulmentId) {
        this.annulmentId = annulmentId;
        this.status = RevocationStatus.APPROVED;
    }

    boolean isApprovedAwaitingIssue() {
        return status == RevocationStatus.FORWARDED && decidedBy != null && annulmentId == null;
    }

    Long getId() {
        return id;
    }

    Long getDossierId() {
        return dossierId;
    }

    Long getDecisionId() {
        return decisionId;
    }

    AnnulmentKind getKind() {
        return kind;
    }

    String getReason() {
        return reason;
    }

    Long getEvidenceDocumentId() {
        return evidenceDocumentId;
    }

    RevocationStatus getStatus() {
        return status;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    String getCheckedBy() {
        return checkedBy;
    }

    String getCheckNote() {
        return checkNote;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    String getDecisionNote() {
        return decisionNote;
    }
}
