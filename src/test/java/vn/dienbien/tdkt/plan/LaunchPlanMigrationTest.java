package vn.dienbien.tdkt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.HistoricValues;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;

/**
 * Moving running launch-plan cases to a new version of the procedure, as an administrator does on the
 * migration page: version 2 renames the Board's review and moves the unit's revision into a new
 * subprocess under a new id. The plan shows that step unmapped until the administrator maps it; the
 * dry run reports the problem and writes nothing; cases waiting to send (with their timers), under
 * review and under revision move, then run to their end on version 2; auditors read the move.
 */
@WorkflowTest
class LaunchPlanMigrationTest {

    private static final String SUBMIT = "Task_SubmitPlan";
    private static final String REVIEW = "Task_ReviewPlan";
    private static final String REVISE = "Task_RevisePlan";
    private static final String AMEND = "Task_AmendPlan";
    private static final String KEY = "launch-plan";
    private static final String BASE = "/api/process-migrations/processes/" + KEY;

    @Autowired LaunchPlanScenario scenario;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    private byte[] originalXml;

    @AfterEach
    void restoreTheProcedure() {
        ClockUtil.reset();
        if (originalXml != null) {
            // Other tests start cases by key and find Task_RevisePlan: the diagram they know is the newest again.
            repositoryService.createDeployment().name("launch-plan (khôi phục sau kiểm thử chuyển phiên bản)")
                    .addInputStream("bpmn/launch-plan.bpmn", new ByteArrayInputStream(originalXml)).deploy();
        }
    }

    @Test
    void runningCasesMoveToAVersionWithARenamedAndAMovedTaskAndRunToTheirEnd() throws IOException {
        Campaign campaign = scenario.openCampaign(List.of(10, 3));
        ProcessInstance syt = scenario.caseOf(campaign, "SYT");
        ProcessInstance stc = scenario.caseOf(campaign, "STC");
        ProcessInstance hdb = scenario.caseOf(campaign, "HDB");
        ProcessDefinition v1 = repositoryService.getProcessDefinition(syt.getProcessDefinitionId());
        List<Date> sytTimers = scenario.timers(syt).stream().map(Job::getDuedate).toList();
        assertThat(sytTimers).hasSize(3);
        scenario.clockAt(LocalDateTime.of(2031, 3, 1, 9, 0));
        scenario.sendPlan("canbo.stc", scenario.task(stc, SUBMIT), "10/KH-STC");
        scenario.sendPlan("canbo.hdb", scenario.task(hdb, SUBMIT), "11/KH-UBND");
        scenario.completeAs("bantdkt", scenario.task(hdb, REVIEW), Map.of("reviewDecision", "RETURN",
                "reviewReason", "Bổ sung chỉ tiêu."));
        assertThat(scenario.task(hdb, REVISE)).isNotNull();

        ProcessDefinition v2 = deployVersion2(v1);
        assertThat(v2.getVersion()).isGreaterThan(v1.getVersion());
        List<String> chosen = List.of(syt.getId(), stc.getId(), hdb.getId());

        // The versions and their running cases.
        Map<?, ?> process = admin().getForObject(BASE, Map.class);
        assertThat(process.get("latestVersion")).isEqualTo(v2.getVersion());
        assertThat((List<Map<String, Object>>) process.get("versions")).anySatisfy(v -> {
            assertThat(v.get("version")).isEqualTo(v1.getVersion());
            assertThat(((Number) v.get("runningCases")).longValue()).isGreaterThanOrEqualTo(46);
        });
        List<Map<String, Object>> cases = admin().getForObject(BASE + "/cases?version=" + v1.getVersion(), List.class);
        assertThat(cases).anySatisfy(c -> {
            assertThat(c.get("caseId")).isEqualTo(hdb.getId());
            assertThat((List<String>) c.get("steps")).contains("Chỉnh sửa và gửi lại kế hoạch, báo cáo");
        });

        // The plan: steps with equal ids are mapped, the moved revision is not, until the administrator maps it.
        Map<String, Object> plan = post(BASE + "/plan", Map.of("fromVersion", v1.getVersion())).getBody();
        assertThat((List<Map<String, Object>>) plan.get("mapped")).anySatisfy(m -> {
            assertThat(m.get("sourceActivityId")).isEqualTo(REVIEW);
            assertThat(m.get("targetName")).isEqualTo("Thẩm định và tiếp nhận kế hoạch, báo cáo");
            assertThat(m.get("explicit")).isEqualTo(false);
        }).anySatisfy(m -> assertThat(m.get("sourceActivityId")).isEqualTo(SUBMIT));
        assertThat((List<Map<String, Object>>) plan.get("unmapped")).anySatisfy(u -> {
            assertThat(u.get("activityId")).isEqualTo(REVISE);
            assertThat(u.get("name")).isEqualTo("Chỉnh sửa và gửi lại kế hoạch, báo cáo");
            assertThat(((Number) u.get("cases")).longValue()).isGreaterThanOrEqualTo(1);
        });
        assertThat((List<Map<String, Object>>) plan.get("targetSteps")).anySatisfy(s -> assertThat(s.get("activityId"))
                .isEqualTo(AMEND));

        // Dry run without the mapping: the case under revision cannot move; nothing is written.
        long migrationsBefore = jdbc.queryForObject("select count(*) from process_migration", Long.class);
        Map<String, Object> dry = post(BASE + "/dry-run", Map.of("fromVersion", v1.getVersion(), "caseIds", chosen))
                .getBody();
        assertThat(dry.get("valid")).isEqualTo(false);
        assertThat((List<String>) dry.get("problems")).anySatisfy(line -> assertThat(line)
                .contains("đang ở bước «Chỉnh sửa và gửi lại kế hoạch, báo cáo»")
                .contains("chưa được ánh xạ"));
        assertThat(dry.toString()).doesNotContain("Exception").doesNotContain("org.camunda").doesNotContain("instruction");
        assertNothingMoved(chosen, v1, migrationsBefore);

        // With the mapping the plan is complete and the dry run passes, still writing nothing.
        List<Map<String, String>> mappings = List.of(Map.of("from", REVISE, "to", AMEND));
        plan = post(BASE + "/plan", Map.of("fromVersion", v1.getVersion(), "mappings", mappings)).getBody();
        assertThat((List<Map<String, Object>>) plan.get("unmapped")).noneSatisfy(u -> assertThat(u.get("activityId"))
                .isEqualTo(REVISE));
        assertThat((List<Map<String, Object>>) plan.get("mapped")).anySatisfy(m -> {
            assertThat(m.get("sourceActivityId")).isEqualTo(REVISE);
            assertThat(m.get("targetActivityId")).isEqualTo(AMEND);
            assertThat(m.get("explicit")).isEqualTo(true);
        });
        dry = post(BASE + "/dry-run", Map.of("fromVersion", v1.getVersion(), "mappings", mappings, "caseIds", chosen))
                .getBody();
        assertThat(dry.get("valid")).as("%s", dry).isEqualTo(true);
        assertThat(dry.get("cases")).isEqualTo(3);
        assertNothingMoved(chosen, v1, migrationsBefore);

        // Refusals: a mapping to a step version 2 does not have, a case of another version, nobody chosen.
        var bad = post(BASE + "/migrations", Map.of("fromVersion", v1.getVersion(), "caseIds", chosen,
                "mappings", List.of(Map.of("from", REVISE, "to", "Task_KhongCo"))));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("message").toString()).contains("Task_KhongCo").contains("không có trong phiên bản");
        bad = post(BASE + "/migrations", Map.of("fromVersion", v1.getVersion(), "caseIds", chosen));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("message").toString()).contains("chưa được ánh xạ");
        bad = post(BASE + "/migrations", Map.of("fromVersion", v1.getVersion(), "mappings", mappings));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("message").toString()).contains("Chọn các hồ sơ");
        assertNothingMoved(chosen, v1, migrationsBefore);

        // The migration.
        scenario.clockAt(LocalDateTime.of(2031, 3, 5, 10, 0));
        var moved = post(BASE + "/migrations", Map.of("fromVersion", v1.getVersion(), "mappings", mappings,
                "caseIds", chosen));
        assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(201);
        assertThat(moved.getBody().get("toVersion")).isEqualTo(v2.getVersion());
        assertThat(moved.getBody().get("migratedBy")).isEqualTo("admin");
        assertThat((List<?>) moved.getBody().get("cases")).hasSize(3);
        for (String id : chosen) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                    .getProcessDefinitionId()).isEqualTo(v2.getId());
        }
        assertThat(scenario.timers(syt)).extracting(Job::getDuedate).as("the timers keep their dates")
                .containsExactlyElementsOf(sytTimers);
        assertThat(scenario.task(hdb, AMEND)).isNotNull();
        assertThat(scenario.task(stc, REVIEW)).isNotNull();

        // Each case goes on to its end on version 2: the reminders and the deadline still fire for Sở Y tế.
        scenario.clockAt(LocalDateTime.of(2031, 3, 30, 0, 0));
        assertThat(scenario.executeDueJobs(syt)).isEqualTo(3);
        assertThat(scenario.task(syt, "Task_Urge")).isNotNull();
        scenario.clockAt(LocalDateTime.of(2031, 3, 31, 9, 0));
        scenario.sendPlan("canbo.syt", scenario.task(syt, SUBMIT), "12/KH-SYT");
        assertThat(scenario.task(syt, "Task_Urge")).as("sending closes the urging").isNull();
        Task sytReview = scenario.task(syt, REVIEW);
        assertThat(sytReview.getName()).isEqualTo("Thẩm định và tiếp nhận kế hoạch: Sở Y tế");
        scenario.completeAs("bantdkt", sytReview, Map.of("reviewDecision", "ACCEPT"));
        scenario.completeAs("bantdkt", scenario.task(stc, REVIEW), Map.of("reviewDecision", "ACCEPT"));
        scenario.sendPlan("canbo.hdb", scenario.task(hdb, AMEND), "11/KH-UBND (sửa đổi)");
        Task hdbReview = scenario.task(hdb, REVIEW);
        assertThat(hdbReview.getName()).isEqualTo("Thẩm định và tiếp nhận kế hoạch: UBND huyện Điện Biên");
        scenario.completeAs("truongban.tdkt", hdbReview, Map.of("reviewDecision", "ACCEPT"));
        for (ProcessInstance instance : List.of(syt, stc, hdb)) {
            var ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                    .singleResult();
            assertThat(ended.getEndTime()).isNotNull();
            assertThat(ended.getState()).isEqualTo("COMPLETED");
            assertThat(HistoricValues.last(historyService, instance.getId(), "reviewDecision")).isEqualTo("ACCEPT");
            assertThat(ended.getProcessDefinitionId()).isEqualTo(v2.getId());
        }
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(hdb.getId())
                .activityId("SubProcess_Amendment").finished().count()).isEqualTo(1);

        // Auditors read the move in the case's story, sealed with it, and in the list of migrations.
        Map<String, Object> record = rest.withBasicAuth("kiemtoan", "demo")
                .getForObject("/api/audit/cases/" + hdb.getId(), Map.class);
        assertThat(record.get("processDefinitionVersion")).isEqualTo(v2.getVersion());
        assertThat((List<Map<String, Object>>) record.get("entries")).anySatisfy(e -> {
            assertThat((String) e.get("title")).startsWith("Chuyển sang phiên bản " + v2.getVersion()
                    + " của quy trình bởi ").endsWith(" lúc 05/03/2031 10:00:00");
            assertThat(e.get("actorId")).isEqualTo("admin");
            assertThat((Map<String, String>) e.get("details")).containsEntry("Từ phiên bản", String.valueOf(v1.getVersion()))
                    .containsEntry("Bước ánh xạ thủ công", REVISE + " → " + AMEND);
        });
        assertThat((Map<String, Object>) record.get("integrity")).containsEntry("intact", true);
        List<Map<String, Object>> history = rest.withBasicAuth("kiemtoan", "demo")
                .getForObject("/api/process-migrations/history?processKey=" + KEY, List.class);
        assertThat(history).anySatisfy(h -> {
            assertThat(h.get("id")).isEqualTo(moved.getBody().get("id"));
            assertThat(h.get("fromVersion")).isEqualTo(v1.getVersion());
            assertThat((List<Map<String, Object>>) h.get("cases")).extracting(c -> c.get("caseId"))
                    .containsExactlyInAnyOrderElementsOf(chosen);
            assertThat((List<Map<String, Object>>) h.get("mappings")).anySatisfy(m -> {
                assertThat(m.get("sourceActivityId")).isEqualTo(REVISE);
                assertThat(m.get("explicit")).isEqualTo(true);
            });
        });
    }

    @Test
    void onlyAdministratorsMoveCasesAndUnknownProcessesAreNotFound() {
        var asBoard = rest.withBasicAuth("bantdkt", "demo").postForEntity(BASE + "/plan",
                new HttpEntity<>(Map.of("fromVersion", 1), ApiClient.jsonHeaders()), Map.class);
        assertThat(asBoard.getStatusCode().value()).isEqualTo(403);
        assertThat(asBoard.getBody().get("message").toString()).contains("quản trị hệ thống");
        assertThat(rest.withBasicAuth("canbo.syt", "demo").getForEntity("/api/process-migrations/processes", Map.class)
                .getStatusCode().value()).isEqualTo(403);
        var unknown = admin().getForEntity("/api/process-migrations/processes/khong-co-quy-trinh", Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("message").toString()).contains("Không có quy trình");
        var noVersion = post(BASE + "/plan", Map.of("fromVersion", 999));
        assertThat(noVersion.getStatusCode().value()).isEqualTo(400);
        assertThat(noVersion.getBody().get("message").toString()).contains("không có phiên bản 999");
    }

    private void assertNothingMoved(List<String> chosen, ProcessDefinition v1, long migrationsBefore) {
        for (String id : chosen) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                    .getProcessDefinitionId()).isEqualTo(v1.getId());
        }
        assertThat(jdbc.queryForObject("select count(*) from process_migration", Long.class)).isEqualTo(migrationsBefore);
    }

    /**
     * Version 2 from the deployed diagram, changed by the user tasks' ids only: the review gets a new
     * name; the revision becomes Task_AmendPlan inside a new subprocess "SubProcess_Amendment".
     */
    private ProcessDefinition deployVersion2(ProcessDefinition v1) throws IOException {
        try (InputStream in = repositoryService.getProcessModel(v1.getId())) {
            originalXml = in.readAllBytes();
        }
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(originalXml));
        UserTask review = model.getModelElementById(REVIEW);
        review.setName("Thẩm định và tiếp nhận kế hoạch, báo cáo");

        UserTask revise = model.getModelElementById(REVISE);
        java.util.Collection<FlowElement> parent = revise.getParentElement() instanceof SubProcess scope
                ? scope.getFlowElements() : ((Process) revise.getParentElement()).getFlowElements();
        SubProcess amendment = model.newInstance(SubProcess.class);
        amendment.setId("SubProcess_Amendment");
        amendment.setName("Đơn vị chỉnh sửa kế hoạch, báo cáo");
        parent.add(amendment);
        StartEvent start = model.newInstance(StartEvent.class);
        start.setId("StartEvent_Amendment");
        start.setName("Bị trả lại");
        UserTask amend = model.newInstance(UserTask.class);
        amend.setId(AMEND);
        amend.setName(revise.getName());
        amend.setCamundaFormKey(revise.getCamundaFormKey());
        amend.setCamundaCandidateGroups(revise.getCamundaCandidateGroups());
        // The moved step keeps its task listeners: they name its task and record what the unit sends.
        if (revise.getExtensionElements() != null) {
            ExtensionElements listeners = model.newInstance(ExtensionElements.class);
            for (CamundaTaskListener listener : revise.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaTaskListener.class).list()) {
                CamundaTaskListener copy = model.newInstance(CamundaTaskListener.class);
                copy.setCamundaEvent(listener.getCamundaEvent());
                copy.setCamundaDelegateExpression(listener.getCamundaDelegateExpression());
                listeners.addChildElement(copy);
            }
            amend.setExtensionElements(listeners);
        }
        EndEvent end = model.newInstance(EndEvent.class);
        end.setId("EndEvent_Amended");
        end.setName("Đã chỉnh sửa");
        amendment.getFlowElements().add(start);
        amendment.getFlowElements().add(amend);
        amendment.getFlowElements().add(end);
        flow(model, amendment, "Flow_ToAmend", start, amend);
        flow(model, amendment, "Flow_Amended", amend, end);
        for (SequenceFlow flow : new ArrayList<>(model.getModelElementsByType(SequenceFlow.class))) {
            if (flow.getTarget() == revise) {
                flow.setTarget(amendment);
            }
            if (flow.getSource() == revise) {
                flow.setSource(amendment);
            }
        }
        for (Lane lane : model.getModelElementsByType(Lane.class)) {
            if (lane.getFlowNodeRefs().remove(revise)) {
                lane.getFlowNodeRefs().add(amendment);
            }
        }
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() == revise) {
                shape.setBpmnElement(amendment);
                shape.setExpanded(false);
            }
        }
        parent.remove(revise);
        Bpmn.validateModel(model);
        var deployment = repositoryService.createDeployment().name("launch-plan v2 (kiểm thử chuyển phiên bản)")
                .addModelInstance("bpmn/launch-plan.bpmn", model).deployWithResult();
        return deployment.getDeployedProcessDefinitions().get(0);
    }

    private static void flow(BpmnModelInstance model, SubProcess scope, String id,
            org.camunda.bpm.model.bpmn.instance.FlowNode from, org.camunda.bpm.model.bpmn.instance.FlowNode to) {
        SequenceFlow flow = model.newInstance(SequenceFlow.class);
        flow.setId(id);
        scope.getFlowElements().add(flow);
        flow.setSource(from);
        flow.setTarget(to);
    }

    private TestRestTemplate admin() {
        return rest.withBasicAuth("admin", "demo");
    }

    private ResponseEntity<Map> post(String path, Map<String, ?> body) {
        return admin().postForEntity(path, new HttpEntity<>(body, ApiClient.jsonHeaders()), Map.class);
    }
}
