package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * The head's confirmation checks the rules and gives the Board its task in the same transaction: the confirmation,
 * the status the unit sees, the 25-working-day limit, the rules' results and the Board's task commit together.
 * When the eligibility table cannot run, the confirmation still stands and the case checks again in a job of its
 * own ("Kiểm tra lại điều kiện khen thưởng (tác vụ nền)"), retried, then an incident.
 */
@WorkflowTest
class AppraisalContinuationTest {

    @Autowired DossierScenario scenario;
    @Autowired DossierQueries queries;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;

    @Test
    void theConfirmationChecksTheRulesAndGivesTheBoardItsTaskDueFromTheConfirmationWithoutAJob() {
        // Confirmed Monday 29/1/2024 9:00; Tết 2024 is 8–14/2: 25 working days end 11/3, due 12/3 00:00.
        scenario.clockAt(LocalDateTime.of(2024, 1, 29, 9, 0));
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate("Lò Thị Mai " + System.nanoTime() % 100000,
                List.of(2022, 2023), 2, 2023));
        String instance = scenario.dossier(id).getProcessInstanceId();
        scenario.completeAs("lanhdao.syt", scenario.task(id, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));

        Instant due = DossierScenario.local(LocalDateTime.of(2024, 3, 12, 0, 0));
        var record = queries.record(id);
        assertThat(record.status()).as("what the unit sees right after confirming").isEqualTo("UNDER_APPRAISAL");
        assertThat(record.history()).extracting(DossierQueries.StatusChange::actor)
                .containsExactly("canbo.syt", "lanhdao.syt");
        assertThat(scenario.dossier(id).getDueAt()).isEqualTo(due);
        assertThat(record.rules()).as("the rules ran in the head's step").isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.round()).isEqualTo(1));
        assertThat(managementService.createJobQuery().processInstanceId(instance).activityId("Task_EvaluateRules")
                .count()).as("no job before the check").isZero();
        assertThat(AppraisalJobs.pending(managementService, instance)).as("nor a second check").isEmpty();
        assertThat(scenario.timers(id)).as("the limit's timers count from the confirmation")
                .extracting(job -> job.getDuedate().toInstant()).hasSize(2).last().isEqualTo(due);
        assertThat(runtimeService.getVariables(instance).keySet())
                .as("the head's values and the deadline are kept with the dossier, the gateway's flag not at all")
                .doesNotContain("headDecision", "headNote", "headConfirmed", "dueAt", "dueReminderAt")
                .contains("nomineeName");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
                .as("the history still keeps what the head sent")
                .anySatisfy(d -> assertThat(((HistoricVariableUpdate) d).getVariableName()).isEqualTo("headDecision"));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Task_EvaluateRules").finished().count()).as("the check is a step of the timeline").isOne();

        var appraise = scenario.task(id, "Task_Appraise");
        assertThat(appraise.getDueDate().toInstant()).isEqualTo(due);
        assertThat(appraise.getName()).startsWith("Thẩm định hồ sơ: Lò Thị Mai");
        assertThat(taskService.getIdentityLinksForTask(appraise.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("ban-tdkt"));
        assertThat(runtimeService.getVariable(instance, "allRulesPassed")).isEqualTo(true);
    }

    /**
     * An eligibility table that asks for an input the system does not give (as if the Board deployed a table with a
     * new column): the head's confirmation still commits, with nothing of the check; the case checks again in a job,
     * which fails, is retried with a Vietnamese message, and leaves no half-written appraisal.
     */
    @Test
    void aFailingEligibilityTableKeepsTheConfirmationAndTheCheckIsRetriedInAJobWithoutAHalfWrittenAppraisal() {
        scenario.clockAt(LocalDateTime.of(2024, 4, 1, 9, 0));
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate("Cà Văn Tâm " + System.nanoTime() % 100000,
                List.of(2022, 2023), 2, 2023));
        String instance = scenario.dossier(id).getProcessInstanceId();

        var broken = repositoryService.createDeployment().name("dossier-eligibility-missing-input")
                .addInputStream("dossier-eligibility-missing-input.dmn",
                        new ByteArrayInputStream(TABLE_WITH_A_MISSING_INPUT.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        Job job;
        try {
            scenario.completeAs("lanhdao.syt", scenario.task(id, "Task_HeadConfirm"), Map.of("headDecision", "CONFIRM"));
            var confirmed = queries.record(id);
            assertThat(confirmed.status()).as("the confirmation stands").isEqualTo("UNDER_APPRAISAL");
            assertThat(confirmed.rules()).as("nothing of the failed check").isEmpty();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .activityId("Event_EligibilityTableFailed").count()).as("the timeline shows why").isOne();
            job = AppraisalJobs.pending(managementService, instance).get(0);
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        } finally {
            repositoryService.deleteDeployment(broken.getId(), true);
        }
        Instant due = scenario.dossier(id).getDueAt();

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("R3/PT5M: two attempts left").isEqualTo(2);
        assertThat(failed.getExceptionMessage())
                .startsWith("Không kiểm tra được thành phần hồ sơ và điều kiện khen thưởng của hồ sơ số " + id)
                .contains("R3/PT5M").contains("Cockpit").doesNotContain("Exception");
        var record = queries.record(id);
        assertThat(record.status()).as("the confirmation stays").isEqualTo("UNDER_APPRAISAL");
        assertThat(record.history()).extracting(DossierQueries.StatusChange::status)
                .containsExactly("AWAITING_HEAD", "UNDER_APPRAISAL");
        assertThat(record.rules()).as("no rule written").isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).as("no Board task").isZero();
        assertThat(runtimeService.getVariable(instance, "eligibilitySummary")).isNull();

        // The table is put right; the retry (here run at once) gives the Board its task, due as before.
        managementService.executeJob(job.getId());
        assertThat(scenario.task(id, "Task_Appraise").getDueDate().toInstant()).isEqualTo(due);
        assertThat(queries.record(id).rules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.round()).isEqualTo(1));
    }

    static final String TABLE_WITH_A_MISSING_INPUT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_MissingInput" name="Điều kiện khen thưởng" namespace="http://dienbien.gov.vn/tdkt">
              <decision id="dossier-eligibility" name="Thẩm định điều kiện khen thưởng" camunda:historyTimeToLive="3650">
                <decisionTable id="DecisionTable_MissingInput" hitPolicy="COLLECT">
                  <input id="Input_Missing" label="Cột mới mà hệ thống không cung cấp">
                    <inputExpression id="InputExpression_Missing" typeRef="integer" expressionLanguage="juel">
                      <text>${soNamCongTac}</text>
                    </inputExpression>
                  </input>
                  <output id="Output_Code" name="ruleCode" typeRef="string" />
                  <output id="Output_Passed" name="passed" typeRef="boolean" />
                  <output id="Output_Reason" name="reason" typeRef="string" />
                  <rule id="Rule_Any">
                    <inputEntry id="Entry_Any"><text></text></inputEntry>
                    <outputEntry id="Out_Code"><text>"ANY"</text></outputEntry>
                    <outputEntry id="Out_Passed"><text>true</text></outputEntry>
                    <outputEntry id="Out_Reason"><text>"Đạt."</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
