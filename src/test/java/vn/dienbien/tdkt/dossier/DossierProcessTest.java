package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CachingFeelEngineFactory;

/** Award dossiers from proposal to decision, driven by the engine's clock. */
@WorkflowTest
class DossierProcessTest {

    @Autowired DossierScenario scenario;
    @Autowired DossierQueries queries;
    @Autowired DossierDecisions decisions;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired NotificationService notifications;
    @Autowired OrgUnitRepository units;
    @Autowired ProcessEngine processEngine;

    /** The verdicts are FEEL's (EligibilityFeelShortcutsTest); the engine reaches them without recomputing. */
    @Test
    void theEngineEvaluatesTheEligibilityTableWithTheFeelShortcuts() {
        var dmn = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration();
        assertThat(dmn.getFeelEngineFactory()).isInstanceOf(CachingFeelEngineFactory.class);
    }

    private static String person(String name) {
        return name + " " + (System.nanoTime() % 100000);
    }

    @Test
    void aCertificateForAnIndividualGoesFromProposalToDecision() {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
        String name = person("Lò Thị Mai");
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023));

        var head = scenario.task(id, "Task_HeadConfirm");
        assertThat(taskService.getIdentityLinksForTask(head.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("thutruong.syt"));
        scenario.confirmByHead(id, "lanhdao.syt");

        var appraisal = scenario.task(id, "Task_Appraise");
        assertThat(appraisal.getName()).isEqualTo("Thẩm định hồ sơ: " + name);
        assertThat(runtimeService.getVariable(appraisal.getProcessInstanceId(), "allRulesPassed")).isEqualTo(true);
        assertThat((String) runtimeService.getVariable(appraisal.getProcessInstanceId(), "eligibilitySummary"))
                .contains("✔ Đủ thành phần hồ sơ").contains("✔ Có ít nhất 2 năm liên tục hoàn thành xuất sắc nhiệm vụ");
        scenario.appraise(id, "ACCEPT", null);
        assertThat(scenario.dossier(id).getStatus()).isEqualTo(DossierStatus.ACCEPTED);

        scenario.clockAt(LocalDateTime.of(2024, 2, 1, 9, 0));
        var decision = decisions.decide(List.of(id), Map.of(), LocalDate.of(2024, 2, 1), "Chủ tịch UBND tỉnh", "chutich");

        assertThat(decision.code()).matches("\\d+/QĐ-UBND");
        assertThat(decision.awardees()).singleElement().satisfies(a -> {
            assertThat(a.nomineeName()).isEqualTo(name);
            assertThat(a.unitName()).isEqualTo("Sở Y tế");
        });
        var record = queries.record(id);
        assertThat(record.status()).as("the result is written with the decision").isEqualTo("AWARDED");
        assertThat(managementService.createJobQuery().processInstanceId(scenario.dossier(id).getProcessInstanceId())
                .activityId("Task_Close").count()).as("the case is told afterwards").isZero();
        assertThat(decisions.tellCase(id)).isTrue();
        assertThat(decisions.tellCase(id)).as("once").isFalse();
        assertThat(managementService.createJobQuery().processInstanceId(scenario.dossier(id).getProcessInstanceId())
                .count()).as("the unit is told and the case ends as it is told: no job, no timer left").isZero();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(scenario.dossier(id).getProcessInstanceId()).singleResult();
        assertThat(instance).isNull();
        record = queries.record(id);
        assertThat(record.status()).isEqualTo("AWARDED");
        assertThat(record.outcomeReason()).isEqualTo("Khen thưởng theo Quyết định số " + decision.code());
        assertThat(record.history()).extracting(DossierQueries.StatusChange::status)
                .containsExactly("AWAITING_HEAD", "UNDER_APPRAISAL", "ACCEPTED", "AWARDED");
        assertThat(record.history()).extracting(DossierQueries.StatusChange::actor)
                .containsExactly("canbo.syt", "lanhdao.syt", "bantdkt", "chutich");
        assertThat(queries.historyOfPerson(name, 1980)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("AWARDED"));
        assertThat(notifications.forUnit(units.findByCode("SYT").orElseThrow().getId()))
                .anySatisfy(n -> assertThat(n.subject()).contains(name).contains("được khen thưởng"));
    }

    @Test
    void aFlagForTheBlockLeaderGoesFromProposalToDecisionAndASecondFlagForTheBlockIsStopped() {
        scenario.clockAt(LocalDateTime.of(2023, 1, 10, 9, 0));
        Long flag = scenario.propose("canbo.sgddt", scenario.flag("SGDDT", "KHOI-VX", 2022, "canbo.sgddt"));
        scenario.confirmByHead(flag, "lanhdao.sgddt");
        scenario.declareOutsideBlockVote(flag);
        scenario.appraise(flag, "ACCEPT", null);
        var decision = decisions.decide(List.of(flag), Map.of(), LocalDate.of(2023, 1, 20), "Chủ tịch UBND tỉnh", "chutich");
        assertThat(queries.record(flag).status()).isEqualTo("AWARDED");
        assertThat(decision.awardees()).extracting(a -> a.nomineeName()).containsExactly("Sở Giáo dục và Đào tạo");
        assertThat(queries.historyOfUnit("SGDDT")).anySatisfy(e -> {
            assertThat(e.awardCode()).isEqualTo("FLAG");
            assertThat(e.status()).isEqualTo("AWARDED");
        });

        Long second = scenario.propose("canbo.syt", scenario.flag("SYT", "KHOI-VX", 2022, "canbo.syt"));
        scenario.confirmByHead(second, "lanhdao.syt");
        var rules = queries.record(second).rules();
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.ruleCode()).isEqualTo("FLAG_LEADER");
            assertThat(r.passed()).isFalse();
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.ruleCode()).isEqualTo("FLAG_ONE_PER_GROUP");
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("chỉ được một Cờ thi đua mỗi năm");
        });
    }

    @Test
    void anIneligibleDossierIsStoppedWithTheRulesReason() {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
        String name = person("Quàng Văn Bình");
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate(name, List.of(2023), 2, 2023));
        scenario.confirmByHead(id, "lanhdao.syt");

        assertThatThrownBy(() -> scenario.appraise(id, "ACCEPT", null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Chưa đủ 2 năm liên tục hoàn thành xuất sắc nhiệm vụ");
        assertThat(scenario.dossier(id).getStatus()).isEqualTo(DossierStatus.UNDER_APPRAISAL);

        scenario.appraise(id, "REJECT", null);

        var record = queries.record(id);
        assertThat(record.status()).isEqualTo("NOT_ELIGIBLE");
        assertThat(record.outcomeReason()).contains("Chưa đủ 2 năm liên tục hoàn thành xuất sắc nhiệm vụ");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(record.processInstanceId()).count()).isZero();
        assertThat(notifications.forUnit(units.findByCode("SYT").orElseThrow().getId()))
                .anySatisfy(n -> assertThat(n.kind()).isEqualTo("DOSSIER_NOT_ELIGIBLE"));
    }

    @Test
    void aNomineeUnderDisciplinaryReviewIsBarredAndOneAchievementEarnsOneAward() {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
        String name = person("Vì Văn Cường");
        var proposal = scenario.individualCertificate(name, List.of(2022, 2023), 3, 2023);
        Long first = scenario.propose("canbo.syt", proposal);
        scenario.confirmByHead(first, "lanhdao.syt");
        scenario.appraise(first, "ACCEPT", null);

        var disciplined = new Proposal(proposal.campaignCode(), proposal.year(), proposal.awardCode(),
                proposal.nomineeKind(), proposal.proposingUnitCode(), proposal.nominee(), proposal.achievementSummary(),
                new Proposal.Facts(List.of(2022, 2023), 3, true, false, false), scenario.documentsFor("canbo.syt",
                        "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"));
        Long second = scenario.propose("canbo.syt", disciplined);
        scenario.confirmByHead(second, "lanhdao.syt");

        assertThat(queries.record(second).rules()).filteredOn(r -> !r.passed())
                .extracting(DossierQueries.Rule::ruleCode)
                .containsExactlyInAnyOrder("NOT_UNDER_DISCIPLINE", "ONE_AWARD_PER_ACHIEVEMENT");
    }

    @Test
    void aReturnedDossierIsSupplementedAndResentAndEveryRoundIsKept() {
        scenario.clockAt(LocalDateTime.of(2024, 1, 15, 9, 0));
        String name = person("Cà Thị Hoa");
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023));
        scenario.confirmByHead(id, "lanhdao.syt");
        scenario.appraise(id, "RETURN", "Báo cáo thành tích chưa có xác nhận của cấp trình.");

        var supplement = scenario.task(id, "Task_Supplement");
        assertThat(taskService.getIdentityLinksForTask(supplement.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("donvi.syt"));
        assertThat(runtimeService.getVariable(supplement.getProcessInstanceId(), "returnReason"))
                .isEqualTo("Báo cáo thành tích chưa có xác nhận của cấp trình.");
        assertThat(scenario.dossier(id).getStatus()).isEqualTo(DossierStatus.RETURNED);

        Long newReport = scenario.upload("canbo.syt", "bao-cao-co-xac-nhan.pdf");
        scenario.completeAs("canbo.syt", supplement, Map.of("supplementDocuments", "BAO_CAO_THANH_TICH=" + newReport,
                "supplementNote", "Đã bổ sung xác nhận của Giám đốc Sở."));
        assertThat(scenario.dossier(id).getStatus()).as("the resend is recorded in its own transaction")
                .isEqualTo(DossierStatus.UNDER_APPRAISAL);
        assertThat(scenario.runAppraisalJob(id)).as("the rules run in the resend's own step: no job").isZero();

        assertThat(scenario.task(id, "Task_Appraise")).isNotNull();
        assertThat(scenario.dossier(id).getDocuments()).containsEntry(DocumentType.BAO_CAO_THANH_TICH, newReport);
        scenario.appraise(id, "ACCEPT", null);
        var record = queries.record(id);
        assertThat(record.history()).extracting(DossierQueries.StatusChange::status)
                .containsExactly("AWAITING_HEAD", "UNDER_APPRAISAL", "RETURNED", "UNDER_APPRAISAL", "ACCEPTED");
        assertThat(record.history().get(2).reason()).isEqualTo("Báo cáo thành tích chưa có xác nhận của cấp trình.");
        assertThat(record.rules()).extracting(DossierQueries.Rule::round).contains(1, 2);
    }

    @Test
    void theTwentyFiveWorkingDayLimitSkipsWeekendsAndTetAndStopsWhileTheDossierIsReturned() {
        // Confirmed Monday 29/1/2024; Tết 2024 is 8–14/2.
        scenario.clockAt(LocalDateTime.of(2024, 1, 29, 9, 0));
        String name = person("Tòng Văn Dũng");
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023));
        scenario.confirmByHead(id, "lanhdao.syt");

        // 25 working days after 29/1, skipping weekends and 8–14/2: the last is 11/3, due 12/3 00:00.
        assertThat(scenario.dossier(id).getDueAt()).isEqualTo(DossierScenario.local(LocalDateTime.of(2024, 3, 12, 0, 0)));
        assertThat(scenario.task(id, "Task_Appraise").getDueDate().toInstant())
                .isEqualTo(Instant.parse("2024-03-11T17:00:00Z"));

        // Returned on Friday 16/2 after 9 working days (30/1–7/2 and 15–16/2).
        scenario.clockAt(LocalDateTime.of(2024, 2, 16, 10, 0));
        scenario.appraise(id, "RETURN", "Bổ sung biên bản họp Hội đồng có kết quả biểu quyết.");
        assertThat(scenario.dossier(id).getWorkingDaysUsed()).isEqualTo(9);
        assertThat(scenario.dossier(id).getDueAt()).as("the clock stops").isNull();
        assertThat(scenario.timers(id)).as("no time-limit timer while the unit holds the dossier").isEmpty();

        // The unit resends on Monday 26/2: 16 working days remain, the last is 19/3.
        scenario.clockAt(LocalDateTime.of(2024, 2, 26, 8, 0));
        scenario.completeAs("canbo.syt", scenario.task(id, "Task_Supplement"),
                Map.of("supplementNote", "Đã bổ sung biên bản."));
        // The rules and the Board's task come in the resend's own step: the limit counts from the resend.
        assertThat(scenario.runAppraisalJob(id)).isZero();
        Instant due = DossierScenario.local(LocalDateTime.of(2024, 3, 20, 0, 0));
        assertThat(scenario.task(id, "Task_Appraise").getDueDate().toInstant()).isEqualTo(due);
        assertThat(scenario.dossier(id).getDueAt()).isEqualTo(due);
        assertThat(scenario.timers(id)).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(DossierScenario.local(LocalDateTime.of(2024, 3, 13, 0, 0)), due);

        scenario.clockAt(LocalDateTime.of(2024, 3, 20, 0, 0));
        assertThat(scenario.executeDueJobs(id)).isEqualTo(2);
        var overdue = scenario.task(id, "Task_Overdue");
        assertThat(overdue.getName()).isEqualTo("Xử lý hồ sơ quá hạn: " + name);
        assertThat(taskService.getIdentityLinksForTask(overdue.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("lanh-dao-ban-tdkt"));
        assertThat(notifications.forGroup("ban-tdkt")).anySatisfy(n -> assertThat(n.subject()).contains(name));
        // Dates in messages read as in Điện Biên (dd/MM/yyyy, the campaign's zone), never "Mon Apr 14 … UTC".
        assertThat(notifications.forGroup("ban-tdkt")).filteredOn(n -> n.subject().contains(name))
                .anySatisfy(n -> assertThat(n.body()).isEqualTo("Hạn giải quyết: trước ngày 20/03/2024."))
                .allSatisfy(n -> assertThat(n.body()).doesNotContain("UTC"));

        scenario.completeAs("truongban.tdkt", overdue, Map.of("overdueNote", "Trình Hội đồng trong phiên họp gần nhất."));
        var last = queries.record(id).history().get(queries.record(id).history().size() - 1);
        assertThat(last.actor()).isEqualTo("truongban.tdkt");
        assertThat(last.status()).as("a note keeps the status").isEqualTo("UNDER_APPRAISAL");
        assertThat(last.reason()).contains("Trình Hội đồng trong phiên họp gần nhất.");
    }

    @Test
    void aLimitOverAYearWithoutCalendarIsComputedButRecordedAsAWarningOnTheDossier() {
        // Confirmed Monday 16/12/2030: neither 2030 nor 2031 has an entered calendar.
        scenario.clockAt(LocalDateTime.of(2030, 12, 16, 9, 0));
        String name = person("Lò Văn Hùng");
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023));
        scenario.confirmByHead(id, "lanhdao.syt");

        assertThat(scenario.dossier(id).getDueAt()).as("still computed").isNotNull();
        assertThat(queries.record(id).history()).anySatisfy(change -> {
            assertThat(change.actor()).isEqualTo("he-thong");
            assertThat(change.reason()).contains("lịch ngày làm việc năm 2030, 2031 chưa được nhập");
        });
        assertThat(notifications.forGroup("ban-tdkt")).extracting(n -> n.subject())
                .contains("Chưa nhập lịch ngày làm việc năm 2031");
    }

    @Test
    void aLimitInAnEnteredYearCarriesNoWarning() {
        scenario.clockAt(LocalDateTime.of(2024, 4, 1, 9, 0));
        String name = person("Cà Thị Mai");
        Long id = scenario.propose("canbo.syt", scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023));
        scenario.confirmByHead(id, "lanhdao.syt");
        // 25 working days after 1/4/2024: 18/4 Giỗ Tổ, 29/4 nghỉ hoán đổi, 30/4–1/5 holidays, Saturday 4/5 worked:
        // Apr 2–5 (4), 8–12 (9), 15–17, 19 (13), 22–26 (18), May 2, 3, 4 (21), 6–9 (25): due Friday 10/5 00:00.
        assertThat(scenario.dossier(id).getDueAt()).isEqualTo(DossierScenario.local(LocalDateTime.of(2024, 5, 10, 0, 0)));
        assertThat(queries.record(id).history()).noneSatisfy(change ->
                assertThat(change.reason()).contains("Cảnh báo"));
    }
}
