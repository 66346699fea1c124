package vn.dienbien.tdkt.dossier;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The dossier each case was opened for: a case knows its record, whatever its variables say. A case's dossier
 * never changes, so the answer is remembered (every step of a case asks it several times, and each of its tasks
 * as it is created; a few thousand entries, emptied when full). The link is remembered as the case is started,
 * so the case's first steps do not ask the database.
 */
@Component
class DossierCases {

    private static final int MAX_REMEMBERED = 20_000;

    private final DossierRepository dossiers;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    DossierCases(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    /** The dossier of this case; empty for a case without one. */
    Optional<Long> dossierOf(String processInstanceId) {
        Long id = known.get(processInstanceId);
        if (id != null) {
            return Optional.of(id);
        }
        Optional<Long> found = dossiers.idOfCase(processInstanceId);
        found.ifPresent(d -> remember(processInstanceId, d));
        return found;
    }

    /** The case {@code processInstanceId} was just linked to this dossier. */
    void remember(String processInstanceId, Long dossierId) {
        if (known.size() >= MAX_REMEMBERED) {
            known.clear();
        }
        known.put(processInstanceId, dossierId);
    }
}
