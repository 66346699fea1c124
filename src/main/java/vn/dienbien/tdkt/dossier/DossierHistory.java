package vn.dienbien.tdkt.dossier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.WorkflowClock;

/** A dossier's history: who moved it to which status, when and why, and notes that keep its status. */
@Component
class DossierHistory {

    private final DossierStatusChangeRepository changes;
    private final DossierRepository dossiers;

    DossierHistory(DossierStatusChangeRepository changes, DossierRepository dossiers) {
        this.changes = changes;
        this.dossiers = dossiers;
    }

    void record(Dossier dossier, DossierStatus status, String actor, String reason) {
        dossier.moveTo(status);
        changes.save(new DossierStatusChange(dossier.getId(), status, actor, WorkflowClock.now(), reason));
    }

    /** A note that does not change the status, e.g. how an overdue dossier is being handled. */
    @Transactional
    public void note(Long dossierId, String actor, String text) {
        Dossier dossier = dossiers.findById(dossierId).orElseThrow();
        changes.save(new DossierStatusChange(dossierId, dossier.getStatus(), actor, WorkflowClock.now(), text));
    }
}
