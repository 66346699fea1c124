package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.platform.ApiException;

/** People acting at the same instant (issue 7, defect 11): every ballot counts once, the session goes on once. */
@WorkflowTest
class CouncilConcurrencyTest {

    @Autowired CouncilScenario scenario;
    @Autowired CouncilSessionViews views;
    @Autowired CouncilVoteRepository votes;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired TestRestTemplate rest;

    private final ExecutorService pool = Executors.newFixedThreadPool(CouncilScenario.MEMBERS.size());

    @AfterEach
    void stop() {
        pool.shutdownNow();
        identityService.clearAuthentication();
    }

    @Test
    void sevenMembersCompletingTheirBallotsAtTheSameInstantAllSucceedAndTheSessionGoesOnOnce() throws Exception {
        Long a = scenario.acceptedCertificate("Lò Văn Pánh");
        Long b = scenario.acceptedCertificate("Quàng Thị Dung");
        Long sessionId = scenario.open("Phiên họp biểu quyết đồng thời", LocalDate.now(), List.of(a, b));
        String process = scenario.processOf(sessionId);

        List<Callable<Void>> ballots = new ArrayList<>();
        for (String member : CouncilScenario.MEMBERS) {
            Task task = scenario.ballotTask(sessionId, member);
            String ballot = scenario.ballot(List.of(a, b), "YES");
            ballots.add(() -> {
                scenario.vote(task, member, ballot);
                return null;
            });
        }
        for (Future<Void> result : atTheSameInstant(ballots)) {
            result.get(60, TimeUnit.SECONDS); // every member's completion succeeded
        }

        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).hasSize(14);
        assertThat(taskService.createTaskQuery().processInstanceId(process).taskDefinitionKey("Task_Vote").count()).isZero();
        // Ballots that collided were completed again whole (platform's CompletionRetry): no job per ballot; the
        // session goes on in one job after the last.
        assertThat(managementService.createJobQuery().processInstanceId(process).messages().count())
                .as("no job per ballot; one after the last").isOne();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_Tally").finished().count()).as("nothing tallied before the job runs").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_Vote").finished().count()).as("every ballot completed").isEqualTo(7);

        assertThat(scenario.executeJobs(sessionId)).isEqualTo(1);

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_Tally").count()).as("tallied exactly once").isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(process).taskDefinitionKey("Task_Submission").count())
                .isOne();
        var view = views.view(sessionId, scenario.user("kiemtoan"));
        assertThat(view.status()).isEqualTo("TALLIED");
        assertThat(view.dossiers()).allSatisfy(d -> {
            assertThat(d.yes()).isEqualTo(7);
            assertThat(d.passed()).isTrue();
        });
    }

    /**
     * As Tasklist sends them: seven ballot forms submitted through the engine REST at the same instant. Each answers
     * 204 (a submission that collided in the session's count is completed again whole, never a 409 for a ballot
     * nobody else touched), each ballot is recorded once, and the session goes on once.
     */
    @Test
    void sevenBallotFormsSubmittedThroughTasklistAtTheSameInstantAllAnswerNoContent() throws Exception {
        Long a = scenario.acceptedCertificate("Lò Thị Phương");
        Long sessionId = scenario.open("Phiên họp gửi phiếu qua Tasklist cùng lúc", LocalDate.now(), List.of(a));
        String process = scenario.processOf(sessionId);

        List<Callable<Integer>> submissions = new ArrayList<>();
        for (String member : CouncilScenario.MEMBERS) {
            String taskId = scenario.ballotTask(sessionId, member).getId();
            String base64 = Base64.getEncoder().encodeToString(scenario.ballot(List.of(a), "YES")
                    .getBytes(StandardCharsets.UTF_8));
            submissions.add(() -> rest.withBasicAuth(member, "demo").postForEntity(
                    "/engine-rest/task/" + taskId + "/submit-form",
                    Map.of("variables", Map.of("ballot",
                            Map.of("value", base64, "type", "Bytes", "valueInfo", Map.of("transient", true)))),
                    String.class).getStatusCode().value());
        }
        for (Future<Integer> status : atTheSameInstant(submissions)) {
            assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(HttpStatus.NO_CONTENT.value());
        }

        assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId)).hasSize(7)
                .extracting(v -> v.getMemberId()).containsExactlyInAnyOrderElementsOf(CouncilScenario.MEMBERS);
        assertThat(managementService.createJobQuery().processInstanceId(process).messages().count())
                .as("no job per ballot; one after the last").isOne();
        assertThat(scenario.executeJobs(sessionId)).isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_Tally").count()).as("tallied exactly once").isOne();
        assertThat(views.view(sessionId, scenario.user("kiemtoan")).status()).isEqualTo("TALLIED");
    }

    @Test
    void twoCompletionsOfOneBallotAtTheSameInstantRecordItOnceAndTheLoserIsToldOfTheConflict() throws Exception {
        Long a = scenario.acceptedCertificate("Tòng Văn Hặc");
        Long sessionId = scenario.open("Phiên họp bấm hai lần", LocalDate.now(), List.of(a));
        String process = scenario.processOf(sessionId);

        for (String member : CouncilScenario.MEMBERS) {
            Task task = scenario.ballotTask(sessionId, member);
            // A double click by the member, or the member and the secretary with a written vote at once.
            String second = member.hashCode() % 2 == 0 ? member : "thuongtruc.hd";
            List<Future<Void>> results = atTheSameInstant(List.of(
                    () -> { scenario.vote(task, member, scenario.ballot(List.of(a), "YES")); return null; },
                    () -> { scenario.vote(task, second, scenario.ballot(List.of(a), "NO")); return null; }));

            List<Throwable> losers = new ArrayList<>();
            for (Future<Void> result : results) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    losers.add(e.getCause());
                }
            }
            assertThat(losers).as("round of " + member).hasSize(1);
            assertThat(losers.get(0)).as("round of " + member).satisfiesAnyOf(
                    loser -> assertThat(CouncilScenario.refusal(loser).status()).isEqualTo(HttpStatus.CONFLICT),
                    loser -> assertThat(loser).isInstanceOf(OptimisticLockingException.class),
                    loser -> assertThat(loser).hasMessageContaining("Cannot find task"),
                    // the winner's completion removed the task and its authorizations first
                    loser -> assertThat(loser).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class));
            assertThat(votes.findBySessionIdOrderByDossierIdAscMemberIdAsc(sessionId))
                    .filteredOn(v -> v.getMemberId().equals(member)).as("round of " + member).hasSize(1);
        }
        assertThat(managementService.createJobQuery().processInstanceId(process).messages().count())
                .as("one job after the last ballot").isOne();
        assertThat(scenario.executeJobs(sessionId)).isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_Tally").count()).isOne();
    }

    /**
     * The absent member's ballot arrives at the instant the standing body closes voting: one of the
     * two wins; never is a member both voted and recorded absent, and the session tallies once.
     */
    @Test
    void aBallotAndTheClosingAtTheSameInstantNeverLeaveAMemberBothVotedAndAbsent() throws Exception {
        Long a = scenario.acceptedCertificate("Lò Thị Ban");
        Long sessionId = scenario.open("Phiên họp kết thúc đồng thời", LocalDate.now(), List.of(a));
        String process = scenario.processOf(sessionId);
        for (String member : CouncilScenario.MEMBERS.subList(0, 6)) {
            scenario.vote(sessionId, member, member, scenario.ballot(List.of(a), "YES"));
        }
        scenario.executeJobs(sessionId);
        Task last = scenario.ballotTask(sessionId, "thuongtruc.hd");
        Task close = scenario.task(sessionId, "Task_CloseVoting");

        List<Future<Void>> outcomes = atTheSameInstant(List.of(
                () -> { scenario.vote(last, "thuongtruc.hd", scenario.ballot(List.of(a), "NO")); return null; },
                () -> { scenario.completeAs("thuongtruc.hd", close, java.util.Map.of()); return null; }));
        boolean voted = succeeded(outcomes.get(0));
        boolean closed = succeeded(outcomes.get(1));
        assertThat(voted || closed).as("one of the two goes through").isTrue();
        scenario.executeJobs(sessionId);
        if (!closed && scenario.task(sessionId, "Task_CloseVoting") != null) {
            scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_CloseVoting"), java.util.Map.of());
        }

        var view = views.view(sessionId, scenario.user("kiemtoan"));
        boolean hasVote = !votes.findBySessionIdAndMemberIdOrderByDossierId(sessionId, "thuongtruc.hd").isEmpty();
        assertThat(view.status()).isEqualTo("TALLIED");
        assertThat(hasVote && view.absentMembers().contains("thuongtruc.hd")).as("voted and absent").isFalse();
        assertThat(hasVote || view.absentMembers().contains("thuongtruc.hd")).as("voted or absent").isTrue();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Task_Tally").count()).isOne();
    }

    private static boolean succeeded(Future<Void> outcome) throws InterruptedException {
        try {
            outcome.get(60, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Starts every call together (a latch releases them all at once) and returns their outcomes. */
    private <T> List<Future<T>> atTheSameInstant(List<Callable<T>> calls) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (Callable<T> call : calls) {
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        for (Future<T> result : results) {
            try {
                result.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // examined by the caller
            }
        }
        return results;
    }
}
