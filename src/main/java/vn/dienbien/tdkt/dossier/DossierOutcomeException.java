package vn.dienbien.tdkt.dossier;

/**
 * "Thông báo kết quả cho đơn vị" failed in its job: the message, in Vietnamese and without class names, is
 * the job's error and, when the retries run out, the incident's in Cockpit. The dossier's result stays.
 */
class DossierOutcomeException extends RuntimeException {

    DossierOutcomeException(String message, Throwable cause) {
        super(message, cause);
    }
}
