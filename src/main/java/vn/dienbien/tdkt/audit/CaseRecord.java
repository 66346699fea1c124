package vn.dienbien.tdkt.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Toàn bộ hồ sơ một vụ việc: what an auditor reads of one case — its summary, the version of the
 * procedure in effect, the cases linked to it, one chronological story merging the engine's history
 * with our records, and whether the sealed ledger still matches it. Times are in Asia/Ho_Chi_Minh.
 */
record CaseRecord(
        CaseSummary summary,
        String processDefinitionKey,
        String processDefinitionName,
        int processDefinitionVersion,
        List<RelatedCase> related,
        List<TimelineEntry> entries,
        Integrity integrity,
        OffsetDateTime generatedAt) {

    /** Hồ sơ liên quan: a dossier's council session, the session's decision, the block vote of a Flag. */
    record RelatedCase(String caseId, String kind, String label, String relation) {
    }

    /**
     * One event of the story. {@code source} is ENGINE (the engine's history), RECORD (our tables) or
     * COMMENT (the Front's comments); {@code details} are label → value, in reading order;
     * {@code integrity} is OK, CHANGED (differs from what was sealed), REMOVED (sealed, now gone) or
     * UNSEALED (present but never sealed, so written around the application).
     */
    record TimelineEntry(
            OffsetDateTime at,
            String time,
            String source,
            String kind,
            String title,
            String actorId,
            String actorName,
            Map<String, String> details,
            String link,
            String itemRef,
            String integrity) {

        boolean flagged() {
            return !"OK".equals(integrity);
        }
    }

    /** The ledger's verdict on the whole case: intact, or which entries were altered. */
    record Integrity(boolean intact, int sealedEntries, int flaggedEntries, boolean chainIntact, List<String> problems) {
    }
}
