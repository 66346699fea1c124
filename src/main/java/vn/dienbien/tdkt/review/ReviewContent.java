package vn.dienbien.tdkt.review;

import java.util.List;
import java.util.Map;

/**
 * What a review report counts, compiled from the data: launch plans, yearly evaluations, target
 * progress and awards (by award, nominee kind, unit and year), with the shares of direct workers
 * and farmers and of women that the plan asks to favour.
 */
public record ReviewContent(String campaignCode, String kind, int year, Map<String, Long> launchPlans,
        long evaluationRounds, List<Map<String, Object>> blockLeaders, Map<String, Long> targets, long awardsTotal,
        Map<String, Long> awardsByAward, Map<String, Long> awardsByNomineeKind, Map<String, Long> awardsByUnit,
        Map<Integer, Long> awardsByYear, long individualsAndHouseholds, long directWorkers, double directWorkerPercent,
        long individuals, long women, double womenPercent, long collectivesWithSeventyPercentWomen) {

    /** A few lines for the forms. */
    public String summary() {
        return String.join("\n",
                "Kế hoạch phát động: " + launchPlans,
                "Số kỳ đánh giá: " + evaluationRounds + "; đơn vị dẫn đầu khối: " + blockLeaders.size(),
                "Chỉ tiêu (năm " + year + "): " + targets,
                "Khen thưởng: " + awardsTotal + " — theo hình thức " + awardsByAward + "; theo đối tượng " + awardsByNomineeKind,
                "Người trực tiếp lao động, sản xuất: " + directWorkers + "/" + individualsAndHouseholds + " (" + directWorkerPercent + "%)",
                "Nữ: " + women + "/" + individuals + " cá nhân (" + womenPercent + "%); tập thể có ≥ 70% nữ: "
                        + collectivesWithSeventyPercentWomen);
    }
}
