package vn.dienbien.tdkt.evaluation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

    private final ScoringTables tables;
    private final BlockEvaluations evaluations;
    private final BlockViews views;
    private final EvaluationExports exports;

    EvaluationController(ScoringTables tables, BlockEvaluations evaluations, BlockViews views, EvaluationExports exports) {
        this.tables = tables;
        this.evaluations = evaluations;
        this.views = views;
        this.exports = exports;
    }

    @PostMapping("/api/scoring-tables")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> defineTable(@Valid @RequestBody ScoringTables.NewTable request, HttpServletRequest http) {
        return Map.of("id", tables.define(request, CurrentUser.of(http)));
    }

    record NewRound(@NotNull(message = "cần năm đánh giá") Integer year) {
    }

    @PostMapping("/api/campaigns/{campaignId}/evaluation-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> open(@PathVariable Long campaignId, @Valid @RequestBody NewRound request, HttpServletRequest http) {
        CurrentUser user = CurrentUser.of(http);
        if (!user.inAnyGroup(List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng mở kỳ đánh giá.");
        }
        return Map.of("id", evaluations.openRound(campaignId, request.year(), user.userId()));
    }

    @GetMapping("/api/evaluation-rounds/{roundId}/blocks/{blockCode}")
    Map<String, Object> block(@PathVariable Long roundId, @PathVariable String blockCode, HttpServletRequest http) {
        return views.view(roundId, blockCode, CurrentUser.of(http));
    }

    @GetMapping("/api/evaluation-rounds/{roundId}/results.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable Long roundId, HttpServletRequest http) {
        return Spreadsheets.download(exports.xlsx(roundId, CurrentUser.of(http)), "ket-qua-danh-gia-" + roundId + ".xlsx",
                Spreadsheets.XLSX);
    }

    @GetMapping("/api/evaluation-rounds/{roundId}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long roundId, HttpServletRequest http) {
        return Spreadsheets.download(exports.csv(roundId, CurrentUser.of(http)), "ket-qua-danh-gia-" + roundId + ".csv",
                Spreadsheets.CSV);
    }
}
