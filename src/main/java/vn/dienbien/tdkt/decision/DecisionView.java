package vn.dienbien.tdkt.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A numbered decision and its awardees. */
public record DecisionView(Long id, String code, int number, int year, String title, LocalDate signedOn,
        String signer, String issuedBy, Instant issuedAt, List<AwardeeView> awardees) {

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
                        byDossier.get(a.dossierId()))).toList());
    }
}
