package vn.dienbien.tdkt.council;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Phiếu biểu quyết: each member's ballot task is registered when the system creates it; the
 * ballot is recorded for that member only — by the member, or by the standing body's secretary
 * from an absent member's written vote — once, while the session is voting.
 */
@Service
public class CouncilBallots {

    static final int COMMENT_MAX = 4000;

    private final CouncilSessionRepository sessions;
    private final BallotTaskRepository ballotTasks;
    private final SessionDossierRepository sessionDossiers;
    private final CouncilVoteRepository votes;
    private final ObjectMapper json;

    CouncilBallots(CouncilSessionRepository sessions, BallotTaskRepository ballotTasks,
            SessionDossierRepository sessionDossiers, CouncilVoteRepository votes, ObjectMapper json) {
        this.sessions = sessions;
        this.ballotTasks = ballotTasks;
        this.sessionDossiers = sessionDossiers;
        this.votes = votes;
        this.json = json;
    }

    /** One ballot entry as the voting form sends it. */
    public record BallotEntry(Long dossierId, String vote, String comment, Boolean conflictOfInterest) {
    }

    /** The system creates a member's voting task: whose ballot it is, recorded once. */
    @Transactional
    public void registerTask(String taskId, String processInstanceId, String memberId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (memberId == null || !session.getMembers().contains(memberId)) {
            throw ApiException.badRequest("Người biểu quyết không phải thành viên Hội đồng của phiên họp.");
        }
        if (ballotTasks.existsBySessionIdAndMemberId(session.getId(), memberId)) {
            throw ApiException.conflict("Thành viên " + memberId + " đã có phiếu biểu quyết trong phiên họp này.");
        }
        ballotTasks.save(new BallotTask(taskId, session.getId(), memberId));
    }

    /**
     * Ghi nhận phiếu biểu quyết when the ballot task completes. The member is the task's own,
     * never a value sent with the completion: {@code claimedMember} (the task's {@code member}
     * variable) differing from it is refused.
     */
    @Transactional
    public void record(String taskId, String processInstanceId, String claimedMember, String ballotJson,
            CurrentUser actor) {
        BallotTask task = ballotTasks.lockByTaskId(taskId)
                .orElseThrow(() -> ApiException.notFound("Nhiệm vụ này không phải phiếu biểu quyết của phiên họp."));
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (!session.getId().equals(task.getSessionId())) {
            throw ApiException.forbidden("Phiếu biểu quyết không thuộc phiên họp của quy trình này.");
        }
        String memberId = task.getMemberId();
        if (claimedMember != null && !claimedMember.equals(memberId)) {
            throw ApiException.forbidden("Nhiệm vụ này là phiếu của thành viên " + memberId
                    + "; không được ghi phiếu thay thành viên khác.");
        }
        if (actor == null || !(actor.userId().equals(memberId) || actor.inGroup(CamundaGroups.COUNCIL_STANDING))) {
            throw ApiException.forbidden("Chỉ thành viên " + memberId
                    + " tự biểu quyết, hoặc Thường trực Hội đồng ghi phiếu bằng văn bản của thành viên vắng mặt.");
        }
        if (session.getStatus() != CouncilSession.Status.VOTING) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" đã kết thúc biểu quyết.");
        }
        if (votes.existsBySessionIdAndMemberId(session.getId(), memberId)) {
            throw ApiException.conflict("Phiếu của thành viên " + memberId + " đã được ghi nhận trong phiên họp này.");
        }
        List<CouncilVote> ballot = ballot(session.getId(), memberId, ballotJson, actor.userId());
        try {
            votes.saveAllAndFlush(ballot);
        } catch (DataIntegrityViolationException twice) {
            throw ApiException.conflict("Phiếu của thành viên " + memberId + " vừa được ghi nhận bởi một thao tác khác.");
        }
    }

    private List<CouncilVote> ballot(Long sessionId, String memberId, String ballotJson, String recordedBy) {
        List<BallotEntry> entries;
        try {
            entries = ballotJson == null || ballotJson.isBlank() ? List.of()
                    : json.readValue(ballotJson, new TypeReference<List<BallotEntry>>() { });
        } catch (Exception e) {
            throw ApiException.badRequest("Phiếu biểu quyết không đọc được: hãy mở lại biểu mẫu và biểu quyết lại.");
        }
        Set<Long> expected = sessionDossiers.findByKeySessionId(sessionId).stream().map(SessionDossier::dossierId)
                .collect(Collectors.toSet());
        Map<Long, BallotEntry> byDossier = new LinkedHashMap<>();
        for (BallotEntry entry : entries) {
            if (entry == null || entry.dossierId() == null || !expected.contains(entry.dossierId())) {
                throw ApiException.badRequest("Hồ sơ số " + (entry == null ? null : entry.dossierId())
                        + " không thuộc phiên họp.");
            }
            if (byDossier.put(entry.dossierId(), entry) != null) {
                throw ApiException.badRequest("Phiếu có hai ý kiến cho hồ sơ số " + entry.dossierId() + ".");
            }
        }
        if (!byDossier.keySet().equals(expected)) {
            throw ApiException.badRequest("Phiếu phải có ý kiến cho tất cả " + expected.size() + " hồ sơ của phiên họp.");
        }
        boolean written = !memberId.equals(recordedBy);
        Instant now = WorkflowClock.now();
        List<CouncilVote> result = new ArrayList<>();
        for (BallotEntry entry : byDossier.values()) {
            boolean conflict = Boolean.TRUE.equals(entry.conflictOfInterest());
            CouncilVote.Choice choice;
            try {
                choice = conflict ? CouncilVote.Choice.ABSTAIN : CouncilVote.Choice.valueOf(entry.vote());
            } catch (RuntimeException e) {
                throw ApiException.badRequest("Chưa chọn ý kiến (đồng ý, không đồng ý, không biểu quyết) cho hồ sơ số "
                        + entry.dossierId() + ".");
            }
            String comment = entry.comment() == null || entry.comment().isBlank() ? null : entry.comment().trim();
            if (comment != null && comment.length() > COMMENT_MAX) {
                throw ApiException.badRequest("Ý kiến về hồ sơ số " + entry.dossierId() + " dài quá " + COMMENT_MAX
                        + " ký tự.");
            }
            result.add(new CouncilVote(sessionId, entry.dossierId(), memberId, choice, comment, conflict, written,
                    recordedBy, now));
        }
        return result;
    }
}
