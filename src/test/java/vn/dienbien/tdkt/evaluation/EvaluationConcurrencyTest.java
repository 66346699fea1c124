package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.dossier.DossierQueries;

/** The five units of a block act at the same instant: every completion succeeds and the case goes on once. */
@WorkflowTest
class EvaluationConcurrencyTest {

    private static final List<String> CUM2 = List.of("DBDONG", "MCHA", "MNHE", "NAMPO", "TCHUA");

    @Autowired EvaluationScenario scenario;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired UnitScoreRepository scores;
    @Autowired BlockVoteRepository votes;
    @Autowired BlockResultRepository results;
    @Autowired DossierQueries dossiers;

    @Test
    void fiveUnitsSelfAssessAndVoteAtTheSameInstantAndTheBlockConcludesOnce() throws Exception {
        var campaign = scenario.campaign(2051, 2055);
        scenario.clockAt(java.time.LocalDateTime.of(2051, 12, 15, 8, 0));
        scenario.table("CUM2", 2051, "canbo.mnhe");
        Long roundId = scenario.openRound(campaign, 2051);

        List<Callable<Void>> selfAssessments = new ArrayList<>();
        for (String unit : CUM2) {
            Task task = scenario.taskOf(roundId, "Task_SelfAssess", unit);
            selfAssessments.add(completion("canbo." + unit.toLowerCase(), task,
                    Map.of("selfScores", EvaluationScenario.scores(40 + CUM2.indexOf(unit), 30, 0, 0))));
        }
        runTogether(selfAssessments);

        assertThat(scores.countByRoundId(roundId))
                .as("four criteria of five units").isEqualTo(20);
        assertThat(scenario.tasks(roundId, "Task_SelfAssess")).isEmpty();
        assertThat(scenario.executeJobs(roundId)).isEqualTo(5);
        assertThat(scenario.tasks(roundId, "Task_Adjust")).as("the case went on exactly once").hasSize(1);

        scenario.completeAs("canbo.mnhe", scenario.tasks(roundId, "Task_Adjust").get(0), Map.of("adjustments", "[]"));
        List<Callable<Void>> ballots = new ArrayList<>();
        for (String unit : CUM2) {
            ballots.add(completion("canbo." + unit.toLowerCase(), scenario.taskOf(roundId, "Task_BlockVote", unit),
                    Map.of("votedUnit", "TCHUA")));
        }
        runTogether(ballots);

        assertThat(votes.countByRoundId(roundId)).isEqualTo(5);
        assertThat(scenario.executeJobs(roundId)).isEqualTo(5);
        assertThat(results.findByRoundId(roundId)).as("one result for the block").hasSize(1);
        assertThat(dossiers.historyOfUnit("TCHUA").stream().filter(e -> e.awardCode().equals("FLAG") && e.year() == 2051))
                .as("one Flag dossier").hasSize(1);
        assertThat(scenario.caseEnded(roundId)).as("the round's case has ended").isTrue();
    }

    @Test
    void twoOfficersOfAUnitSendingItsSelfAssessmentAtOnceStoreItOnceAndTheLaterIsToldSo() throws Exception {
        var campaign = scenario.campaign(2056, 2060);
        scenario.clockAt(java.time.LocalDateTime.of(2056, 12, 15, 8, 0));
        scenario.table("CUM2", 2056, "canbo.mnhe");
        Long roundId = scenario.openRound(campaign, 2056);
        Task task = scenario.taskOf(roundId, "Task_SelfAssess", "MCHA");

        List<Throwable> failures = runTogetherCollecting(List.of(
                completion("canbo.mcha", task, Map.of("selfScores", EvaluationScenario.scores(40, 30, 0, 0))),
                completion("lanhdao.mcha", task, Map.of("selfScores", EvaluationScenario.scores(41, 31, 0, 0)))));

        assertThat(failures).as("exactly one of the two loses").hasSize(1);
        assertThat(conflictOf(failures.get(0))).as("the loser is told someone acted first: " + failures.get(0)).isTrue();
        assertThat(scores.countByRoundId(roundId)).as("stored once").isEqualTo(4);
        assertThat(scenario.executeJobs(roundId)).as("one continuation").isEqualTo(1);
    }

    /** Our 409, or the engine's own optimistic-locking refusal (which /engine-rest answers with 409). */
    private static boolean conflictOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof vn.dienbien.tdkt.platform.ApiException api) {
                return api.status() == org.springframework.http.HttpStatus.CONFLICT;
            }
            if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
                    || t instanceof org.camunda.bpm.engine.exception.NullValueException
                    || t instanceof org.camunda.bpm.engine.exception.NotFoundException) {
                return true;
            }
        }
        return false;
    }

    private Callable<Void> completion(String userId, Task task, Map<String, Object> variables) {
        List<String> groups = scenario.groupsOf(userId);
        return () -> {
            identityService.setAuthentication(userId, groups);
            try {
                taskService.complete(task.getId(), variables);
            } finally {
                identityService.clearAuthentication();
            }
            return null;
        };
    }

    private static List<Throwable> runTogetherCollecting(List<Callable<Void>> calls) throws Exception {
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> guarded = new ArrayList<>();
        for (Callable<Void> call : calls) {
            guarded.add(() -> {
                try {
                    call.call();
                } catch (Exception e) {
                    failures.add(e);
                }
                return null;
            });
        }
        runTogether(guarded);
        return failures;
    }

    /** Starts every call on its own thread at the same instant and waits for all; any failure fails the test. */
    private static void runTogether(List<Callable<Void>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Void> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
