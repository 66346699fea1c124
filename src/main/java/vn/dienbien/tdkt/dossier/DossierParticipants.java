package vn.dienbien.tdkt.dossier;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.Official;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.organization.Role;

/**
 * Who takes a dossier's steps: {@code ${dossierParticipants.headsOf(execution)}} names the
 * proposing unit's heads (thủ trưởng) as candidate users. Public: the expression language calls it.
 */
@Component("dossierParticipants")
public class DossierParticipants {

    private final DossierRepository dossiers;
    private final OfficialRepository officials;

    DossierParticipants(DossierRepository dossiers, OfficialRepository officials) {
        this.dossiers = dossiers;
        this.officials = officials;
    }

    @Transactional(readOnly = true)
    public List<String> headsOf(DelegateExecution execution) {
        Long unitId = dossiers.findById(DossierDelegates.dossierId(execution)).orElseThrow().getProposingUnitId();
        List<String> heads = officials.findAll().stream()
                .filter(o -> o.getUnit().getId().equals(unitId) && o.getRoles().contains(Role.UNIT_HEAD))
                .map(Official::getUsername).toList();
        if (heads.isEmpty()) {
            throw new IllegalStateException("Đơn vị chưa có thủ trưởng trong danh mục để xác nhận hồ sơ.");
        }
        return heads;
    }
}
