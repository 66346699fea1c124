package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * A transaction's pending seal is found as a resource of that transaction (issue 12, twenty-third pass). A
 * transaction started inside another (REQUIRES_NEW, as the calendar's check and the decision counter do) must
 * collect its own cases, seal them at its own commit, and leave the outer transaction's cases as they were; and
 * nothing may be left bound once a transaction ends.
 */
@WorkflowTest
class LedgerSealingTransactionsTest {

    @Autowired LedgerSealing sealing;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aTransactionStartedInsideAnotherCollectsItsOwnCases() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        Set<String> seenInside = outer.execute(status -> {
            sealing.recordsWritten("case-ngoai", Set.of("dossier"));
            Set<String> inside = inner.execute(innerStatus -> {
                Set<String> before = sealing.pendingCases();
                sealing.recordsWritten("case-trong", Set.of("dossier"));
                assertThat(sealing.pendingCases()).containsExactly("case-trong");
                return before;
            });
            assertThat(sealing.pendingCases()).as("the outer transaction's cases after the inner one")
                    .containsExactly("case-ngoai");
            sealing.recordsWritten("case-ngoai-2", Set.of("dossier"));
            assertThat(sealing.pendingCases()).containsExactlyInAnyOrder("case-ngoai", "case-ngoai-2");
            return inside;
        });

        assertThat(seenInside).as("the inner transaction starts with nothing pending").isEmpty();
        assertThat(sealing.pendingCases()).as("outside any transaction").isEmpty();
        Set<String> next = new TransactionTemplate(transactions).execute(status -> {
            sealing.historyChanged("case-sau", null, null);
            return sealing.pendingCases();
        });
        assertThat(next).as("a later transaction starts afresh").containsExactly("case-sau");
    }

    @Test
    void aTransactionThatRollsBackLeavesNothingForTheNext() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.executeWithoutResult(status -> {
            sealing.recordsWritten("case-bo", Set.of("dossier"));
            status.setRollbackOnly();
        });
        Set<String> next = template.execute(status -> {
            sealing.recordsWritten("case-moi", Set.of("dossier"));
            return sealing.pendingCases();
        });
        assertThat(next).containsExactly("case-moi");
    }
}
