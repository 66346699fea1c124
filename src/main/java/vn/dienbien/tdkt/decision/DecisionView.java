package vn.dienbien.tdkt.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A numbered decision and its awardees. */
public record DecisionView(Long id, String code, int number, int year, String title, LocalDate signedOn,
        String signer, String issuedBy, Instant issuedAt, List<AwardeeView> awardees) {

    /** Người, tập thể được khen thưởng. */
    public record AwardeeView(Long dossierId, String awardCode, String nomineeName, String unitName) {
    }
}
