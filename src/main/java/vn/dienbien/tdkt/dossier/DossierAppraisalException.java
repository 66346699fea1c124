package vn.dienbien.tdkt.dossier;

/**
 * "Kiểm tra thành phần hồ sơ và điều kiện khen thưởng" failed in its job: the message, in Vietnamese and without
 * class names, is the job's error and, when the retries run out, the incident's in Cockpit. The head's
 * confirmation (or the unit's resend) and the deadline stay; the evaluation leaves nothing behind.
 */
class DossierAppraisalException extends RuntimeException {

    DossierAppraisalException(String message, Throwable cause) {
        super(message, cause);
    }
}
