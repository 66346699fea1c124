package vn.dienbien.tdkt.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Thư điện tử thông báo: whether notifications are mailed, from which address, and how a failed
 * delivery is retried. The retry cycle reaches the diagram as the bean {@code mailRetryCycle}.
 */
@Component
class MailSettings {

    private volatile boolean enabled;
    private final String from;
    private final String senderName;
    private final String retryCycle;
    private final String subjectPrefix;
    private final String appUrl;
    private final String server;

    MailSettings(@Value("${tdkt.mail.enabled:false}") boolean enabled,
            @Value("${tdkt.mail.from:thidua-khenthuong@tdkt-dienbien.example}") String from,
            @Value("${tdkt.mail.sender-name:Thi đua – Khen thưởng tỉnh Điện Biên}") String senderName,
            @Value("${tdkt.mail.retry-cycle:R3/PT5M}") String retryCycle,
            @Value("${tdkt.mail.subject-prefix:[TĐKT Điện Biên]}") String subjectPrefix,
            @Value("${tdkt.mail.app-url:http://localhost:8080}") String appUrl,
            @Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") int port) {
        this.enabled = enabled;
        this.from = from;
        this.senderName = senderName;
        this.retryCycle = retryCycle;
        this.subjectPrefix = subjectPrefix;
        this.appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
        this.server = host.isBlank() ? "(chưa cấu hình spring.mail.host)" : host + ":" + port;
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * Tests switch delivery on for their own cases only: a second application context with other
     * properties would start a second engine in Camunda's static registry (see DemoModeOffTest).
     */
    void enabled(boolean on) {
        this.enabled = on;
    }

    String from() {
        return from;
    }

    String senderName() {
        return senderName;
    }

    /** ISO 8601 repetitions, e.g. R3/PT5M: three attempts in all, five minutes apart, then an incident. */
    String retryCycle() {
        return retryCycle;
    }

    String subjectPrefix() {
        return subjectPrefix;
    }

    /** Tasklist, as the officials open it (links in the mails). */
    String tasklistUrl() {
        return appUrl + "/camunda/app/tasklist/default/";
    }

    /** host:port of the SMTP server, for messages an administrator reads. */
    String server() {
        return server;
    }
}
