package vn.dienbien.tdkt.plan;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.Spreadsheets;

/**
 * Đợt gửi kế hoạch, báo cáo: the Board declares and closes rounds; everyone signed in lists them (a
 * unit sees what it owes); the progress board is for those who follow every unit.
 */
@RestController
class ReportingRoundController {

    private final ReportingRounds rounds;
    private final LaunchPlanProgress progress;
    private final CampaignService campaigns;

    ReportingRoundController(ReportingRounds rounds, LaunchPlanProgress progress, CampaignService campaigns) {
        this.rounds = rounds;
        this.progress = progress;
        this.campaigns = campaigns;
    }

    @PostMapping("/api/reporting-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    ReportingRounds.RoundView declare(@RequestBody(required = false) ReportingRounds.NewRound request,
            HttpServletRequest http) {
        return rounds.declare(request, CurrentUser.of(http));
    }

    @GetMapping("/api/reporting-rounds")
    List<ReportingRounds.RoundView> list(@RequestParam(required = false) Long campaignId) {
        if (campaignId == null) {
            throw ApiException.badRequest("Chưa chọn đợt thi đua (campaignId).");
        }
        return rounds.ofCampaign(campaignId);
    }

    @GetMapping("/api/reporting-rounds/{id}")
    ReportingRounds.RoundView get(@PathVariable Long id) {
        return rounds.get(id);
    }

    @PostMapping("/api/reporting-rounds/{id}/close")
    ReportingRounds.RoundView close(@PathVariable Long id, HttpServletRequest http) {
        return rounds.close(id, CurrentUser.of(http));
    }

    @GetMapping("/api/reporting-rounds/{id}/progress")
    LaunchPlanProgress.Board board(@PathVariable Long id, HttpServletRequest request) {
        LaunchPlanController.requireOversight(request);
        return progress.roundBoard(id);
    }

    @GetMapping("/api/reporting-rounds/{id}/progress.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long id, HttpServletRequest request) {
        LaunchPlanController.requireOversight(request);
        var board = progress.roundBoard(id);
        String fileName = "tien-do-" + board.campaignCode().replaceAll("[^A-Za-z0-9]+", "-") + "-dot-" + id + ".csv";
        return Spreadsheets.download(LaunchPlanController.csv(board, campaigns.get(board.campaignId()).zone()),
                fileName, Spreadsheets.CSV);
    }
}
