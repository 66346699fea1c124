package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.ApiException;

/** A unit's officer proposes from Tasklist's start form, with the officer's own authorizations. */
@WorkflowTest
class DossierStartFormTest {

    @Autowired DossierScenario scenario;
    @Autowired DossierRepository dossiers;
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ObjectMapper json;
    @Autowired HistoryService historyService;
    @Autowired AuthorizationService authorizationService;

    @Test
    void theStartFormsProposalBecomesTheDossierOfThatCase() throws Exception {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
        String name = "Lầu A Vàng " + System.nanoTime() % 100000;
        String proposal = json.writeValueAsString(scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023));

        var instance = startAs("canbo.syt", proposal);

        var dossier = dossiers.findAll().stream().filter(d -> d.getNomineeName().equals(name)).findFirst().orElseThrow();
        assertThat(dossier.getProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo("HS-" + dossier.getId() + " | SYT");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getName())
                .isEqualTo("Thủ trưởng xác nhận hồ sơ: " + name);
        assertThat(runtimeService.getVariable(instance.getId(), "proposalJson")).as("kept only in history").isNull();
    }

    @Test
    void aDossierSentThroughTheApiEntersAtTheSameStartEventAsOneFromTheStartForm() throws Exception {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
        String fromForm = "Vàng A Chứ " + System.nanoTime() % 100000;
        String fromApi = "Giàng A Pháo " + System.nanoTime() % 100000;

        var formCase = startAs("canbo.syt", json.writeValueAsString(
                scenario.individualCertificate(fromForm, List.of(2022, 2023), 2, 2023)));
        Long apiDossier = scenario.propose("canbo.syt", scenario.individualCertificate(fromApi, List.of(2022, 2023), 2, 2023));
        String apiCase = dossiers.findById(apiDossier).orElseThrow().getProcessInstanceId();

        for (String caseId : List.of(formCase.getId(), apiCase)) {
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(caseId)
                    .orderPartiallyByOccurrence().asc().list())
                    .extracting(HistoricActivityInstance::getActivityId)
                    .containsExactly("StartEvent_Proposed", "Task_HeadConfirm");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(apiCase).singleResult()
                .getBusinessKey()).isEqualTo("HS-" + apiDossier + " | SYT");
        assertThat(runtimeService.getVariable(apiCase, "dossierId")).isEqualTo(apiDossier);
        var apiTask = taskService.createTaskQuery().processInstanceId(apiCase).singleResult();
        assertThat(apiTask.getName()).isEqualTo("Thủ trưởng xác nhận hồ sơ: " + fromApi);
        assertThat(apiTask.getDescription()).endsWith(" – Sở Y tế");
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(apiTask.getId()).singleResult().getName())
                .isEqualTo("Thủ trưởng xác nhận hồ sơ: " + fromApi);
        assertThat(scenario.dossier(apiDossier).getStatus()).isEqualTo(DossierStatus.AWAITING_HEAD);
    }

    /**
     * A case started on the earlier diagram, whose "Kiểm tra và ghi nhận hồ sơ đề nghị" and "Ghi nhận
     * xác nhận" were service tasks, keeps running: the same beans serve as its delegates.
     */
    @Test
    void aCaseOnTheEarlierDiagramStillRecordsThroughTheSameBeans() throws Exception {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
        String name = "Sùng A Lử " + System.nanoTime() % 100000;
        byte[] earlier;
        try (var in = getClass().getResourceAsStream("/earlier-versions/award-dossier-earlier.bpmn")) {
            earlier = in.readAllBytes();
        }
        var deployment = repositoryService.createDeployment().name("award-dossier-earlier")
                .addInputStream("award-dossier-earlier.bpmn", new java.io.ByteArrayInputStream(earlier)).deploy();
        // The officer may start the earlier diagram as they may start the current one.
        var mayStart = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        mayStart.setUserId("canbo.syt");
        mayStart.setResource(Resources.PROCESS_DEFINITION);
        mayStart.setResourceId("award-dossier-earlier");
        mayStart.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(mayStart);
        try {
            String definitionId = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
                    .singleResult().getId();
            identityService.setAuthentication("canbo.syt", scenario.user("canbo.syt").groupIds());
            org.camunda.bpm.engine.runtime.ProcessInstance instance;
            try {
                instance = formService.submitStartForm(definitionId, Map.of("proposalJson", json.writeValueAsString(
                        scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023))));
            } finally {
                identityService.clearAuthentication();
            }
            var head = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(head.getName()).isEqualTo("Thủ trưởng xác nhận hồ sơ: " + name);

            scenario.completeAs("lanhdao.syt", head, Map.of("headDecision", "CONFIRM"));

            var dossier = dossiers.findByProcessInstanceId(instance.getId()).orElseThrow();
            assertThat(dossier.getStatus()).isEqualTo(DossierStatus.UNDER_APPRAISAL);
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId("Task_RecordHead").finished().count()).isEqualTo(1);
        } finally {
            // The deployment and its case stay: deleting them with their history would leave the case's
            // seal chain without its case, which the tamper-evidence check rightly reports.
            authorizationService.deleteAuthorization(mayStart.getId());
        }
    }

    @Test
    void aMalformedStartFormIsRefusedInVietnameseAndLeavesNothingBehind() throws Exception {
        long dossiersBefore = dossiers.count();
        long casesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("award-dossier").count();
        var proposal = new Proposal("383/KH-UBND", 2023, "FLAG", "INDIVIDUAL", null,
                new Proposal.Nominee("Nguyễn Văn Nam", "Nam", 1980, "Chuyên viên", "Sở Y tế", false, null, null, null,
                        null, null, null, null, null, null),
                "Thành tích", null, Map.of());

        assertThatThrownBy(() -> startAs("canbo.syt", json.writeValueAsString(proposal)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Cờ thi đua của UBND tỉnh không tặng cho cá nhân");

        assertThat(dossiers.count()).isEqualTo(dossiersBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("award-dossier").count())
                .isEqualTo(casesBefore);
    }

    @Test
    void aStartFormWithAnEmptyExcellentYearIsRefusedAndStoresNothing() throws Exception {
        long dossiersBefore = dossiers.count();
        long casesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("award-dossier").count();
        var valid = scenario.individualCertificate("Lò Văn Tiến", List.of(2022, 2023), 2, 2023);
        var proposal = new Proposal(valid.campaignCode(), valid.year(), valid.awardCode(), valid.nomineeKind(),
                valid.proposingUnitCode(), valid.nominee(), valid.achievementSummary(),
                new Proposal.Facts(java.util.Arrays.asList(2022, null), 2, false, false, false), valid.documents());

        assertThatThrownBy(() -> startAs("canbo.syt", json.writeValueAsString(proposal)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("năm hoàn thành xuất sắc nhiệm vụ không được để trống");

        assertThat(dossiers.count()).isEqualTo(dossiersBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("award-dossier").count())
                .isEqualTo(casesBefore);
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance startAs(String userId, String proposalJson) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("award-dossier")
                .latestVersion().singleResult().getId();
        identityService.setAuthentication(userId, scenario.user(userId).groupIds());
        try {
            return formService.submitStartForm(definitionId, Map.of("proposalJson", proposalJson));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
