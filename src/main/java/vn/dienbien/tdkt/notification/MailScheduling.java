package vn.dienbien.tdkt.notification;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Starts the mail case of a notification ({@code bpmn/notification-mail.bpmn}) inside the caller's
 * transaction. Its service task is asynchronous, so the start only writes a job: the SMTP call
 * happens later, in the job, with retries and an incident when they run out.
 */
@Component
class MailScheduling {

    /** The one variable of a mail case. */
    static final String NOTIFICATION_ID = "notificationId";

    private final ProcessEngine engine;
    private final MailSettings settings;

    MailScheduling(ProcessEngine engine, MailSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    void schedule(Long notificationId) {
        if (!settings.enabled()) {
            return;
        }
        // The system sends, not the official whose step caused the notification: no start rights needed.
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        executor.execute(context -> context.runWithoutAuthorization(() -> engine.getRuntimeService()
                .createProcessInstanceByKey(WorkflowKeys.NOTIFICATION_MAIL)
                .businessKey("TB-" + notificationId)
                .setVariable(NOTIFICATION_ID, notificationId)
                .execute()));
    }
}
