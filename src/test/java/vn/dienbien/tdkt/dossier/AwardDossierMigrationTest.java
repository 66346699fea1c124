package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Cases of the award dossier started under the version where the eligibility check ran in a job of its own after
 * every confirmation move to the current version, where it runs in the confirmation's own step, as an administrator
 * moves them: waiting for the head, under appraisal (with their time-limit timers), returned to the unit, and one
 * waiting in that job (its table failed, say). That one goes to the step that checks again in a job, mapped by
 * hand: the engine keeps a waiting job only on a step that also waits in one.
 */
@WorkflowTest
class AwardDossierMigrationTest {

    private static final String BASE = "/api/process-migrations/processes/" + WorkflowKeys.AWARD_DOSSIER;
    private static final String CHECK = "Task_EvaluateRules";

    @Autowired DossierScenario scenario;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired TestRestTemplate rest;

    private byte[] currentXml;
    private boolean restored;

    @AfterEach
    void restoreTheProcedure() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        if (currentXml != null && !restored) {
            deploy(currentXml, "award-dossier (khôi phục sau kiểm thử chuyển phiên bản)");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void casesOfTheVersionWithTheCheckInAJobMoveToTheCurrentOneAndTheOneWaitingInThatJobToTheRetryStep()
            throws IOException {
        ProcessDefinition current = latest();
        try (InputStream in = repositoryService.getProcessModel(current.getId())) {
            currentXml = in.readAllBytes();
        }
        ProcessDefinition before = deploy(withTheCheckInAJob(currentXml),
                "award-dossier (phiên bản trước: kiểm tra điều kiện trong tác vụ nền)");

        scenario.clockAt(LocalDateTime.of(2024, 1, 29, 9, 0));
        Long atHead = scenario.propose("canbo.syt", scenario.individualCertificate(name("Lò Văn Đợi"), List.of(2022, 2023), 2, 2023));
        Long atBoard = scenario.propose("canbo.syt", scenario.individualCertificate(name("Quàng Thị Xét"), List.of(2022, 2023), 2, 2023));
        Long atUnit = scenario.propose("canbo.syt", scenario.individualCertificate(name("Cà Văn Bổ"), List.of(2022, 2023), 2, 2023));
        Long atJob = scenario.propose("canbo.syt", scenario.individualCertificate(name("Lường Thị Chờ"), List.of(2022, 2023), 2, 2023));
        for (Long id : List.of(atBoard, atUnit, atJob)) {
            scenario.completeAs("lanhdao.syt", scenario.task(id, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));
        }
        assertThat(scenario.task(atBoard, "Task_Appraise")).as("the earlier version checks in a job").isNull();
        assertThat(jobsAt(atBoard, CHECK)).isEqualTo(1);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(case_(atBoard)).activityId(CHECK)
                .singleResult().getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(case_(atUnit)).activityId(CHECK)
                .singleResult().getId());
        scenario.appraise(atUnit, "RETURN", "Bổ sung biên bản họp Hội đồng cơ sở.");
        List<String> cases = List.of(case_(atHead), case_(atBoard), case_(atUnit), case_(atJob));
        cases.forEach(id -> assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                .getProcessDefinitionId()).isEqualTo(before.getId()));
        List<Date> boardTimers = scenario.timers(atBoard).stream().map(Job::getDuedate).toList();
        assertThat(boardTimers).hasSize(2);

        ProcessDefinition after = deploy(currentXml, "award-dossier (phiên bản hiện hành, kiểm thử chuyển phiên bản)");
        restored = true;

        // Steps matched by id: the step that now runs at once is left unmapped, with the case waiting in its job.
        Map<String, Object> plan = post(BASE + "/plan", Map.of("fromVersion", before.getVersion())).getBody();
        assertThat((List<Map<String, Object>>) plan.get("unmapped")).as("%s", plan)
                .anySatisfy(step -> {
                    assertThat(step.get("activityId")).isEqualTo(CHECK);
                    assertThat(step.get("cases")).isEqualTo(1);
                })
                .allSatisfy(step -> assertThat(step.get("cases")).isIn(0, 1));
        assertThat((List<?>) plan.get("problems")).as("%s", plan).isEmpty();

        // Mapped by hand to "Kiểm tra lại điều kiện khen thưởng (tác vụ nền)": all four move.
        List<Map<String, String>> byHand = List.of(Map.of("from", CHECK, "to", "Task_EvaluateRulesInJob"));
        Map<String, Object> mapped = post(BASE + "/plan", Map.of("fromVersion", before.getVersion(), "mappings", byHand))
                .getBody();
        assertThat((List<Map<String, Object>>) mapped.get("unmapped")).as("%s", mapped)
                .allSatisfy(step -> assertThat(step.get("cases")).isEqualTo(0));
        assertThat((List<?>) mapped.get("problems")).as("%s", mapped).isEmpty();
        var moved = post(BASE + "/migrations", Map.of("fromVersion", before.getVersion(), "mappings", byHand,
                "caseIds", cases));
        assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(201);
        cases.forEach(id -> assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                .getProcessDefinitionId()).isEqualTo(after.getId()));
        assertThat(scenario.timers(atBoard)).extracting(Job::getDuedate).as("the time limit keeps its dates")
                .containsExactlyElementsOf(boardTimers);
        assertThat(jobsAt(atJob, "Task_EvaluateRulesInJob")).as("the waiting job moved with its case").isEqualTo(1);

        // Each goes on under the new version.
        scenario.clockAt(LocalDateTime.of(2024, 1, 30, 9, 0));
        assertThat(scenario.runAppraisalJob(atJob)).isEqualTo(1);
        scenario.completeAs("lanhdao.syt", scenario.task(atHead, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));
        assertThat(scenario.task(atHead, "Task_Appraise")).as("now in the confirmation's own step").isNotNull();
        scenario.completeAs("canbo.syt", scenario.task(atUnit, "Task_Supplement"),
                Map.of("supplementNote", "Đã bổ sung biên bản."));
        for (Long id : List.of(atHead, atBoard, atUnit, atJob)) {
            assertThat(jobsAt(id, CHECK)).isZero();
            scenario.appraise(id, "ACCEPT", null);
            assertThat(scenario.dossier(id).getStatus()).isEqualTo(DossierStatus.ACCEPTED);
        }
    }

    /** The version before: the eligibility check runs in a job of the case after every confirmation. */
    private static byte[] withTheCheckInAJob(byte[] xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        ServiceTask check = model.getModelElementById(CHECK);
        assertThat(check.isCamundaAsyncBefore()).as("the current diagram checks in the confirmation's step").isFalse();
        check.setCamundaAsyncBefore(true);
        return Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long jobsAt(Long dossierId, String activity) {
        return managementService.createJobQuery().processInstanceId(case_(dossierId)).activityId(activity).count();
    }

    private ProcessDefinition deploy(byte[] xml, String name) {
        return repositoryService.createDeployment().name(name)
                .addInputStream("bpmn/award-dossier.bpmn", new ByteArrayInputStream(xml)).deployWithResult()
                .getDeployedProcessDefinitions().get(0);
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(WorkflowKeys.AWARD_DOSSIER)
                .latestVersion().singleResult();
    }

    private String case_(Long dossierId) {
        return scenario.dossier(dossierId).getProcessInstanceId();
    }

    private static String name(String base) {
        return base + " " + System.nanoTime() % 100000;
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String path, Map<String, ?> body) {
        return rest.withBasicAuth("admin", "demo").postForEntity(path, new HttpEntity<>(body, ApiClient.jsonHeaders()),
                Map.class);
    }
}
