package vn.dienbien.tdkt.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Một dòng kết quả tra cứu: a row of {@link CaseSearchSql} read into a {@link CaseSummary}, with its
 * kind and status named in Vietnamese, a one-line title, and the engine's start and end in +07:00.
 */
final class CaseRows {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CaseRows() {
    }

    static CaseSummary map(ResultSet rs) throws SQLException {
        CaseLabels.Kind kind = CaseLabels.Kind.valueOf(rs.getString("kind").trim());
        String unitName = rs.getString("unit_name");
        String awardName = rs.getString("award_name");
        String nominee = rs.getString("nominee_name");
        String campaign = rs.getString("campaign_code");
        String status = rs.getString("status");
        String decision = rs.getString("decision_code");
        Integer year = rs.getObject("case_year", Integer.class);
        String title = switch (kind) {
            case DOSSIER -> dossierTitle(awardName, nominee, unitName);
            case LAUNCH_PLAN -> launchPlanTitle(rs.getString("detail"), unitName, campaign);
            case COUNCIL_SESSION -> sessionTitle(rs.getString("detail"), rs.getObject("detail_date", LocalDate.class),
                    decision);
            case EVALUATION -> "Đánh giá, bình xét năm " + year + ofCampaign(campaign);
            case REVIEW -> CaseLabels.reviewName(rs.getString("detail")) + " năm " + year + ofCampaign(campaign);
            case REVOCATION -> revocationTitle(rs.getString("detail"), awardName, nominee);
        };
        return new CaseSummary(rs.getString("case_id"), kind.name(), kind.label(), rs.getLong("record_id"), title,
                campaign, year, rs.getString("unit_code"), unitName, rs.getString("group_name"),
                rs.getString("award_code"), awardName, nominee, status, kind.statusLabel(status), decision,
                inVietnam(rs.getTimestamp("started_at")), inVietnam(rs.getTimestamp("ended_at")),
                revocation(rs.getString("revocation_kind"), rs.getString("revocation_code"),
                        rs.getObject("revocation_signed_on", LocalDate.class)));
    }

    /** "Đã bị thu hồi theo Quyết định số 15/QĐ-UBND ngày 03/04/2025", or null for an award that stands. */
    static String revocation(String kind, String code, LocalDate signedOn) {
        if (code == null) {
            return null;
        }
        return "Đã bị " + ("ANNUL".equals(kind) ? "hủy bỏ" : "thu hồi") + " theo Quyết định số " + code
                + (signedOn == null ? "" : " ngày " + DAY.format(signedOn));
    }

    /** "Bằng khen – Lò Thị Xuân (Sở Y tế)": the award's short name, the nominee, the proposing unit. */
    static String dossierTitle(String awardName, String nominee, String unitName) {
        String title = shortAward(awardName) + " – " + nominee;
        return unitName == null || unitName.equals(nominee) ? title : title + " (" + unitName + ")";
    }

    /** "Thu hồi Bằng khen: Lò Văn Khai" or "Hủy bỏ Bằng khen: …": what is taken back, and from whom. */
    static String revocationTitle(String annulmentKind, String awardName, String nominee) {
        return CaseLabels.revocationVerb(annulmentKind) + " " + shortAward(awardName) + ": " + nominee;
    }

    /** "Kế hoạch phát động 25/KH-SYT – Sở Y tế (đợt …)", or the periodic report's round title. */
    private static String launchPlanTitle(String detail, String unitName, String campaign) {
        return (detail == null ? "Kế hoạch phát động" : detail) + " – " + unitName + ofCampaign(campaign);
    }

    private static String sessionTitle(String title, LocalDate meetingDate, String decision) {
        String text = title + (meetingDate == null ? "" : " (họp ngày " + DAY.format(meetingDate) + ")");
        return decision == null ? text : text + " – Quyết định " + decision;
    }

    /** "Bằng khen" of "Bằng khen của Chủ tịch UBND tỉnh". */
    private static String shortAward(String awardName) {
        int of = awardName.indexOf(" của ");
        return of > 0 ? awardName.substring(0, of) : awardName;
    }

    private static String ofCampaign(String campaign) {
        return campaign == null ? "" : " (đợt " + campaign + ")";
    }

    private static OffsetDateTime inVietnam(Timestamp at) {
        return at == null ? null : OffsetDateTime.ofInstant(at.toInstant(), CaseSearchSql.VIETNAM);
    }
}
