package vn.dienbien.tdkt.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * Vận hành: the health summary for anyone, its components for administrators, and the workflow's gauges in
 * Prometheus format with the values the engine holds.
 */
@WorkflowTest
class OperatorEndpointsTest {

    @Autowired TestRestTemplate rest;
    @Autowired ApiClient api;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired WorkflowMetrics metrics;

    @Test
    void anyoneSeesTheSummaryAndAdministratorsSeeTheDatabaseAndTheJobExecutor() {
        var anonymous = rest.getForEntity("/actuator/health", Map.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
        assertThat(anonymous.getBody()).containsEntry("status", "UP").doesNotContainKey("components");

        var official = rest.withBasicAuth("canbo.syt", "demo").getForEntity("/actuator/health", Map.class);
        assertThat(official.getBody()).containsEntry("status", "UP").doesNotContainKey("components");

        var admin = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", Map.class);
        assertThat(admin.getBody()).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) admin.getBody().get("components");
        assertThat(components.get("db")).containsEntry("status", "UP");
        // The tests run without the job executor: switched off by configuration, so UNKNOWN, with its figures.
        assertThat(components.get("jobExecutor")).containsEntry("status", "UNKNOWN");
        @SuppressWarnings("unchecked")
        Map<String, Object> jobs = (Map<String, Object>) components.get("jobExecutor").get("details");
        assertThat(jobs).containsEntry("active", false).containsKeys("dueNotAcquired", "failedWithoutRetries");
        assertThat(components).as("mail is checked only when notifications are mailed").doesNotContainKey("mail");
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        var official = rest.withBasicAuth("bantdkt", "demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(official.getStatusCode().value()).isEqualTo(403);
        assertThat(official.getBody()).contains("quản trị hệ thống");
        assertThat(rest.withBasicAuth("admin", "sai-mat-khau").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void prometheusGivesTasksOpenAndOverduePerGroupJobsIncidentsAndRequestLatency() {
        var campaign = api.openCampaign("CHISO");
        String planCase = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.caseKey("SYT"))
                .singleResult().getId();
        Task plan = taskService.createTaskQuery().processInstanceId(planCase).singleResult();
        taskService.setDueDate(plan.getId(), new Date(System.currentTimeMillis() - 86_400_000L));
        Incident incident = runtimeService.createIncident("kiemThuChiSo", plan.getExecutionId(), "chi-so", "Sự cố kiểm thử chỉ số");
        try {
            metrics.refresh();
            String text = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class).getBody();

            long openSyt = taskService.createTaskQuery().taskCandidateGroup("donvi.syt").count();
            long overdueSyt = taskService.createTaskQuery().taskCandidateGroup("donvi.syt").dueBefore(new Date()).count();
            assertThat(openSyt).isPositive();
            assertThat(overdueSyt).isPositive();
            assertThat(value(text, "tdkt_tasks_open_tasks", "group=\"donvi.syt\"")).isEqualTo(openSyt);
            assertThat(value(text, "tdkt_tasks_overdue_tasks", "group=\"donvi.syt\"")).isEqualTo(overdueSyt);
            assertThat(value(text, "tdkt_tasks_open_tasks", "group=\"donvi.stc\""))
                    .isEqualTo(taskService.createTaskQuery().taskCandidateGroup("donvi.stc").count());
            assertThat(value(text, "tdkt_incidents_open", "type=\"kiemThuChiSo\"")).isEqualTo(
                    runtimeService.createIncidentQuery().incidentType("kiemThuChiSo").count());
            assertThat(value(text, "tdkt_incidents_open", "type=\"failedJob\"")).isEqualTo(
                    runtimeService.createIncidentQuery().incidentType("failedJob").count());
            assertThat(value(text, "tdkt_jobs_failing", null)).isNotNegative();
            assertThat(value(text, "tdkt_jobs_failed", null)).isNotNegative();
            assertThat(value(text, "tdkt_jobs_due_not_acquired", null)).isNotNegative();
            assertThat(text).contains("http_server_requests_seconds_count{").contains("uri=\"/api/campaigns\"");
            // Not a timer around every repository call (issue 12): the steps above made many.
            assertThat(text).doesNotContain("spring_data_repository_invocations");
            // Nor a Logback turbo filter under every log level check, nor timers around every connection taken
            // from the pool; the pool's gauges stay.
            assertThat(text).doesNotContain("logback_events_total")
                    .doesNotContain("hikaricp_connections_acquire_seconds")
                    .doesNotContain("hikaricp_connections_usage_seconds")
                    .contains("hikaricp_connections_active{").contains("hikaricp_connections_pending{");
        } finally {
            runtimeService.resolveIncident(incident.getId());
        }
    }

    /** The value of a sample (the first whose labels contain {@code label}), as a whole number. */
    private static long value(String text, String name, String label) {
        Matcher sample = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        while (sample.find()) {
            if (label == null || (sample.group(1) != null && sample.group(1).contains(label))) {
                return Math.round(Double.parseDouble(sample.group(2)));
            }
        }
        throw new AssertionError(name + (label == null ? "" : "{" + label + "}") + " not in:\n"
                + text.lines().filter(l -> l.startsWith("tdkt_")).reduce("", (a, b) -> a + b + "\n"));
    }
}
