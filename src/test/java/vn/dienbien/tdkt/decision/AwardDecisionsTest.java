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
import vn.dienbien.tdkt.WorkflowTest;

@WorkflowTest
class AwardDecisionsTest {

    @Autowired AwardDecisions decisions;

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
}
