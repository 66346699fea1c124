package vn.dienbien.tdkt.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.document.DocumentInfo;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;

/** One plan's full record: every sending, review and urging. Read by forms and auditors. */
@Service
public class LaunchPlanRecords {

    private final LaunchPlanRepository plans;
    private final ReportingRoundRepository rounds;
    private final LaunchPlanSubmissionRepository submissions;
    private final LaunchPlanReviewRepository reviews;
    private final LaunchPlanUrgingRepository urgings;
    private final CampaignRepository campaigns;
    private final OrgUnitRepository units;
    private final DocumentService documents;

    LaunchPlanRecords(LaunchPlanRepository plans, ReportingRoundRepository rounds, LaunchPlanSubmissionRepository submissions,
            LaunchPlanReviewRepository reviews, LaunchPlanUrgingRepository urgings, CampaignRepository campaigns,
            OrgUnitRepository units, DocumentService documents) {
        this.plans = plans;
        this.rounds = rounds;
        this.submissions = submissions;
        this.reviews = reviews;
        this.urgings = urgings;
        this.campaigns = campaigns;
        this.units = units;
        this.documents = documents;
    }

    public record Sending(int round, String planNumber, LocalDate planDate, String summary, DocumentInfo document,
            Instant sentAt, String sentBy, boolean onTime) {
    }

    public record Review(int round, String outcome, String reason, String reviewer, Instant reviewedAt) {
    }

    public record Urging(String method, String note, String urgedBy, Instant urgedAt) {
    }

    public record PlanRecord(Long id, String campaignCode, Instant deadline, String unitCode, String unitName,
            LaunchPlanStatus status, String statusLabel, String planNumber, LocalDate planDate, String summary,
            DocumentInfo document, Instant firstSentAt, Instant lastSentAt, Boolean onTime, Instant acceptedAt,
            List<Sending> sendings, List<Review> reviews, List<Urging> urgings, Long roundId, ReportKind roundKind,
            String roundTitle, String roundDocument, Integer roundYear, String roundStatus) {
    }

    @Transactional(readOnly = true)
    public PlanRecord record(Long launchPlanId) {
        LaunchPlan plan = plans.findById(launchPlanId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy kế hoạch số " + launchPlanId + "."));
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        OrgUnit unit = units.findById(plan.getUnitId()).orElseThrow();
        ReportingRound round = rounds.findById(plan.getRoundId()).orElseThrow();
        List<Sending> sendings = submissions.findByLaunchPlanIdOrderByRound(launchPlanId).stream()
                .map(s -> new Sending(s.getRound(), s.getPlanNumber(), s.getPlanDate(), s.getSummary(),
                        documents.info(s.getDocumentId()), s.getSentAt(), s.getSentBy(), s.isOnTime()))
                .toList();
        List<Review> reviewRounds = reviews.findByLaunchPlanIdOrderByRound(launchPlanId).stream()
                .map(r -> new Review(r.getRound(), r.getOutcome().name(), r.getReason(), r.getReviewer(), r.getReviewedAt()))
                .toList();
        List<Urging> urgingList = urgings.findByLaunchPlanIdOrderByUrgedAt(launchPlanId).stream()
                .map(u -> new Urging(u.getMethod(), u.getNote(), u.getUrgedBy(), u.getUrgedAt()))
                .toList();
        return new PlanRecord(plan.getId(), campaign.getCode(), round.getDueAt(), unit.getCode(),
                unit.getName(), plan.getStatus(), PlanProgressStatus.of(plan).label(), plan.getPlanNumber(),
                plan.getPlanDate(), plan.getSummary(),
                plan.getDocumentId() == null ? null : documents.info(plan.getDocumentId()), plan.getFirstSentAt(),
                plan.getLastSentAt(), plan.getOnTime(), plan.getAcceptedAt(), sendings, reviewRounds, urgingList,
                round.getId(), round.getKind(), round.getTitle(), round.document(), round.getPeriodYear(),
                round.getStatus().name());
    }
}
