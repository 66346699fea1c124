package vn.dienbien.tdkt.dossier;

/** Names of the award-dossier process variables: ids, outcomes and flags only. */
final class DossierVariables {

    static final String DOSSIER_ID = "dossierId";
    /** The Tasklist start form's proposal, read once by the first step and removed. */
    static final String PROPOSAL_JSON = "proposalJson";
    static final String PROPOSING_UNIT_GROUP = "proposingUnitGroup";
    static final String PROPOSING_UNIT_NAME = "proposingUnitName";
    static final String PROPOSING_UNIT_HEADS = "proposingUnitHeads";
    static final String NOMINEE_NAME = "nomineeName";
    static final String AWARD_NAME = "awardName";

    static final String HEAD_DECISION = "headDecision";
    static final String HEAD_NOTE = "headNote";
    static final String HEAD_CONFIRMED = "headConfirmed";

    static final String DUE_AT = "dueAt";
    static final String DUE_REMINDER_AT = "dueReminderAt";

    static final String ELIGIBILITY_SUMMARY = "eligibilitySummary";
    static final String ALL_RULES_PASSED = "allRulesPassed";

    static final String APPRAISAL_DECISION = "appraisalDecision";
    static final String APPRAISAL_REASON = "appraisalReason";
    /** Appraisal form: the Board declares that the block voted outside the system (Flag), and how. */
    static final String OUTSIDE_BLOCK_VOTE = "outsideBlockVote";
    static final String OUTSIDE_BLOCK_VOTE_NOTE = "outsideBlockVoteNote";
    static final String APPRAISAL_OUTCOME = "appraisalOutcome";
    static final String RETURN_REASON = "returnReason";

    static final String SUPPLEMENT_NOTE = "supplementNote";
    static final String SUPPLEMENT_DOCUMENTS = "supplementDocuments";

    static final String OVERDUE_NOTE = "overdueNote";

    static final String AWARDED = "awarded";
    static final String DECISION_CODE = "decisionCode";
    static final String DECISION_REASON = "decisionReason";
    /** Who decided a dossier left out of a decision (the Chairman who approved), set by the system. */
    static final String DECIDED_BY = "decidedBy";

    private DossierVariables() {
    }
}
