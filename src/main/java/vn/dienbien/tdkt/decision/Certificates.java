package vn.dienbien.tdkt.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giấy khen và mã xác thực: the certificate list of a decision and what a verification code shows. An
 * award's name is read from the award catalogue by SQL (the dossier module owns it; this read needs its
 * name only). Each certificate's address is {@code <tdkt.public-base-url>/public/verify/<code>}.
 */
@Component
class Certificates {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String STANDING = "Còn hiệu lực";

    private static final String SELECT = """
            select a.dossier_id, a.nominee_name, a.unit_name, a.award_code, coalesce(w.name, a.award_code) as award_name,
                   d.id as decision_id, d.code as decision_code, d.signed_on, c.code as verification_code,
                   n.kind as annulment_kind, n.code as annulment_code, n.signed_on as annulment_signed_on
              from award_certificate c
              join decision_awardee a on a.decision_id = c.decision_id and a.dossier_id = c.dossier_id
              join decision d on d.id = c.decision_id
              left join award w on w.code = a.award_code
              left join award_annulment n on n.dossier_id = a.dossier_id and n.decision_id = a.decision_id
            """;

    /** One certificate: who, what, by which decision, its code, and whether it still stands. */
    record Certificate(Long dossierId, String nomineeName, String unitName, String awardName, Long decisionId,
            String decisionCode, LocalDate signedOn, String code, String annulmentKind, String annulmentCode,
            LocalDate annulmentSignedOn) {

        boolean standing() {
            return annulmentCode == null;
        }

        /** "Còn hiệu lực", or "Đã bị thu hồi theo Quyết định số … ngày …". */
        String standingText() {
            if (standing()) {
                return STANDING;
            }
            String kind = AnnulmentKind.valueOf(annulmentKind).label();
            return "Đã bị " + kind + " theo Quyết định số " + annulmentCode + " ngày " + DAY.format(annulmentSignedOn);
        }
    }

    private final JdbcTemplate jdbc;
    private final String publicBaseUrl;

    Certificates(JdbcTemplate jdbc, @Value("${tdkt.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The address printed (and encoded in the QR code) on a certificate. */
    String verificationUrl(String code) {
        return publicBaseUrl + "/public/verify/" + VerificationCodes.display(code);
    }

    @Transactional(readOnly = true)
    List<Certificate> ofDecision(Long decisionId) {
        return jdbc.query(SELECT + " where c.decision_id = ? order by a.dossier_id", Certificates::row, decisionId);
    }

    /** The certificate a (normalised) code names. */
    @Transactional(readOnly = true)
    Optional<Certificate> byCode(String code) {
        return jdbc.query(SELECT + " where c.code = ?", Certificates::row, code).stream().findFirst();
    }

    private static Certificate row(ResultSet rs, int n) throws SQLException {
        return new Certificate(rs.getLong("dossier_id"), rs.getString("nominee_name"), rs.getString("unit_name"),
                rs.getString("award_name"), rs.getLong("decision_id"), rs.getString("decision_code"),
                rs.getObject("signed_on", LocalDate.class), rs.getString("verification_code"),
                rs.getString("annulment_kind"), rs.getString("annulment_code"),
                rs.getObject("annulment_signed_on", LocalDate.class));
    }
}
