package vn.dienbien.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two people (or two browser tabs) completing the same task at the same instant: one wins, the
 * other is told in Vietnamese that someone else completed it (409), and the case goes on once.
 */
@WorkflowTest
class ConcurrentCompletionTest {

    private static final int ROUNDS = 20;

    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    @Test
    void twentyRoundsOfTwoSimultaneousCompletionsGiveOneSuccessOneConflictAndOneContinuation() throws Exception {
        var campaign = api.openCampaign("DONGTHOI");
        LocalDate today = campaign.today();
        List<String> units = jdbc.queryForList("select code from org_unit order by code", String.class).subList(0, ROUNDS);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        int successes = 0;
        int conflicts = 0;
        List<String> others = new ArrayList<>();
        try {
            for (String unit : units) {
                String officer = "canbo." + unit.toLowerCase();
                var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.caseKey(unit))
                        .singleResult();
                String task = taskService.createTaskQuery().processInstanceId(instance.getId())
                        .taskDefinitionKey("Task_SubmitPlan").singleResult().getId();
                long document = api.uploadPdf(officer, "ke-hoach.pdf");
                String body = """
                        {"variables": {"planNumber": {"value": "%d/KH-%s"}, "planDate": {"value": "%s"},
                         "planSummary": {"value": "Phát động thi đua năm 2031."},
                         "planDocumentId": {"value": %d, "type": "Long"}}}""".formatted(ROUNDS, unit, today.minusDays(1), document);

                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> both = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return complete(officer, task, body);
                    }));
                }
                start.countDown();
                for (var answer : both) {
                    var response = answer.get(60, TimeUnit.SECONDS);
                    int status = response.getStatusCode().value();
                    if (status == 204) {
                        successes++;
                    } else if (status == 409 && response.getBody().contains("người khác") && response.getBody().contains("Nhiệm vụ")) {
                        conflicts++;
                    } else {
                        others.add(unit + ": " + status + " " + response.getBody());
                    }
                }
                assertThat(others).as("answers other than success and conflict").isEmpty();
                long sent = jdbc.queryForObject("select count(*) from launch_plan_submission s join launch_plan p "
                        + "on p.id = s.launch_plan_id where p.process_instance_id = ?", Long.class, instance.getId());
                long reviews = taskService.createTaskQuery().processInstanceId(instance.getId())
                        .taskDefinitionKey("Task_ReviewPlan").count();
                assertThat(sent).as("%s: plans recorded", unit).isEqualTo(1);
                assertThat(reviews).as("%s: review tasks", unit).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("Concurrent completions: %d rounds, %d succeeded, %d refused with 409, %d other answers%n",
                ROUNDS, successes, conflicts, others.size());
        assertThat(others).isEmpty();
        assertThat(successes).isEqualTo(ROUNDS);
        assertThat(conflicts).isEqualTo(ROUNDS);
    }

    private ResponseEntity<String> complete(String user, String task, String body) {
        return api.as(user).exchange("/engine-rest/task/" + task + "/complete", HttpMethod.POST,
                new HttpEntity<>(body, ApiClient.jsonHeaders()), String.class);
    }
}
