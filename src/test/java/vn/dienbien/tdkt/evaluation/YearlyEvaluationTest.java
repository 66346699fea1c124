package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** A block of five units through one year, the yearly timer, and the export. */
@WorkflowTest
class YearlyEvaluationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired BlockEvaluations evaluations;
    @Autowired EvaluationScenario scenario;
    @Autowired EvaluationExports exports;
    @Autowired CampaignService campaigns;
    @Autowired DossierQueries dossiers;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;

    @Test
    void aBlockOfFiveScoresAdjustsVotesWithATieAndTheWinnersFlagDossierOpens() throws Exception {
        clockAt(LocalDateTime.of(2031, 12, 15, 8, 0));
        var campaign = campaigns.create(new CampaignService.NewCampaign("DG-" + System.nanoTime() % 100000 + "/KH",
                "Phong trào thi đua 2031–2035", LocalDate.of(2031, 2, 1), 2031, 2035, LocalDateTime.of(2031, 3, 30, 0, 0),
                "Asia/Ho_Chi_Minh", List.of(10, 3), 2033, 2035, false));
        scenario.table("CUM1", 2031, "canbo.dbp");

        Long roundId = evaluations.openRound(campaign.getId(), 2031, "bantdkt");
        List<Task> selfTasks = tasks(roundId, "Task_SelfAssess");
        assertThat(selfTasks).hasSize(5);
        assertThat(selfTasks).as("the diagram's fixed name, the year from the case's round")
                .allSatisfy(t -> assertThat(t.getName()).isEqualTo("Tự chấm điểm thi đua năm 2031"))
                .allSatisfy(t -> assertThat(t.getDescription()).endsWith(", năm 2031."));

        selfAssess(roundId, "DBP", 45, 35, 5, 0);    // 85
        selfAssess(roundId, "HDB", 46, 34, 6, 1);    // 85
        selfAssess(roundId, "MLAY", 40, 30, 2, 0);   // 72
        selfAssess(roundId, "MANG", 48, 30, 0, 0);   // 78
        selfAssess(roundId, "TGIAO", 35, 30, 0, 2);  // 63
        assertThat(tasks(roundId, "Task_Adjust")).as("the last self-assessment continues in a job").isEmpty();
        assertThat(scenario.executeJobs(roundId)).isEqualTo(5);

        assertThat(single(roundId, "Task_Adjust").getName()).isEqualTo("Trưởng khối rà soát, điều chỉnh điểm năm 2031: CUM1");
        assertThatThrownBy(() -> complete("canbo.dbp", single(roundId, "Task_Adjust"), Map.of("adjustments",
                "[{\"unit\":\"DBP\",\"criterion\":\"TH\",\"points\":0,\"reason\":\"\"}]")))
                .rootCause().isInstanceOf(ApiException.class).hasMessageContaining("phải nêu lý do");
        complete("canbo.dbp", single(roundId, "Task_Adjust"), Map.of("adjustments",
                "[{\"unit\":\"DBP\",\"criterion\":\"TH\",\"points\":2,\"reason\":\"Sáng kiến chưa được công nhận cấp tỉnh\"},"
                        + "{\"unit\":\"MANG\",\"criterion\":\"TC1\",\"points\":40,\"reason\":\"Chưa đạt chỉ tiêu giảm nghèo\"}]"));

        vote(roundId, "DBP", "DBP");
        vote(roundId, "MLAY", "DBP");
        vote(roundId, "HDB", "HDB");
        vote(roundId, "MANG", "HDB");
        vote(roundId, "TGIAO", "MLAY");
        scenario.executeJobs(roundId);

        var standings = evaluations.standings(roundId, "CUM1");
        assertThat(standings).extracting(BlockEvaluations.Standing::unitCode, s -> s.finalTotal().intValue(),
                BlockEvaluations.Standing::votes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HDB", 85, 2),
                        org.assertj.core.groups.Tuple.tuple("DBP", 82, 2),
                        org.assertj.core.groups.Tuple.tuple("MLAY", 72, 1),
                        org.assertj.core.groups.Tuple.tuple("MANG", 70, 0),
                        org.assertj.core.groups.Tuple.tuple("TGIAO", 63, 0));

        var flags = dossiers.historyOfUnit("HDB").stream().filter(e -> e.awardCode().equals("FLAG") && e.year() == 2031).toList();
        assertThat(flags).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("AWAITING_HEAD"));
        var record = dossiers.record(flags.get(0).dossierId());
        assertThat(record.documents()).containsKeys("BIEN_BAN_KHOI", "TO_TRINH", "BAO_CAO_THANH_TICH");
        assertThat(record.achievementSummary()).contains("2/5 phiếu");

        // The elected unit, not the registry's leader (DBP), passes the Flag's leader rule.
        complete("lanhdao.hdb", taskService.createTaskQuery().processInstanceId(record.processInstanceId()).singleResult(),
                Map.of("headDecision", "CONFIRM"));
        assertThat(dossiers.record(record.id()).rules()).anySatisfy(r -> {
            assertThat(r.ruleCode()).isEqualTo("FLAG_LEADER");
            assertThat(r.passed()).isTrue();
        });
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("DG-2031 | " + campaign.getCode())
                .count()).as("the round's case has ended").isZero();

        try (var book = new XSSFWorkbook(new ByteArrayInputStream(exports.xlsx(roundId, user("bantdkt"))))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Kết quả năm 2031");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Điểm sau điều chỉnh");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Cụm thi đua số 1: thành phố, thị xã và các huyện vùng thấp");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("UBND huyện Điện Biên");
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(85.0);
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Có");
            assertThat(sheet.getRow(5).getCell(3).getStringCellValue()).isEqualTo("UBND huyện Tuần Giáo");
        }
    }

    @Test
    void theCampaignsTimerOpensThe2022EvaluationOnItsConfiguredDay() {
        clockAt(LocalDateTime.of(2021, 2, 10, 8, 0));
        var created = campaigns.create(new CampaignService.NewCampaign("CK-" + System.nanoTime() % 100000 + "/KH",
                "Đợt thi đua kiểm thử chu kỳ", LocalDate.of(2021, 2, 9), 2021, 2025, LocalDateTime.of(2021, 3, 30, 0, 0),
                "Asia/Ho_Chi_Minh", List.of(), 2023, 2025, false, "12-20"));
        var campaign = campaigns.open(created.getId(), "bantdkt");
        String cycle = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("CK | " + campaign.getCode()).singleResult().getId();

        assertThat(timer(cycle).getDuedate().toInstant())
                .isEqualTo(LocalDateTime.of(2021, 12, 20, 0, 0).atZone(VIETNAM).toInstant());
        clockAt(LocalDateTime.of(2021, 12, 20, 0, 0));
        managementService.executeJob(timer(cycle).getId());
        assertThat(evaluations.roundOf(campaign.getId(), 2021)).isPresent();

        assertThat(timer(cycle).getDuedate().toInstant())
                .isEqualTo(LocalDateTime.of(2022, 12, 20, 0, 0).atZone(VIETNAM).toInstant());
        assertThat(evaluations.roundOf(campaign.getId(), 2022)).as("not before its day").isEmpty();
        clockAt(LocalDateTime.of(2022, 12, 20, 0, 0));
        managementService.executeJob(timer(cycle).getId());
        assertThat(evaluations.roundOf(campaign.getId(), 2022)).isPresent();
    }

    private org.camunda.bpm.engine.runtime.Job timer(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
    }

    private void selfAssess(Long roundId, String unit, int tc1, int tc2, int bonus, int penalty) {
        Task task = tasks(roundId, "Task_SelfAssess").stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> ("donvi." + unit.toLowerCase()).equals(l.getGroupId())))
                .findFirst().orElseThrow();
        complete("canbo." + unit.toLowerCase(), task, Map.of("selfScores", "[{\"criterion\":\"TC1\",\"points\":" + tc1
                + ",\"evidence\":\"Báo cáo năm\"},{\"criterion\":\"TC2\",\"points\":" + tc2 + "},{\"criterion\":\"TH\",\"points\":"
                + bonus + "},{\"criterion\":\"TR\",\"points\":" + penalty + "}]"));
    }

    private void vote(Long roundId, String voter, String voted) {
        Task task = tasks(roundId, "Task_BlockVote").stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> ("donvi." + voter.toLowerCase()).equals(l.getGroupId())))
                .findFirst().orElseThrow();
        complete("canbo." + voter.toLowerCase(), task, Map.of("votedUnit", voted));
    }

    private List<Task> tasks(Long roundId, String key) {
        return scenario.tasks(roundId, key);
    }

    private Task single(Long roundId, String key) {
        return tasks(roundId, key).get(0);
    }

    private void complete(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    private static void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(VIETNAM).toInstant()));
    }
}
