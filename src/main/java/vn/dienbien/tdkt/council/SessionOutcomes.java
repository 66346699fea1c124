package vn.dienbien.tdkt.council;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.dossier.DossierDecisions;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * "Chuyển kết quả vào từng hồ sơ" after the văn thư registered the decision: each dossier of the session is
 * told its result (already written with the decision) in a job of its own, so that the registration's
 * transaction moves no dossier case. The dossiers are read from the session of the case, never from a
 * variable. Public: the process's expressions call {@link #dossiersOfCase}.
 */
@Service("sessionOutcomes")
public class SessionOutcomes {

    private final CouncilSessionRepository sessions;
    private final SessionDossierRepository sessionDossiers;
    private final DossierDecisions dossierDecisions;

    SessionOutcomes(CouncilSessionRepository sessions, SessionDossierRepository sessionDossiers,
            DossierDecisions dossierDecisions) {
        this.sessions = sessions;
        this.sessionDossiers = sessionDossiers;
        this.dossierDecisions = dossierDecisions;
    }

    /** {@code ${sessionOutcomes.dossiersOfCase(execution.processInstanceId)}}: one job per dossier of the session. */
    @Transactional(readOnly = true)
    public List<Long> dossiersOfCase(String processInstanceId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        return sessionDossiers.findByKeySessionId(session.getId()).stream().map(SessionDossier::dossierId)
                .sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * One dossier's case is told its result: only a dossier of this case's session, only once the session is
     * decided. False when the case was told before (a job run again) or no longer waits.
     */
    @Transactional
    public boolean tellDossier(String processInstanceId, Long dossierId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (dossierId == null || sessionDossiers.findByKeySessionId(session.getId()).stream()
                .noneMatch(sd -> dossierId.equals(sd.dossierId()))) {
            throw ApiException.badRequest("Hồ sơ số " + dossierId + " không thuộc phiên họp \"" + session.getTitle() + "\".");
        }
        if (session.getStatus() != CouncilSession.Status.DECIDED) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" chưa có kết quả để báo cho hồ sơ.");
        }
        return dossierDecisions.tellCase(dossierId);
    }
}
