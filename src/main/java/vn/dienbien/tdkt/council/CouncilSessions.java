package vn.dienbien.tdkt.council;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.DecisionView;
import vn.dienbien.tdkt.dossier.DossierDecisions;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Council sessions: the Board puts accepted dossiers to the council; each member votes once for
 * the session (see {@link CouncilBallots}); a rule decides each dossier; the standing body submits
 * the passed ones, the Chairman approves, and a numbered decision issues. Every step finds its
 * session from its case (process instance), checks who acts and in which status.
 * Public: the process's expressions call {@link #membersOfCase}.
 */
@Service("councilSessions")
public class CouncilSessions {

    static final int TITLE_MAX = 500;
    static final int NOTE_MAX = 4000;
    static final int MAX_DOSSIERS = 200;
    /** The reason goes on to the dossier's outcome and history (2,000 characters) after a short prefix. */
    static final int EXCLUSION_REASON_MAX = 3_800;
    /** The engine keeps a String variable in 4,000 characters. */
    static final int VARIABLE_MAX = 4000;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final CouncilSessionRepository sessions;
    private final SessionDossierRepository sessionDossiers;
    private final CouncilVoteRepository votes;
    private final DossierQueries dossierQueries;
    private final DossierDecisions dossierDecisions;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final VoteRule rule;
    private final NotificationService notifications;
    private final int votingDays;
    private final DecisionRegistrations registrations;
    private final PendingRegistrations pendingRegistrations;

    CouncilSessions(DecisionRegistrations registrations, PendingRegistrations pendingRegistrations,
            CouncilSessionRepository sessions, SessionDossierRepository sessionDossiers,
            CouncilVoteRepository votes, DossierQueries dossierQueries, DossierDecisions dossierDecisions,
            IdentityService identityService, RuntimeService runtimeService, VoteRule rule,
            NotificationService notifications, @Value("${tdkt.council.voting-days:5}") int votingDays) {
        if (votingDays < 1 || votingDays > 60) {
            throw new IllegalArgumentException("tdkt.council.voting-days phải trong khoảng 1–60.");
        }
        this.notifications = notifications;
        this.registrations = registrations;
        this.pendingRegistrations = pendingRegistrations;
        this.votingDays = votingDays;
        this.sessions = sessions;
        this.sessionDossiers = sessionDossiers;
        this.votes = votes;
        this.dossierQueries = dossierQueries;
        this.dossierDecisions = dossierDecisions;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.rule = rule;
    }

    /**
     * Mở phiên họp through /api: the case starts exactly as from Tasklist's start form, with the
     * Board officer as the one who starts it, and records the session itself.
     */
    @Transactional
    public Long open(String title, LocalDate meetingDate, List<Long> dossierIds, CurrentUser user) {
        requireBoard(user);
        Map<String, Object> variables = new HashMap<>();
        variables.put("sessionTitleInput", title);
        variables.put("meetingDate", meetingDate == null ? null : meetingDate.toString());
        variables.put("dossierIds", dossierIds == null ? null
                : dossierIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user.userId(), user.groupIds());
        try {
            var instance = runtimeService.startProcessInstanceByKey(WorkflowKeys.COUNCIL_SESSION, variables);
            return sessions.ofCase(instance.getId()).getId();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    /** The session a case opened: its id and title, for the case's variables and business key. */
    public record Opened(Long id, String title, Date votingDueDate) {
    }

    /**
     * The start step of every council case: records the session from the start form's values for
     * this case. The one who starts it must be a Board officer.
     */
    @Transactional
    public Opened openForCase(String processInstanceId, String title, String meetingDate, String dossierIdsCsv,
            CurrentUser user) {
        requireBoard(user);
        if (sessions.findByProcessInstanceId(processInstanceId).isPresent()) {
            throw ApiException.conflict("Quy trình này đã có phiên họp.");
        }
        List<String> problems = new ArrayList<>();
        LocalDate date = parseDate(meetingDate, problems);
        List<Long> ids = parseIds(dossierIdsCsv, problems);
        CouncilSession session = create(title, date, ids, problems, user);
        session.attachCase(processInstanceId);
        // Hạn biểu quyết: tdkt.council.voting-days (default 5) calendar days after opening, at 17:00.
        session.votingDue(votingDueAfter(WorkflowClock.now()));
        return new Opened(session.getId(), session.getTitle(), Date.from(session.getVotingDueAt()));
    }

    /** The due date of voting for a session opened at {@code openedAt}: N days later, 17:00 Vietnam time. */
    Instant votingDueAfter(Instant openedAt) {
        return LocalDate.ofInstant(openedAt, VIETNAM).plusDays(votingDays).atTime(17, 0).atZone(VIETNAM).toInstant();
    }

    /**
     * "Thường trực Hội đồng kết thúc biểu quyết": voting closes while ballots may be missing; each
     * member without a ballot (in person or written) is recorded as absent, with who closed and when.
     */
    @Transactional
    public List<String> closeVoting(String processInstanceId, CurrentUser actor) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (actor == null || !actor.inGroup(CamundaGroups.COUNCIL_STANDING)) {
            throw ApiException.forbidden("Chỉ Thường trực Hội đồng kết thúc biểu quyết.");
        }
        if (session.getStatus() != CouncilSession.Status.VOTING || session.getVotingClosedAt() != null) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" đã kết thúc biểu quyết.");
        }
        Set<String> voted = Set.copyOf(votes.votersOf(session.getId()));
        List<String> absent = session.getMembers().stream().filter(m -> !voted.contains(m)).sorted().toList();
        session.votingClosed(actor.userId(), WorkflowClock.now(), absent);
        return absent;
    }

    /** Whether the session's vote reached the quorum, after the tally. */
    @Transactional(readOnly = true)
    public boolean quorumMet(String processInstanceId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        return rule.quorumMet(votes.votersOf(session.getId()).size(), session.getMemberCount());
    }

    /**
     * Below quorum the standing body adjourns the session (hoãn phiên họp) with a reason; its
     * dossiers are released for a new session, where absent members may send written votes.
     */
    @Transactional
    public void adjourn(String processInstanceId, String reason, CurrentUser actor) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (actor == null || !actor.inGroup(CamundaGroups.COUNCIL_STANDING)) {
            throw ApiException.forbidden("Chỉ Thường trực Hội đồng quyết định hoãn phiên họp.");
        }
        if (session.getStatus() != CouncilSession.Status.TALLIED || quorumMet(processInstanceId)) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" không ở bước hoãn do không đủ số thành viên.");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("Hoãn phiên họp phải nêu lý do.");
        }
        if (reason.trim().length() > NOTE_MAX) {
            throw ApiException.badRequest("Lý do hoãn phiên họp dài quá " + NOTE_MAX + " ký tự.");
        }
        session.adjourned(reason.trim(), actor.userId(), WorkflowClock.now());
    }

    /** The timer on the due date: a notification to the standing body, naming who has not voted yet. */
    @Transactional
    public void remindStandingBody(String processInstanceId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (session.getStatus() != CouncilSession.Status.VOTING) {
            return;
        }
        Set<String> voted = Set.copyOf(votes.votersOf(session.getId()));
        List<String> missing = session.getMembers().stream().filter(m -> !voted.contains(m)).sorted().toList();
        String due = DUE_FORMAT.format(session.getVotingDueAt().atZone(VIETNAM));
        notifications.notifyGroup(CamundaGroups.COUNCIL_STANDING, "COUNCIL_VOTING_DUE",
                "Đến hạn biểu quyết: " + abbreviate(session.getTitle(), 150), abbreviate(
                "Phiên họp \"" + session.getTitle() + "\" đến hạn biểu quyết (hạn: " + due + "). Đã có "
                        + voted.size() + "/" + session.getMemberCount() + " thành viên biểu quyết"
                        + (missing.isEmpty() ? "." : "; chưa biểu quyết: " + String.join(", ", missing) + ".")
                        + " Thường trực Hội đồng ghi phiếu bằng văn bản của thành viên vắng mặt hoặc kết thúc biểu quyết.", 3_900));
    }

    private static void requireBoard(CurrentUser user) {
        if (user == null || !user.inAnyGroup(List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng mở phiên họp Hội đồng.");
        }
    }

    private static LocalDate parseDate(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("thiếu ngày họp");
            return null;
        }
        LocalDate date;
        try {
            String trimmed = text.trim();
            date = LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
        } catch (DateTimeParseException e) {
            problems.add("ngày họp \"" + abbreviate(text, 40) + "\" không đúng dạng năm-tháng-ngày");
            return null;
        }
        LocalDate today = LocalDate.ofInstant(WorkflowClock.now(), VIETNAM);
        if (date.isBefore(today.minusYears(1)) || date.isAfter(today.plusYears(1))) {
            problems.add("ngày họp phải trong vòng một năm trước hoặc sau hôm nay");
        }
        return date;
    }

    private static List<Long> parseIds(String csv, List<String> problems) {
        if (csv == null || csv.isBlank()) {
            problems.add("phiên họp phải có ít nhất một hồ sơ");
            return List.of();
        }
        if (csv.length() > VARIABLE_MAX) {
            problems.add("danh sách hồ sơ quá dài (tối đa " + MAX_DOSSIERS + " hồ sơ một phiên)");
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : csv.split(",")) {
            try {
                long id = Long.parseLong(part.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                problems.add("\"" + abbreviate(part.trim(), 30) + "\" không phải số hồ sơ");
            }
        }
        return ids;
    }

    private CouncilSession create(String title, LocalDate meetingDate, List<Long> dossierIds, List<String> problems,
            CurrentUser user) {
        if (title == null || title.isBlank()) {
            problems.add("thiếu tên phiên họp");
        } else if (title.trim().length() > TITLE_MAX) {
            problems.add("tên phiên họp dài quá " + TITLE_MAX + " ký tự");
        }
        if (dossierIds.size() > MAX_DOSSIERS) {
            problems.add("một phiên họp xét tối đa " + MAX_DOSSIERS + " hồ sơ");
        } else {
            for (Long id : Set.copyOf(dossierIds)) {
                try {
                    var record = dossierQueries.brief(id);
                    if (!"ACCEPTED".equals(record.status())) {
                        problems.add("hồ sơ số " + id + " (" + record.nomineeName() + ") chưa được thẩm định đủ điều kiện");
                    } else if (sessionDossiers.inLiveSession(id)) {
                        problems.add("hồ sơ số " + id + " đã được đưa vào một phiên họp khác");
                    }
                } catch (ApiException notFound) {
                    problems.add("không có hồ sơ số " + id);
                }
            }
        }
        // Reading the council's membership is the system's act, not the Board officer's.
        List<String> members = identityService.createUserQuery().memberOfGroup(CamundaGroups.COUNCIL)
                .orderByUserId().asc().list().stream().map(User::getId).toList();
        if (members.isEmpty()) {
            problems.add("Hội đồng chưa có thành viên");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Không mở được phiên họp: " + String.join("; ", problems) + ".");
        }
        CouncilSession session = sessions.save(new CouncilSession(title.trim(), meetingDate, user.userId(),
                WorkflowClock.now(), members));
        dossierIds.stream().distinct().forEach(id -> sessionDossiers.save(new SessionDossier(session.getId(), id)));
        return session;
    }

    /** {@code ${councilSessions.membersOfCase(execution.processInstanceId)}}: one voting task per member. */
    @Transactional(readOnly = true)
    public List<String> membersOfCase(String processInstanceId) {
        return List.copyOf(sessions.ofCase(processInstanceId).getMembers());
    }

    /** Tổng hợp kết quả biểu quyết, once, when every member's ballot is in; returns the summary lines. */
    @Transactional
    public String tally(String processInstanceId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (session.getStatus() != CouncilSession.Status.VOTING) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" đã tổng hợp kết quả biểu quyết.");
        }
        Long sessionId = session.getId();
        List<CouncilVote> all = votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId);
        int voters = (int) all.stream().map(CouncilVote::getMemberId).distinct().count();
        boolean quorum = rule.quorumMet(voters, session.getMemberCount());
        for (SessionDossier sd : sessionDossiers.findByKeySessionId(sessionId)) {
            List<CouncilVote> onDossier = all.stream().filter(v -> v.getDossierId().equals(sd.dossierId())).toList();
            int conflicts = (int) onDossier.stream().filter(CouncilVote::isConflictOfInterest).count();
            int yes = count(onDossier, CouncilVote.Choice.YES);
            int no = count(onDossier, CouncilVote.Choice.NO);
            int abstain = count(onDossier, CouncilVote.Choice.ABSTAIN);
            // The base of the share: all members by default (conflicts count as not agreeing).
            int base = rule.base(session.getMemberCount(), conflicts);
            sd.tally(yes, no, abstain, conflicts, base, quorum && rule.passes(yes, session.getMemberCount(), conflicts));
        }
        session.tallied();
        return summary(session);
    }

    /** The tally as people read it: one line per dossier, and the quorum when it failed. */
    String summary(CouncilSession session) {
        if (session.getStatus() == CouncilSession.Status.VOTING) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        int voters = votes.votersOf(session.getId()).size();
        if (!rule.quorumMet(voters, session.getMemberCount())) {
            lines.add("Không đủ số thành viên tham gia biểu quyết (" + voters + "/" + session.getMemberCount() + ").");
        }
        for (SessionDossier sd : sessionDossiers.findByKeySessionId(session.getId())) {
            var dossier = dossierQueries.brief(sd.dossierId());
            boolean passed = Boolean.TRUE.equals(sd.getPassed());
            lines.add((passed ? "✔ " : "✘ ") + "Hồ sơ số " + sd.dossierId() + " – " + dossier.nomineeName() + " ("
                    + dossier.awardName() + "): " + sd.getYesVotes() + "/" + sd.getEligibleVoters() + " đồng ý"
                    + (sd.getConflicts() != null && sd.getConflicts() > 0
                            ? ", " + sd.getConflicts() + " thành viên xung đột lợi ích không biểu quyết" : "")
                    + (passed ? " — đạt" : " — không đạt (" + rule.describe() + ")"));
        }
        return String.join("\n", lines);
    }

    /** Thường trực Hội đồng lập tờ trình. */
    @Transactional
    public void recordSubmission(String processInstanceId, String note, CurrentUser actor) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (actor == null || !actor.inGroup(CamundaGroups.COUNCIL_STANDING)) {
            throw ApiException.forbidden("Chỉ Thường trực Hội đồng lập tờ trình Chủ tịch UBND tỉnh.");
        }
        if (session.getStatus() != CouncilSession.Status.TALLIED
                && session.getStatus() != CouncilSession.Status.RETURNED_BY_CHAIRMAN) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" không ở bước lập tờ trình.");
        }
        if (note == null || note.isBlank()) {
            throw ApiException.badRequest("Chưa nhập nội dung tờ trình.");
        }
        if (note.trim().length() > NOTE_MAX) {
            throw ApiException.badRequest("Nội dung tờ trình dài quá " + NOTE_MAX + " ký tự.");
        }
        session.submitted(note.trim(), actor.userId(), WorkflowClock.now());
    }

    /**
     * Chủ tịch UBND tỉnh: APPROVE_ALL, APPROVE_SOME (lines "số hồ sơ: lý do" for those left out)
     * or RETURN (to the standing body, with a reason). Returns whether the submission went back.
     */
    @Transactional
    public boolean recordChairmanDecision(String processInstanceId, String decision, String excluded, String note,
            CurrentUser actor) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (actor == null || !actor.inGroup(CamundaGroups.CHAIRMAN)) {
            throw ApiException.forbidden("Chỉ Chủ tịch UBND tỉnh phê duyệt tờ trình khen thưởng.");
        }
        if (session.getStatus() != CouncilSession.Status.SUBMITTED) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" không có tờ trình chờ phê duyệt.");
        }
        String trimmedNote = note == null || note.isBlank() ? null : note.trim();
        if (trimmedNote != null && trimmedNote.length() > NOTE_MAX) {
            throw ApiException.badRequest("Ý kiến của Chủ tịch dài quá " + NOTE_MAX + " ký tự.");
        }
        switch (decision == null ? "" : decision) {
            case "APPROVE_ALL" -> session.chairman(decision, trimmedNote, actor.userId(), WorkflowClock.now());
            case "APPROVE_SOME" -> {
                Map<Long, String> left = parseExclusions(excluded);
                Map<Long, SessionDossier> passed = sessionDossiers.findByKeySessionId(session.getId()).stream()
                        .filter(sd -> Boolean.TRUE.equals(sd.getPassed()))
                        .collect(Collectors.toMap(SessionDossier::dossierId, sd -> sd));
                if (left.isEmpty()) {
                    throw ApiException.badRequest("Phê duyệt một phần phải nêu hồ sơ không phê duyệt và lý do, mỗi dòng \"số hồ sơ: lý do\".");
                }
                left.forEach((id, reason) -> {
                    SessionDossier sd = passed.get(id);
                    if (sd == null) {
                        throw ApiException.badRequest("Hồ sơ số " + id + " không nằm trong danh sách Hội đồng đề nghị.");
                    }
                    sd.exclude(reason);
                });
                session.chairman(decision, trimmedNote, actor.userId(), WorkflowClock.now());
            }
            case "RETURN" -> {
                if (trimmedNote == null) {
                    throw ApiException.badRequest("Trả lại tờ trình phải nêu lý do.");
                }
                session.chairman(decision, trimmedNote, actor.userId(), WorkflowClock.now());
            }
            default -> throw ApiException.badRequest("Chưa chọn ý kiến phê duyệt.");
        }
        return session.getStatus() == CouncilSession.Status.RETURNED_BY_CHAIRMAN;
    }

    /**
     * "Vào số, ngày ký quyết định" as the văn thư completes it: the number, the signing date and the signed scan are
     * checked against the session of this case and recorded with it (who, when), the number held for the session
     * in the register; nothing else. A refusal writes nothing. The decision issues afterwards, in a job of the
     * session ({@link #issueRegistered}). A session with nobody to award (reached before the "no award" branch
     * existed) has nothing to number: nothing is recorded, its job closes the dossiers.
     */
    @Transactional
    public void recordRegistration(String processInstanceId, DecisionRegistration registration, CurrentUser clerk) {
        CouncilSession session = approvedSession(processInstanceId);
        if (clerk == null || !clerk.inGroup(CamundaGroups.CLERK)) {
            throw ApiException.forbidden("Chỉ Văn thư UBND tỉnh vào số, ngày ký quyết định khen thưởng.");
        }
        if (pendingRegistrations.of(session.getId()).isPresent()) {
            throw ApiException.conflict("Quyết định của phiên họp \"" + session.getTitle() + "\" đã được vào số.");
        }
        if (outcomes(session).approved().isEmpty()) {
            return;
        }
        if (registration.number() < 1) {
            throw ApiException.badRequest("Chưa nhập số quyết định.");
        }
        LocalDate signedOn = registrations.checkedSigningDate(registration.signedOn(), session.getChairmanDecidedAt());
        registrations.requireSignedScan(registration.scanDocumentId(), clerk);
        registrations.hold(session.getId(), signedOn.getYear(), registration.number());
        pendingRegistrations.record(new PendingRegistrations.Pending(session.getId(), registration.number(), signedOn,
                registration.scanDocumentId(), clerk.userId(), WorkflowClock.now()));
    }

    /**
     * Ban hành quyết định, in a job of the session after the văn thư's registration: approved dossiers awarded
     * under the registered number and signing date, the signed scan attached, the rest closed with their
     * reasons, all in this one transaction (a failure leaves nothing of it). The registration is read from the
     * session of this case, never from a variable; the decision names the văn thư who registered it and the
     * Chairman who approved it. Exactly once: a session already decided is left as it is. Returns the decision's
     * code (null: nobody awarded). The dossiers' cases are told afterwards, in the same job ({@link SessionOutcomes}).
     */
    @Transactional
    public String issueRegistered(String processInstanceId) {
        return issue(processInstanceId, ProcessActors.SYSTEM);
    }

    private String issue(String processInstanceId, String fallbackActor) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (session.getStatus() == CouncilSession.Status.DECIDED) {
            return session.getDecisionCode();
        }
        session = approvedSession(processInstanceId);
        Outcomes outcomes = outcomes(session);
        List<Long> approved = outcomes.approved();
        Map<Long, String> refused = outcomes.refused();
        if (approved.isEmpty()) {
            // A case that reached the văn thư before the "no award" branch existed: nothing to number.
            closeRefused(session, refused, fallbackActor);
            return null;
        }
        CouncilSession registered = session;
        var pending = pendingRegistrations.of(session.getId()).orElseThrow(() -> ApiException.conflict(
                "Phiên họp \"" + registered.getTitle() + "\" chưa được Văn thư UBND tỉnh vào số, ngày ký quyết định."));
        String approvedBy = session.getChairmanDecidedBy() != null ? session.getChairmanDecidedBy() : pending.registeredBy();
        DecisionView decision = dossierDecisions.decide(approved, refused, pending.signedOn(), "Chủ tịch UBND tỉnh",
                approvedBy, registrations.registration(session.getId(), pending));
        session.decided(decision == null ? null : decision.code());
        return decision == null ? null : decision.code();
    }

    /**
     * A case of a version before "Vào số" was recorded on its own (no complete listener; the issuing step not a job):
     * the văn thư's form values of this same completion are recorded, then the decision issues in the same
     * transaction, as that version did.
     */
    @Transactional
    public String issueDecision(String processInstanceId, DecisionRegistration registration, CurrentUser clerk) {
        recordRegistration(processInstanceId, registration, clerk);
        return issue(processInstanceId, clerk.userId());
    }

    private CouncilSession approvedSession(String processInstanceId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (session.getStatus() != CouncilSession.Status.SUBMITTED
                || !List.of("APPROVE_ALL", "APPROVE_SOME").contains(session.getChairmanDecision())) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" chưa được Chủ tịch UBND tỉnh phê duyệt.");
        }
        return session;
    }

    /**
     * Có tập thể, cá nhân được khen thưởng? After the Chairman's approval: whether any dossier of
     * the session passed the vote and was not left out by the Chairman. Read from the session's own
     * dossiers, so that no form value decides whether the văn thư numbers a decision.
     */
    @Transactional(readOnly = true)
    public boolean anyAwardee(String processInstanceId) {
        return !outcomes(sessions.ofCase(processInstanceId)).approved().isEmpty();
    }

    /**
     * Không có khen thưởng: the Chairman approved, but no dossier is to be awarded (none passed the
     * vote, or the Chairman left out every passed one). Each dossier ends with its reason and its
     * unit is told, as with a decision; no decision is issued and no number is taken from the
     * register. The Chairman who approved is recorded as the one who decided.
     */
    @Transactional
    public void closeWithoutAward(String processInstanceId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (session.getStatus() != CouncilSession.Status.SUBMITTED
                || !List.of("APPROVE_ALL", "APPROVE_SOME").contains(session.getChairmanDecision())) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" chưa được Chủ tịch UBND tỉnh phê duyệt.");
        }
        Outcomes outcomes = outcomes(session);
        if (!outcomes.approved().isEmpty()) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle()
                    + "\" có hồ sơ được khen thưởng: quyết định do Văn thư UBND tỉnh vào số.");
        }
        closeRefused(session, outcomes.refused(), ProcessActors.SYSTEM);
    }

    /**
     * The dossiers end without an award, each with its reason; the session ends with no decision. Each case
     * is told here, in this transaction, and tells its unit and ends (the Chairman's approval with no awardee is
     * rare: no job per dossier).
     */
    private void closeRefused(CouncilSession session, Map<Long, String> refused, String fallbackActor) {
        registrations.release(session.getId());
        dossierDecisions.decide(List.of(), refused, LocalDate.ofInstant(WorkflowClock.now(), VIETNAM),
                "Chủ tịch UBND tỉnh", session.getChairmanDecidedBy() != null ? session.getChairmanDecidedBy() : fallbackActor);
        session.decided(null);
        refused.keySet().forEach(dossierDecisions::tellCase);
    }

    /** Each dossier of the session: to be awarded, or refused with its reason. */
    private record Outcomes(List<Long> approved, Map<Long, String> refused) {
    }

    private Outcomes outcomes(CouncilSession session) {
        List<Long> approved = new ArrayList<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        for (SessionDossier sd : sessionDossiers.findByKeySessionId(session.getId())) {
            if (!Boolean.TRUE.equals(sd.getPassed())) {
                refused.put(sd.dossierId(), "Không đạt tỷ lệ biểu quyết của Hội đồng: " + sd.getYesVotes() + "/"
                        + sd.getEligibleVoters() + " thành viên đồng ý (" + rule.describe() + ").");
            } else if (sd.getExcludedReason() != null) {
                refused.put(sd.dossierId(), "Chủ tịch UBND tỉnh không phê duyệt: " + sd.getExcludedReason());
            } else {
                approved.add(sd.dossierId());
            }
        }
        return new Outcomes(approved, refused);
    }

    /** What the văn thư confirmed: the number, the signing date (yyyy-MM-dd) and the signed scan. */
    public record DecisionRegistration(int number, String signedOn, Long scanDocumentId) {
    }

    static Map<Long, String> parseExclusions(String text) {
        Map<Long, String> result = new LinkedHashMap<>();
        if (text == null) {
            return result;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String id = colon < 0 ? "" : line.substring(0, colon).replaceAll("[^0-9]", "");
            String reason = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (id.isEmpty() || id.length() > 18 || reason.isEmpty()) {
                throw ApiException.badRequest("Dòng \"" + abbreviate(line.trim(), 80)
                        + "\" phải có dạng \"số hồ sơ: lý do\".");
            }
            if (reason.length() > EXCLUSION_REASON_MAX) {
                throw ApiException.badRequest("Lý do không phê duyệt hồ sơ số " + id + " dài quá " + EXCLUSION_REASON_MAX
                        + " ký tự.");
            }
            result.put(Long.valueOf(id), reason);
        }
        return result;
    }

    private static int count(List<CouncilVote> votes, CouncilVote.Choice choice) {
        return (int) votes.stream().filter(v -> !v.isConflictOfInterest() && v.getVote() == choice).count();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
