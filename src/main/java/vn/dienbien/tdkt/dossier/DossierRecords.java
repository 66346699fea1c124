package vn.dienbien.tdkt.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a dossier's status: who, when, why (lịch sử hồ sơ). */
@Entity
@Table(name = "dossier_status_history")
class DossierStatusChange {

    @Id
    // Ids in blocks of 50, so that one flush inserts many rows in one batch (V41, issue 12).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_status_history_ids")
    @SequenceGenerator(name = "dossier_status_history_ids", sequenceName = "dossier_status_history_id_blocks", allocationSize = 50)
    private Long id;

    @Column(name = "dossier_id", nullable = false)
    private Long dossierId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierStatus status;

    @Column(nullable = false)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    private String reason;

    protected DossierStatusChange() {
    }

    DossierStatusChange(Long dossierId, DossierStatus status, String actor, Instant at, String reason) {
        this.dossierId = dossierId;
        this.status = status;
        this.actor = actor;
        this.at = at;
        this.reason = reason;
    }

    DossierStatus getStatus() { return status; }
    String getActor() { return actor; }
    Instant getAt() { return at; }
    String getReason() { return reason; }
}
