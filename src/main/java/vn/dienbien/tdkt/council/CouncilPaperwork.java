package vn.dienbien.tdkt.council;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.decision.AwardeeDetails;
import vn.dienbien.tdkt.decision.DecisionDocuments;
import vn.dienbien.tdkt.paperwork.OfficialDocuments;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * The documents of a council session's way to its decision: the Board's submission (tờ trình) to the
 * Chairman with the list the council passed, the draft decision under the number the register would
 * give next, and what the văn thư's form proposes. Readers: {@link DecisionDocuments#READERS}.
 */
@Service
public class CouncilPaperwork {

    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CouncilSessionRepository sessions;
    private final SessionDossierRepository sessionDossiers;
    private final AwardeeDetails details;
    private final OfficialDocuments documents;
    private final DecisionDocuments decisionDocuments;
    private final AwardDecisions decisions;
    private final RegisterProposals proposals;

    CouncilPaperwork(CouncilSessionRepository sessions, SessionDossierRepository sessionDossiers, AwardeeDetails details,
            OfficialDocuments documents, DecisionDocuments decisionDocuments, AwardDecisions decisions,
            RegisterProposals proposals) {
        this.sessions = sessions;
        this.sessionDossiers = sessionDossiers;
        this.details = details;
        this.documents = documents;
        this.decisionDocuments = decisionDocuments;
        this.decisions = decisions;
        this.proposals = proposals;
    }

    /** Tờ trình: a draft until the standing body submits it, then dated the day it did. */
    @Transactional(readOnly = true)
    public byte[] submission(Long sessionId, CurrentUser reader) {
        CouncilSession session = readable(sessionId, reader);
        if (session.getStatus() == CouncilSession.Status.VOTING || session.getStatus() == CouncilSession.Status.ADJOURNED) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" chưa có kết quả biểu quyết để lập tờ trình.");
        }
        List<SessionDossier> all = sessionDossiers.findByKeySessionId(session.getId());
        List<SessionDossier> passed = all.stream().filter(sd -> Boolean.TRUE.equals(sd.getPassed())).toList();
        List<AwardeeDetails.Line> lines = lines(passed);
        Map<Long, String> votes = new LinkedHashMap<>();
        passed.forEach(sd -> votes.put(sd.dossierId(), sd.getYesVotes() + "/" + sd.getEligibleVoters() + " đồng ý"));
        boolean draft = session.getSubmittedAt() == null || session.getStatus() == CouncilSession.Status.TALLIED
                || session.getStatus() == CouncilSession.Status.RETURNED_BY_CHAIRMAN;
        LocalDate date = draft ? today() : LocalDate.ofInstant(session.getSubmittedAt(), DecisionRegistrations.VIETNAM);
        Map<String, Object> model = DecisionDocuments.dated(date);
        model.put("draftMark", draft ? "DỰ THẢO" : "");
        model.put("subject", "tặng " + (lines.isEmpty() ? "khen thưởng" : DecisionDocuments.awardNames(lines)));
        model.put("meetingDate", SHORT.format(session.getMeetingDate()));
        model.put("sessionTitle", session.getTitle());
        model.put("passedCount", String.valueOf(passed.size()));
        model.put("dossierCount", String.valueOf(all.size()));
        model.put("memberCount", String.valueOf(session.getMemberCount()));
        model.put("note", draft || session.getSubmissionNote() == null ? "" : session.getSubmissionNote());
        model.put("awardNames", DecisionDocuments.awardNames(lines));
        model.put("awardeeCount", String.valueOf(lines.size()));
        model.put("signingCapacity", "TM. THƯỜNG TRỰC HỘI ĐỒNG");
        model.put("signerTitle", "");
        model.put("signerName", draft ? "" : decisionDocuments.fullName(session.getSubmittedBy()));
        model.put(OfficialDocuments.AWARDEES, DecisionDocuments.rows(lines, votes));
        return documents.render(OfficialDocuments.SUBMISSION, model);
    }

    /**
     * Dự thảo quyết định: the dossiers the Chairman approved (before approval: those the council
     * passed), under the number reserved for the session (none yet: the register's next free one), dated today.
     */
    @Transactional(readOnly = true)
    public byte[] decisionDraft(Long sessionId, CurrentUser reader) {
        CouncilSession session = readable(sessionId, reader);
        if (session.getStatus() != CouncilSession.Status.SUBMITTED) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" không có tờ trình chờ quyết định"
                    + (session.getStatus() == CouncilSession.Status.DECIDED ? " (quyết định đã ban hành)." : "."));
        }
        List<AwardeeDetails.Line> lines = lines(approvedSoFar(session));
        if (lines.isEmpty()) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" không có hồ sơ nào được đề nghị khen thưởng.");
        }
        LocalDate date = today();
        String signer = session.getChairmanDecidedBy();
        int number = proposals.reserved(session.getId(), date.getYear()).orElseGet(() -> decisions.nextNumber(date.getYear()));
        return decisionDocuments.render(new DecisionDocuments.Paper(number, date,
                "tặng " + DecisionDocuments.awardNames(lines) + " năm " + date.getYear(), signer, lines, true));
    }

    /**
     * What the văn thư's form shows and proposes. {@code reserved}: the proposed number is held for this
     * session (the văn thư writes it on the paper to be signed; no other session is given it).
     */
    public record Registration(Long sessionId, String title, String status, String chairmanDecision, LocalDate approvedOn,
            LocalDate today, int year, int proposedNumber, String proposedCode, boolean reserved, int awardeeCount,
            String decisionCode) {
    }

    /**
     * The văn thư's form. For a session awaiting registration (this year's register) the register reserves
     * a number for it (RegisterProposals): the one it holds while unused, else the smallest free number.
     * Otherwise (another year asked for, or nothing to register) the register's next free number, reserving nothing.
     */
    @Transactional
    public Registration registration(Long sessionId, Integer year, CurrentUser reader) {
        CouncilSession session = readable(sessionId, reader);
        LocalDate today = today();
        int forYear = year == null ? today.getYear() : year;
        if (forYear < 2000 || forYear > 2100) {
            throw ApiException.badRequest("Năm không hợp lệ.");
        }
        int awardees = approvedSoFar(session).size();
        boolean reserving = forYear == today.getYear() && awardees > 0 && awaitsRegistration(session);
        int next = reserving ? proposals.reserve(session.getId(), forYear) : decisions.nextNumber(forYear);
        return new Registration(session.getId(), session.getTitle(), session.getStatus().name(),
                session.getChairmanDecision(), session.getChairmanDecidedAt() == null ? null
                        : LocalDate.ofInstant(session.getChairmanDecidedAt(), DecisionRegistrations.VIETNAM),
                today, forYear, next, next + "/QĐ-UBND", reserving, awardees, session.getDecisionCode());
    }

    private static boolean awaitsRegistration(CouncilSession session) {
        return session.getStatus() == CouncilSession.Status.SUBMITTED && session.getDecisionCode() == null
                && List.of("APPROVE_ALL", "APPROVE_SOME").contains(session.getChairmanDecision());
    }

    private List<SessionDossier> approvedSoFar(CouncilSession session) {
        return sessionDossiers.findByKeySessionId(session.getId()).stream()
                .filter(sd -> Boolean.TRUE.equals(sd.getPassed()) && sd.getExcludedReason() == null).toList();
    }

    private List<AwardeeDetails.Line> lines(List<SessionDossier> dossiers) {
        var byId = details.of(dossiers.stream().map(SessionDossier::dossierId).toList());
        List<AwardeeDetails.Line> lines = new ArrayList<>();
        dossiers.forEach(sd -> {
            var line = byId.get(sd.dossierId());
            if (line != null) {
                lines.add(line);
            }
        });
        return lines;
    }

    private CouncilSession readable(Long sessionId, CurrentUser reader) {
        DecisionDocuments.requireReader(reader);
        return sessions.findById(sessionId)
                .orElseThrow(() -> ApiException.notFound("Không có phiên họp số " + sessionId + "."));
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(WorkflowClock.now(), DecisionRegistrations.VIETNAM);
    }
}
