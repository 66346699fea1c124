package vn.dienbien.tdkt.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;

/** Bảng theo dõi tiến độ gửi kế hoạch phát động: every unit of a campaign with its status. */
@Service
public class LaunchPlanProgress {

    private final CampaignService campaigns;
    private final LaunchPlanRepository plans;
    private final LaunchPlanSubmissionRepository submissions;
    private final LaunchPlanReviewRepository reviews;
    private final OrgUnitRepository units;

    LaunchPlanProgress(CampaignService campaigns, LaunchPlanRepository plans,
            LaunchPlanSubmissionRepository submissions, LaunchPlanReviewRepository reviews, OrgUnitRepository units) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.submissions = submissions;
        this.reviews = reviews;
        this.units = units;
    }

    public record UnitRow(String unitCode, String unitName, String emulationGroup, PlanProgressStatus status,
            String statusLabel, String planNumber, LocalDate planDate, Instant firstSentAt, Instant lastSentAt,
            Boolean onTime, int rounds, Instant acceptedAt, Instant urgedAt, String lastReturnReason,
            Long documentId, String processInstanceId) {
    }

    public record Board(Long campaignId, String campaignCode, String campaignTitle, Instant deadline,
            Map<PlanProgressStatus, Long> counts, Map<String, Long> countsByLabel, int units, List<UnitRow> rows) {
    }

    @Transactional(readOnly = true)
    public Board board(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<Long, OrgUnit> unitsById = units.findAll().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        List<UnitRow> rows = plans.findByCampaignIdOrderById(campaignId).stream()
                .map(plan -> row(plan, unitsById.get(plan.getUnitId())))
                .sorted((a, b) -> a.unitCode().compareTo(b.unitCode()))
                .toList();
        Map<PlanProgressStatus, Long> counts = new LinkedHashMap<>();
        Map<String, Long> countsByLabel = new LinkedHashMap<>();
        for (PlanProgressStatus status : PlanProgressStatus.values()) {
            long count = rows.stream().filter(r -> r.status() == status).count();
            counts.put(status, count);
            countsByLabel.put(status.label(), count);
        }
        return new Board(campaign.getId(), campaign.getCode(), campaign.getTitle(), campaign.getLaunchPlanDeadline(),
                counts, countsByLabel, rows.size(), rows);
    }

    private UnitRow row(LaunchPlan plan, OrgUnit unit) {
        var status = PlanProgressStatus.of(plan);
        var rounds = submissions.findByLaunchPlanIdOrderByRound(plan.getId()).size();
        String lastReturnReason = reviews.findByLaunchPlanIdOrderByRound(plan.getId()).stream()
                .filter(r -> r.getOutcome() == LaunchPlanReview.Outcome.RETURNED)
                .reduce((first, second) -> second).map(LaunchPlanReview::getReason).orElse(null);
        return new UnitRow(unit.getCode(), unit.getName(),
                unit.getEmulationGroup() == null ? null : unit.getEmulationGroup().getName(), status, status.label(),
                plan.getPlanNumber(), plan.getPlanDate(), plan.getFirstSentAt(), plan.getLastSentAt(), plan.getOnTime(),
                rounds, plan.getAcceptedAt(), plan.getUrgedAt(), lastReturnReason, plan.getDocumentId(),
                plan.getProcessInstanceId());
    }
}
