package vn.dienbien.tdkt.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A numbered decision and its awardees; the văn thư who registered it (vào số) and the signed scan
 * ({@code scanDocumentId}, null for decisions issued before registration existed).
 */
public record DecisionView(Long id, String code, int number, int year, String title, LocalDate signedOn,
        String signer, String issuedBy, Instant issuedAt, List<AwardeeView> awardees, Long scanDocumentId,
        String registeredBy, Instant registeredAt) {

    /** Where the signed scan is downloaded, or null. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public String scanUrl() {
        return scanDocumentId == null ? null : "/api/documents/" + scanDocumentId + "/content";
    }

    /** The decision and its annex as DOCX, filled from the office's template. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public String documentUrl() {
        return id == null ? null : "/api/decisions/" + id + "/document.docx";
    }

    /** Người, tập thể được khen thưởng; {@code annulment} when the award was later revoked or annulled. */
    public record AwardeeView(Long dossierId, String awardCode, String nomineeName, String unitName,
            AnnulmentView annulment) {

        public AwardeeView(Long dossierId, String awardCode, String nomineeName, String unitName) {
            this(dossierId, awardCode, nomineeName, unitName, null);
        }
    }

    /** The same decision, each awardee with its annulment if any (by dossier id). */
    public DecisionView withAnnulments(java.util.Map<Long, AnnulmentView> byDossier) {
        return new DecisionView(id, code, number, year, title, signedOn, signer, issuedBy, issuedAt, awardees.stream()
                .map(a -> new AwardeeView(a.dossierId(), a.awardCode(), a.nomineeName(), a.unitName(),
                        byDossier.get(a.dossierId()))).toList(), scanDocumentId, registeredBy, registeredAt);
    }
}
