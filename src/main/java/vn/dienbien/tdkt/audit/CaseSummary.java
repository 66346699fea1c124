package vn.dienbien.tdkt.audit;

import java.time.OffsetDateTime;

/**
 * One case as the search lists it. {@code caseId} is the id of the case's process instance, which
 * every link and export uses; {@code kind} is LAUNCH_PLAN, DOSSIER, COUNCIL_SESSION, EVALUATION, REVIEW
 * or REVOCATION (a decision is found through the council session that issued it). {@code revocation} says,
 * for a dossier whose award was revoked or annulled and for the revocation case that did it, by which
 * decision ("Đã bị thu hồi theo Quyết định số … ngày …").
 */
record CaseSummary(
        String caseId,
        String kind,
        String kindLabel,
        Long recordId,
        String title,
        String campaignCode,
        Integer year,
        String unitCode,
        String unitName,
        String groupName,
        String awardCode,
        String awardName,
        String nomineeName,
        String status,
        String statusLabel,
        String decisionCode,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        String revocation) {

    /** A case whose award (if any) was never revoked or annulled. */
    CaseSummary(String caseId, String kind, String kindLabel, Long recordId, String title, String campaignCode,
            Integer year, String unitCode, String unitName, String groupName, String awardCode, String awardName,
            String nomineeName, String status, String statusLabel, String decisionCode, OffsetDateTime startedAt,
            OffsetDateTime endedAt) {
        this(caseId, kind, kindLabel, recordId, title, campaignCode, year, unitCode, unitName, groupName, awardCode,
                awardName, nomineeName, status, statusLabel, decisionCode, startedAt, endedAt, null);
    }
}
