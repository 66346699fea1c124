package vn.dienbien.tdkt.notification;

/** A notification's mail did not leave; its message (Vietnamese) becomes the job's error and the incident's. */
class MailDeliveryException extends RuntimeException {

    MailDeliveryException(String message) {
        super(message);
    }
}
