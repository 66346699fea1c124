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

/**
 * Bảng theo dõi tiến độ gửi kế hoạch, báo cáo: every unit of a reporting round with its status. The
 * campaign's board is the board of its launch-plan round.
 */
@Service
public class LaunchPlanProgress {

    private final CampaignService campaigns;
    private final LaunchPlanRepository plans;
    private final ReportingRoundRepository rounds;
    private final LaunchPlanSubmissionRepository submissions;
    private final LaunchPlanReviewRepository reviews;
    private final OrgUnitRepository units;

    LaunchPlanProgress(CampaignService campaigns, LaunchPlanRepository plans, ReportingRoundRepository rounds,
            LaunchPlanSubmissionRepository submissions, LaunchPlanReviewRepository reviews, OrgUnitRepository units) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.rounds = rounds;
        this.submissions = submissions;
        this.reviews = reviews;
        this.units = units;
    }

    public record UnitRow(String unitCode, String unitName, String emulationGroup, PlanProgressStatus status,
            String statusLabel, String planNumber, LocalDate planDate, Instant firstSentAt, Instant lastSentAt,
            Boolean onTime, int rounds, Instant acceptedAt, Instant urgedAt, String lastReturnReason,
            Long documentId, String processInstanceId) {
    }

    /** {@code round*} are null for a campaign not opened yet (no launch-plan round, no rows). */
    public record Board(Long campaignId, String campaignCode, String campaignTitle, Instant deadline,
            Map<PlanProgressStatus, Long> counts, Map<String, Long> countsByLabel, int units, List<UnitRow> rows,
            Long roundId, ReportKind roundKind, String roundTitle, Integer roundYear, String roundStatus) {
    }

    /** The board of the campaign's launch plans. */
    @Transactional(readOnly = true)
    public Board board(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        return rounds.findByCampaignIdAndKind(campaignId, ReportKind.LAUNCH_PLAN)
                .map(round -> board(campaign, round))
                .orElseGet(() -> board(campaign, null));
    }

    /** The board of one reporting round. */
    @Transactional(readOnly = true)
    public Board roundBoard(Long roundId) {
        ReportingRound round = (roundId == null ? java.util.Optional.<ReportingRound>empty() : rounds.findById(roundId))
                .orElseThrow(() -> vn.dienbien.tdkt.platform.ApiException.notFound(
                        "Không tìm thấy đợt báo cáo số " + roundId + "."));
        return board(campaigns.get(round.getCampaignId()), round);
    }

    private Board board(Campaign campaign, ReportingRound round) {
        Map<Long, OrgUnit> unitsById = units.findAll().stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        List<LaunchPlan> roundPlans = round == null ? List.of() : plans.findByReportingRoundIdOrderById(round.getId());
        List<UnitRow> rows = roundPlans.stream()
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
        return new Board(campaign.getId(), campaign.getCode(), campaign.getTitle(),
                round == null ? campaign.getLaunchPlanDeadline() : round.getDueAt(), counts, countsByLabel, rows.size(),
                rows, round == null ? null : round.getId(), round == null ? null : round.getKind(),
                round == null ? null : round.getTitle(), round == null ? null : round.getPeriodYear(),
                round == null ? null : round.getStatus().name());
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
