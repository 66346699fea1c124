package vn.dienbien.tdkt.campaign;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Campaigns as data: declared and opened by the Board, no code change for a new period. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final List<String> MANAGERS = List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS);

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping
    List<CampaignView> list() {
        return campaigns.all().stream().map(CampaignView::of).toList();
    }

    @GetMapping("/{id}")
    CampaignView get(@PathVariable Long id) {
        return CampaignView.of(campaigns.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@Valid @RequestBody CampaignService.NewCampaign request, HttpServletRequest http) {
        requireManager(http);
        return CampaignView.of(campaigns.create(request));
    }

    @PostMapping("/{id}/open")
    CampaignView open(@PathVariable Long id, HttpServletRequest http) {
        return CampaignView.of(campaigns.open(id, requireManager(http).userId()));
    }

    private static CurrentUser requireManager(HttpServletRequest http) {
        CurrentUser user = CurrentUser.of(http);
        if (!user.inAnyGroup(MANAGERS)) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng hoặc quản trị hệ thống được khai báo và mở đợt thi đua.");
        }
        return user;
    }

    record CampaignView(Long id, String code, String title, String issuedOn, int periodStartYear, int periodEndYear,
            Instant launchPlanDeadline, LocalDateTime launchPlanDueBeforeLocal, String timeZone,
            List<Integer> reminderDaysBefore, int midTermReviewYear, int finalReviewYear, CampaignStatus status,
            Instant openedAt, boolean demo) {

        static CampaignView of(Campaign c) {
            return new CampaignView(c.getId(), c.getCode(), c.getTitle(), c.getIssuedOn().toString(),
                    c.getPeriodStartYear(), c.getPeriodEndYear(), c.getLaunchPlanDeadline(),
                    LocalDateTime.ofInstant(c.getLaunchPlanDeadline(), c.zone()), c.zone().getId(),
                    c.reminderDaysBefore(), c.getMidTermReviewYear(), c.getFinalReviewYear(), c.getStatus(),
                    c.getOpenedAt(), c.isDemo());
        }
    }
}
