package vn.dienbien.tdkt.council;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh. */
@Entity
@Table(name = "council_session")
class CouncilSession {

    /** Where the session stands. */
    enum Status { VOTING, TALLIED, SUBMITTED, RETURNED_BY_CHAIRMAN, DECIDED, ADJOURNED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate meetingDate;

    @Column(name = "opened_by", nullable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.VOTING;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "submission_note")
    private String submissionNote;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "chairman_decided_by")
    private String chairmanDecidedBy;

    @Column(name = "chairman_decided_at")
    private Instant chairmanDecidedAt;

    @Column(name = "chairman_decision")
    private String chairmanDecision;

    @Column(name = "chairman_note")
    private String chairmanNote;

    @Column(name = "decision_code")
    private String decisionCode;

    @Column(name = "voting_due_at")
    private Instant votingDueAt;

    @Column(name = "voting_closed_by")
    private String votingClosedBy;

    @Column(name = "voting_closed_at")
    private Instant votingClosedAt;

    @Column(name = "adjourn_reason")
    private String adjournReason;

    @Column(name = "adjourned_by")
    private String adjournedBy;

    @Column(name = "adjourned_at")
    private Instant adjournedAt;

    /** Members without a ballot when the standing body closed voting. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "council_session_absence", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "member_id")
    private java.util.Set<String> absentMembers = new java.util.TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "council_session_member", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "member_id")
    private List<String> members = new ArrayList<>();

    protected CouncilSession() {
    }

    CouncilSession(String title, LocalDate meetingDate, String openedBy, Instant openedAt, List<String> members) {
        this.title = title;
        this.meetingDate = meetingDate;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.members = new ArrayList<>(members);
        this.memberCount = members.size();
    }

    void attachCase(String processInstanceId) { this.processInstanceId = processInstanceId; }
    void tallied() { this.status = Status.TALLIED; }
    void votingDue(Instant dueAt) { this.votingDueAt = dueAt; }

    /** Thường trực Hội đồng kết thúc biểu quyết: who closed, when, and who had not voted. */
    void votingClosed(String by, Instant at, java.util.Collection<String> absent) {
        this.votingClosedBy = by;
        this.votingClosedAt = at;
        this.absentMembers.clear();
        this.absentMembers.addAll(absent);
    }

    void adjourned(String reason, String by, Instant at) {
        this.adjournReason = reason;
        this.adjournedBy = by;
        this.adjournedAt = at;
        this.status = Status.ADJOURNED;
    }

    void submitted(String note, String by, Instant at) {
        this.submissionNote = note;
        this.submittedBy = by;
        this.submittedAt = at;
        this.status = Status.SUBMITTED;
    }

    void chairman(String decision, String note, String by, Instant at) {
        this.chairmanDecision = decision;
        this.chairmanNote = note;
        this.chairmanDecidedBy = by;
        this.chairmanDecidedAt = at;
        this.status = "RETURN".equals(decision) ? Status.RETURNED_BY_CHAIRMAN : this.status;
    }

    void decided(String decisionCode) {
        this.decisionCode = decisionCode;
        this.status = Status.DECIDED;
    }

    Long getId() { return id; }
    String getTitle() { return title; }
    LocalDate getMeetingDate() { return meetingDate; }
    int getMemberCount() { return memberCount; }
    Status getStatus() { return status; }
    String getProcessInstanceId() { return processInstanceId; }
    String getChairmanDecision() { return chairmanDecision; }
    String getChairmanNote() { return chairmanNote; }
    String getDecisionCode() { return decisionCode; }
    String getSubmissionNote() { return submissionNote; }
    String getSubmittedBy() { return submittedBy; }
    Instant getSubmittedAt() { return submittedAt; }
    String getChairmanDecidedBy() { return chairmanDecidedBy; }
    Instant getChairmanDecidedAt() { return chairmanDecidedAt; }
    List<String> getMembers() { return members; }
    Instant getVotingDueAt() { return votingDueAt; }
    String getVotingClosedBy() { return votingClosedBy; }
    Instant getVotingClosedAt() { return votingClosedAt; }
    java.util.Set<String> getAbsentMembers() { return absentMembers; }
    String getAdjournReason() { return adjournReason; }
    String getAdjournedBy() { return adjournedBy; }
    Instant getAdjournedAt() { return adjournedAt; }
}
