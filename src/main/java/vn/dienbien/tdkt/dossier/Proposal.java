package vn.dienbien.tdkt.dossier;

import java.util.List;
import java.util.Map;

/**
 * Đề nghị khen thưởng as a unit sends it (REST body or the Tasklist start form). Documents map a
 * {@link DocumentType} name to the id of an uploaded document.
 */
public record Proposal(String campaignCode, Integer year, String awardCode, String nomineeKind,
        String proposingUnitCode, Nominee nominee, String achievementSummary, Facts facts,
        Map<String, Long> documents) {

    /** Who is proposed: the fields that fit the nominee kind. */
    public record Nominee(String fullName, String gender, Integer birthYear, String position, String workUnit,
            Boolean directWorker, String collectiveName, String parentUnit, Integer womenSharePercent,
            String unitCode, String ledGroupCode, Integer blockVoteYes, Integer blockVoteTotal,
            String householdHead, String address) {
    }

    /** What the proposing unit declares, and the Board verifies. */
    public record Facts(List<Integer> excellentYears, Integer recognisedInitiatives, Boolean underDiscipline,
            Boolean underInvestigation, Boolean openComplaint) {
    }
}
