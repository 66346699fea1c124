package vn.dienbien.tdkt.decision;

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
 * Quyết định thu hồi / hủy bỏ khen thưởng (table award_annulment). Its dossier and case ids let the
 * audit ledger seal the dossier's case and the revocation case with it.
 */
@Entity
@Table(name = "award_annulment")
class Annulment {

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

    @Column(name = "number_value", nullable = false)
    private int number;

    @Column(name = "number_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private String code;

    @Column(name = "signed_on", nullable = false)
    private LocalDate signedOn;

    @Column(nullable = false)
    private String signer;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Annulment() {
    }

    Annulment(Long dossierId, Long decisionId, AnnulmentKind kind, String reason, int number, int year, String code,
            LocalDate signedOn, String signer, String decidedBy, Instant decidedAt, String processInstanceId) {
        this.dossierId = dossierId;
        this.decisionId = decisionId;
        this.kind = kind;
        this.reason = reason;
        this.number = number;
        this.year = year;
        this.code = code;
        this.signedOn = signedOn;
        this.signer = signer;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.processInstanceId = processInstanceId;
    }

    Long getDossierId() {
        return dossierId;
    }

    AnnulmentView view(String decisionCode) {
        return new AnnulmentView(id, dossierId, decisionId, decisionCode, kind.name(), kind.label(), reason, code,
                signedOn, signer, decidedBy, decidedAt, processInstanceId);
    }
}
