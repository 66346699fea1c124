package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Auditors and the Fatherland Front read every case but change none through the engine's REST:
 * completing a task, setting a variable, deleting or modifying a case or its history is a 403 with a
 * Vietnamese message, and the case and its seals are as before.
 */
@WorkflowTest
class OversightChangesNothingTest {

    @Autowired CouncilScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    @ParameterizedTest
    @ValueSource(strings = {"kiemtoan", "mttq.giamsat"})
    void oversightRolesChangeNothingThroughTheEngineRest(String user) {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 8, 5, 9, 0));
        Long a = scenario.acceptedCertificate("Tòng Văn Chỉ");
        Long sessionId = scenario.open("Phiên họp kiểm tra quyền " + user, java.time.LocalDate.of(2024, 8, 20), List.of(a));
        String instance = scenario.processOf(sessionId);
        String taskId = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Vote")
                .list().get(0).getId();
        int ledgerBefore = jdbc.queryForObject("select count(*) from audit_seal where case_id = ?", Integer.class, instance);

        var json = ApiClient.jsonHeaders();
        List<org.springframework.http.ResponseEntity<Map>> answers = List.of(
                api.as(user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                        new HttpEntity<>("{\"variables\":{}}", json), Map.class),
                api.as(user).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                        new HttpEntity<>("{\"userId\":\"" + user + "\"}", json), Map.class),
                api.as(user).exchange("/engine-rest/process-instance/" + instance + "/variables/sessionId", HttpMethod.PUT,
                        new HttpEntity<>("{\"value\": 1, \"type\": \"Long\"}", json), Map.class),
                api.as(user).exchange("/engine-rest/process-instance/" + instance, HttpMethod.DELETE, null, Map.class),
                api.as(user).exchange("/engine-rest/process-instance/" + instance + "/modification", HttpMethod.POST,
                        new HttpEntity<>("{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_Vote\"}]}", json),
                        Map.class),
                api.as(user).exchange("/engine-rest/history/process-instance/" + instance, HttpMethod.DELETE, null, Map.class));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getBody().get("message").toString()).matches(".*[àáảãạăâđèéêìíòóôơùúưỳý].*");
        });

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNotEqualTo(user);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from audit_seal where case_id = ?", Integer.class, instance))
                .as("nothing changed, nothing sealed").isEqualTo(ledgerBefore);
    }
}
