package vn.dienbien.tdkt.dossier;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Cờ thi đua: a block that voted (bình xét, suy tôn) outside the system. A member of the Board
 * declares it for one dossier under appraisal, with the block's minutes (BIEN_BAN_KHOI) attached;
 * the declaration names who made it, when and what, stays on the dossier and in its history, and the
 * rules are checked again so the Board's appraisal shows the new result. A vote recorded in the
 * system always decides over a declaration.
 */
@Service
public class DossierBlockVotes {

    static final String FLAG = "FLAG";

    private final DossierRepository dossiers;
    private final DossierActors actors;
    private final DossierHistory history;
    private final DossierEligibility eligibility;
    private final RuntimeService runtimeService;

    DossierBlockVotes(DossierRepository dossiers, DossierActors actors, DossierHistory history,
            DossierEligibility eligibility, RuntimeService runtimeService) {
        this.dossiers = dossiers;
        this.actors = actors;
        this.history = history;
        this.eligibility = eligibility;
        this.runtimeService = runtimeService;
    }

    /**
     * Ban TĐKT xác nhận cụm/khối đã bình xét, suy tôn ngoài hệ thống (có biên bản họp cụm/khối), through
     * REST: the case's appraisal task then shows the rules' new result.
     */
    @Transactional
    public DossierEligibility.EligibilityOutcome declareOutsideVote(Long dossierId, String note, CurrentUser actor) {
        var outcome = declare(dossierId, note, actor);
        String processInstanceId = dossiers.findById(dossierId).orElseThrow().getProcessInstanceId();
        try {
            ProcessActors.asSystem(() -> {
                runtimeService.setVariables(processInstanceId, Map.of(
                        DossierVariables.ELIGIBILITY_SUMMARY, outcome.summary(),
                        DossierVariables.ALL_RULES_PASSED, outcome.allPassed()));
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return outcome;
    }

    /** The declaration itself, and the rules checked again (a new round); the caller updates the case. */
    @Transactional
    DossierEligibility.EligibilityOutcome declare(Long dossierId, String note, CurrentUser actor) {
        Dossier dossier = dossiers.findById(dossierId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + dossierId + "."));
        actors.requireBoard(actor);
        DossierActors.requireStatus(dossier, DossierStatus.UNDER_APPRAISAL);
        if (!FLAG.equals(dossier.getAwardCode())) {
            throw ApiException.badRequest("Chỉ hồ sơ Cờ thi đua mới cần kết quả bình xét, suy tôn của cụm/khối.");
        }
        String text = note == null ? "" : note.trim();
        if (text.isEmpty()) {
            throw ApiException.badRequest("Cần ghi rõ cuộc họp bình xét, suy tôn của cụm/khối (ngày họp, kết quả).");
        }
        if (text.length() > DossierAppraisal.MAX_NOTE) {
            throw ApiException.badRequest("Nội dung xác nhận dài quá " + DossierAppraisal.MAX_NOTE + " ký tự.");
        }
        if (!dossier.getDocuments().containsKey(DocumentType.BIEN_BAN_KHOI)) {
            throw ApiException.badRequest("Hồ sơ chưa có " + DocumentType.BIEN_BAN_KHOI.label()
                    + ": không thể xác nhận cụm/khối đã bình xét, suy tôn ngoài hệ thống.");
        }
        if (eligibility.blockVoteRecorded(dossier)) {
            throw ApiException.conflict("Cụm/khối đã có kết quả bình xét, suy tôn năm " + dossier.getYear()
                    + " ghi nhận trong hệ thống; Cờ thi đua xét theo kết quả đó.");
        }
        dossier.declareOutsideBlockVote(actor.userId(), WorkflowClock.now(), text);
        history.note(dossierId, actor.userId(),
                "Ban TĐKT xác nhận cụm/khối đã bình xét, suy tôn ngoài hệ thống (biên bản họp cụm/khối kèm hồ sơ): "
                        + abbreviate(text));
        try {
            return eligibility.evaluate(dossierId);
        } catch (DossierEligibility.EligibilityTableFailure e) {
            // Rolls back the declaration too: the Board's note and the rules' new round go together.
            throw ApiException.conflict("Bảng điều kiện khen thưởng (dossier-eligibility) đang lỗi nên chưa kiểm tra lại"
                    + " được điều kiện của hồ sơ số " + dossierId + "; chưa ghi gì. Báo quản trị viên sửa bảng quyết"
                    + " định rồi thử lại.");
        }
    }

    private static String abbreviate(String text) {
        int max = DossierAppraisal.MAX_NOTE - 120;
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
