package vn.dienbien.tdkt.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Who reads a council session, and how much. The Board, the council and its chain, auditors, the
 * Fatherland Front and administrators read a session. While voting is open a member sees only
 * their own ballot (and the secretary the written votes they recorded), the standing body sees
 * who has voted but not how, and nobody else sees any vote; once voting closed, every ballot is
 * visible to the session's readers.
 */
@Service
public class CouncilSessionViews {

    private static final List<String> READERS = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.COUNCIL, CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
            CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);

    private final CouncilSessionRepository sessions;
    private final SessionDossierRepository sessionDossiers;
    private final CouncilVoteRepository votes;
    private final DossierQueries dossierQueries;
    private final CouncilSessions councilSessions;

    CouncilSessionViews(CouncilSessionRepository sessions, SessionDossierRepository sessionDossiers,
            CouncilVoteRepository votes, DossierQueries dossierQueries, CouncilSessions councilSessions) {
        this.sessions = sessions;
        this.sessionDossiers = sessionDossiers;
        this.votes = votes;
        this.dossierQueries = dossierQueries;
        this.councilSessions = councilSessions;
    }

    /** The session as this reader may see it. */
    @Transactional(readOnly = true)
    public SessionView view(Long sessionId, CurrentUser reader) {
        if (reader == null || !reader.inAnyGroup(READERS)) {
            throw ApiException.forbidden(
                    "Phiên họp Hội đồng dành cho Hội đồng, Ban Thi đua – Khen thưởng, kiểm tra viên và Ủy ban MTTQ tỉnh.");
        }
        CouncilSession session = sessions.findById(sessionId)
                .orElseThrow(() -> ApiException.notFound("Không có phiên họp số " + sessionId + "."));
        boolean votingOpen = session.getStatus() == CouncilSession.Status.VOTING;
        List<SessionView.DossierLine> lines = sessionDossiers.findByKeySessionId(sessionId).stream().map(sd -> {
            var d = dossierQueries.record(sd.dossierId());
            return new SessionView.DossierLine(sd.dossierId(), d.nomineeName(), d.awardName(), d.proposingUnitName(),
                    d.status(), sd.getYesVotes(), sd.getNoVotes(), sd.getAbstentions(), sd.getConflicts(),
                    sd.getEligibleVoters(), sd.getPassed(), sd.getExcludedReason(), d.nomineeKind(), d.directWorker(),
                    d.gender(), d.womenSharePercent(), d.proposingUnitInDifficultArea(), d.appraisalNote());
        }).toList();
        List<CouncilVote> visible = votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId).stream()
                .filter(v -> !votingOpen || v.getMemberId().equals(reader.userId())
                        || v.getRecordedBy().equals(reader.userId()))
                .toList();
        List<SessionView.Vote> voteLines = visible.stream().map(v -> new SessionView.Vote(v.getDossierId(),
                v.getMemberId(), v.getVote().name(), v.getComment(), v.isConflictOfInterest(), v.isWritten(),
                v.getRecordedBy(), v.getRecordedAt())).toList();
        List<String> voted = !votingOpen || reader.inGroup(CamundaGroups.COUNCIL_STANDING)
                ? votes.votersOf(sessionId) : null;
        return new SessionView(session.getId(), session.getTitle(), session.getMeetingDate(), session.getStatus().name(),
                votingOpen, session.getMembers(), voted, councilSessions.summary(session), session.getSubmissionNote(),
                session.getChairmanDecision(), session.getChairmanNote(), session.getDecisionCode(), lines, voteLines,
                session.getVotingDueAt(), session.getVotingClosedBy(), session.getVotingClosedAt(),
                session.getAbsentMembers().stream().sorted().toList(), session.getAdjournReason(), session.getAdjournedBy(),
                session.getAdjournedAt());
    }

    /**
     * A session as forms and readers see it. {@code votedMembers} is null for a reader who may not
     * know who has voted yet; {@code tallySummary} is null until the votes are counted;
     * {@code absentMembers} are those without a ballot when the standing body closed voting
     * ({@code votingClosedBy}, {@code votingClosedAt}; null when every member voted).
     */
    public record SessionView(Long id, String title, LocalDate meetingDate, String status, boolean votingOpen,
            List<String> members, List<String> votedMembers, String tallySummary, String submissionNote,
            String chairmanDecision, String chairmanNote, String decisionCode, List<DossierLine> dossiers,
            List<Vote> votes, Instant votingDueAt, String votingClosedBy, Instant votingClosedAt,
            List<String> absentMembers, String adjournReason, String adjournedBy, Instant adjournedAt) {

        public record DossierLine(Long dossierId, String nomineeName, String awardName, String unitName,
                String dossierStatus, Integer yes, Integer no, Integer abstain, Integer conflicts, Integer eligible,
                Boolean passed, String excludedReason, String nomineeKind, Boolean directWorker, String gender,
                Integer womenSharePercent, boolean difficultArea, String appraisalNote) {
        }

        public record Vote(Long dossierId, String memberId, String vote, String comment, boolean conflictOfInterest,
                boolean written, String recordedBy, Instant recordedAt) {
        }
    }
}
