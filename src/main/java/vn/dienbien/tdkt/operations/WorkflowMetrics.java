package vn.dienbien.tdkt.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * The workflow's gauges in /actuator/prometheus, recomputed every 30 seconds (tdkt.operations.metrics-refresh-ms)
 * by a handful of aggregate queries, never per scrape:
 * <ul>
 * <li>{@code tdkt_tasks_open{group}} and {@code tdkt_tasks_overdue{group}}: open user tasks per candidate
 * group, and those past their due date (the 25 working days of an appraisal, a council's voting days…);</li>
 * <li>{@code tdkt_jobs_failing}: jobs that failed and will be retried; {@code tdkt_jobs_failed}: jobs out of
 * retries; {@code tdkt_jobs_due_not_acquired}: jobs due for a while that no executor took;</li>
 * <li>{@code tdkt_incidents_open{type}}: incidents waiting for an administrator.</li>
 * </ul>
 * Request latency is Spring Boot's own {@code http_server_requests_seconds}. While the database is away
 * the gauges keep their last values (and {@code tdkt_metrics_refresh_failures_total} counts the misses).
 */
@Component
class WorkflowMetrics {

    private static final Logger log = LoggerFactory.getLogger(WorkflowMetrics.class);

    private final JdbcTemplate jdbc;
    private final JobFigures jobs;
    private final MultiGauge tasksOpen;
    private final MultiGauge tasksOverdue;
    private final MultiGauge incidents;
    private final AtomicLong failing = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dueNotAcquired = new AtomicLong();
    private final io.micrometer.core.instrument.Counter refreshFailures;

    WorkflowMetrics(JdbcTemplate jdbc, JobFigures jobs, MeterRegistry registry) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(10);
        this.jobs = jobs;
        this.tasksOpen = MultiGauge.builder("tdkt.tasks.open").description("Việc đang mở theo nhóm được giao")
                .baseUnit("tasks").register(registry);
        this.tasksOverdue = MultiGauge.builder("tdkt.tasks.overdue").description("Việc quá hạn theo nhóm được giao")
                .baseUnit("tasks").register(registry);
        this.incidents = MultiGauge.builder("tdkt.incidents.open").description("Sự cố đang chờ quản trị viên xử lý")
                .register(registry);
        Gauge.builder("tdkt.jobs.failing", failing, AtomicLong::get)
                .description("Tác vụ nền lỗi, đang chờ thử lại theo lịch").register(registry);
        Gauge.builder("tdkt.jobs.failed", failed, AtomicLong::get)
                .description("Tác vụ nền hết lượt thử lại (mỗi tác vụ một sự cố)").register(registry);
        Gauge.builder("tdkt.jobs.due.not.acquired", dueNotAcquired, AtomicLong::get)
                .description("Tác vụ nền đến hạn từ lâu mà chưa bộ thực thi nào nhận").register(registry);
        this.refreshFailures = registry.counter("tdkt.metrics.refresh.failures");
    }

    @EventListener(ApplicationReadyEvent.class)
    void first() {
        refresh();
    }

    /** Recomputes every gauge; on a database error keeps the last values. */
    @Scheduled(fixedDelayString = "${tdkt.operations.metrics-refresh-ms:30000}",
            initialDelayString = "${tdkt.operations.metrics-refresh-ms:30000}")
    void refresh() {
        try {
            Timestamp now = Timestamp.from(WorkflowClock.now());
            Map<String, long[]> perGroup = new TreeMap<>();
            jdbc.query("select l.group_id_, count(distinct t.id_),"
                    + " count(distinct case when t.due_date_ < ? then t.id_ end)"
                    + " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
                    + " where l.type_ = 'candidate' and l.group_id_ is not null group by l.group_id_", row -> {
                        perGroup.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
                    }, now);
            List<MultiGauge.Row<?>> open = new ArrayList<>();
            List<MultiGauge.Row<?>> overdue = new ArrayList<>();
            perGroup.forEach((group, counts) -> {
                open.add(MultiGauge.Row.of(Tags.of("group", group), counts[0]));
                overdue.add(MultiGauge.Row.of(Tags.of("group", group), counts[1]));
            });
            List<MultiGauge.Row<?>> byType = new ArrayList<>();
            jobs.openIncidents().forEach((type, count) -> byType.add(MultiGauge.Row.of(Tags.of("type", type), count)));
            failing.set(jobs.failingWithRetriesLeft());
            failed.set(jobs.failedWithoutRetries());
            dueNotAcquired.set(jobs.dueNotAcquired());
            tasksOpen.register(open, true);
            tasksOverdue.register(overdue, true);
            incidents.register(byType, true);
        } catch (RuntimeException e) {
            refreshFailures.increment();
            log.warn("Workflow gauges not refreshed (kept their last values): {}", e.getMessage());
        }
    }
}
