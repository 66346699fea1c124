package vn.dienbien.tdkt.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor} in /actuator/health (replacing Camunda's own indicator of that name): DOWN when this
 * node's job executor should run and does not (reminders, deadlines, mails and documents would wait);
 * UNKNOWN when it is switched off by configuration (the tests, a node that only serves users). Its details
 * give the cluster's jobs due for a while that no executor took, and the failed jobs with no retries
 * left (each an incident in Cockpit). Those two do not change the status: a backlog or an incident is
 * not this node being down; alerts use the gauges of {@link WorkflowMetrics}.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth implements HealthIndicator {

    private final ProcessEngine engine;
    private final JobFigures figures;
    private final boolean enabled;

    JobExecutorHealth(ProcessEngine engine, JobFigures figures,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        this.engine = engine;
        this.figures = figures;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = executor != null && executor.isActive();
        Health.Builder health = !enabled ? Health.unknown() : active ? Health.up() : Health.down();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("active", active);
        if (!enabled) {
            details.put("note", "Bộ thực thi tác vụ nền tắt theo cấu hình (camunda.bpm.job-execution.enabled=false).");
        } else if (!active) {
            details.put("note", "Bộ thực thi tác vụ nền không chạy: nhắc hạn, thư và văn bản đang chờ.");
        }
        try {
            details.put("dueNotAcquired", figures.dueNotAcquired());
            details.put("dueNotAcquiredAfter", figures.backlogAfter().toString());
            details.put("failedWithoutRetries", figures.failedWithoutRetries());
        } catch (RuntimeException databaseAway) {
            return Health.down().withDetails(details)
                    .withDetail("note", "Không đọc được danh sách tác vụ nền: cơ sở dữ liệu không trả lời.").build();
        }
        return health.withDetails(details).build();
    }
}
