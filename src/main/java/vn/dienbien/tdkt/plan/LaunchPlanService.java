package vn.dienbien.tdkt.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * The launch-plan record: what each unit sent, when, whether on time, and every review round.
 * Called by the process's delegates with the plan of their own case and the person acting; each
 * step checks that this person may act on this plan in its present status. Refusals are
 * {@link ApiException}s: the user sees their Vietnamese message and the engine rolls the step back.
 */
@Service
public class LaunchPlanService {

    private static final DateTimeFormatter VN_DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    /** The longest reason or note the record keeps (launch_plan_review.reason, launch_plan_urging.note). */
    static final int MAX_NOTE = 3_900;
    /** How the Board may urge a unit (the choices of forms/launch-plan-urge.form). */
    static final Set<String> URGE_METHODS = Set.of("CONG_VAN", "DIEN_THOAI", "THU_DIEN_TU", "TRUC_TIEP");

    private final LaunchPlanRepository plans;
    private final ReportingRoundRepository rounds;
    private final LaunchPlanSubmissionRepository submissions;
    private final LaunchPlanReviewRepository reviews;
    private final LaunchPlanUrgingRepository urgings;
    private final CampaignRepository campaigns;
    private final DocumentService documents;
    private final NotificationService notifications;
    private final OrgUnitRepository units;

    LaunchPlanService(LaunchPlanRepository plans, ReportingRoundRepository rounds,
            LaunchPlanSubmissionRepository submissions,
            LaunchPlanReviewRepository reviews, LaunchPlanUrgingRepository urgings, CampaignRepository campaigns,
            DocumentService documents, NotificationService notifications, OrgUnitRepository units) {
        this.plans = plans;
        this.rounds = rounds;
        this.submissions = submissions;
        this.reviews = reviews;
        this.urgings = urgings;
        this.campaigns = campaigns;
        this.documents = documents;
        this.notifications = notifications;
        this.units = units;
    }

    /** The plan this case was opened for: a case knows its record, whatever its variables say. */
    @Transactional(readOnly = true)
    public Long planOfCase(String processInstanceId) {
        return plans.findByProcessInstanceId(processInstanceId).map(LaunchPlan::getId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy kế hoạch phát động của hồ sơ công việc này."));
    }

    /** What a case's tasks are about, read from its own plan: the round and the unit. */
    record CaseSubject(String roundTitle, String subject, String label, String unitName) {
    }

    /**
     * The subject of a case's tasks, from the plan linked to the case; empty for a case with no
     * plan (its tasks keep the diagram's names and every step refuses).
     */
    @Transactional(readOnly = true)
    public Optional<CaseSubject> subjectOfCase(String processInstanceId) {
        return plans.findByProcessInstanceId(processInstanceId).map(plan -> {
            ReportingRound round = roundOf(plan);
            String unitName = units.findById(plan.getUnitId()).map(OrgUnit::getName).orElse("");
            return new CaseSubject(round.getTitle(), round.subject(), round.label(), unitName);
        });
    }

    /**
     * Links a case that has just been opened to its plan. A plan is linked once, to the case opened
     * for it: a second case cannot take it over.
     */
    @Transactional
    public void linkCase(Long launchPlanId, String processInstanceId) {
        LaunchPlan plan = launchPlanId == null ? null : plans.findById(launchPlanId).orElse(null);
        if (plan == null) {
            throw ApiException.notFound("Không tìm thấy kế hoạch phát động để mở hồ sơ công việc.");
        }
        if (plan.getProcessInstanceId() != null && !plan.getProcessInstanceId().equals(processInstanceId)) {
            throw ApiException.conflict("Kế hoạch số " + launchPlanId + " đã có hồ sơ công việc; không mở hồ sơ thứ hai.");
        }
        plan.attachCase(processInstanceId);
    }

    /** What a unit fills in when it sends its plan. */
    record PlanSending(String planNumber, String planDate, String summary, Long documentId) {
    }

    /**
     * Records a sending by a person of the plan's own unit, while the plan is not sent yet or is
     * returned for revision and its round is still open; returns whether it counts as late (the
     * first sending decides, as on the progress board).
     */
    @Transactional
    public boolean recordSubmission(Long launchPlanId, PlanSending sending, CurrentUser actor) {
        LaunchPlan plan = plan(launchPlanId);
        ReportingRound round = roundOf(plan);
        String doc = round.document();
        String unitGroup = units.findById(plan.getUnitId()).orElseThrow().camundaGroup();
        if (actor == null || !actor.inGroup(unitGroup)) {
            throw ApiException.forbidden("Anh/Chị chỉ gửi được " + (round.getKind() == ReportKind.LAUNCH_PLAN
                    ? "kế hoạch phát động" : round.subject()) + " của đơn vị mình.");
        }
        if (!round.isOpen()) {
            throw ApiException.conflict("Đợt \"" + round.getTitle() + "\" đã kết thúc; không nhận thêm " + doc + ".");
        }
        if (plan.getStatus() != LaunchPlanStatus.NOT_SENT && plan.getStatus() != LaunchPlanStatus.RETURNED) {
            throw ApiException.conflict(capitalised(doc) + " đang ở trạng thái \"" + PlanProgressStatus.of(plan).label()
                    + "\": chỉ gửi được khi chưa gửi hoặc bị trả lại để chỉnh sửa.");
        }
        List<String> problems = new ArrayList<>();
        String number = trimmed(sending.planNumber());
        if (number == null) {
            problems.add("chưa nhập số, ký hiệu " + doc);
        } else if (number.length() > 64) {
            problems.add("số, ký hiệu " + doc + " dài quá 64 ký tự");
        }
        LocalDate planDate = null;
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        Instant now = WorkflowClock.now();
        if (trimmed(sending.planDate()) == null) {
            problems.add("chưa nhập ngày ban hành " + doc);
        } else {
            try {
                planDate = LocalDate.parse(sending.planDate().trim().substring(0, Math.min(10, sending.planDate().trim().length())));
                if (planDate.isAfter(LocalDate.ofInstant(now, campaign.zone()))) {
                    problems.add("ngày ban hành " + doc + " không được sau ngày hôm nay");
                } else if (planDate.isBefore(campaign.getIssuedOn())) {
                    problems.add("ngày ban hành " + doc + " không được trước ngày ban hành " + campaign.getCode());
                }
            } catch (DateTimeParseException e) {
                problems.add("ngày ban hành " + doc + " không đúng định dạng (yyyy-MM-dd)");
            }
        }
        String summary = trimmed(sending.summary());
        if (summary == null) {
            problems.add("chưa nhập trích yếu nội dung " + doc);
        } else if (summary.length() > 4000) {
            problems.add("trích yếu nội dung dài quá 4000 ký tự");
        }
        if (sending.documentId() == null) {
            problems.add("chưa đính kèm văn bản " + doc);
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Chưa gửi được " + doc + ": " + String.join("; ", problems) + ".");
        }
        documents.requireAttachable(sending.documentId(), plan.getUnitId(), actor);
        boolean onTime = round.isOnTime(now);
        int sendingNo = submissions.countByLaunchPlanId(launchPlanId) + 1;
        submissions.save(new LaunchPlanSubmission(launchPlanId, sendingNo, number, planDate, summary,
                sending.documentId(), now, actor.userId(), onTime));
        plan.send(number, planDate, summary, sending.documentId(), now, onTime);
        // One source of truth for "late": the first sending decides, as on the progress board.
        return !Boolean.TRUE.equals(plan.getOnTime());
    }

    /** Records the Board's decision on a plan waiting for review; returns true when it is accepted. */
    @Transactional
    public boolean recordReview(Long launchPlanId, String decision, String reason, CurrentUser actor) {
        LaunchPlan plan = plan(launchPlanId);
        ReportingRound round = roundOf(plan);
        String doc = round.document();
        requireBoard(actor, "Chỉ Ban Thi đua – Khen thưởng thẩm định " + round.subject() + ".");
        if (plan.getStatus() != LaunchPlanStatus.SENT) {
            throw ApiException.conflict(capitalised(doc) + " không ở trạng thái chờ thẩm định (hiện: "
                    + PlanProgressStatus.of(plan).label() + ").");
        }
        boolean accept = "ACCEPT".equals(decision);
        if (!accept && !"RETURN".equals(decision)) {
            throw ApiException.badRequest("Chưa chọn kết quả thẩm định (tiếp nhận hoặc trả lại).");
        }
        String cleanReason = trimmed(reason);
        if (!accept && cleanReason == null) {
            throw ApiException.badRequest("Trả lại " + doc + " phải nêu lý do để đơn vị chỉnh sửa.");
        }
        if (!accept && !round.isOpen()) {
            throw ApiException.conflict("Đợt \"" + round.getTitle() + "\" đã kết thúc: không trả lại để gửi lại được"
                    + " nữa, chỉ tiếp nhận.");
        }
        if (cleanReason != null && cleanReason.length() > MAX_NOTE) {
            throw ApiException.badRequest("Lý do, ý kiến thẩm định dài quá " + MAX_NOTE + " ký tự.");
        }
        Instant now = WorkflowClock.now();
        int sendingNo = submissions.countByLaunchPlanId(launchPlanId);
        reviews.save(new LaunchPlanReview(launchPlanId, sendingNo,
                accept ? LaunchPlanReview.Outcome.ACCEPTED : LaunchPlanReview.Outcome.RETURNED, cleanReason,
                actor.userId(), now));
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        if (accept) {
            plan.accept(now);
            notifications.notifyUnit(plan.getUnitId(), "PLAN_ACCEPTED",
                    capitalised(round.subject()) + " đã được tiếp nhận (" + campaign.getCode() + ")",
                    "Ban Thi đua – Khen thưởng đã tiếp nhận " + doc + " số " + plan.getPlanNumber() + ".");
        } else {
            plan.returnForRevision();
            notifications.notifyUnit(plan.getUnitId(), "PLAN_RETURNED",
                    capitalised(round.subject()) + " bị trả lại để chỉnh sửa (" + campaign.getCode() + ")",
                    "Lý do: " + cleanReason);
        }
        return accept;
    }

    /** Nhắc hạn: tells the unit how long it has left. */
    @Transactional
    public void remind(Long launchPlanId) {
        LaunchPlan plan = plan(launchPlanId);
        ReportingRound round = roundOf(plan);
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        Instant now = WorkflowClock.now();
        long daysLeft = Math.max(0, Duration.between(now, round.getDueAt()).toHours() + 23) / 24;
        String deadline = LocalDateTime.ofInstant(round.getDueAt(), campaign.zone()).format(VN_DATE_TIME);
        notifications.notifyUnit(plan.getUnitId(), "PLAN_REMINDER",
                "Nhắc hạn gửi " + round.subject() + " (" + campaign.getCode() + "): còn " + daysLeft + " ngày",
                "Đề nghị đơn vị gửi " + round.subject() + " về Sở Nội vụ (Ban Thi đua – Khen thưởng) trước "
                        + deadline + ".");
    }

    /** Records how the Board urged a unit that has not sent its plan by the deadline (đôn đốc), and tells the unit. */
    @Transactional
    public void recordUrging(Long launchPlanId, String method, String note, CurrentUser actor) {
        LaunchPlan plan = plan(launchPlanId);
        ReportingRound round = roundOf(plan);
        requireBoard(actor, "Chỉ Ban Thi đua – Khen thưởng đôn đốc đơn vị gửi " + round.document() + ".");
        if (plan.getStatus() != LaunchPlanStatus.NOT_SENT) {
            throw ApiException.conflict("Đơn vị đã gửi " + round.document() + " (" + PlanProgressStatus.of(plan).label()
                    + "); không cần đôn đốc nữa.");
        }
        String cleanMethod = trimmed(method);
        String cleanNote = trimmed(note);
        if (cleanMethod == null || cleanNote == null) {
            throw ApiException.badRequest("Chưa ghi hình thức và nội dung đôn đốc.");
        }
        if (!URGE_METHODS.contains(cleanMethod)) {
            throw ApiException.badRequest("Hình thức đôn đốc không hợp lệ: chọn công văn, điện thoại, thư điện tử"
                    + " hoặc làm việc trực tiếp.");
        }
        if (cleanNote.length() > MAX_NOTE) {
            throw ApiException.badRequest("Nội dung đôn đốc dài quá " + MAX_NOTE + " ký tự.");
        }
        Instant now = WorkflowClock.now();
        urgings.save(new LaunchPlanUrging(launchPlanId, cleanMethod, cleanNote, actor.userId(), now));
        plan.urged(now);
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        notifications.notifyUnit(plan.getUnitId(), "PLAN_URGED",
                "Đôn đốc gửi " + round.subject() + " (" + campaign.getCode() + ")",
                "Đơn vị chưa gửi " + round.document() + " đúng hạn. " + cleanNote);
    }

    /** Dates of the reminders still ahead, for the process's reminder timers. */
    @Transactional(readOnly = true)
    public List<Instant> reminderTimes(Long launchPlanId) {
        LaunchPlan plan = plan(launchPlanId);
        ReportingRound round = roundOf(plan);
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        Instant now = WorkflowClock.now();
        // The campaign's reminder days serve every round: "10,3" days before each due date.
        return campaign.reminderDaysBefore().stream()
                .map(days -> round.getDueAt().atZone(campaign.zone()).minusDays(days).toInstant())
                .filter(at -> at.isAfter(now))
                .sorted()
                .toList();
    }

    LaunchPlan plan(Long launchPlanId) {
        return plans.findById(launchPlanId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy kế hoạch số " + launchPlanId + "."));
    }

    ReportingRound roundOf(LaunchPlan plan) {
        return rounds.findById(plan.getRoundId()).orElseThrow();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void requireBoard(CurrentUser actor, String refusal) {
        if (actor == null || !actor.inGroup(CamundaGroups.BOARD)) {
            throw ApiException.forbidden(refusal);
        }
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
