package vn.dienbien.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.WorkflowTest;

@WorkflowTest
class AwardDecisionsTest {

    @Autowired AwardDecisions decisions;
    @Autowired Annulments annulments;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void decisionsIssuedAtTheSameMomentGetDistinctConsecutiveNumbers() throws Exception {
        LocalDate day = LocalDate.of(2029, 6, 1);
        int before = decisions.ofYear(2029).size();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DecisionView>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long dossierId = 9000 + i;
            results.add(pool.submit(() -> {
                start.await();
                return decisions.issue("Quyết định khen thưởng " + dossierId, day, "Chủ tịch UBND tỉnh", "chutich",
                        List.of(new AwardDecisions.NewAwardee(dossierId, "CERTIFICATE", "Người " + dossierId, "Sở Y tế")));
            }));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<DecisionView> result : results) {
            DecisionView decision = result.get(60, TimeUnit.SECONDS);
            assertThat(decision.code()).isEqualTo(decision.number() + "/QĐ-UBND");
            numbers.add(decision.number());
        }
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.stream().sorted().toList())
                .containsExactly(before + 1, before + 2, before + 3, before + 4);
    }

    @Test
    void twoClerksRegisteringTheSameNumberAtOnceGetItOnceAndTheOtherIsRefusedWithAConflict() throws Exception {
        LocalDate day = LocalDate.of(2033, 3, 1);
        int chosen = decisions.nextNumber(2033) + 4;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long dossierId = 9100 + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return decisions.issue("Quyết định khen thưởng " + dossierId, day, "Chủ tịch UBND tỉnh", "chutich",
                            List.of(new AwardDecisions.NewAwardee(dossierId, "CERTIFICATE", "Người " + dossierId, "Sở Y tế")),
                            new AwardDecisions.Registration(chosen, null, "vanthu.ubnd"));
                } catch (vn.dienbien.tdkt.platform.ApiException refused) {
                    return refused;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(DecisionView.class::isInstance).singleElement()
                .satisfies(d -> assertThat(((DecisionView) d).code()).isEqualTo(chosen + "/QĐ-UBND"));
        assertThat(outcomes).filteredOn(vn.dienbien.tdkt.platform.ApiException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((vn.dienbien.tdkt.platform.ApiException) e).status())
                        .isEqualTo(org.springframework.http.HttpStatus.CONFLICT));
        assertThat(decisions.ofYear(2033)).filteredOn(d -> d.number() == chosen).hasSize(1);
        // The register follows the highest number used; the gap below it stays free.
        assertThat(decisions.nextNumber(2033)).isEqualTo(chosen + 1);
        assertThat(decisions.issue("Quyết định khen thưởng (số trống)", day, "Chủ tịch UBND tỉnh", "chutich",
                List.of(new AwardDecisions.NewAwardee(9102L, "CERTIFICATE", "Người 9102", "Sở Y tế")),
                new AwardDecisions.Registration(chosen - 2, null, "vanthu.ubnd")).number()).isEqualTo(chosen - 2);
        assertThat(decisions.nextNumber(2033)).isEqualTo(chosen + 1);
    }

    @Test
    void aReservedNumberIsGivenToNoOtherCaseAndAReleasedOneIsOfferedAgainSoTheRegisterStaysGapless() {
        LocalDate day = LocalDate.of(2034, 2, 1);
        int first = decisions.reserve("test:a", 2034);
        int second = decisions.reserve("test:b", 2034);
        assertThat(second).isEqualTo(first + 1);
        assertThat(decisions.reserve("test:a", 2034)).as("the same case keeps its number").isEqualTo(first);
        assertThat(decisions.reservation("test:b", 2034)).hasValue(second);
        assertThat(decisions.nextNumber(2034)).as("reserved numbers are skipped").isEqualTo(first + 2);

        // Numbers given without a case (a decision, an annulment) skip the reserved ones.
        DecisionView plain = issue(9300L, null, 0);
        assertThat(plain.number()).isEqualTo(first + 2);
        AnnulmentView annulment = annulments.annul(9300L, AnnulmentKind.REVOKE, "Kê khai thành tích không đúng sự thật.",
                day, "Chủ tịch UBND tỉnh", "chutich", null);
        assertThat(annulment.code()).isEqualTo((first + 3) + "/QĐ-UBND");

        // The later case registers first, under exactly its number; the earlier one's number stays held.
        assertThat(issue(9301L, "test:b", second).number()).isEqualTo(second);
        assertThat(decisions.reservation("test:b", 2034)).as("registered: no longer held").isEmpty();
        assertThat(decisions.reserve("test:a", 2034)).isEqualTo(first);

        // The earlier case ends without a decision: its number is the next one offered, to another case.
        decisions.release("test:a");
        assertThat(decisions.nextNumber(2034)).isEqualTo(first);
        assertThat(decisions.reserve("test:c", 2034)).isEqualTo(first);
        assertThat(issue(9302L, "test:c", first).number()).isEqualTo(first);

        List<Integer> numbers = decisions.ofYear(2034).stream().map(DecisionView::number).toList();
        assertThat(numbers).containsExactlyInAnyOrder(first, first + 1, first + 2);
        assertThat(decisions.nextNumber(2034)).as("no gap, none reserved").isEqualTo(first + 4);
    }

    @Test
    void aCaseRegisteringItsReservedNumberDoesNotQueueBehindTheCounterLockAndTheRegisterStaysGapless() throws Exception {
        int first = decisions.reserve("test:p", 2035);
        int second = decisions.reserve("test:q", 2035);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // Another văn thư opens a session's registration form: the counter row stays locked while it is open.
        Future<Integer> third = pool.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
            int number = decisions.reserve("test:r", 2035);
            locked.countDown();
            try {
                finish.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return number;
        }));
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<DecisionView> registered = pool.submit(() -> issue(9400L, "test:p", first, 2035));
            assertThat(registered.get(20, TimeUnit.SECONDS).number())
                    .as("registered under its reservation while the counter row is locked").isEqualTo(first);
        } finally {
            finish.countDown();
        }
        assertThat(third.get(60, TimeUnit.SECONDS)).as("the locked reservation skipped the held numbers").isEqualTo(second + 1);
        pool.shutdown();
        assertThat(issue(9401L, "test:q", second, 2035).number()).isEqualTo(second);
        assertThat(issue(9402L, "test:r", second + 1, 2035).number()).isEqualTo(second + 1);
        assertThat(decisions.reserve("test:s", 2035)).as("the counter caught up: next in line").isEqualTo(second + 2);
        assertThat(issue(9403L, null, 0, 2035).number()).as("a number given without a case skips the held one")
                .isEqualTo(second + 3);
        assertThat(decisions.ofYear(2035).stream().map(DecisionView::number).sorted().toList())
                .containsExactly(first, second, second + 1, second + 3);
    }

    private DecisionView issue(long dossierId, String holder, int number) {
        return issue(dossierId, holder, number, 2034);
    }

    private DecisionView issue(long dossierId, String holder, int number, int year) {
        var awardees = List.of(new AwardDecisions.NewAwardee(dossierId, "CERTIFICATE", "Người " + dossierId, "Sở Y tế"));
        LocalDate day = LocalDate.of(year, 2, 1);
        return holder == null ? decisions.issue("Quyết định khen thưởng " + dossierId, day, "Chủ tịch UBND tỉnh", "chutich", awardees)
                : decisions.issue("Quyết định khen thưởng " + dossierId, day, "Chủ tịch UBND tỉnh", "chutich", awardees,
                        new AwardDecisions.Registration(number, null, "vanthu.ubnd", holder));
    }
}
