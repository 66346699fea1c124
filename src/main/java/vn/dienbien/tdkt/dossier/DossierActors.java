package vn.dienbien.tdkt.dossier;

import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Who may take which step of a dossier, and in which status: the one place of these rules for the
 * dossier's steps. A wrong person is refused with 403, a dossier no longer in the step's status with 409.
 */
@Component
class DossierActors {

    private final OrgUnitRepository units;

    DossierActors(OrgUnitRepository units) {
        this.units = units;
    }

    /** A head (thủ trưởng) of the unit that proposes the dossier. */
    void requireHeadOfProposingUnit(Dossier dossier, CurrentUser actor) {
        if (actor == null || !actor.inGroup(CamundaGroups.headsOf(proposingUnit(dossier).getCode()))) {
            throw ApiException.forbidden("Chỉ thủ trưởng đơn vị trình hồ sơ mới xác nhận hoặc rút được hồ sơ này.");
        }
    }

    /** A person of the unit that proposes the dossier. */
    void requireProposingUnit(Dossier dossier, CurrentUser actor) {
        if (actor == null || !actor.inGroup(proposingUnit(dossier).camundaGroup())) {
            throw ApiException.forbidden("Anh/Chị chỉ bổ sung được hồ sơ do đơn vị mình trình.");
        }
    }

    /** A member of the Board (Ban Thi đua – Khen thưởng). */
    void requireBoard(CurrentUser actor) {
        if (actor == null || !actor.inGroup(CamundaGroups.BOARD)) {
            throw ApiException.forbidden("Chỉ Ban Thi đua – Khen thưởng thẩm định hồ sơ đề nghị khen thưởng.");
        }
    }

    /** A leader of the Board. */
    void requireBoardHead(CurrentUser actor) {
        if (actor == null || !actor.inGroup(CamundaGroups.BOARD_HEAD)) {
            throw ApiException.forbidden("Chỉ lãnh đạo Ban Thi đua – Khen thưởng chỉ đạo xử lý hồ sơ quá hạn.");
        }
    }

    /** The dossier is where the step expects it. */
    static void requireStatus(Dossier dossier, DossierStatus expected) {
        if (dossier.getStatus() != expected) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái \"" + dossier.getStatus().label()
                    + "\", không phải \"" + expected.label() + "\": bước này đã được xử lý hoặc không còn áp dụng.");
        }
    }

    private OrgUnit proposingUnit(Dossier dossier) {
        return units.findById(dossier.getProposingUnitId()).orElseThrow();
    }
}
