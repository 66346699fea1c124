package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.WorkflowDeployer;
import vn.dienbien.tdkt.modelling.DiagramText;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;

/** Engine REST behind basic auth, and a deployment from Camunda Modeler as administrators make it. */
@WorkflowTest
class EngineRestDeploymentTest {

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired WorkflowDeployer deployer;
    @Autowired LaunchPlanScenario scenario;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anonymousCallsAreRefused() {
        var response = rest.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aUnitOfficerCannotDeploy() throws IOException {
        var response = rest.withBasicAuth("canbo.syt", "demo")
                .postForEntity("/engine-rest/deployment/create", modelerDeployment("Sửa bởi đơn vị."), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aModelerDeploymentMakesExactlyOneNewVersionAndARestartNone() throws IOException {
        long before = versions();

        var response = rest.withBasicAuth("admin", "demo")
                .postForEntity("/engine-rest/deployment/create", modelerDeployment("Quy trình gửi kế hoạch, bản chỉnh sửa trong Camunda Modeler."), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("deployedProcessDefinitions");
        assertThat(versions()).isEqualTo(before + 1);
        var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("launch-plan")
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo((int) before + 1);

        // What a restart does, in either run mode: the application's own deployment changed nothing.
        deployer.deploy();
        deployer.deploy();
        assertThat(versions()).isEqualTo(before + 1);

        // Cases now run on the edited version, and its Camunda Forms still load: they are bound
        // to the latest form, not to the deployment that carried the diagram.
        var campaign = scenario.openCampaign(List.of());
        var instance = scenario.caseOf(campaign, "SNV");
        assertThat(instance.getProcessDefinitionId()).isEqualTo(latest.getId());
        scenario.clockAt(LocalDateTime.of(2031, 3, 2, 9, 0));
        scenario.sendPlan("canbo.snv", scenario.task(instance, "Task_SubmitPlan"), "3/KH-SNV");
        var review = scenario.task(instance, "Task_ReviewPlan");
        var form = rest.withBasicAuth("admin", "demo")
                .getForEntity("/engine-rest/task/" + review.getId() + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("launch-plan-review").contains("Kết quả thẩm định");
    }

    @Test
    void aMisspelledDelegateIsRefusedWithItsElementAndTheCorrectedDiagramDeploysOnce() throws IOException {
        long before = versions();
        String original = Files.readString(Path.of("bpmn/launch-plan.bpmn"), StandardCharsets.UTF_8)
                .replaceFirst("<bpmn:documentation>[^<]*</bpmn:documentation>",
                        "<bpmn:documentation>Bản sửa có lỗi chính tả rồi được sửa lại.</bpmn:documentation>");

        var refused = rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/deployment/create",
                deployment("launch-plan.bpmn", original.replace("${recordPlanSubmission}", "${recordPlanSubmision}")),
                String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String[] caller = DiagramText.holders(original, "${recordPlanSubmission}").get(0);
        assertThat(refused.getBody()).contains("Không triển khai được").contains(caller[0] + " «" + caller[1] + "»")
                .contains("recordPlanSubmision").contains("recordPlanSubmission")
                .doesNotContain("Exception").doesNotContain("org.camunda").doesNotContain("vn.dienbien")
                .doesNotContain("\tat ");
        assertThat(versions()).isEqualTo(before);

        var deployed = rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/deployment/create",
                deployment("launch-plan.bpmn", original), String.class);
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(versions()).isEqualTo(before + 1);
    }

    @Test
    void malformedXmlAndWhatOnlyTheEnginesParserRefusesAre400WithoutInternals() {
        String malformed = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process";
        var broken = rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/deployment/create",
                deployment("hong.bpmn", malformed), String.class);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody()).contains("hong.bpmn").contains("không đọc được")
                .doesNotContain("Exception").doesNotContain("org.").doesNotContain("SAX");

        // A service task with no implementation at all: the guard leaves it to the engine's parser.
        String unimplemented = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="guard-parser" name="Thử" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="Start" />
                    <bpmn:serviceTask id="Task_Nothing" name="Không làm gì" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        var parsed = rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/deployment/create",
                deployment("khong-lam-gi.bpmn", unimplemented), String.class);
        assertThat(parsed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(parsed.getBody()).contains("Camunda không đọc được sơ đồ").contains("Task_Nothing")
                .doesNotContain("Exception").doesNotContain("org.camunda");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("guard-parser").count()).isZero();
    }

    private long versions() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("launch-plan").count();
    }

    /** The multipart request Camunda Modeler sends when an administrator deploys one edited diagram. */
    private HttpEntity<LinkedMultiValueMap<String, Object>> modelerDeployment(String newDocumentation) throws IOException {
        String original = Files.readString(Path.of("bpmn/launch-plan.bpmn"), StandardCharsets.UTF_8);
        String bpmn = original.replaceFirst("<bpmn:documentation>[^<]*</bpmn:documentation>",
                "<bpmn:documentation>" + newDocumentation + "</bpmn:documentation>");
        assertThat(bpmn).isNotEqualTo(original);
        return deployment("launch-plan.bpmn", bpmn);
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> deployment(String fileName, String bpmn) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", fileName.replace(".bpmn", ""));
        body.add("deployment-source", "Camunda Modeler");
        body.add("deploy-changed-only", "true");
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_XML);
        body.add(fileName, new HttpEntity<>(new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, fileHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }
}
