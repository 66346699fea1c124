package vn.dienbien.tdkt.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.calendar.WorkingDayCalendar;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Thẩm định: the head's confirmation, the completeness checklist and the eligibility rules (DMN
 * {@code bpmn/dossier-eligibility.dmn}), the Board's decision, supplements, and the
 * 25-working-day clock that stops while a dossier is back with its unit.
 */
@Service
public class DossierAppraisal {

    private static final Set<DossierStatus> COUNTING_STATUSES = EnumSet.of(DossierStatus.AWAITING_HEAD,
            DossierStatus.UNDER_APPRAISAL, DossierStatus.RETURNED, DossierStatus.ACCEPTED, DossierStatus.AWARDED);

    private final DossierRepository dossiers;
    private final AwardRepository awards;
    private final DossierRuleResultRepository ruleResults;
    private final DossierHistory history;
    private final OrgUnitRepository units;
    private final WorkingDayCalendar calendar;
    private final NotificationService notifications;
    private final DecisionService decisionService;
    private final List<BlockLeadership> leadership;
    private final int timeLimitWorkingDays;
    private final int reminderWorkingDaysBefore;

    DossierAppraisal(DossierRepository dossiers, AwardRepository awards, DossierRuleResultRepository ruleResults,
            DossierHistory history, OrgUnitRepository units, WorkingDayCalendar calendar,
            NotificationService notifications, DecisionService decisionService, List<BlockLeadership> leadership,
            @Value("${tdkt.dossier.time-limit-working-days:25}") int timeLimitWorkingDays,
            @Value("${tdkt.dossier.reminder-working-days-before:5}") int reminderWorkingDaysBefore) {
        this.dossiers = dossiers;
        this.awards = awards;
        this.ruleResults = ruleResults;
        this.history = history;
        this.units = units;
        this.calendar = calendar;
        this.notifications = notifications;
        this.decisionService = decisionService;
        this.leadership = leadership;
        this.timeLimitWorkingDays = timeLimitWorkingDays;
        this.reminderWorkingDaysBefore = reminderWorkingDaysBefore;
    }

    /** When the clock falls due, and when the Board is reminded. */
    record Deadlines(Instant dueAt, Instant reminderAt) {
    }

    /** Thủ trưởng đơn vị xác nhận: sent to the Board (the clock starts), or withdrawn. */
    @Transactional
    public Deadlines confirmByHead(Long dossierId, String decision, String note, String head) {
        Dossier dossier = dossier(dossierId);
        if ("WITHDRAW".equals(decision)) {
            if (blank(note)) {
                throw new BadUserRequestException("Rút hồ sơ phải ghi lý do.");
            }
            dossier.close(DossierStatus.WITHDRAWN, note.trim());
            history.record(dossier, DossierStatus.WITHDRAWN, head, note.trim());
            return null;
        }
        if (!"CONFIRM".equals(decision)) {
            throw new BadUserRequestException("Chưa chọn xác nhận gửi hồ sơ hoặc rút hồ sơ.");
        }
        history.record(dossier, DossierStatus.UNDER_APPRAISAL, head,
                blank(note) ? "Thủ trưởng đơn vị xác nhận, gửi Ban Thi đua – Khen thưởng" : note.trim());
        return resumeClock(dossier);
    }

    /** Kiểm tra thành phần hồ sơ và điều kiện: records each rule's result; true when all pass. */
    @Transactional
    public EligibilityOutcome evaluate(Long dossierId) {
        Dossier dossier = dossier(dossierId);
        Award award = awards.findById(dossier.getAwardCode()).orElseThrow();
        int round = ruleResults.findByDossierIdOrderByRoundAscIdAsc(dossierId).stream()
                .mapToInt(DossierRuleResult::getRound).max().orElse(0) + 1;
        Instant now = WorkflowClock.now();
        List<RuleResult> results = new ArrayList<>();
        List<String> missing = award.requiredFor(dossier.getNomineeKind()).stream()
                .filter(type -> !dossier.getDocuments().containsKey(type)).map(DocumentType::label).toList();
        results.add(missing.isEmpty()
                ? new RuleResult("COMPLETENESS", true, "Đủ thành phần hồ sơ theo quy định.")
                : new RuleResult("COMPLETENESS", false, "Thiếu thành phần hồ sơ: " + String.join("; ", missing) + "."));
        DmnDecisionResult dmn = withoutAuthorization(
                () -> decisionService.evaluateDecisionByKey(WorkflowKeys.DOSSIER_ELIGIBILITY)
                        .variables(eligibilityInputs(dossier)).evaluate());
        dmn.forEach(row -> results.add(new RuleResult((String) row.get("ruleCode"), (Boolean) row.get("passed"),
                (String) row.get("reason"))));
        results.forEach(r -> ruleResults.save(new DossierRuleResult(dossierId, round, r.ruleCode(), r.passed(),
                r.reason(), now)));
        return new EligibilityOutcome(results.stream().allMatch(RuleResult::passed), results);
    }

    /** One rule's verdict. */
    public record RuleResult(String ruleCode, boolean passed, String reason) {
    }

    /** All verdicts of one evaluation. */
    public record EligibilityOutcome(boolean allPassed, List<RuleResult> results) {

        /** A few lines for the Board's form: ✔ passed, ✘ failed, with reasons. */
        String summary() {
            return results.stream().map(r -> (r.passed() ? "✔ " : "✘ ") + r.reason()).collect(Collectors.joining("\n"));
        }

        List<String> failures() {
            return results.stream().filter(r -> !r.passed()).map(RuleResult::reason).toList();
        }
    }

    /** The Board's decision: ACCEPT, RETURN (for supplement) or REJECT (ineligible). */
    @Transactional
    public String recordAppraisal(Long dossierId, String decision, String reason, String reviewer) {
        Dossier dossier = dossier(dossierId);
        if (dossier.getStatus() != DossierStatus.UNDER_APPRAISAL) {
            throw new BadUserRequestException("Hồ sơ không ở trạng thái đang thẩm định.");
        }
        List<DossierRuleResult> latest = latestRound(dossierId);
        List<String> failures = latest.stream().filter(r -> !r.isPassed()).map(DossierRuleResult::getReason).toList();
        switch (decision == null ? "" : decision) {
            case "ACCEPT" -> {
                if (!failures.isEmpty()) {
                    throw new BadUserRequestException("Không thể tiếp nhận: hồ sơ chưa đạt điều kiện — "
                            + String.join(" ", failures));
                }
                history.record(dossier, DossierStatus.ACCEPTED, reviewer,
                        blank(reason) ? "Hồ sơ đủ điều kiện, trình Hội đồng Thi đua – Khen thưởng tỉnh" : reason.trim());
                return "ACCEPTED";
            }
            case "RETURN" -> {
                if (blank(reason)) {
                    throw new BadUserRequestException("Trả lại bổ sung phải nêu nội dung cần bổ sung.");
                }
                dossier.pauseClock(calendar.workingDaysBetween(dossier.getClockResumedAt(), WorkflowClock.now()));
                history.record(dossier, DossierStatus.RETURNED, reviewer, reason.trim());
                notifications.notifyUnit(dossier.getProposingUnitId(), "DOSSIER_RETURNED",
                        "Hồ sơ đề nghị khen thưởng " + dossier.getNomineeName() + " cần bổ sung", reason.trim());
                return "RETURNED";
            }
            case "REJECT" -> {
                String why = failures.isEmpty() ? (blank(reason) ? null : reason.trim())
                        : String.join(" ", failures) + (blank(reason) ? "" : " " + reason.trim());
                if (why == null) {
                    throw new BadUserRequestException("Dừng hồ sơ phải nêu lý do không đủ điều kiện.");
                }
                dossier.close(DossierStatus.NOT_ELIGIBLE, why);
                history.record(dossier, DossierStatus.NOT_ELIGIBLE, reviewer, why);
                notifications.notifyUnit(dossier.getProposingUnitId(), "DOSSIER_NOT_ELIGIBLE",
                        "Hồ sơ đề nghị khen thưởng " + dossier.getNomineeName() + " không đủ điều kiện", why);
                return "NOT_ELIGIBLE";
            }
            default -> throw new BadUserRequestException("Chưa chọn kết quả thẩm định (tiếp nhận, trả lại bổ sung, dừng hồ sơ).");
        }
    }

    /** The unit sends the supplemented dossier: the clock resumes with the days it had left. */
    @Transactional
    public Deadlines resubmit(Long dossierId, Map<DocumentType, Long> replacedDocuments, String note, String officer) {
        Dossier dossier = dossier(dossierId);
        if (dossier.getStatus() != DossierStatus.RETURNED) {
            throw new BadUserRequestException("Hồ sơ không ở trạng thái trả lại bổ sung.");
        }
        replacedDocuments.forEach(dossier::attach);
        history.record(dossier, DossierStatus.UNDER_APPRAISAL, officer,
                blank(note) ? "Đơn vị gửi lại hồ sơ đã bổ sung" : note.trim());
        return resumeClock(dossier);
    }

    /** Được khen thưởng or không: the dossier's end, and the unit is told. */
    @Transactional
    public void close(Long dossierId, boolean awarded, String reason, String actor) {
        Dossier dossier = dossier(dossierId);
        DossierStatus status = awarded ? DossierStatus.AWARDED : DossierStatus.NOT_AWARDED;
        dossier.close(status, reason);
        history.record(dossier, status, actor, reason);
        notifications.notifyUnit(dossier.getProposingUnitId(), awarded ? "DOSSIER_AWARDED" : "DOSSIER_NOT_AWARDED",
                "Kết quả xét khen thưởng: " + dossier.getNomineeName() + " — " + status.label(), reason);
    }

    private Deadlines resumeClock(Dossier dossier) {
        Instant now = WorkflowClock.now();
        int remaining = Math.max(0, timeLimitWorkingDays - dossier.getWorkingDaysUsed());
        Instant due = calendar.addWorkingDays(now, remaining);
        Instant reminder = calendar.addWorkingDays(now, Math.max(0, remaining - reminderWorkingDaysBefore));
        dossier.startOrResumeClock(now, due);
        return new Deadlines(due, reminder);
    }

    private Map<String, Object> eligibilityInputs(Dossier dossier) {
        Map<String, Object> in = new HashMap<>();
        in.put("awardCode", dossier.getAwardCode());
        in.put("nomineeKind", dossier.getNomineeKind().name());
        OrgUnit nomineeUnit = dossier.getNomineeUnitId() == null ? null
                : units.findById(dossier.getNomineeUnitId()).orElse(null);
        boolean inGroup = nomineeUnit != null && nomineeUnit.getEmulationGroup() != null
                && nomineeUnit.getEmulationGroup().getId().equals(dossier.getLedGroupId());
        // The block's vote of that year decides; without one, the registry's leader.
        boolean leader = inGroup && leadership.stream().findFirst()
                .flatMap(l -> l.electedLeader(dossier.getLedGroupId(), dossier.getYear()))
                .map(elected -> elected.equals(nomineeUnit.getId()))
                .orElse(nomineeUnit.isGroupLeader());
        in.put("isGroupLeader", leader);
        long otherFlags = dossier.getLedGroupId() == null ? 0
                : dossiers.findByAwardCodeAndYearAndLedGroupIdAndStatusIn(dossier.getAwardCode(), dossier.getYear(),
                        dossier.getLedGroupId(), EnumSet.of(DossierStatus.ACCEPTED, DossierStatus.AWARDED))
                        .stream().filter(d -> !d.getId().equals(dossier.getId())).count();
        in.put("otherFlagsForGroup", otherFlags);
        in.put("consecutiveExcellentYears", consecutiveYears(dossier.getExcellentYears(), dossier.getYear()));
        in.put("recognisedInitiatives", dossier.getRecognisedInitiatives() == null ? 0 : dossier.getRecognisedInitiatives());
        in.put("underDiscipline", dossier.isUnderDiscipline());
        in.put("underInvestigation", dossier.isUnderInvestigation());
        in.put("openComplaint", dossier.isOpenComplaint());
        long same = dossiers.findByNomineeKeyOrderByYear(dossier.getNomineeKey()).stream()
                .filter(d -> !d.getId().equals(dossier.getId()) && d.getAwardCode().equals(dossier.getAwardCode())
                        && d.getYear() == dossier.getYear() && COUNTING_STATUSES.contains(d.getStatus()))
                .count();
        in.put("sameAwardSameYear", same);
        return in;
    }

    /** The run of consecutive years rated excellent that ends at the award year or the year before. */
    static int consecutiveYears(String years, int awardYear) {
        if (blank(years)) {
            return 0;
        }
        TreeSet<Integer> set = Arrays.stream(years.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        int end = set.contains(awardYear) ? awardYear : awardYear - 1;
        int run = 0;
        while (set.contains(end - run)) {
            run++;
        }
        return run;
    }

    private List<DossierRuleResult> latestRound(Long dossierId) {
        List<DossierRuleResult> all = ruleResults.findByDossierIdOrderByRoundAscIdAsc(dossierId);
        int last = all.stream().mapToInt(DossierRuleResult::getRound).max().orElse(0);
        return all.stream().filter(r -> r.getRound() == last).toList();
    }

    Dossier dossier(Long id) {
        return dossiers.findById(id)
                .orElseThrow(() -> new BadUserRequestException("Không tìm thấy hồ sơ số " + id + "."));
    }

    /** The rules are the system's check, whoever's step triggers them. */
    private static <T> T withoutAuthorization(java.util.concurrent.Callable<T> call) {
        CommandContext context = Context.getCommandContext();
        try {
            return context == null ? call.call() : context.runWithoutAuthorization(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
