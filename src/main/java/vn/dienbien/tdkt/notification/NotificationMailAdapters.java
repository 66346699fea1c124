package vn.dienbien.tdkt.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/** The mail case's adapters: "Gửi thư điện tử thông báo" and the variable only the system sets. */
@Configuration(proxyBeanMethods = false)
class NotificationMailAdapters {

    @Bean
    JavaDelegate notificationMailDelegate(NotificationMailer mailer) {
        return execution -> mailer.deliver(notificationId(execution));
    }

    /**
     * The diagram's retry cycle ({@code ${mailRetryCycle}}, tdkt.mail.retry-cycle), read by the engine each time
     * the delivery job fails.
     */
    @Bean
    String mailRetryCycle(MailSettings settings) {
        return settings.retryCycle();
    }

    @Bean
    ProtectedVariables notificationProtectedVariables() {
        return ProtectedVariables.of(MailScheduling.NOTIFICATION_ID);
    }

    private static Long notificationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(MailScheduling.NOTIFICATION_ID)).longValue();
    }
}
