package vn.dienbien.tdkt.decision;

/** A decision's document could not be filed; its message (Vietnamese) becomes the job's error and the incident's. */
class DecisionDocumentException extends RuntimeException {

    DecisionDocumentException(String message) {
        super(message);
    }
}
