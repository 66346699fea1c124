package vn.dienbien.tdkt.plan;

/**
 * Loại đợt gửi: what a reporting round asks every unit to send. The launch plan of section V.2 is the
 * first round of a campaign; the periodic reports ("chế độ báo cáo định kỳ") follow, year after year.
 */
public enum ReportKind {
    /** Kế hoạch phát động thi đua: once per campaign, declared when the campaign opens. */
    LAUNCH_PLAN("Kế hoạch phát động thi đua", "kế hoạch", "KH"),
    /** Báo cáo sơ kết 6 tháng đầu năm. */
    SIX_MONTH_REPORT("Báo cáo sơ kết thi đua 6 tháng đầu năm", "báo cáo 6 tháng", "BC6T"),
    /** Báo cáo tổng kết công tác thi đua, khen thưởng năm. */
    YEARLY_REPORT("Báo cáo tổng kết thi đua, khen thưởng năm", "báo cáo năm", "BCN"),
    /** Báo cáo khác (chuyên đề, đột xuất) with the Board's own title. */
    OTHER("Báo cáo", "báo cáo", "BC");

    private final String defaultTitle;
    private final String noun;
    private final String code;

    ReportKind(String defaultTitle, String noun, String code) {
        this.defaultTitle = defaultTitle;
        this.noun = noun;
        this.code = code;
    }

    /** The title of a round of this kind for a year, when the Board gives none. */
    String titleFor(int year) {
        return this == LAUNCH_PLAN || this == OTHER ? defaultTitle : defaultTitle + " " + year;
    }

    /** What the unit sends, as a word in a sentence: "kế hoạch" or "báo cáo". */
    String document() {
        return this == LAUNCH_PLAN ? "kế hoạch" : "báo cáo";
    }

    /** The short label of a round in task names: "kế hoạch", "báo cáo 6 tháng 2031". */
    String labelFor(int year) {
        return this == LAUNCH_PLAN || this == OTHER ? noun : noun + " " + year;
    }

    /** Part of a case's business key: "BC6T-2031". */
    String keyPart(Long roundId, int year) {
        return this == OTHER ? code + "-" + roundId : code + "-" + year;
    }

    /** Whether a campaign has at most one round of this kind per year (launch plan: one in all). */
    boolean oncePerYear() {
        return this != OTHER;
    }
}
