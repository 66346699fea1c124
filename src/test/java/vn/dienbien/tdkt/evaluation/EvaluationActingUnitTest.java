package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * A unit acts only in its own name: overwriting the case's variables (unitCode, departmentCode,
 * blockCode, roundId, year) when completing a task never makes the system act for another unit,
 * block or round; and only the task's own unit completes it.
 */
@WorkflowTest
class EvaluationActingUnitTest {

    @Autowired EvaluationScenario scenario;
    @Autowired EvaluationSteps steps;
    @Autowired EvaluationRoundRepository rounds;
    @Autowired UnitScoreRepository scores;
    @Autowired BlockVoteRepository votes;
    @Autowired TargetRepository targets;
    @Autowired TargetActualRepository actuals;
    @Autowired BlockEvaluations evaluations;
    @Autowired CampaignRepository campaigns;
    @Autowired OrgUnitRepository units;
    @Autowired TaskService taskService;

    @Test
    void aUnitsOfficerCannotSelfAssessInAnotherUnitsNameBlockOrRound() {
        var campaign = scenario.campaign(2061, 2065);
        scenario.clockAt(LocalDateTime.of(2061, 12, 15, 8, 0));
        scenario.table("CUM2", 2061, "canbo.mnhe");
        Long roundId = scenario.openRound(campaign, 2061);
        Long otherRound = scenario.openRound(campaign, 2062);
        var mchaTask = scenario.taskOf(roundId, "Task_SelfAssess", "MCHA");
        String mchaScores = EvaluationScenario.scores(45, 35, 5, 0);

        assertThat(refusal(() -> scenario.completeAs("canbo.mcha", mchaTask,
                Map.of("selfScores", mchaScores, "unitCode", "NAMPO"))).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> scenario.completeAs("canbo.mcha", mchaTask,
                Map.of("selfScores", mchaScores, "blockCode", "CUM1"))).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> scenario.completeAs("canbo.mcha", mchaTask,
                Map.of("selfScores", mchaScores, "roundId", otherRound))).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> scenario.completeAs("canbo.mcha", mchaTask,
                Map.of("selfScores", mchaScores, "year", 2062))).status()).isEqualTo(HttpStatus.FORBIDDEN);
        // Someone whose permissions reach every task (the administrator) is still not the unit.
        assertThat(refusal(() -> scenario.completeAs("admin", mchaTask, Map.of("selfScores", mchaScores)))
                .getMessage()).contains("UBND huyện Mường Chà");
        // Another unit's officer cannot even complete the task.
        assertThatThrownBy(() -> scenario.completeAs("canbo.nampo", mchaTask, Map.of("selfScores", mchaScores)))
                .isInstanceOf(AuthorizationException.class);

        assertThat(scores.existsByRoundIdAndUnitId(roundId, unitId("NAMPO"))).as("nothing in Nậm Pồ's name").isFalse();
        assertThat(scores.existsByRoundIdAndUnitId(roundId, unitId("MCHA"))).isFalse();
        assertThat(scores.countByRoundId(otherRound)).as("nothing in the other round").isZero();
        assertThat(taskService.createTaskQuery().taskId(mchaTask.getId()).count()).as("the task is still open").isOne();

        scenario.completeAs("canbo.mcha", mchaTask, Map.of("selfScores", mchaScores));
        assertThat(scores.findByRoundIdAndUnitId(roundId, unitId("MCHA"))).hasSize(4);
        assertThat(scores.existsByRoundIdAndUnitId(roundId, unitId("NAMPO"))).isFalse();
    }

    @Test
    void aUnitCannotVoteInAnotherUnitsNameNorTheLeaderReviewAnotherBlock() {
        var campaign = scenario.campaign(2066, 2070);
        scenario.clockAt(LocalDateTime.of(2066, 12, 15, 8, 0));
        scenario.table("CUM2", 2066, "canbo.mnhe");
        scenario.table("CUM1", 2066, "canbo.dbp");
        Long roundId = scenario.openRound(campaign, 2066);
        for (String unit : new String[] {"DBDONG", "MCHA", "MNHE", "NAMPO", "TCHUA"}) {
            scenario.selfAssess(roundId, unit, 40, 30, 0, 0);
        }
        scenario.executeJobs(roundId);
        var round = rounds.findById(roundId).orElseThrow();
        assertThat(refusal(() -> steps.selfAssess(round, units.findByCode("MCHA").orElseThrow(),
                EvaluationScenario.scores(1, 1, 0, 0))).status()).as("once only").isEqualTo(HttpStatus.CONFLICT);

        var review = scenario.tasks(roundId, "Task_Adjust").stream()
                .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> "donvi.mnhe".equals(l.getGroupId()))).findFirst().orElseThrow();
        assertThat(refusal(() -> scenario.completeAs("canbo.mnhe", review, Map.of("adjustments", "[]", "blockCode", "CUM1")))
                .status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> scenario.completeAs("canbo.mnhe", review, Map.of("adjustments",
                "[{\"unit\":\"DBP\",\"criterion\":\"TC1\",\"points\":1,\"reason\":\"Khối khác\"}]"))).getMessage())
                .contains("không thuộc");
        scenario.completeAs("canbo.mnhe", review, Map.of("adjustments", "[]"));

        var mchaBallot = scenario.taskOf(roundId, "Task_BlockVote", "MCHA");
        assertThat(refusal(() -> scenario.completeAs("canbo.mcha", mchaBallot,
                Map.of("votedUnit", "MCHA", "unitCode", "NAMPO"))).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(votes.existsByRoundIdAndVoterUnitId(roundId, unitId("NAMPO"))).as("no ballot in Nậm Pồ's name").isFalse();
        assertThat(votes.countByRoundId(roundId)).isZero();
        assertThat(refusal(() -> scenario.completeAs("canbo.mcha", mchaBallot, Map.of("votedUnit", "DBP"))).getMessage())
                .as("a unit of another block").contains("cùng khối");

        scenario.vote(roundId, "MCHA", "MNHE");
        assertThat(votes.existsByRoundIdAndVoterUnitId(roundId, unitId("MCHA"))).isTrue();
        assertThat(votes.existsByRoundIdAndVoterUnitId(roundId, unitId("NAMPO"))).isFalse();
        assertThat(refusal(() -> steps.vote(round, units.findByCode("MCHA").orElseThrow(), "MNHE", "canbo.mcha"))
                .status()).as("one ballot per unit").isEqualTo(HttpStatus.CONFLICT);
        // CUM1 has not been reviewed: its units cannot vote yet.
        assertThat(refusal(() -> steps.vote(round, units.findByCode("DBP").orElseThrow(), "DBP", "canbo.dbp"))
                .status()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aDepartmentCannotEnterTargetValuesInAnotherDepartmentsNameOrYear() {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        Long roundId = evaluations.openRound(campaign, 2024, "bantdkt");
        var snnTask = scenario.taskOf(roundId, "Task_EnterTargets", "SNNPTNT");
        var sytTarget = targets.findByCampaignIdOrderByCode(campaign).stream()
                .filter(t -> t.getResponsibleUnitId().equals(unitId("SYT"))).findFirst().orElseThrow();
        String sytValue = "[{\"code\":\"" + sytTarget.getCode() + "\",\"value\":1.5}]";

        assertThat(refusal(() -> scenario.completeAs("canbo.snnptnt", snnTask,
                Map.of("targetValues", sytValue, "departmentCode", "SYT"))).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> scenario.completeAs("canbo.snnptnt", snnTask,
                Map.of("targetValues", "[{\"code\":\"1.3.15\",\"value\":44.5}]", "year", 2022))).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> scenario.completeAs("canbo.snnptnt", snnTask, Map.of("targetValues", sytValue)))
                .status()).as("another department's indicator").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refusal(() -> scenario.completeAs("canbo.snnptnt", snnTask, Map.of("targetValues", "[null]")))
                .status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusal(() -> scenario.completeAs("canbo.snnptnt", snnTask,
                Map.of("targetValues", "[{\"code\":\"1.3.15\",\"value\":1e20}]"))).status()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(actuals.findByTargetIdAndYear(sytTarget.getId(), 2024)).as("nothing in Sở Y tế's name").isEmpty();
        var forest = targets.findByCampaignIdAndCode(campaign, "1.3.15").orElseThrow();
        assertThat(actuals.findByTargetIdAndYear(forest.getId(), 2022)).isEmpty();

        Map<String, Object> own = new HashMap<>();
        own.put("targetValues", "[{\"code\":\"1.3.15\",\"value\":44.5}]");
        scenario.completeAs("canbo.snnptnt", snnTask, own);
        assertThat(actuals.findByTargetIdAndYear(forest.getId(), 2024)).get()
                .satisfies(a -> assertThat(a.getValue()).isEqualByComparingTo(new BigDecimal("44.5")));
    }

    private Long unitId(String code) {
        return units.findByCode(code).orElseThrow().getId();
    }

    /** The refusal our services raised, wherever the engine wrapped it. */
    static ApiException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        Throwable t = thrown;
        while (t != null && !(t instanceof ApiException)) {
            t = t.getCause();
        }
        assertThat(t).as("refused by our services, got: " + thrown).isInstanceOf(ApiException.class);
        return (ApiException) t;
    }
}
