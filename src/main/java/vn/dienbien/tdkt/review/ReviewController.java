package vn.dienbien.tdkt.review;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.Spreadsheets;

/**
 * Reviews: started by the Board, read as JSON, XLSX or CSV; the approved final review's exemplary
 * models are public at /public/... for the provincial media.
 */
@RestController
class ReviewController {

    private final CampaignReviews reviews;

    ReviewController(CampaignReviews reviews) {
        this.reviews = reviews;
    }

    record StartReview(
            @NotNull(message = "cần loại báo cáo")
            @Pattern(regexp = "MID_TERM|FINAL", message = "loại báo cáo là MID_TERM (sơ kết) hoặc FINAL (tổng kết)")
            String kind) {
    }

    @PostMapping("/api/campaigns/{campaignId}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> start(@PathVariable Long campaignId, @Valid @RequestBody StartReview request, HttpServletRequest http) {
        CurrentUser user = CurrentUser.of(http);
        if (!user.inAnyGroup(List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng lập báo cáo sơ kết, tổng kết.");
        }
        return Map.of("id", reviews.start(campaignId, request.kind(), user.userId()));
    }

    /** Those who prepare, decide and oversee a review read it while it is a draft; everyone once approved. */
    private static final List<String> DRAFT_READERS = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.COUNCIL, CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
            CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);

    @GetMapping("/api/reviews/{id}")
    CampaignReviews.ReportView view(@PathVariable Long id, HttpServletRequest http) {
        return readable(id, CurrentUser.of(http));
    }

    private CampaignReviews.ReportView readable(Long id, CurrentUser user) {
        var report = reviews.view(id);
        if (!"APPROVED".equals(report.status()) && !user.inAnyGroup(DRAFT_READERS)) {
            throw ApiException.forbidden("Báo cáo sơ kết, tổng kết chưa được Chủ tịch UBND tỉnh phê duyệt: "
                    + "chỉ Ban Thi đua – Khen thưởng, Hội đồng và cơ quan giám sát xem được.");
        }
        return report;
    }

    @GetMapping("/api/reviews/{id}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable Long id, HttpServletRequest http) {
        var report = readable(id, CurrentUser.of(http));
        return Spreadsheets.download(Spreadsheets.xlsx(report.kind().equals("FINAL") ? "Tổng kết" : "Sơ kết", lines(report)),
                "bao-cao-" + id + ".xlsx", Spreadsheets.XLSX);
    }

    @GetMapping("/api/reviews/{id}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long id, HttpServletRequest http) {
        return Spreadsheets.download(Spreadsheets.csv(lines(readable(id, CurrentUser.of(http)))), "bao-cao-" + id + ".csv", Spreadsheets.CSV);
    }

    @GetMapping("/public/campaigns/{campaignId}/exemplary-models")
    List<Map<String, Object>> exemplary(@PathVariable Long campaignId) {
        return reviews.publishedExemplaryModels(campaignId);
    }

    @GetMapping("/public/campaigns/{campaignId}/exemplary-models.csv")
    ResponseEntity<byte[]> exemplaryCsv(@PathVariable Long campaignId) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Điển hình tiên tiến", "Hình thức khen thưởng", "Đơn vị", "Năm", "Thành tích"));
        for (var m : reviews.publishedExemplaryModels(campaignId)) {
            rows.add(List.of(m.get("nomineeName"), m.get("awardName"), m.get("unitName"), m.get("year"), m.get("achievement")));
        }
        return Spreadsheets.download(Spreadsheets.csv(rows), "dien-hinh-tien-tien.csv", Spreadsheets.CSV);
    }

    /** The report as rows: figure name, value. */
    private static List<List<Object>> lines(CampaignReviews.ReportView report) {
        var c = report.content();
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of(report.kind().equals("FINAL") ? "Báo cáo tổng kết" : "Báo cáo sơ kết", c.campaignCode() + " — năm " + c.year()));
        c.launchPlans().forEach((k, v) -> lines.add(List.of("Kế hoạch phát động: " + k, v)));
        lines.add(List.of("Số kỳ đánh giá hằng năm", c.evaluationRounds()));
        c.blockLeaders().forEach(b -> lines.add(List.of("Dẫn đầu " + b.get("block") + " năm " + b.get("year"), String.valueOf(b.get("leader")))));
        c.targets().forEach((k, v) -> lines.add(List.of("Chỉ tiêu " + k, v)));
        lines.add(List.of("Tổng số khen thưởng", c.awardsTotal()));
        c.awardsByAward().forEach((k, v) -> lines.add(List.of("Khen thưởng – " + k, v)));
        c.awardsByNomineeKind().forEach((k, v) -> lines.add(List.of("Khen thưởng – " + k, v)));
        c.awardsByUnit().forEach((k, v) -> lines.add(List.of("Khen thưởng – " + k, v)));
        c.awardsByYear().forEach((k, v) -> lines.add(List.of("Khen thưởng năm " + k, v)));
        lines.add(List.of("Tỷ lệ người trực tiếp lao động, sản xuất (%)", c.directWorkerPercent()));
        lines.add(List.of("Tỷ lệ nữ trong cá nhân được khen (%)", c.womenPercent()));
        lines.add(List.of("Tập thể có từ 70% nữ", c.collectivesWithSeventyPercentWomen()));
        if (report.narrative() != null) {
            lines.add(List.of("Đánh giá chung", report.narrative()));
        }
        return lines;
    }

}
