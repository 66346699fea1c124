package vn.dienbien.tdkt.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.decision.DecisionView;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.ProcessActors;

/**
 * Turns an approved set of accepted dossiers into a numbered decision (quyết định); dossiers left out end as
 * not awarded, with the reason. The decision, its number, its awardees and every dossier's result (AWARDED or
 * NOT_AWARDED, in its status history) are written in one transaction, so that nobody sees a registered
 * decision whose dossier is not yet AWARDED. Telling each dossier's case its result ({@link #tellCase}) is a
 * separate step: the council session runs it in its job after the registration, so that the văn thư's click
 * neither moves ten cases nor seals their engine history; each case then tells its unit and ends at once.
 */
@Service
public class DossierDecisions {

    static final String MESSAGE = "DossierDecided";

    private final DossierRepository dossiers;
    private final AwardRepository awards;
    private final OrgUnitRepository units;
    private final AwardDecisions decisions;
    private final DossierAppraisal appraisal;
    private final RuntimeService runtimeService;

    DossierDecisions(DossierRepository dossiers, AwardRepository awards, OrgUnitRepository units,
            AwardDecisions decisions, DossierAppraisal appraisal, RuntimeService runtimeService) {
        this.dossiers = dossiers;
        this.appraisal = appraisal;
        this.awards = awards;
        this.units = units;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public DecisionView decide(List<Long> approvedDossierIds, Map<Long, String> refusedWithReasons,
            LocalDate signedOn, String signer, String issuedBy) {
        return decide(approvedDossierIds, refusedWithReasons, signedOn, signer, issuedBy, null);
    }

    /** As above, under the number and with the scan the Chairman's office registered (null: the next number). */
    @Transactional
    public DecisionView decide(List<Long> approvedDossierIds, Map<Long, String> refusedWithReasons,
            LocalDate signedOn, String signer, String issuedBy, AwardDecisions.Registration registration) {
        if (approvedDossierIds.stream().anyMatch(Objects::isNull)
                || refusedWithReasons.keySet().stream().anyMatch(Objects::isNull)) {
            throw ApiException.badRequest("Danh sách hồ sơ có mục để trống.");
        }
        refusedWithReasons.forEach((id, reason) -> {
            Dossier dossier = dossiers.findById(id)
                    .orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + id + "."));
            if (dossier.getStatus() != DossierStatus.ACCEPTED) {
                throw ApiException.badRequest("Hồ sơ số " + id + " không ở trạng thái chờ quyết định khen thưởng.");
            }
            if (reason != null && reason.length() > DossierAppraisal.MAX_NOTE) {
                throw ApiException.badRequest("Lý do không khen thưởng hồ sơ số " + id + " dài quá "
                        + DossierAppraisal.MAX_NOTE + " ký tự.");
            }
        });
        List<Dossier> approved = dossiers.findAllById(approvedDossierIds);
        if (approved.size() != approvedDossierIds.size()
                || approved.stream().anyMatch(d -> d.getStatus() != DossierStatus.ACCEPTED)) {
            throw ApiException.badRequest("Chỉ quyết định khen thưởng cho hồ sơ đã được Ban TĐKT tiếp nhận (đủ điều kiện).");
        }
        if (issuedBy == null || issuedBy.isBlank()) {
            throw new IllegalArgumentException("A decision names the person who approved it.");
        }
        if (approved.isEmpty()) {
            refuse(refusedWithReasons, issuedBy);
            return null;
        }
        var awardees = approved.stream().map(d -> new AwardDecisions.NewAwardee(d.getId(), d.getAwardCode(),
                d.getNomineeName(), units.findById(d.getProposingUnitId()).orElseThrow().getName())).toList();
        String title = "Quyết định về việc tặng " + approved.stream()
                .map(d -> awards.findById(d.getAwardCode()).orElseThrow().getName()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("") + " năm " + approved.get(0).getYear();
        DecisionView decision = registration == null ? decisions.issue(title, signedOn, signer, issuedBy, awardees)
                : decisions.issue(title, signedOn, signer, issuedBy, awardees, registration);
        for (Dossier dossier : approved) {
            appraisal.decided(dossier, true, "Khen thưởng theo Quyết định số " + decision.code(), decision.issuedBy());
        }
        refuse(refusedWithReasons, issuedBy);
        return decision;
    }

    /** Dossiers that end without an award, each with its reason and the person who decided. */
    private void refuse(Map<Long, String> refusedWithReasons, String decidedBy) {
        refusedWithReasons.forEach((id, reason) -> appraisal.decided(dossiers.findById(id).orElseThrow(), false,
                reason, decidedBy == null || decidedBy.isBlank() ? ProcessActors.SYSTEM : decidedBy));
    }

    /**
     * Tells the dossier's case that its result is written (the message the case waits for at "Hội đồng xét, Chủ
     * tịch UBND tỉnh quyết định"). The result, the decision's number and the reason are in the dossier and the
     * decision, where the case's closing step reads them; none is copied into the case (issue 12: two variable
     * rows a dossier written only to be deleted when the case ends). Exactly once: a case that no longer waits
     * (told before, or ended) is left as it is and false is returned. A dossier without a result is refused:
     * nothing is correlated.
     */
    @Transactional
    public boolean tellCase(Long dossierId) {
        Dossier dossier = dossiers.findById(dossierId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + dossierId + "."));
        if (dossier.getStatus() != DossierStatus.AWARDED && dossier.getStatus() != DossierStatus.NOT_AWARDED) {
            throw ApiException.conflict("Hồ sơ số " + dossierId + " chưa có kết quả xét khen thưởng để báo cho hồ sơ.");
        }
        // Only a case still waiting for the message is moved; none (told already, or gone) is not an error.
        return !runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(dossier.getProcessInstanceId())
                .correlateAllWithResult().isEmpty();
    }
}
