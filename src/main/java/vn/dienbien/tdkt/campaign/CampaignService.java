package vn.dienbien.tdkt.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/** Declares and opens campaigns (đợt thi đua). */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final ApplicationEventPublisher events;

    CampaignService(CampaignRepository campaigns, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.events = events;
    }

    /** What a new campaign needs; the launch-plan deadline is a local time in the campaign's zone. */
    public record NewCampaign(
            @Size(max = 64) String code,
            @Size(max = 500) String title,
            LocalDate issuedOn,
            @Min(MIN_YEAR) @Max(MAX_YEAR) Integer periodStartYear,
            @Min(MIN_YEAR) @Max(MAX_YEAR) Integer periodEndYear,
            LocalDateTime launchPlanDueBefore,
            @Size(max = 64) String timeZone,
            @Size(max = 10) List<@NotNull @Min(1) @Max(365) Integer> reminderDaysBefore,
            @Min(MIN_YEAR) @Max(MAX_YEAR) Integer midTermReviewYear,
            @Min(MIN_YEAR) @Max(MAX_YEAR) Integer finalReviewYear,
            boolean demo,
            @Size(max = 5) String evaluationMonthDay) {

        /** Without an evaluation day: the default, 15 December. */
        public NewCampaign(String code, String title, LocalDate issuedOn, Integer periodStartYear, Integer periodEndYear,
                LocalDateTime launchPlanDueBefore, String timeZone, List<Integer> reminderDaysBefore,
                Integer midTermReviewYear, Integer finalReviewYear, boolean demo) {
            this(code, title, issuedOn, periodStartYear, periodEndYear, launchPlanDueBefore, timeZone, reminderDaysBefore,
                    midTermReviewYear, finalReviewYear, demo, null);
        }
    }

    /** A plan's number and symbol as written on it, e.g. 383/KH-UBND. */
    static final String CODE_PATTERN = "^[\\p{L}0-9][\\p{L}0-9 ./_-]{0,63}$";
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** A movement runs for at most a decade (the plan's is five years). */
    static final int LONGEST_PERIOD_YEARS = 10;

    @Transactional
    public Campaign create(NewCampaign request) {
        List<String> problems = new ArrayList<>();
        if (request.issuedOn() != null && (request.issuedOn().getYear() < MIN_YEAR || request.issuedOn().getYear() > MAX_YEAR)) {
            problems.add("ngày ban hành phải trong khoảng năm " + MIN_YEAR + "–" + MAX_YEAR);
        }
        if (request.launchPlanDueBefore() != null && (request.launchPlanDueBefore().getYear() < MIN_YEAR
                || request.launchPlanDueBefore().getYear() > MAX_YEAR)) {
            problems.add("hạn gửi kế hoạch phải trong khoảng năm " + MIN_YEAR + "–" + MAX_YEAR);
        }
        if (request.periodStartYear() != null && request.periodEndYear() != null
                && request.periodEndYear() - request.periodStartYear() >= LONGEST_PERIOD_YEARS) {
            problems.add("giai đoạn thi đua dài tối đa " + LONGEST_PERIOD_YEARS + " năm");
        }
        if (request.finalReviewYear() != null && request.periodStartYear() != null && request.periodEndYear() != null
                && (request.finalReviewYear() < request.periodStartYear() || request.finalReviewYear() > request.periodEndYear() + 1)) {
            problems.add("năm tổng kết phải nằm trong giai đoạn hoặc ngay sau giai đoạn");
        }
        if (blank(request.code())) {
            problems.add("thiếu số hiệu kế hoạch (code)");
        } else if (campaigns.findByCode(request.code().trim()).isPresent()) {
            problems.add("số hiệu \"" + request.code().trim() + "\" đã tồn tại");
        }
        if (blank(request.title())) {
            problems.add("thiếu tên đợt thi đua (title)");
        }
        if (request.issuedOn() == null) {
            problems.add("thiếu ngày ban hành (issuedOn)");
        }
        if (request.periodStartYear() == null || request.periodEndYear() == null) {
            problems.add("thiếu giai đoạn (periodStartYear, periodEndYear)");
        } else if (request.periodEndYear() < request.periodStartYear()) {
            problems.add("năm kết thúc giai đoạn phải không sớm hơn năm bắt đầu");
        }
        if (request.launchPlanDueBefore() == null) {
            problems.add("thiếu hạn gửi kế hoạch phát động (launchPlanDueBefore)");
        } else if (request.issuedOn() != null && !request.launchPlanDueBefore().toLocalDate().isAfter(request.issuedOn())) {
            problems.add("hạn gửi kế hoạch phải sau ngày ban hành");
        }
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        if (!blank(request.timeZone())) {
            try {
                zone = ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                problems.add("múi giờ \"" + request.timeZone() + "\" không hợp lệ");
            }
        }
        List<Integer> reminders = request.reminderDaysBefore() == null ? List.of(10, 3) : request.reminderDaysBefore();
        if (reminders.size() > 10 || reminders.stream().anyMatch(d -> d == null || d < 1 || d > 365)) {
            problems.add("số ngày nhắc trước hạn phải từ 1 đến 365");
        }
        int start = request.periodStartYear() == null ? 0 : request.periodStartYear();
        int end = request.periodEndYear() == null ? 0 : request.periodEndYear();
        int midTerm = request.midTermReviewYear() == null ? start + (end - start) / 2 : request.midTermReviewYear();
        int finalYear = request.finalReviewYear() == null ? end : request.finalReviewYear();
        if (start > 0 && end >= start && (midTerm < start || midTerm > end)) {
            problems.add("năm sơ kết phải nằm trong giai đoạn " + start + "–" + end);
        }
        String evaluationDay = request.evaluationMonthDay() == null ? "12-15" : request.evaluationMonthDay().trim();
        try {
            java.time.MonthDay.parse("--" + evaluationDay);
        } catch (DateTimeException e) {
            problems.add("ngày mở đánh giá hằng năm phải có dạng MM-dd (ví dụ 12-15)");
        }
        if (!blank(request.code()) && !request.code().strip().matches(CODE_PATTERN)) {
            problems.add("số hiệu kế hoạch chỉ gồm chữ, số, dấu cách và . / _ - (tối đa 64 ký tự)");
        }
        if (!blank(request.title()) && request.title().strip().length() > 500) {
            problems.add("tên đợt thi đua tối đa 500 ký tự");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Không tạo được đợt thi đua: " + String.join("; ", problems) + ".");
        }
        Instant deadline = request.launchPlanDueBefore().atZone(zone).toInstant();
        Campaign campaign = new Campaign(request.code().trim(), request.title().trim(), request.issuedOn(), start, end,
                deadline, zone.getId(), reminders.stream().distinct().sorted((a, b) -> b - a).toList(), midTerm,
                finalYear, request.demo());
        campaign.evaluateOn(evaluationDay);
        return campaigns.save(campaign);
    }

    /** Opens the campaign: in the same transaction every unit gets its launch-plan case. */
    @Transactional
    public Campaign open(Long campaignId, String user) {
        Campaign campaign = get(campaignId);
        if (campaign.getStatus() == CampaignStatus.OPEN) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT,
                    "Đợt thi đua " + campaign.getCode() + " đã được mở từ trước.");
        }
        campaign.open(user, WorkflowClock.now());
        events.publishEvent(new CampaignOpened(campaign.getId(), user));
        return campaign;
    }

    @Transactional(readOnly = true)
    public Campaign get(Long campaignId) {
        return campaigns.findById(campaignId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy đợt thi đua số " + campaignId + "."));
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return campaigns.findAll();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
