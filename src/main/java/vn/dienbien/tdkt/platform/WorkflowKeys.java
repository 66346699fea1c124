package vn.dienbien.tdkt.platform;

/** Keys of the process definitions that code refers to. */
public final class WorkflowKeys {

    /** Gửi kế hoạch phát động thi đua. */
    public static final String LAUNCH_PLAN = "launch-plan";

    /** Hồ sơ đề nghị khen thưởng. */
    public static final String AWARD_DOSSIER = "award-dossier";

    /** Phiên họp Hội đồng Thi đua – Khen thưởng, phê duyệt và quyết định. */
    public static final String COUNCIL_SESSION = "council-session";

    /** Đánh giá, bình xét thi đua hằng năm. */
    public static final String YEARLY_EVALUATION = "yearly-evaluation";

    /** Chu kỳ đánh giá hằng năm của một đợt thi đua (timer per year). */
    public static final String EVALUATION_CYCLE = "evaluation-cycle";

    /** Sơ kết, tổng kết đợt thi đua. */
    public static final String CAMPAIGN_REVIEW = "campaign-review";

    /** Thu hồi, hủy bỏ khen thưởng. */
    public static final String AWARD_REVOCATION = "award-revocation";
    /** Gửi thư điện tử thông báo: one small case per notification, its mail sent by a retried job. */
    public static final String NOTIFICATION_MAIL = "notification-mail";
    /** Lập văn bản quyết định lưu hồ sơ: one case per registered decision (bpmn/decision-document.bpmn). */
    public static final String DECISION_DOCUMENT = "decision-document";

    /** Điều kiện khen thưởng (DMN). */
    public static final String DOSSIER_ELIGIBILITY = "dossier-eligibility";

    private WorkflowKeys() {
    }
}
