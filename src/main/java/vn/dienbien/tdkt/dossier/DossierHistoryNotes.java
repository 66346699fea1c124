package vn.dienbien.tdkt.dossier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.WorkflowClock;

/** Notes in a dossier's history that do not change its status (e.g. handling an overdue dossier). */
@Component
class DossierHistoryNotes {

    private final DossierRepository dossiers;
    private final DossierStatusChangeRepository changes;

    DossierHistoryNotes(DossierRepository dossiers, DossierStatusChangeRepository changes) {
        this.dossiers = dossiers;
        this.changes = changes;
    }

    @Transactional
    public void note(Long dossierId, String actor, String text) {
        Dossier dossier = dossiers.findById(dossierId).orElseThrow();
        changes.save(new DossierStatusChange(dossierId, dossier.getStatus(), actor, WorkflowClock.now(), text));
    }
}
