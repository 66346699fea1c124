package vn.dienbien.tdkt.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * The launch-plan record: what each unit sent, when, whether on time, and every review round.
 * Called by the process's delegates; refusals are {@link BadUserRequestException}s so that
 * Tasklist shows their Vietnamese message and the engine rolls the whole step back.
 */
@Service
public class LaunchPlanService {

    private static final DateTimeFormatter VN_DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final LaunchPlanRepository plans;
    private final LaunchPlanSubmissionRepository submissions;
    private final LaunchPlanReviewRepository reviews;
    private final LaunchPlanUrgingRepository urgings;
    private final CampaignRepository campaigns;
    private final DocumentService documents;
    private final NotificationService notifications;

    LaunchPlanService(LaunchPlanRepository plans, LaunchPlanSubmissionRepository submissions,
            LaunchPlanReviewRepository reviews, LaunchPlanUrgingRepository urgings, CampaignRepository campaigns,
            DocumentService documents, NotificationService notifications) {
        this.plans = plans;
        this.submissions = submissions;
        this.reviews = reviews;
        this.urgings = urgings;
        this.campaigns = campaigns;
        this.documents = documents;
        this.notifications = notifications;
    }

    /** What a unit fills in when it sends its plan. */
    record PlanSending(String planNumber, String planDate, String summary, Long documentId) {
    }

    /** Records a sending; returns true when it arrived after the deadline. */
    @Transactional
    public boolean recordSubmission(Long launchPlanId, PlanSending sending, String sentBy) {
        LaunchPlan plan = plan(launchPlanId);
        List<String> problems = new ArrayList<>();
        String number = trimmed(sending.planNumber());
        if (number == null) {
            problems.add("chưa nhập số, ký hiệu kế hoạch");
        } else if (number.length() > 64) {
            problems.add("số, ký hiệu kế hoạch dài quá 64 ký tự");
        }
        LocalDate planDate = null;
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        Instant now = WorkflowClock.now();
        if (trimmed(sending.planDate()) == null) {
            problems.add("chưa nhập ngày ban hành kế hoạch");
        } else {
            try {
                planDate = LocalDate.parse(sending.planDate().trim().substring(0, Math.min(10, sending.planDate().trim().length())));
                if (planDate.isAfter(LocalDate.ofInstant(now, campaign.zone()))) {
                    problems.add("ngày ban hành kế hoạch không được sau ngày hôm nay");
                } else if (planDate.isBefore(campaign.getIssuedOn())) {
                    problems.add("ngày ban hành kế hoạch không được trước ngày ban hành " + campaign.getCode());
                }
            } catch (DateTimeParseException e) {
                problems.add("ngày ban hành kế hoạch không đúng định dạng (yyyy-MM-dd)");
            }
        }
        String summary = trimmed(sending.summary());
        if (summary == null) {
            problems.add("chưa nhập trích yếu nội dung kế hoạch");
        } else if (summary.length() > 4000) {
            problems.add("trích yếu nội dung dài quá 4000 ký tự");
        }
        if (!documents.exists(sending.documentId())) {
            problems.add("chưa đính kèm văn bản kế hoạch");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Chưa gửi được kế hoạch: " + String.join("; ", problems) + ".");
        }
        boolean onTime = campaign.isOnTime(now);
        int round = submissions.countByLaunchPlanId(launchPlanId) + 1;
        submissions.save(new LaunchPlanSubmission(launchPlanId, round, number, planDate, summary,
                sending.documentId(), now, sentBy, onTime));
        plan.send(number, planDate, summary, sending.documentId(), now, onTime);
        return !onTime;
    }

    /** Records the Board's decision; returns true when the plan is accepted. */
    @Transactional
    public boolean recordReview(Long launchPlanId, String decision, String reason, String reviewer) {
        LaunchPlan plan = plan(launchPlanId);
        if (plan.getStatus() != LaunchPlanStatus.SENT) {
            throw new BadUserRequestException("Kế hoạch không ở trạng thái chờ thẩm định.");
        }
        boolean accept = "ACCEPT".equals(decision);
        if (!accept && !"RETURN".equals(decision)) {
            throw new BadUserRequestException("Chưa chọn kết quả thẩm định (tiếp nhận hoặc trả lại).");
        }
        String cleanReason = trimmed(reason);
        if (!accept && cleanReason == null) {
            throw new BadUserRequestException("Trả lại kế hoạch phải nêu lý do để đơn vị chỉnh sửa.");
        }
        Instant now = WorkflowClock.now();
        int round = submissions.countByLaunchPlanId(launchPlanId);
        reviews.save(new LaunchPlanReview(launchPlanId, round,
                accept ? LaunchPlanReview.Outcome.ACCEPTED : LaunchPlanReview.Outcome.RETURNED, cleanReason, reviewer, now));
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        if (accept) {
            plan.accept(now);
            notifications.notifyUnit(plan.getUnitId(), "PLAN_ACCEPTED",
                    "Kế hoạch phát động thi đua đã được tiếp nhận (" + campaign.getCode() + ")",
                    "Ban Thi đua – Khen thưởng đã tiếp nhận kế hoạch số " + plan.getPlanNumber() + ".");
        } else {
            plan.returnForRevision();
            notifications.notifyUnit(plan.getUnitId(), "PLAN_RETURNED",
                    "Kế hoạch phát động thi đua bị trả lại để chỉnh sửa (" + campaign.getCode() + ")",
                    "Lý do: " + cleanReason);
        }
        return accept;
    }

    /** Nhắc hạn: tells the unit how long it has left. */
    @Transactional
    public void remind(Long launchPlanId) {
        LaunchPlan plan = plan(launchPlanId);
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        Instant now = WorkflowClock.now();
        long daysLeft = Math.max(0, Duration.between(now, campaign.getLaunchPlanDeadline()).toHours() + 23) / 24;
        String deadline = LocalDateTime.ofInstant(campaign.getLaunchPlanDeadline(), campaign.zone()).format(VN_DATE_TIME);
        notifications.notifyUnit(plan.getUnitId(), "PLAN_REMINDER",
                "Nhắc hạn gửi kế hoạch phát động thi đua (" + campaign.getCode() + "): còn " + daysLeft + " ngày",
                "Đề nghị đơn vị gửi kế hoạch phát động thi đua về Sở Nội vụ (Ban Thi đua – Khen thưởng) trước "
                        + deadline + ".");
    }

    /** Records how the Board urged a unit past the deadline (đôn đốc) and tells the unit. */
    @Transactional
    public void recordUrging(Long launchPlanId, String method, String note, String urgedBy) {
        LaunchPlan plan = plan(launchPlanId);
        String cleanMethod = trimmed(method);
        String cleanNote = trimmed(note);
        if (cleanMethod == null || cleanNote == null) {
            throw new BadUserRequestException("Chưa ghi hình thức và nội dung đôn đốc.");
        }
        Instant now = WorkflowClock.now();
        urgings.save(new LaunchPlanUrging(launchPlanId, cleanMethod, cleanNote, urgedBy, now));
        plan.urged(now);
        Campaign campaign = campaigns.findById(plan.getCampaignId()).orElseThrow();
        notifications.notifyUnit(plan.getUnitId(), "PLAN_URGED",
                "Đôn đốc gửi kế hoạch phát động thi đua (" + campaign.getCode() + ")",
                "Đơn vị chưa gửi kế hoạch đúng hạn. " + cleanNote);
    }

    /** Dates of the reminders still ahead, for the process's reminder timers. */
    @Transactional(readOnly = true)
    public List<Instant> reminderTimes(Long launchPlanId) {
        Campaign campaign = campaigns.findById(plan(launchPlanId).getCampaignId()).orElseThrow();
        Instant now = WorkflowClock.now();
        return campaign.reminderDaysBefore().stream()
                .map(days -> campaign.getLaunchPlanDeadline().atZone(campaign.zone()).minusDays(days).toInstant())
                .filter(at -> at.isAfter(now))
                .sorted()
                .toList();
    }

    LaunchPlan plan(Long launchPlanId) {
        return plans.findById(launchPlanId)
                .orElseThrow(() -> new BadUserRequestException("Không tìm thấy kế hoạch số " + launchPlanId + "."));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
