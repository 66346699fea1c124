package vn.dienbien.tdkt.evaluation;

import jakarta.servlet.http.HttpServletRequest;
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

/** Scoring tables, yearly evaluation rounds, a block's view for the forms, and the result exports. */
@RestController
class EvaluationController {

    private final BlockEvaluations evaluations;
    private final EvaluationExports exports;

    EvaluationController(BlockEvaluations evaluations, EvaluationExports exports) {
        this.evaluations = evaluations;
        this.exports = exports;
    }

    record NewTable(String groupCode, Integer year, String title, List<BlockEvaluations.NewCriterion> criteria) {
    }

    @PostMapping("/api/scoring-tables")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> defineTable(@RequestBody NewTable request, HttpServletRequest http) {
        if (request.year() == null) {
            throw ApiException.badRequest("Thiếu năm của bảng tiêu chí (year).");
        }
        return Map.of("id", evaluations.defineTable(request.groupCode(), request.year(), request.title(),
                request.criteria(), CurrentUser.of(http)));
    }

    record NewRound(Integer year) {
    }

    @PostMapping("/api/campaigns/{campaignId}/evaluation-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> open(@PathVariable Long campaignId, @RequestBody NewRound request, HttpServletRequest http) {
        CurrentUser user = CurrentUser.of(http);
        if (!user.inAnyGroup(List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng mở kỳ đánh giá.");
        }
        if (request.year() == null) {
            throw ApiException.badRequest("Thiếu năm đánh giá (year).");
        }
        return Map.of("id", evaluations.openRound(campaignId, request.year(), user.userId()));
    }

    @GetMapping("/api/evaluation-rounds/{roundId}/blocks/{blockCode}")
    Map<String, Object> block(@PathVariable Long roundId, @PathVariable String blockCode, HttpServletRequest http) {
        CurrentUser.of(http);
        return evaluations.blockView(roundId, blockCode);
    }

    @GetMapping("/api/evaluation-rounds/{roundId}/results.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable Long roundId, HttpServletRequest http) {
        CurrentUser.of(http);
        return Spreadsheets.download(exports.xlsx(roundId), "ket-qua-danh-gia-" + roundId + ".xlsx", Spreadsheets.XLSX);
    }

    @GetMapping("/api/evaluation-rounds/{roundId}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long roundId, HttpServletRequest http) {
        CurrentUser.of(http);
        return Spreadsheets.download(exports.csv(roundId), "ket-qua-danh-gia-" + roundId + ".csv", Spreadsheets.CSV);
    }

}
