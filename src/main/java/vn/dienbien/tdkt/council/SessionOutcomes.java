package vn.dienbien.tdkt.council;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.dossier.DossierDecisions;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * "Chuyển kết quả vào từng hồ sơ" after the văn thư registered the decision: each dossier of the session is
 * told its result (already written with the decision) in the issuing's job ({@link #tellAll}), so that the
 * registration's transaction moves no dossier case; sessions of earlier versions tell each in a job of its own
 * ({@link #tellDossier}). The dossiers are read from the session of the case, never from a variable. Public: the
 * process's expressions of those versions call {@link #dossiersOfCase}.
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
     * Every dossier's case of this case's session is told its result, once the session is decided (in the
     * issuing's transaction: "Ban hành quyết định khen thưởng"). Returns how many cases were moved; a case told
     * before or no longer waiting is left as it is.
     */
    @Transactional
    public int tellAll(String processInstanceId) {
        CouncilSession session = sessions.ofCase(processInstanceId);
        if (session.getStatus() != CouncilSession.Status.DECIDED) {
            throw ApiException.conflict("Phiên họp \"" + session.getTitle() + "\" chưa có kết quả để báo cho hồ sơ.");
        }
        int told = 0;
        for (Long dossierId : sessionDossiers.findByKeySessionId(session.getId()).stream().map(SessionDossier::dossierId)
                .sorted(Comparator.naturalOrder()).toList()) {
            told += dossierDecisions.tellCase(dossierId) ? 1 : 0;
        }
        return told;
    }

    /**
     * One dossier's case is told its result (the per-dossier jobs of earlier versions): only a dossier of this
     * case's session, only once the session is decided. False when the case was told before (a job run again) or no longer waits.
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
