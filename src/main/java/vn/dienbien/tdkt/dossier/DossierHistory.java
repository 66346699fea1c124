package vn.dienbien.tdkt.dossier;

import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.WorkflowClock;

/** Moves a dossier to a status and records who did it, when and why. */
@Component
class DossierHistory {

    private final DossierStatusChangeRepository changes;

    DossierHistory(DossierStatusChangeRepository changes) {
        this.changes = changes;
    }

    void record(Dossier dossier, DossierStatus status, String actor, String reason) {
        dossier.moveTo(status);
        changes.save(new DossierStatusChange(dossier.getId(), status, actor, WorkflowClock.now(), reason));
    }
}
