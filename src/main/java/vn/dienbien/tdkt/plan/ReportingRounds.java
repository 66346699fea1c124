package vn.dienbien.tdkt.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignOpened;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.campaign.CampaignStatus;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Đợt gửi kế hoạch, báo cáo as data. Opening a campaign declares its launch-plan round (due at the
 * campaign's deadline); the Board declares the periodic reports (section V.2: "thực hiện đúng, đầy đủ
 * chế độ báo cáo định kỳ"). Each declaration gives every active unit its case of the one procedure
 * bpmn/launch-plan.bpmn, in the declaring transaction.
 */
@Service
public class ReportingRounds {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final int MAX_TITLE = 300;

    private final ReportingRoundRepository rounds;
    private final LaunchPlanRepository plans;
    private final CampaignService campaigns;
    private final LaunchPlanCases cases;
    private final MonthDay sixMonthDue;
    private final MonthDay yearlyDue;

    ReportingRounds(ReportingRoundRepository rounds, LaunchPlanRepository plans, CampaignService campaigns,
            LaunchPlanCases cases, @Value("${tdkt.reporting.six-month-report-due:06-15}") String sixMonthDue,
            @Value("${tdkt.reporting.yearly-report-due:11-15}") String yearlyDue) {
        this.rounds = rounds;
        this.plans = plans;
        this.campaigns = campaigns;
        this.cases = cases;
        this.sixMonthDue = MonthDay.parse("--" + sixMonthDue);
        this.yearlyDue = MonthDay.parse("--" + yearlyDue);
    }

    /** What the Board declares: a kind, the year reported on, an optional title and the last day to send. */
    public record NewRound(Long campaignId, String kind, Integer periodYear, String title, String dueDate) {
    }

    /** A round as lists and forms show it; {@code dueDate} is the last day to send, in the campaign's zone. */
    public record RoundView(Long id, Long campaignId, String campaignCode, ReportKind kind, String title,
            String document, int periodYear, LocalDate dueDate, Instant dueAt, String status, String statusLabel,
            String declaredBy, Instant declaredAt, String closedBy, Instant closedAt) {
    }

    /** Opening a campaign declares its launch-plan round and starts every unit's case. */
    @EventListener
    void on(CampaignOpened event) {
        Campaign campaign = campaigns.get(event.campaignId());
        ReportingRound round = rounds.findByCampaignIdAndKind(campaign.getId(), ReportKind.LAUNCH_PLAN)
                .orElseGet(() -> rounds.save(new ReportingRound(campaign.getId(), ReportKind.LAUNCH_PLAN,
                        ReportKind.LAUNCH_PLAN.titleFor(campaign.getPeriodStartYear()), campaign.getPeriodStartYear(),
                        campaign.getLaunchPlanDeadline(), event.openedBy(), WorkflowClock.now())));
        cases.start(campaign, round);
    }

    /** Declares a periodic report round (Board only) and gives every active unit its case. */
    @Transactional
    public RoundView declare(NewRound request, CurrentUser actor) {
        if (actor == null || !actor.inGroup(CamundaGroups.BOARD)) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng được khai báo đợt báo cáo.");
        }
        if (request == null || request.campaignId() == null) {
            throw ApiException.badRequest("Chưa chọn đợt thi đua (campaignId) cho đợt báo cáo.");
        }
        Campaign campaign = campaigns.get(request.campaignId());
        if (campaign.getStatus() != CampaignStatus.OPEN) {
            throw ApiException.conflict("Đợt thi đua " + campaign.getCode() + " chưa mở: mở đợt thi đua trước khi"
                    + " khai báo đợt báo cáo.");
        }
        ZoneId zone = campaign.zone();
        LocalDate today = LocalDate.ofInstant(WorkflowClock.now(), zone);
        List<String> problems = new ArrayList<>();
        ReportKind kind = kindOf(request.kind(), problems);
        int year = request.periodYear() == null ? today.getYear() : request.periodYear();
        if (year < campaign.getPeriodStartYear() || year > campaign.getPeriodEndYear()) {
            problems.add("năm báo cáo phải trong giai đoạn " + campaign.getPeriodStartYear() + "–"
                    + campaign.getPeriodEndYear() + " của đợt thi đua");
        }
        String title = request.title() == null || request.title().isBlank() ? null : request.title().trim();
        if (title == null && kind == ReportKind.OTHER) {
            problems.add("báo cáo khác phải có tên (title)");
        } else if (title != null && title.length() > MAX_TITLE) {
            problems.add("tên đợt báo cáo dài quá " + MAX_TITLE + " ký tự");
        }
        LocalDate dueDate = dueDateOf(request.dueDate(), kind, year, problems);
        if (dueDate != null && !dueDate.isAfter(today)) {
            problems.add("hạn gửi phải sau ngày hôm nay (" + today.format(VN_DATE) + ")");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Chưa khai báo được đợt báo cáo: " + String.join("; ", problems) + ".");
        }
        if (rounds.existsByCampaignIdAndKindAndPeriodYear(campaign.getId(), kind, year) && kind.oncePerYear()) {
            throw ApiException.conflict("Đợt thi đua " + campaign.getCode() + " đã có đợt "
                    + kind.titleFor(year).toLowerCase() + ".");
        }
        // "Hạn gửi ngày 15/6": a report counts on time until the end of that day in the campaign's zone.
        Instant dueAt = dueDate.plusDays(1).atStartOfDay(zone).toInstant();
        ReportingRound round;
        try {
            round = rounds.saveAndFlush(new ReportingRound(campaign.getId(), kind,
                    title != null ? title : kind.titleFor(year), year, dueAt, actor.userId(), WorkflowClock.now()));
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("Đợt thi đua " + campaign.getCode() + " đã có đợt báo cáo này.");
        }
        cases.start(campaign, round);
        return view(round, campaign);
    }

    @Transactional(readOnly = true)
    public List<RoundView> ofCampaign(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        return rounds.findByCampaignIdOrderByDueAtAscIdAsc(campaignId).stream().map(r -> view(r, campaign)).toList();
    }

    @Transactional(readOnly = true)
    public RoundView get(Long roundId) {
        ReportingRound round = round(roundId);
        return view(round, campaigns.get(round.getCampaignId()));
    }

    /**
     * Kết thúc đợt: the Board stops waiting for units that have not sent (or are revising); their
     * cases end and the board keeps them as not sent. What was sent is still reviewed and accepted.
     */
    @Transactional
    public RoundView close(Long roundId, CurrentUser actor) {
        if (actor == null || !actor.inGroup(CamundaGroups.BOARD)) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng được kết thúc đợt báo cáo.");
        }
        ReportingRound round = round(roundId);
        if (!round.isOpen()) {
            throw ApiException.conflict("Đợt \"" + round.getTitle() + "\" đã kết thúc từ trước.");
        }
        round.close(actor.userId(), WorkflowClock.now());
        cases.endWaiting(round, plans.findByReportingRoundIdOrderById(roundId));
        return view(round, campaigns.get(round.getCampaignId()));
    }

    /** The launch-plan round of a campaign, if the campaign has been opened. */
    @Transactional(readOnly = true)
    public Long launchPlanRoundOf(Long campaignId) {
        return rounds.findByCampaignIdAndKind(campaignId, ReportKind.LAUNCH_PLAN).map(ReportingRound::getId).orElse(null);
    }

    ReportingRound round(Long roundId) {
        return (roundId == null ? Optional.<ReportingRound>empty() : rounds.findById(roundId))
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy đợt báo cáo số " + roundId + "."));
    }

    static RoundView view(ReportingRound r, Campaign campaign) {
        LocalDate lastDay = LocalDateTime.ofInstant(r.getDueAt().minusNanos(1), campaign.zone()).toLocalDate();
        return new RoundView(r.getId(), r.getCampaignId(), campaign.getCode(), r.getKind(), r.getTitle(),
                r.document(), r.getPeriodYear(), lastDay, r.getDueAt(), r.getStatus().name(),
                r.isOpen() ? "đang nhận" : "đã kết thúc", r.getDeclaredBy(), r.getDeclaredAt(), r.getClosedBy(),
                r.getClosedAt());
    }

    private static ReportKind kindOf(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add("chưa chọn loại báo cáo (kind: SIX_MONTH_REPORT, YEARLY_REPORT hoặc OTHER)");
            return ReportKind.OTHER;
        }
        try {
            ReportKind kind = ReportKind.valueOf(value.trim());
            if (kind == ReportKind.LAUNCH_PLAN) {
                problems.add("kế hoạch phát động được giao khi mở đợt thi đua, không khai báo thêm");
            }
            return kind;
        } catch (IllegalArgumentException e) {
            problems.add("loại báo cáo không hợp lệ: chọn SIX_MONTH_REPORT (6 tháng), YEARLY_REPORT (năm)"
                    + " hoặc OTHER (khác)");
            return ReportKind.OTHER;
        }
    }

    private LocalDate dueDateOf(String value, ReportKind kind, int year, List<String> problems) {
        if (value == null || value.isBlank()) {
            LocalDate byDefault = defaultDueDate(kind, year);
            if (byDefault == null) {
                problems.add("chưa nhập hạn gửi (dueDate, dạng yyyy-MM-dd)");
            }
            return byDefault;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < 2000 || date.getYear() > 2200) {
                problems.add("hạn gửi không hợp lý");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add("hạn gửi không đúng định dạng (yyyy-MM-dd)");
            return null;
        }
    }

    /** The configured default last day of a six-month or yearly report of this year (null for other kinds). */
    public LocalDate defaultDueDate(ReportKind kind, int year) {
        return switch (kind) {
            case SIX_MONTH_REPORT -> sixMonthDue.atYear(year);
            case YEARLY_REPORT -> yearlyDue.atYear(year);
            default -> null;
        };
    }
}
