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
 * Cases of the award dossier started before the eligibility check ran in a job of its own (the version where the
 * head's click created the Board's task) move to the current version as an administrator moves them: waiting for
 * the head, under appraisal (with their time-limit timers) or returned to the unit, and run on to the Board.
 */
@WorkflowTest
class AwardDossierMigrationTest {

    private static final String BASE = "/api/process-migrations/processes/" + WorkflowKeys.AWARD_DOSSIER;

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
    void casesAtTheHeadTheBoardAndTheUnitMoveToTheVersionWithTheCheckInAJobAndGoOn() throws IOException {
        ProcessDefinition current = latest();
        try (InputStream in = repositoryService.getProcessModel(current.getId())) {
            currentXml = in.readAllBytes();
        }
        ProcessDefinition before = deploy(withoutTheJob(currentXml), "award-dossier (phiên bản trước: kiểm tra trong lúc xác nhận)");

        scenario.clockAt(LocalDateTime.of(2024, 1, 29, 9, 0));
        Long atHead = scenario.propose("canbo.syt", scenario.individualCertificate(name("Lò Văn Đợi"), List.of(2022, 2023), 2, 2023));
        Long atBoard = scenario.propose("canbo.syt", scenario.individualCertificate(name("Quàng Thị Xét"), List.of(2022, 2023), 2, 2023));
        Long atUnit = scenario.propose("canbo.syt", scenario.individualCertificate(name("Cà Văn Bổ"), List.of(2022, 2023), 2, 2023));
        scenario.completeAs("lanhdao.syt", scenario.task(atBoard, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));
        scenario.completeAs("lanhdao.syt", scenario.task(atUnit, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));
        assertThat(scenario.task(atBoard, "Task_Appraise")).as("the earlier version gives the Board its task at once")
                .isNotNull();
        scenario.appraise(atUnit, "RETURN", "Bổ sung biên bản họp Hội đồng cơ sở.");
        List<String> cases = List.of(case_(atHead), case_(atBoard), case_(atUnit));
        cases.forEach(id -> assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                .getProcessDefinitionId()).isEqualTo(before.getId()));
        List<Date> boardTimers = scenario.timers(atBoard).stream().map(Job::getDuedate).toList();
        assertThat(boardTimers).hasSize(2);

        ProcessDefinition after = deploy(currentXml, "award-dossier (phiên bản hiện hành, kiểm thử chuyển phiên bản)");
        restored = true;

        // Every step a case waits in has the same id in the new version: nothing to map by hand.
        Map<String, Object> plan = post(BASE + "/plan", Map.of("fromVersion", before.getVersion())).getBody();
        assertThat((List<?>) plan.get("unmapped")).as("%s", plan).isEmpty();
        assertThat((List<?>) plan.get("problems")).as("%s", plan).isEmpty();
        var moved = post(BASE + "/migrations", Map.of("fromVersion", before.getVersion(), "caseIds", cases));
        assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(201);
        cases.forEach(id -> assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                .getProcessDefinitionId()).isEqualTo(after.getId()));
        assertThat(scenario.timers(atBoard)).extracting(Job::getDuedate).as("the time limit keeps its dates")
                .containsExactlyElementsOf(boardTimers);

        // Each goes on under the new version.
        scenario.clockAt(LocalDateTime.of(2024, 1, 30, 9, 0));
        scenario.completeAs("lanhdao.syt", scenario.task(atHead, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));
        assertThat(scenario.task(atHead, "Task_Appraise")).as("now in the case's job").isNull();
        assertThat(scenario.runAppraisalJob(atHead)).isEqualTo(1);
        scenario.appraise(atHead, "ACCEPT", null);
        scenario.appraise(atBoard, "ACCEPT", null);
        scenario.completeAs("canbo.syt", scenario.task(atUnit, "Task_Supplement"),
                Map.of("supplementNote", "Đã bổ sung biên bản."));
        assertThat(scenario.runAppraisalJob(atUnit)).isEqualTo(1);
        scenario.appraise(atUnit, "ACCEPT", null);
        for (Long id : List.of(atHead, atBoard, atUnit)) {
            assertThat(scenario.dossier(id).getStatus()).isEqualTo(DossierStatus.ACCEPTED);
        }
    }

    /** The version before: the eligibility check runs in the completing transaction (no asyncBefore, no retries). */
    private static byte[] withoutTheJob(byte[] xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        ServiceTask check = model.getModelElementById(AppraisalJobs.ACTIVITY);
        assertThat(check.isCamundaAsyncBefore()).as("the current diagram runs the check in a job").isTrue();
        check.setCamundaAsyncBefore(false);
        check.removeChildElement(check.getExtensionElements());
        return Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
