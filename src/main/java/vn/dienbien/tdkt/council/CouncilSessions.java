package vn.dienbien.tdkt.council;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.DecisionView;
import vn.dienbien.tdkt.dossier.DossierDecisions;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Council sessions: the Board puts accepted dossiers to the council; each member votes once for
 * the session (the secretary records absent members' written votes); a rule decides each dossier;
 * the standing body submits the passed ones, the Chairman approves, and a numbered decision issues.
 * Public: the process's expressions call {@link #membersOf}.
 */
@Service("councilSessions")
public class CouncilSessions {

    private final CouncilSessionRepository sessions;
    private final SessionDossierRepository sessionDossiers;
    private final CouncilVoteRepository votes;
    private final DossierQueries dossierQueries;
    private final DossierDecisions dossierDecisions;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final VoteRule rule;
    private final ObjectMapper json;

    CouncilSessions(CouncilSessionRepository sessions, SessionDossierRepository sessionDossiers,
            CouncilVoteRepository votes, DossierQueries dossierQueries, DossierDecisions dossierDecisions,
            IdentityService identityService, RuntimeService runtimeService, VoteRule rule, ObjectMapper json) {
        this.sessions = sessions;
        this.sessionDossiers = sessionDossiers;
        this.votes = votes;
        this.dossierQueries = dossierQueries;
        this.dossierDecisions = dossierDecisions;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.rule = rule;
        this.json = json;
    }

    /** Mở phiên họp: the council members at this moment vote on these accepted dossiers. */
    @Transactional
    public Long open(String title, LocalDate meetingDate, List<Long> dossierIds, CurrentUser user) {
        CouncilSession session = create(title, meetingDate, dossierIds, user);
        Map<String, Object> variables = new HashMap<>();
        variables.put("sessionId", session.getId());
        variables.put("sessionTitle", session.getTitle());
        var instance = runtimeService.startProcessInstanceByKey(WorkflowKeys.COUNCIL_SESSION,
                "PH-" + session.getId(), variables);
        session.attachCase(instance.getId());
        return session.getId();
    }

    /** The Tasklist start form's path: the case runs already, the session is recorded for it. */
    @Transactional
    public Long openForCase(String title, String meetingDate, String dossierIdsCsv, CurrentUser user,
            DelegateExecution execution) {
        LocalDate date;
        List<Long> ids;
        try {
            date = meetingDate == null || meetingDate.isBlank() ? null : LocalDate.parse(meetingDate.trim().substring(0, 10));
            ids = dossierIdsCsv == null || dossierIdsCsv.isBlank() ? List.of()
                    : java.util.Arrays.stream(dossierIdsCsv.split(",")).map(String::trim).map(Long::valueOf).toList();
        } catch (RuntimeException e) {
            throw new BadUserRequestException("Ngày họp hoặc danh sách hồ sơ không hợp lệ.");
        }
        CouncilSession session;
        try {
            session = create(title, date, ids, user);
        } catch (ApiException refused) {
            throw new BadUserRequestException(refused.getMessage());
        }
        execution.setVariable("sessionId", session.getId());
        execution.setVariable("sessionTitle", session.getTitle());
        execution.getProcessInstance().setProcessBusinessKey("PH-" + session.getId());
        session.attachCase(execution.getProcessInstanceId());
        return session.getId();
    }

    private CouncilSession create(String title, LocalDate meetingDate, List<Long> dossierIds, CurrentUser user) {
        if (!user.inAnyGroup(List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng mở phiên họp Hội đồng.");
        }
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("thiếu tên phiên họp");
        }
        if (meetingDate == null) {
            problems.add("thiếu ngày họp");
        }
        if (dossierIds == null || dossierIds.isEmpty()) {
            problems.add("phiên họp phải có ít nhất một hồ sơ");
        } else {
            for (Long id : Set.copyOf(dossierIds)) {
                try {
                    var record = dossierQueries.record(id);
                    if (!"ACCEPTED".equals(record.status())) {
                        problems.add("hồ sơ số " + id + " (" + record.nomineeName() + ") chưa được thẩm định đủ điều kiện");
                    } else if (sessionDossiers.existsByKeyDossierId(id)) {
                        problems.add("hồ sơ số " + id + " đã được đưa vào một phiên họp khác");
                    }
                } catch (ApiException notFound) {
                    problems.add("không có hồ sơ số " + id);
                }
            }
        }
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

    /** {@code ${councilSessions.membersOf(execution)}}: one voting task per member. */
    @Transactional(readOnly = true)
    public List<String> membersOf(DelegateExecution execution) {
        return List.copyOf(session(sessionId(execution)).getMembers());
    }

    /** One ballot entry as the voting form sends it. */
    public record BallotEntry(Long dossierId, String vote, String comment, Boolean conflictOfInterest) {
    }

    /** Ghi nhận phiếu biểu quyết: the member's votes on every dossier of the session. */
    @Transactional
    public void recordBallot(Long sessionId, String memberId, String ballotJson, String recordedBy) {
        CouncilSession session = session(sessionId);
        if (!session.getMembers().contains(memberId)) {
            throw new BadUserRequestException("Người biểu quyết không phải thành viên Hội đồng của phiên họp.");
        }
        if (votes.existsBySessionIdAndMemberId(sessionId, memberId)) {
            throw new BadUserRequestException("Thành viên " + memberId + " đã biểu quyết trong phiên họp này.");
        }
        List<BallotEntry> entries;
        try {
            entries = ballotJson == null ? List.of() : json.readValue(ballotJson, new TypeReference<List<BallotEntry>>() { });
        } catch (Exception e) {
            throw new BadUserRequestException("Phiếu biểu quyết không đọc được.");
        }
        Set<Long> expected = sessionDossiers.findByKeySessionId(sessionId).stream().map(SessionDossier::dossierId)
                .collect(Collectors.toSet());
        Map<Long, BallotEntry> byDossier = new LinkedHashMap<>();
        for (BallotEntry entry : entries) {
            if (entry.dossierId() == null || !expected.contains(entry.dossierId())) {
                throw new BadUserRequestException("Hồ sơ số " + entry.dossierId() + " không thuộc phiên họp.");
            }
            byDossier.put(entry.dossierId(), entry);
        }
        if (!byDossier.keySet().equals(expected)) {
            throw new BadUserRequestException("Phiếu phải có ý kiến cho tất cả " + expected.size() + " hồ sơ của phiên họp.");
        }
        boolean written = !memberId.equals(recordedBy);
        Instant now = WorkflowClock.now();
        for (BallotEntry entry : byDossier.values()) {
            boolean conflict = Boolean.TRUE.equals(entry.conflictOfInterest());
            CouncilVote.Choice choice;
            try {
                choice = conflict ? CouncilVote.Choice.ABSTAIN : CouncilVote.Choice.valueOf(entry.vote());
            } catch (RuntimeException e) {
                throw new BadUserRequestException("Chưa chọn ý kiến (đồng ý, không đồng ý, không biểu quyết) cho hồ sơ số "
                        + entry.dossierId() + ".");
            }
            votes.save(new CouncilVote(sessionId, entry.dossierId(), memberId, choice, entry.comment(), conflict, written,
                    recordedBy, now));
        }
    }

    /** Tổng hợp kết quả biểu quyết; returns a short summary for the next forms. */
    @Transactional
    public String tally(Long sessionId) {
        CouncilSession session = session(sessionId);
        List<CouncilVote> all = votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId);
        int voters = (int) all.stream().map(CouncilVote::getMemberId).distinct().count();
        boolean quorum = rule.quorumMet(voters, session.getMemberCount());
        List<String> lines = new ArrayList<>();
        if (!quorum) {
            lines.add("Không đủ số thành viên tham gia biểu quyết (" + voters + "/" + session.getMemberCount() + ").");
        }
        for (SessionDossier sd : sessionDossiers.findByKeySessionId(sessionId)) {
            List<CouncilVote> onDossier = all.stream().filter(v -> v.getDossierId().equals(sd.dossierId())).toList();
            int conflicts = (int) onDossier.stream().filter(CouncilVote::isConflictOfInterest).count();
            int yes = count(onDossier, CouncilVote.Choice.YES);
            int no = count(onDossier, CouncilVote.Choice.NO);
            int abstain = (int) onDossier.stream()
                    .filter(v -> !v.isConflictOfInterest() && v.getVote() == CouncilVote.Choice.ABSTAIN).count();
            int eligible = session.getMemberCount() - conflicts;
            boolean passed = quorum && rule.passes(yes, eligible);
            sd.tally(yes, no, abstain, conflicts, eligible, passed);
            var dossier = dossierQueries.record(sd.dossierId());
            lines.add((passed ? "✔ " : "✘ ") + "Hồ sơ số " + sd.dossierId() + " – " + dossier.nomineeName() + " ("
                    + dossier.awardName() + "): " + yes + "/" + eligible + " đồng ý" + (conflicts > 0
                    ? ", " + conflicts + " thành viên xung đột lợi ích không biểu quyết" : "")
                    + (passed ? " — đạt" : " — không đạt (cần ≥ " + rule.passPercent() + "%)"));
        }
        session.tallied();
        return String.join("\n", lines);
    }

    /** Thường trực Hội đồng lập tờ trình. */
    @Transactional
    public void recordSubmission(Long sessionId, String note, String by) {
        if (note == null || note.isBlank()) {
            throw new BadUserRequestException("Chưa nhập nội dung tờ trình.");
        }
        session(sessionId).submitted(note.trim(), by);
    }

    /**
     * Chủ tịch UBND tỉnh: APPROVE_ALL, APPROVE_SOME (lines "số hồ sơ: lý do" for those left out)
     * or RETURN (to the standing body, with a reason).
     */
    @Transactional
    public void recordChairmanDecision(Long sessionId, String decision, String excluded, String note) {
        CouncilSession session = session(sessionId);
        switch (decision == null ? "" : decision) {
            case "APPROVE_ALL" -> session.chairman(decision, note);
            case "APPROVE_SOME" -> {
                Map<Long, String> left = parseExclusions(excluded);
                Map<Long, SessionDossier> passed = sessionDossiers.findByKeySessionId(sessionId).stream()
                        .filter(sd -> Boolean.TRUE.equals(sd.getPassed()))
                        .collect(Collectors.toMap(SessionDossier::dossierId, sd -> sd));
                if (left.isEmpty()) {
                    throw new BadUserRequestException("Phê duyệt một phần phải nêu hồ sơ không phê duyệt và lý do, mỗi dòng \"số hồ sơ: lý do\".");
                }
                left.forEach((id, reason) -> {
                    SessionDossier sd = passed.get(id);
                    if (sd == null) {
                        throw new BadUserRequestException("Hồ sơ số " + id + " không nằm trong danh sách Hội đồng đề nghị.");
                    }
                    sd.exclude(reason);
                });
                session.chairman(decision, note);
            }
            case "RETURN" -> {
                if (note == null || note.isBlank()) {
                    throw new BadUserRequestException("Trả lại tờ trình phải nêu lý do.");
                }
                session.chairman(decision, note.trim());
            }
            default -> throw new BadUserRequestException("Chưa chọn ý kiến phê duyệt.");
        }
    }

    /** Ban hành quyết định: approved dossiers awarded, the rest closed with their reasons. */
    @Transactional
    public DecisionView issueDecision(Long sessionId, String issuedBy) {
        CouncilSession session = session(sessionId);
        List<Long> approved = new ArrayList<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        for (SessionDossier sd : sessionDossiers.findByKeySessionId(sessionId)) {
            if (!Boolean.TRUE.equals(sd.getPassed())) {
                refused.put(sd.dossierId(), "Không đạt tỷ lệ biểu quyết của Hội đồng: " + sd.getYesVotes() + "/"
                        + sd.getEligibleVoters() + " thành viên đồng ý (cần ≥ " + rule.passPercent() + "%).");
            } else if (sd.getExcludedReason() != null) {
                refused.put(sd.dossierId(), "Chủ tịch UBND tỉnh không phê duyệt: " + sd.getExcludedReason());
            } else {
                approved.add(sd.dossierId());
            }
        }
        LocalDate today = LocalDate.ofInstant(WorkflowClock.now(), java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        DecisionView decision = dossierDecisions.decide(approved, refused, today, "Chủ tịch UBND tỉnh", issuedBy);
        session.decided(decision == null ? null : decision.code());
        return decision;
    }

    /** The session with its dossiers, tallies and every member's vote (for forms and auditors). */
    @Transactional(readOnly = true)
    public SessionView view(Long sessionId) {
        CouncilSession session = session(sessionId);
        List<CouncilVote> all = votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId);
        List<SessionView.DossierLine> lines = sessionDossiers.findByKeySessionId(sessionId).stream().map(sd -> {
            var d = dossierQueries.record(sd.dossierId());
            return new SessionView.DossierLine(sd.dossierId(), d.nomineeName(), d.awardName(), d.proposingUnitName(),
                    d.status(), sd.getYesVotes(), sd.getNoVotes(), sd.getAbstentions(), sd.getConflicts(),
                    sd.getEligibleVoters(), sd.getPassed(), sd.getExcludedReason());
        }).toList();
        List<SessionView.Vote> voteLines = all.stream().map(v -> new SessionView.Vote(v.getDossierId(), v.getMemberId(),
                v.getVote().name(), v.getComment(), v.isConflictOfInterest(), v.isWritten(), v.getRecordedBy(),
                v.getRecordedAt())).toList();
        return new SessionView(session.getId(), session.getTitle(), session.getMeetingDate(), session.getStatus().name(),
                session.getMembers(), session.getChairmanDecision(), session.getChairmanNote(), session.getDecisionCode(),
                lines, voteLines);
    }

    /** A session as forms and auditors read it. */
    public record SessionView(Long id, String title, LocalDate meetingDate, String status, List<String> members,
            String chairmanDecision, String chairmanNote, String decisionCode, List<DossierLine> dossiers,
            List<Vote> votes) {

        public record DossierLine(Long dossierId, String nomineeName, String awardName, String unitName,
                String dossierStatus, Integer yes, Integer no, Integer abstain, Integer conflicts, Integer eligible,
                Boolean passed, String excludedReason) {
        }

        public record Vote(Long dossierId, String memberId, String vote, String comment, boolean conflictOfInterest,
                boolean written, String recordedBy, Instant recordedAt) {
        }
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
            if (id.isEmpty() || reason.isEmpty()) {
                throw new BadUserRequestException("Dòng \"" + line.trim() + "\" phải có dạng \"số hồ sơ: lý do\".");
            }
            result.put(Long.valueOf(id), reason);
        }
        return result;
    }

    private static int count(List<CouncilVote> votes, CouncilVote.Choice choice) {
        return (int) votes.stream().filter(v -> !v.isConflictOfInterest() && v.getVote() == choice).count();
    }

    static Long sessionId(DelegateExecution execution) {
        return ((Number) execution.getVariable("sessionId")).longValue();
    }

    private CouncilSession session(Long id) {
        return sessions.findById(id).orElseThrow(() -> ApiException.notFound("Không có phiên họp số " + id + "."));
    }
}
