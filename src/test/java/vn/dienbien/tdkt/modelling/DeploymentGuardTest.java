package vn.dienbien.tdkt.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.Refusal;

/**
 * Each kind of mistake the deployment guard refuses, posted as Camunda Modeler posts a diagram: 400, the
 * element's id and name and what it names, nothing deployed. And what it must let through: listeners of
 * existing beans, pools and lanes, expressions for groups, dates and timers.
 */
@WorkflowTest
class DeploymentGuardTest {

    private static final String USER_TASK = "camunda:candidateGroups=\"ban-tdkt\" "
            + "camunda:formKey=\"embedded:/forms/launch-plan-submit.html\"";

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("Task_Probe", "Ghi nhận thử", "\"recordPlanSubmision\"", """
                        <bpmn:serviceTask id="Task_Probe" name="Ghi nhận thử" camunda:delegateExpression="${recordPlanSubmision}" />"""),
                mistake("Task_Listened", "Nhiệm vụ có bộ lắng nghe", "\"ballotTaskCreatd\"", """
                        <bpmn:userTask id="Task_Listened" name="Nhiệm vụ có bộ lắng nghe" %s>
                          <bpmn:extensionElements>
                            <camunda:taskListener event="create" delegateExpression="${ballotTaskCreatd}" />
                          </bpmn:extensionElements>
                        </bpmn:userTask>""".formatted(USER_TASK)),
                mistake("Task_WrongKind", "Sai loại bean", "task listener", """
                        <bpmn:userTask id="Task_WrongKind" name="Sai loại bean" %s>
                          <bpmn:extensionElements>
                            <camunda:taskListener event="complete" delegateExpression="${dataSource}" />
                          </bpmn:extensionElements>
                        </bpmn:userTask>""".formatted(USER_TASK)),
                mistake("Task_Class", "Lớp Java", "camunda:class", """
                        <bpmn:userTask id="Task_Class" name="Lớp Java" %s>
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start" class="com.example.Listener" />
                          </bpmn:extensionElements>
                        </bpmn:userTask>""".formatted(USER_TASK)),
                mistake("Task_ScriptListener", "Kịch bản", "script", """
                        <bpmn:userTask id="Task_ScriptListener" name="Kịch bản" %s>
                          <bpmn:extensionElements>
                            <camunda:executionListener event="end">
                              <camunda:script scriptFormat="javascript">execution.setVariable('x', 1)</camunda:script>
                            </camunda:executionListener>
                          </bpmn:extensionElements>
                        </bpmn:userTask>""".formatted(USER_TASK)),
                mistake("Task_Script", "Tính bằng kịch bản", "script", """
                        <bpmn:scriptTask id="Task_Script" name="Tính bằng kịch bản" scriptFormat="javascript">
                          <bpmn:script>1 + 1</bpmn:script>
                        </bpmn:scriptTask>"""),
                mistake("Task_Expression", "Gửi thư", "\"mailer\"", """
                        <bpmn:serviceTask id="Task_Expression" name="Gửi thư" camunda:expression="${mailer.send(execution)}" />"""),
                mistake("Task_FormRef", "Biểu mẫu thiếu", "\"khong-co-bieu-mau\"", """
                        <bpmn:userTask id="Task_FormRef" name="Biểu mẫu thiếu" camunda:candidateGroups="ban-tdkt"
                            camunda:formRef="khong-co-bieu-mau" camunda:formRefBinding="latest" />"""),
                mistake("Task_Embedded", "Biểu mẫu nhúng thiếu", "/forms/khong-co.html", """
                        <bpmn:userTask id="Task_Embedded" name="Biểu mẫu nhúng thiếu" camunda:candidateGroups="ban-tdkt"
                            camunda:formKey="embedded:/forms/khong-co.html" />"""),
                mistake("Task_AppForm", "Biểu mẫu app", "app:", """
                        <bpmn:userTask id="Task_AppForm" name="Biểu mẫu app" camunda:candidateGroups="ban-tdkt"
                            camunda:formKey="embedded:app:forms/launch-plan-submit.html" />"""),
                mistake("Task_DeploymentForm", "Biểu mẫu theo lần triển khai", "forms/khong-kem.html", """
                        <bpmn:userTask id="Task_DeploymentForm" name="Biểu mẫu theo lần triển khai" camunda:candidateGroups="ban-tdkt"
                            camunda:formKey="embedded:deployment:forms/khong-kem.html" />"""),
                mistake("Task_Decide", "Xét điều kiện", "\"khong-co-bang\"", """
                        <bpmn:businessRuleTask id="Task_Decide" name="Xét điều kiện" camunda:decisionRef="khong-co-bang"
                            camunda:resultVariable="result" camunda:mapDecisionResult="collectEntries" />"""),
                mistake("Task_Group", "Nhóm gõ sai", "\"ban-tdtk\"", """
                        <bpmn:userTask id="Task_Group" name="Nhóm gõ sai" camunda:candidateGroups="ban-tdtk"
                            camunda:formKey="embedded:/forms/launch-plan-submit.html" />"""),
                mistake("Task_GroupBean", "Nhóm theo cụm", "\"blockEvaluation\"", """
                        <bpmn:userTask id="Task_GroupBean" name="Nhóm theo cụm" camunda:candidateGroups="${blockEvaluation.groupOf(unitCode)}"
                            camunda:formKey="embedded:/forms/launch-plan-submit.html" />"""),
                mistake("Task_Nobody", "Không giao cho ai", "candidateGroups", """
                        <bpmn:userTask id="Task_Nobody" name="Không giao cho ai" camunda:formKey="embedded:/forms/launch-plan-submit.html" />"""),
                mistake("Task_NoForm", "Không có biểu mẫu", "biểu mẫu", """
                        <bpmn:userTask id="Task_NoForm" name="Không có biểu mẫu" camunda:candidateGroups="ban-tdkt" />"""),
                mistake("Task_DueTypo", "Hạn gõ sai", "\"launchPlanSchedule\"", """
                        <bpmn:userTask id="Task_DueTypo" name="Hạn gõ sai" %s camunda:dueDate="${launchPlanSchedul}" />"""
                        .formatted(USER_TASK)),
                mistake("Timer_Date", "Ngày hẹn", "30/03/2026", timer("Timer_Date", "Ngày hẹn", "timeDate", "30/03/2026")),
                mistake("Timer_Duration", "Sau ba ngày", "P3X", timer("Timer_Duration", "Sau ba ngày", "timeDuration", "P3X")),
                mistake("Timer_Cycle", "Hằng ngày", "mỗi ngày", timer("Timer_Cycle", "Hằng ngày", "timeCycle", "mỗi ngày")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsRefusedWithItsElementNamed(String id, String name, String named, String elements) {
        long before = repositoryService.createDeploymentQuery().count();

        var response = post(diagram("camunda:historyTimeToLive=\"30\"", elements));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("org.camunda").doesNotContain("vn.dienbien");
        assertThat(message(response)).contains("Không triển khai được").contains(id + " «" + name + "»").contains(named);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() {
        var response = post(diagram("", """
                <bpmn:userTask id="Task_Ok" name="Nhiệm vụ đúng" %s />""".formatted(USER_TASK)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(response)).contains("guard-probe «Thử bảo vệ triển khai»").contains("historyTimeToLive");
    }

    @Test
    void theApplicationsOwnDeploymentIsRefusedTheSameWay() {
        String bpmn = diagram("camunda:historyTimeToLive=\"30\"", """
                <bpmn:serviceTask id="Task_Probe" name="Ghi nhận thử" camunda:delegateExpression="${recordPlanSubmision}" />""");

        assertThatThrownBy(() -> repositoryService.createDeployment().name("guard-probe")
                .addString("guard-probe.bpmn", bpmn).deploy())
                .satisfies(thrown -> {
                    Refusal refusal = Refusal.of(thrown);
                    assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(refusal.message()).contains("Task_Probe").contains("recordPlanSubmision");
                });
    }

    @Test
    void listenersOfExistingBeansPoolsLanesAndExpressionsPass() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Guard" targetNamespace="http://dienbien.gov.vn/tdkt">
                  <bpmn:collaboration id="Collaboration_Guard">
                    <bpmn:participant id="Participant_Board" name="Ban Thi đua – Khen thưởng" processRef="guard-probe" />
                    <bpmn:participant id="Participant_Unit" name="Đơn vị" />
                    <bpmn:messageFlow id="MessageFlow_Plan" sourceRef="Participant_Unit" targetRef="Task_Ok" />
                  </bpmn:collaboration>
                  <bpmn:process id="guard-probe" name="Thử bảo vệ triển khai" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:extensionElements>
                      <camunda:executionListener event="start" delegateExpression="${linkLaunchPlanCase}" />
                    </bpmn:extensionElements>
                    <bpmn:laneSet id="LaneSet_Guard">
                      <bpmn:lane id="Lane_Board" name="Ban TĐKT">
                        <bpmn:flowNodeRef>Start</bpmn:flowNodeRef>
                        <bpmn:flowNodeRef>Task_Ok</bpmn:flowNodeRef>
                        <bpmn:flowNodeRef>Timer_Ok</bpmn:flowNodeRef>
                        <bpmn:flowNodeRef>End</bpmn:flowNodeRef>
                      </bpmn:lane>
                    </bpmn:laneSet>
                    <bpmn:startEvent id="Start" name="Bắt đầu">
                      <bpmn:outgoing>Flow_1</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Ok" />
                    <bpmn:userTask id="Task_Ok" name="Gửi ${roundSubject}" camunda:candidateGroups="${unitGroup}, ban-tdkt"
                        camunda:formKey="embedded:/forms/launch-plan-submit.html" camunda:dueDate="${deadline}">
                      <bpmn:extensionElements>
                        <camunda:taskListener event="create" delegateExpression="${ballotTaskCreated}" />
                        <camunda:executionListener event="end" expression="${execution.setVariable('sent', true)}" />
                      </bpmn:extensionElements>
                      <bpmn:incoming>Flow_1</bpmn:incoming>
                      <bpmn:outgoing>Flow_2</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Ok" targetRef="Timer_Ok" />
                    <bpmn:intermediateCatchEvent id="Timer_Ok" name="Chờ">
                      <bpmn:incoming>Flow_2</bpmn:incoming>
                      <bpmn:outgoing>Flow_3</bpmn:outgoing>
                      <bpmn:timerEventDefinition id="TimerEventDefinition_Ok">
                        <bpmn:timeDuration>PT1H</bpmn:timeDuration>
                      </bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="Timer_Ok" targetRef="End" />
                    <bpmn:endEvent id="End" name="Xong">
                      <bpmn:incoming>Flow_3</bpmn:incoming>
                    </bpmn:endEvent>
                  </bpmn:process>
                </bpmn:definitions>
                """;

        var response = post(bpmn);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("guard-probe")
                .latestVersion().singleResult();
        repositoryService.deleteDeployment(definition.getDeploymentId(), true);
    }

    private static String message(org.springframework.http.ResponseEntity<String> response) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).path("message").asText();
        } catch (java.io.IOException notJson) {
            throw new AssertionError(response.getBody(), notJson);
        }
    }

    private static Arguments mistake(String id, String name, String named, String elements) {
        return Arguments.of(id, name, named, elements);
    }

    private static String timer(String id, String name, String kind, String value) {
        return """
                <bpmn:intermediateCatchEvent id="%s" name="%s">
                  <bpmn:timerEventDefinition id="TimerEventDefinition_%s">
                    <bpmn:%s>%s</bpmn:%s>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>""".formatted(id, name, id, kind, value, kind);
    }

    private static String diagram(String processAttributes, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Guard" targetNamespace="http://dienbien.gov.vn/tdkt">
                  <bpmn:process id="guard-probe" name="Thử bảo vệ triển khai" isExecutable="true" %s>
                    <bpmn:startEvent id="Start" name="Bắt đầu" />
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processAttributes, elements);
    }

    private org.springframework.http.ResponseEntity<String> post(String bpmn) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "guard-probe");
        body.add("deployment-source", "Camunda Modeler");
        body.add("deploy-changed-only", "true");
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_XML);
        body.add("guard-probe.bpmn", new HttpEntity<>(new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "guard-probe.bpmn";
            }
        }, fileHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class);
    }
}
