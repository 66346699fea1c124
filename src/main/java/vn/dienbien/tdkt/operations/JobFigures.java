package vn.dienbien.tdkt.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * The engine's jobs and incidents, counted in the database by a few aggregate queries on the engine's
 * tables (indexed columns, no rows fetched): what the health indicator and the gauges report.
 */
@Component
class JobFigures {

    private final JdbcTemplate jdbc;
    private final Duration backlogAfter;

    JobFigures(JdbcTemplate jdbc, @Value("${tdkt.operations.job-backlog-after:PT5M}") Duration backlogAfter) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(5);
        this.backlogAfter = backlogAfter;
    }

    /** How long a job may wait past its due time, unacquired, before it counts as a backlog. */
    Duration backlogAfter() {
        return backlogAfter;
    }

    /**
     * Jobs due for longer than {@link #backlogAfter()} that no job executor holds: active, retries left,
     * not locked (or their lock expired). An asynchronous continuation is due from its creation.
     */
    long dueNotAcquired() {
        Instant now = WorkflowClock.now();
        return count("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
                + " and (lock_exp_time_ is null or lock_exp_time_ < ?) and coalesce(duedate_, create_time_) < ?",
                Timestamp.from(now), Timestamp.from(now.minus(backlogAfter)));
    }

    /** Jobs that failed at least once and will be retried on their diagram's schedule. */
    long failingWithRetriesLeft() {
        return count("select count(*) from act_ru_job where retries_ > 0 and exception_msg_ is not null");
    }

    /** Jobs whose retries ran out: each has an incident waiting for an administrator (Cockpit, Retry). */
    long failedWithoutRetries() {
        return count("select count(*) from act_ru_job where retries_ = 0");
    }

    /** Open incidents per type (failedJob, failedExternalTask, …). */
    Map<String, Long> openIncidents() {
        Map<String, Long> byType = new LinkedHashMap<>();
        byType.put("failedJob", 0L); // always reported, so that an alert rule finds the series at 0
        jdbc.query("select incident_type_, count(*) from act_ru_incident group by incident_type_ order by incident_type_",
                row -> {
                    byType.put(row.getString(1), row.getLong(2));
                });
        return byType;
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
