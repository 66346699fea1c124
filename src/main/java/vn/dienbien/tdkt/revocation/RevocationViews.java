package vn.dienbien.tdkt.revocation;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.AnnulmentView;
import vn.dienbien.tdkt.decision.Annulments;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.decision.DecisionView;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Reads a revocation request: the Board, the Chairman, oversight roles, administrators and the awardee's
 * own unit; anyone else is told there is no such request (404), not that it exists.
 */
@Service
class RevocationViews {

    private static final List<String> READERS = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS, CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);

    private final RevocationRequestRepository requests;
    private final DossierQueries dossiers;
    private final AwardDecisions decisions;
    private final Annulments annulments;

    RevocationViews(RevocationRequestRepository requests, DossierQueries dossiers, AwardDecisions decisions,
            Annulments annulments) {
        this.requests = requests;
        this.dossiers = dossiers;
        this.decisions = decisions;
        this.annulments = annulments;
    }

    /** A request as the Board, the Chairman, oversight roles and the awardee's unit read it. */
    public record RequestView(Long id, Long dossierId, String nomineeName, String awardName, String unitCode,
            Long decisionId, String decisionCode, String kind, String kindLabel, String reason, Long evidenceDocumentId,
            String status, String statusLabel, String requestedBy, Instant requestedAt, String checkedBy,
            String checkNote, String decidedBy, String decisionNote, String processInstanceId, AnnulmentView annulment) {
    }

    @Transactional(readOnly = true)
    public RequestView view(Long id, CurrentUser user) {
        RevocationRequest r = requests.findById(id)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy đề nghị thu hồi, hủy bỏ số " + id + "."));
        var dossier = dossiers.record(r.getDossierId());
        boolean reader = user.inAnyGroup(READERS)
                || user.inGroup(CamundaGroups.ofUnit(dossier.proposingUnitCode()));
        if (!reader) {
            throw ApiException.notFound("Không tìm thấy đề nghị thu hồi, hủy bỏ số " + id + ".");
        }
        String decisionCode = decisions.naming(r.getDossierId()).map(DecisionView::code).orElse(null);
        return new RequestView(r.getId(), r.getDossierId(), dossier.nomineeName(), dossier.awardName(),
                dossier.proposingUnitCode(), r.getDecisionId(), decisionCode, r.getKind().name(), r.getKind().label(),
                r.getReason(), r.getEvidenceDocumentId(), r.getStatus().name(), r.getStatus().label(), r.getRequestedBy(),
                r.getRequestedAt(), r.getCheckedBy(), r.getCheckNote(), r.getDecidedBy(), r.getDecisionNote(),
                r.getProcessInstanceId(),
                r.getStatus() == RevocationStatus.APPROVED ? annulments.ofDossier(r.getDossierId()).orElse(null) : null);
    }

}
