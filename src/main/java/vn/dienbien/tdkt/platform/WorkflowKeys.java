package vn.dienbien.tdkt.platform;

/** Keys of the process definitions that code refers to. */
public final class WorkflowKeys {

    /** Gửi kế hoạch phát động thi đua. */
    public static final String LAUNCH_PLAN = "launch-plan";

    /** Hồ sơ đề nghị khen thưởng. */
    public static final String AWARD_DOSSIER = "award-dossier";

    /** Phiên họp Hội đồng Thi đua – Khen thưởng, phê duyệt và quyết định. */
    public static final String COUNCIL_SESSION = "council-session";

    /** Điều kiện khen thưởng (DMN). */
    public static final String DOSSIER_ELIGIBILITY = "dossier-eligibility";

    private WorkflowKeys() {
    }
}
