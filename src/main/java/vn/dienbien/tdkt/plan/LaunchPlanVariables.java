package vn.dienbien.tdkt.plan;

/** Names of the launch-plan process variables: ids, flags and the form fields that feed our tables. */
final class LaunchPlanVariables {

    static final String LAUNCH_PLAN_ID = "launchPlanId";
    static final String CAMPAIGN_CODE = "campaignCode";
    static final String UNIT_GROUP = "unitGroup";
    static final String UNIT_NAME = "unitName";
    static final String DEADLINE = "deadline";
    /** The reporting round as the case shows it: its title, "Lập và gửi {subject}", "Thẩm định {label}: …". */
    static final String ROUND_TITLE = "roundTitle";
    static final String ROUND_SUBJECT = "roundSubject";
    static final String ROUND_LABEL = "roundLabel";
    /** "kế hoạch" or "báo cáo": the word forms use for what is sent. */
    static final String ROUND_DOCUMENT = "roundDocument";
    /** The element variable of the reminder timers' multi-instance. */
    static final String REMINDER_AT = "reminderAt";

    static final String PLAN_NUMBER = "planNumber";
    static final String PLAN_DATE = "planDate";
    static final String PLAN_SUMMARY = "planSummary";
    static final String PLAN_DOCUMENT_ID = "planDocumentId";
    static final String SENT_LATE = "sentLate";

    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_REASON = "reviewReason";
    static final String PLAN_ACCEPTED = "planAccepted";
    static final String RETURN_REASON = "returnReason";

    static final String URGE_METHOD = "urgeMethod";
    static final String URGE_NOTE = "urgeNote";

    private LaunchPlanVariables() {
    }
}
