package vn.dienbien.tdkt.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.calendar.WorkingDayCalendar;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Thẩm định: the head's confirmation, the Board's decision on the checked dossier (the check itself
 * is {@link DossierEligibility}), supplements, and the 25-working-day clock that stops while a
 * dossier is back with its unit. Each step is taken on the dossier of its own case, by a person
 * {@link DossierActors} allows, in the step's status.
 */
@Service
public class DossierAppraisal {

    /** The longest note or reason a dossier's history keeps (dossier_status_history.reason). */
    static final int MAX_NOTE = 3_900;

    private final DossierRepository dossiers;
    private final DossierRuleResultRepository ruleResults;
    private final DossierHistory history;
    private final WorkingDayCalendar calendar;
    private final NotificationService notifications;
    private final DossierActors actors;
    private final DocumentService documents;
    private final DossierCases cases;
    private final int timeLimitWorkingDays;
    private final int reminderWorkingDaysBefore;

    DossierAppraisal(DossierRepository dossiers, DossierRuleResultRepository ruleResults, DossierHistory history,
            WorkingDayCalendar calendar, NotificationService notifications, DossierActors actors,
            DocumentService documents, DossierCases cases,
            @Value("${tdkt.dossier.time-limit-working-days:25}") int timeLimitWorkingDays,
            @Value("${tdkt.dossier.reminder-working-days-before:5}") int reminderWorkingDaysBefore) {
        this.dossiers = dossiers;
        this.ruleResults = ruleResults;
        this.history = history;
        this.calendar = calendar;
        this.notifications = notifications;
        this.actors = actors;
        this.documents = documents;
        this.cases = cases;
        this.timeLimitWorkingDays = timeLimitWorkingDays;
        this.reminderWorkingDaysBefore = reminderWorkingDaysBefore;
    }

    /** When the clock falls due, and when the Board is reminded. */
    record Deadlines(Instant dueAt, Instant reminderAt) {
    }

    /** The dossier this case was opened for (a case knows its record, whatever its variables say). */
    @Transactional(readOnly = true)
    public Long dossierOfCase(String processInstanceId) {
        return cases.dossierOf(processInstanceId).orElseThrow(() -> ApiException.notFound(
                "Không tìm thấy hồ sơ đề nghị khen thưởng của hồ sơ công việc này."));
    }

    /**
     * Thủ trưởng đơn vị xác nhận: sent to the Board (the clock starts), or withdrawn. Only a head of
     * the proposing unit, only while the dossier awaits the head.
     */
    @Transactional
    public Deadlines confirmByHead(Long dossierId, String decision, String note, CurrentUser head) {
        Dossier dossier = dossier(dossierId);
        actors.requireHeadOfProposingUnit(dossier, head);
        DossierActors.requireStatus(dossier, DossierStatus.AWAITING_HEAD);
        requireNoteLength(note, "Ghi chú của thủ trưởng");
        if ("WITHDRAW".equals(decision)) {
            if (blank(note)) {
                throw ApiException.badRequest("Rút hồ sơ phải ghi lý do.");
            }
            dossier.close(DossierStatus.WITHDRAWN, note.trim());
            history.record(dossier, DossierStatus.WITHDRAWN, head.userId(), note.trim());
            return null;
        }
        if (!"CONFIRM".equals(decision)) {
            throw ApiException.badRequest("Chưa chọn xác nhận gửi hồ sơ hoặc rút hồ sơ.");
        }
        history.record(dossier, DossierStatus.UNDER_APPRAISAL, head.userId(),
                blank(note) ? "Thủ trưởng đơn vị xác nhận, gửi Ban Thi đua – Khen thưởng" : note.trim());
        return resumeClock(dossier);
    }

    /** The Board's decision on a dossier under appraisal: ACCEPT, RETURN (for supplement) or REJECT (ineligible). */
    @Transactional
    public String recordAppraisal(Long dossierId, String decision, String reason, CurrentUser actor) {
        Dossier dossier = dossier(dossierId);
        actors.requireBoard(actor);
        DossierActors.requireStatus(dossier, DossierStatus.UNDER_APPRAISAL);
        requireNoteLength(reason, "Ý kiến thẩm định");
        String reviewer = actor.userId();
        List<DossierRuleResult> latest = latestRound(dossierId);
        List<String> failures = latest.stream().filter(r -> !r.isPassed()).map(DossierRuleResult::getReason).toList();
        switch (decision == null ? "" : decision) {
            case "ACCEPT" -> {
                if (!failures.isEmpty()) {
                    throw ApiException.badRequest("Không thể tiếp nhận: hồ sơ chưa đạt điều kiện — "
                            + String.join(" ", failures));
                }
                history.record(dossier, DossierStatus.ACCEPTED, reviewer,
                        blank(reason) ? "Hồ sơ đủ điều kiện, trình Hội đồng Thi đua – Khen thưởng tỉnh" : reason.trim());
                return "ACCEPTED";
            }
            case "RETURN" -> {
                if (blank(reason)) {
                    throw ApiException.badRequest("Trả lại bổ sung phải nêu nội dung cần bổ sung.");
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
                    throw ApiException.badRequest("Dừng hồ sơ phải nêu lý do không đủ điều kiện.");
                }
                why = abbreviate(why);
                dossier.close(DossierStatus.NOT_ELIGIBLE, why);
                history.record(dossier, DossierStatus.NOT_ELIGIBLE, reviewer, why);
                notifications.notifyUnit(dossier.getProposingUnitId(), "DOSSIER_NOT_ELIGIBLE",
                        "Hồ sơ đề nghị khen thưởng " + dossier.getNomineeName() + " không đủ điều kiện", why);
                return "NOT_ELIGIBLE";
            }
            default -> throw ApiException.badRequest("Chưa chọn kết quả thẩm định (tiếp nhận, trả lại bổ sung, dừng hồ sơ).");
        }
    }

    /**
     * The proposing unit sends its returned dossier back with the documents it replaced, each one
     * uploaded by the unit itself: the clock resumes with the days it had left.
     */
    @Transactional
    public Deadlines resubmit(Long dossierId, Map<DocumentType, Long> replacedDocuments, String note, CurrentUser officer) {
        Dossier dossier = dossier(dossierId);
        actors.requireProposingUnit(dossier, officer);
        DossierActors.requireStatus(dossier, DossierStatus.RETURNED);
        requireNoteLength(note, "Giải trình của đơn vị");
        replacedDocuments.values().forEach(id -> documents.requireAttachable(id, dossier.getProposingUnitId(), officer));
        replacedDocuments.forEach(dossier::attach);
        history.record(dossier, DossierStatus.UNDER_APPRAISAL, officer.userId(),
                blank(note) ? "Đơn vị gửi lại hồ sơ đã bổ sung" : note.trim());
        return resumeClock(dossier);
    }

    /** Được khen thưởng or không: the end of an accepted dossier, and the unit is told. */
    @Transactional
    public void close(Long dossierId, boolean awarded, String reason, String actor) {
        decided(dossier(dossierId), awarded, reason, actor);
        announceOutcome(dossierId);
    }

    /** Whether the dossier still waits for the decision's result (accepted, not yet awarded or refused). */
    @Transactional(readOnly = true)
    public boolean awaitsDecision(Long dossierId) {
        return dossier(dossierId).getStatus() == DossierStatus.ACCEPTED;
    }

    /**
     * The result written into the dossier (status, reason, who decided), in the transaction that issues the
     * decision or ends the session without one: nobody sees a registered decision whose dossier is not yet
     * AWARDED. The unit is told later, by the case's own job ({@link #announceOutcome}).
     */
    void decided(Dossier dossier, boolean awarded, String reason, String actor) {
        DossierActors.requireStatus(dossier, DossierStatus.ACCEPTED);
        DossierStatus status = awarded ? DossierStatus.AWARDED : DossierStatus.NOT_AWARDED;
        dossier.close(status, reason);
        history.record(dossier, status, actor, reason);
    }

    /**
     * Thông báo kết quả cho đơn vị: the unit is told the result already written into its dossier, once. The
     * case's job may run again (a retry after a failure, a second node after a lost lock): a result already
     * announced from this dossier's case is not announced again.
     */
    @Transactional
    public void announceOutcome(Long dossierId) {
        Dossier dossier = dossier(dossierId);
        if (dossier.getStatus() != DossierStatus.AWARDED && dossier.getStatus() != DossierStatus.NOT_AWARDED) {
            throw new IllegalStateException("Dossier " + dossierId + " has no result to announce: " + dossier.getStatus());
        }
        boolean awarded = dossier.getStatus() == DossierStatus.AWARDED;
        String kind = awarded ? "DOSSIER_AWARDED" : "DOSSIER_NOT_AWARDED";
        if (notifications.sentForCase(dossier.getProcessInstanceId(), kind)) {
            return;
        }
        notifications.notifyUnit(dossier.getProposingUnitId(), kind,
                "Kết quả xét khen thưởng: " + dossier.getNomineeName() + " — " + dossier.getStatus().label(),
                dossier.getOutcomeReason());
    }

    /** Lãnh đạo Ban chỉ đạo xử lý hồ sơ quá hạn: a note in the dossier's history, its status kept. */
    @Transactional
    public void recordOverdueHandling(Long dossierId, String note, CurrentUser actor) {
        Dossier dossier = dossier(dossierId);
        actors.requireBoardHead(actor);
        if (blank(note)) {
            throw ApiException.badRequest("Chưa ghi chỉ đạo xử lý hồ sơ quá hạn.");
        }
        String prefix = "Quá hạn giải quyết; lãnh đạo Ban chỉ đạo: ";
        if (prefix.length() + note.trim().length() > MAX_NOTE) {
            throw ApiException.badRequest("Chỉ đạo xử lý dài quá " + (MAX_NOTE - prefix.length()) + " ký tự.");
        }
        String text = prefix + note.trim();
        history.note(dossier.getId(), actor.userId(), text);
    }

    private Deadlines resumeClock(Dossier dossier) {
        Instant now = WorkflowClock.now();
        int remaining = Math.max(0, timeLimitWorkingDays - dossier.getWorkingDaysUsed());
        // The due date, the reminder and the years without a calendar, from one reading of the calendar.
        WorkingDayCalendar.Limit limit = calendar.limit(now, remaining,
                Math.max(0, remaining - reminderWorkingDaysBefore));
        Instant due = limit.dueAt();
        Instant reminder = limit.earlierAt();
        dossier.startOrResumeClock(now, due, reminder);
        List<Integer> uncharted = limit.yearsWithoutCalendar();
        if (!uncharted.isEmpty()) {
            history.note(dossier.getId(), ProcessActors.SYSTEM, "Cảnh báo: lịch ngày làm việc năm "
                    + uncharted.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + " chưa được nhập; hạn giải quyết tạm tính chỉ trừ thứ Bảy, Chủ nhật và các ngày đã ghi, "
                    + "Ban Thi đua – Khen thưởng cần nhập lịch năm để hạn được tính đúng.");
        }
        return new Deadlines(due, reminder);
    }

    private List<DossierRuleResult> latestRound(Long dossierId) {
        List<DossierRuleResult> all = ruleResults.findByDossierIdOrderByRoundAscIdAsc(dossierId);
        int last = all.stream().mapToInt(DossierRuleResult::getRound).max().orElse(0);
        return all.stream().filter(r -> r.getRound() == last).toList();
    }

    Dossier dossier(Long id) {
        return dossiers.findById(id)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + id + "."));
    }

    private static void requireNoteLength(String note, String what) {
        if (note != null && note.trim().length() > MAX_NOTE) {
            throw ApiException.badRequest(what + " dài quá " + MAX_NOTE + " ký tự.");
        }
    }

    /** The rules' reasons and the Board's own may together pass what the history keeps: cut at the limit. */
    private static String abbreviate(String text) {
        return text.length() <= MAX_NOTE ? text : text.substring(0, MAX_NOTE - 1) + "…";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
