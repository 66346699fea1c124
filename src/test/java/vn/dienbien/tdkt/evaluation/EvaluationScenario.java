package vn.dienbien.tdkt.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Steps of the yearly evaluation as the units, leaders and the Board take them, on the engine's clock. */
@Component
class EvaluationScenario {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final CampaignService campaigns;
    private final ScoringTables tables;
    private final BlockEvaluations evaluations;
    private final EvaluationRoundRepository rounds;
    private final TaskService taskService;
    private final org.camunda.bpm.engine.RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    EvaluationScenario(CampaignService campaigns, ScoringTables tables, BlockEvaluations evaluations,
            EvaluationRoundRepository rounds, TaskService taskService, ManagementService managementService,
            IdentityService identityService, org.camunda.bpm.engine.RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
        this.campaigns = campaigns;
        this.tables = tables;
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(VIETNAM).toInstant()));
    }

    /** A draft campaign over the given years (a round needs no more). */
    Campaign campaign(int fromYear, int toYear) {
        clockAt(LocalDateTime.of(fromYear, 2, 10, 8, 0));
        return campaigns.create(new CampaignService.NewCampaign("DG" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000
                + "/KH", "Phong trào thi đua kiểm thử " + fromYear + "–" + toYear, LocalDate.of(fromYear, 2, 1), fromYear,
                toYear, LocalDateTime.of(fromYear, 3, 30, 0, 0), "Asia/Ho_Chi_Minh", List.of(), fromYear + 2, toYear, false));
    }

    /** The usual table: two criteria, a bonus and a penalty. */
    Long table(String block, int year, String leaderUser) {
        return tables.define(new ScoringTables.NewTable(block, year, null, List.of(
                new ScoringTables.NewCriterion("TC1", "Thực hiện nhiệm vụ chính trị", "CRITERION", new BigDecimal("50")),
                new ScoringTables.NewCriterion("TC2", "Phong trào thi đua, khen thưởng", "CRITERION", new BigDecimal("40")),
                new ScoringTables.NewCriterion("TH", "Điểm thưởng", "BONUS", new BigDecimal("10")),
                new ScoringTables.NewCriterion("TR", "Điểm trừ", "PENALTY", new BigDecimal("10")))), user(leaderUser));
    }

    String caseOf(Long roundId) {
        return rounds.findById(roundId).orElseThrow().getProcessInstanceId();
    }

    List<Task> tasks(Long roundId, String key) {
        return taskService.createTaskQuery().processInstanceId(caseOf(roundId)).taskDefinitionKey(key).list();
    }

    /** The task of one unit (by its candidate group). */
    Task taskOf(Long roundId, String key, String unitCode) {
        return tasks(roundId, key).stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> ("donvi." + unitCode.toLowerCase()).equals(l.getGroupId())))
                .findFirst().orElseThrow();
    }

    static String scores(int tc1, int tc2, int bonus, int penalty) {
        return "[{\"criterion\":\"TC1\",\"points\":" + tc1 + ",\"evidence\":\"Báo cáo năm\"},{\"criterion\":\"TC2\",\"points\":"
                + tc2 + "},{\"criterion\":\"TH\",\"points\":" + bonus + "},{\"criterion\":\"TR\",\"points\":" + penalty + "}]";
    }

    /** The unit's officer scores the unit. */
    void selfAssess(Long roundId, String unit, int tc1, int tc2, int bonus, int penalty) {
        completeAs("canbo." + unit.toLowerCase(), taskOf(roundId, "Task_SelfAssess", unit),
                Map.of("selfScores", scores(tc1, tc2, bonus, penalty)));
    }

    void vote(Long roundId, String voter, String voted) {
        completeAs("canbo." + voter.toLowerCase(), taskOf(roundId, "Task_BlockVote", voter), Map.of("votedUnit", voted));
    }

    /** Completes a task as a logged-in user would through Tasklist: with that user's groups. */
    void completeAs(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, groupsOf(userId));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Runs the case's continuations, as the job executor would; returns how many ran. */
    boolean caseEnded(Long roundId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(caseOf(roundId)).count() == 0;
    }

    int executeJobs(Long roundId) {
        int executed = 0;
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(caseOf(roundId)).executable().list()).isEmpty()) {
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }

    List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    CurrentUser user(String userId) {
        return new CurrentUser(userId, groupsOf(userId));
    }

    Long openRound(Campaign campaign, int year) {
        return evaluations.openRound(campaign.getId(), year, "bantdkt");
    }
}
