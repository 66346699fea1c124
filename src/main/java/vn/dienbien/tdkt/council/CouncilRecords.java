package vn.dienbien.tdkt.council;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.dienbien.tdkt.platform.ApiException;

/** One dossier put to a session, with its tally. */
@Entity
@Table(name = "council_session_dossier")
class SessionDossier {

    @EmbeddedId
    private Key key;

    @Column(name = "yes_votes")
    private Integer yesVotes;

    @Column(name = "no_votes")
    private Integer noVotes;

    private Integer abstentions;

    private Integer conflicts;

    @Column(name = "eligible_voters")
    private Integer eligibleVoters;

    private Boolean passed;

    @Column(name = "excluded_reason")
    private String excludedReason;

    protected SessionDossier() {
    }

    SessionDossier(Long sessionId, Long dossierId) {
        this.key = new Key(sessionId, dossierId);
    }

    void tally(int yes, int no, int abstain, int conflict, int eligible, boolean passedVote) {
        this.yesVotes = yes;
        this.noVotes = no;
        this.abstentions = abstain;
        this.conflicts = conflict;
        this.eligibleVoters = eligible;
        this.passed = passedVote;
    }

    void exclude(String reason) { this.excludedReason = reason; }

    Long dossierId() { return key.dossierId; }
    Integer getYesVotes() { return yesVotes; }
    Integer getNoVotes() { return noVotes; }
    Integer getAbstentions() { return abstentions; }
    Integer getConflicts() { return conflicts; }
    Integer getEligibleVoters() { return eligibleVoters; }
    Boolean getPassed() { return passed; }
    String getExcludedReason() { return excludedReason; }

    /** Session and dossier. */
    @Embeddable
    static class Key implements Serializable {

        @Column(name = "session_id")
        private Long sessionId;

        @Column(name = "dossier_id")
        private Long dossierId;

        protected Key() {
        }

        Key(Long sessionId, Long dossierId) {
            this.sessionId = sessionId;
            this.dossierId = dossierId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.sessionId, sessionId) && Objects.equals(k.dossierId, dossierId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, dossierId);
        }
    }
}

/** Phiếu biểu quyết của một thành viên cho một hồ sơ. */
@Entity
@Table(name = "council_vote")
class CouncilVote {

    /** Đồng ý / không đồng ý / không biểu quyết. */
    enum Choice { YES, NO, ABSTAIN }

    @Id
    // Ids in blocks of 50, so that one flush inserts many rows in one batch (V41, issue 12).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "council_vote_ids")
    @SequenceGenerator(name = "council_vote_ids", sequenceName = "council_vote_id_blocks", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "dossier_id", nullable = false)
    private Long dossierId;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Choice vote;

    private String comment;

    @Column(name = "conflict_of_interest", nullable = false)
    private boolean conflictOfInterest;

    /** Recorded by the secretary from an absent member's written vote. */
    @Column(nullable = false)
    private boolean written;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CouncilVote() {
    }

    CouncilVote(Long sessionId, Long dossierId, String memberId, Choice vote, String comment, boolean conflictOfInterest,
            boolean written, String recordedBy, Instant recordedAt) {
        this.sessionId = sessionId;
        this.dossierId = dossierId;
        this.memberId = memberId;
        this.vote = vote;
        this.comment = comment;
        this.conflictOfInterest = conflictOfInterest;
        this.written = written;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long getDossierId() { return dossierId; }
    String getMemberId() { return memberId; }
    Choice getVote() { return vote; }
    String getComment() { return comment; }
    boolean isConflictOfInterest() { return conflictOfInterest; }
    boolean isWritten() { return written; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
}

/**
 * Whose ballot a voting task is, recorded by the system when the task is created. Its id is the task's, so it
 * tells Spring Data it is new: saved with an insert, without a select first (issue 12).
 */
@Entity
@Table(name = "council_ballot_task")
class BallotTask implements org.springframework.data.domain.Persistable<String> {

    @jakarta.persistence.Transient
    private boolean stored;

    @Id
    @Column(name = "task_id")
    private String taskId;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    protected BallotTask() {
    }

    BallotTask(String taskId, Long sessionId, String memberId) {
        this.taskId = taskId;
        this.sessionId = sessionId;
        this.memberId = memberId;
    }

    String getTaskId() { return taskId; }
    Long getSessionId() { return sessionId; }
    String getMemberId() { return memberId; }

    @Override
    public String getId() {
        return taskId;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @jakarta.persistence.PostLoad
    @jakarta.persistence.PostPersist
    void stored() {
        stored = true;
    }
}

interface CouncilSessionRepository extends JpaRepository<CouncilSession, Long> {

    /** As JPQL, translated once (a derived query is translated again on every call by Hibernate 6.6). */
    @Query("select s from CouncilSession s where s.processInstanceId = :processInstanceId")
    Optional<CouncilSession> findByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    /**
     * The session of a case: the case knows its record, no variable chooses it. A case's session never changes:
     * the link is remembered ({@link SessionsOfCases}), and the session is then read by its id (from the
     * transaction's persistence context when it is there already: a step asks it for each task it creates).
     */
    default CouncilSession ofCase(String processInstanceId) {
        Long known = SessionsOfCases.sessionOf(processInstanceId);
        if (known != null) {
            Optional<CouncilSession> session = findById(known);
            if (session.isPresent() && processInstanceId.equals(session.get().getProcessInstanceId())) {
                return session.get();
            }
        }
        CouncilSession session = findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> ApiException.notFound("Quy trình này không gắn với phiên họp Hội đồng nào."));
        SessionsOfCases.remember(processInstanceId, session.getId());
        return session;
    }
}

interface BallotTaskRepository extends JpaRepository<BallotTask, String> {

    /** The ballot task locked for the transaction: two completions of one ballot run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from BallotTask b where b.taskId = :taskId")
    Optional<BallotTask> lockByTaskId(@Param("taskId") String taskId);

    @Query("select count(b) > 0 from BallotTask b where b.sessionId = :sessionId and b.memberId = :memberId")
    boolean existsBySessionIdAndMemberId(@Param("sessionId") Long sessionId, @Param("memberId") String memberId);
}

interface SessionDossierRepository extends JpaRepository<SessionDossier, SessionDossier.Key> {

    @Query("select sd from SessionDossier sd where sd.key.sessionId = :sessionId")
    List<SessionDossier> findByKeySessionId(@Param("sessionId") Long sessionId);

    boolean existsByKeyDossierId(Long dossierId);

    /** Whether the dossier is in a session that was not adjourned (an adjourned session releases its dossiers). */
    @Query("select count(sd) > 0 from SessionDossier sd, CouncilSession s where s.id = sd.key.sessionId"
            + " and sd.key.dossierId = :dossierId and s.status <> vn.dienbien.tdkt.council.CouncilSession.Status.ADJOURNED")
    boolean inLiveSession(@Param("dossierId") Long dossierId);
}

interface CouncilVoteRepository extends JpaRepository<CouncilVote, Long> {

    // As JPQL, translated once: a derived query is built and translated again on every call (1% of the province
    // benchmark's workers for the check below, made at every ballot; issue 12).
    @Query("select v from CouncilVote v where v.sessionId = :sessionId order by v.dossierId, v.memberId")
    List<CouncilVote> findBySessionIdOrderByDossierIdAscMemberIdAsc(@Param("sessionId") Long sessionId);

    List<CouncilVote> findBySessionIdAndMemberIdOrderByDossierId(Long sessionId, String memberId);

    @Query("select distinct v.memberId from CouncilVote v where v.sessionId = :sessionId order by v.memberId")
    List<String> votersOf(@Param("sessionId") Long sessionId);

    @Query("select count(v) > 0 from CouncilVote v where v.sessionId = :sessionId and v.memberId = :memberId")
    boolean existsBySessionIdAndMemberId(@Param("sessionId") Long sessionId, @Param("memberId") String memberId);
}
