package vn.dienbien.tdkt.council;

/**
 * A job of "Chuyển kết quả vào từng hồ sơ" that could not tell its dossier's case: the message (Vietnamese)
 * is what Cockpit shows as the job's error and, when the retries run out, as the incident's.
 */
class SessionOutcomeException extends RuntimeException {

    SessionOutcomeException(String message, Throwable cause) {
        super(message, cause);
    }
}
