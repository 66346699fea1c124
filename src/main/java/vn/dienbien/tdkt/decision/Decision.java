package vn.dienbien.tdkt.decision;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Quyết định khen thưởng của Chủ tịch UBND tỉnh. */
@Entity
@Table(name = "decision")
class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "number_value", nullable = false)
    private int number;

    @Column(name = "number_year", nullable = false)
    private int year;

    /** "123/QĐ-UBND": numbers restart each year, the signing date tells decisions apart. */
    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String title;

    @Column(name = "signed_on", nullable = false)
    private LocalDate signedOn;

    @Column(nullable = false)
    private String signer;

    @Column(name = "issued_by", nullable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    /** Bản quét quyết định đã ký (PDF), attached by the văn thư. */
    @Column(name = "scan_document_id")
    private Long scanDocumentId;

    @Column(name = "registered_by")
    private String registeredBy;

    /** Văn bản quyết định lưu hồ sơ (DOCX), stored by the decision-document job; null until then. */
    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_awardee", joinColumns = @JoinColumn(name = "decision_id"))
    private List<Awardee> awardees = new ArrayList<>();

    protected Decision() {
    }

    Decision(int number, int year, String code, String title, LocalDate signedOn, String signer, String issuedBy,
            Instant issuedAt, List<Awardee> awardees) {
        this.number = number;
        this.year = year;
        this.code = code;
        this.title = title;
        this.signedOn = signedOn;
        this.signer = signer;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.awardees = new ArrayList<>(awardees);
    }

    /** Vào số by the văn thư, with the signed scan. */
    void registered(Long scanDocumentId, String registeredBy, Instant registeredAt) {
        this.scanDocumentId = scanDocumentId;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    Long getDocumentId() {
        return documentId;
    }

    void filed(Long documentId) {
        this.documentId = documentId;
    }

    DecisionView view() {
        return new DecisionView(id, code, number, year, title, signedOn, signer, issuedBy, issuedAt,
                awardees.stream().map(a -> new DecisionView.AwardeeView(a.dossierId, a.awardCode, a.nomineeName,
                        a.unitName)).toList(), scanDocumentId, registeredBy, registeredAt);
    }

    /** One awardee named by the decision. */
    @Embeddable
    static class Awardee {

        @Column(name = "dossier_id", nullable = false)
        private Long dossierId;

        @Column(name = "award_code", nullable = false)
        private String awardCode;

        @Column(name = "nominee_name", nullable = false)
        private String nomineeName;

        @Column(name = "unit_name", nullable = false)
        private String unitName;

        protected Awardee() {
        }

        Awardee(Long dossierId, String awardCode, String nomineeName, String unitName) {
            this.dossierId = dossierId;
            this.awardCode = awardCode;
            this.nomineeName = nomineeName;
            this.unitName = unitName;
        }
    }
}
