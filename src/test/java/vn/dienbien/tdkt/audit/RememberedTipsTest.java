package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Issue 12: a node remembers each chain's items as of the head it last sealed, and trusts that memory only while
 * the head it locks is that one. A seal rolled back, or another node's seal, leaves another head: the chain is
 * read again, so nothing is left unsealed and nothing is sealed twice.
 */
@WorkflowTest
class RememberedTipsTest {

    private static final CaseItems.Scope COMMENTS = new CaseItems.Scope(Set.of(), Set.of(CaseItems.COMMENT));

    @Autowired CouncilScenario scenario;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseItems items;
    @Autowired CaseLedger ledger;
    @Autowired TransactionTemplate transactions;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void aSealRolledBackIsNotTakenForTheChain() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 11, 4, 9, 0));
        String caseId = caseOf(scenario.acceptedCertificate("Lò Văn Lùi"));
        int seq = lastSeq(caseId);
        comment(caseId, "Ý kiến thứ nhất");

        transactions.executeWithoutResult(status -> {
            ledger.seal(Map.of(caseId, COMMENTS));
            assertThat(lastSeq(caseId)).isEqualTo(seq + 1);
            status.setRollbackOnly();
        });
        assertThat(lastSeq(caseId)).as("rolled back").isEqualTo(seq);

        // This node sealed the comment in memory only: the head it finds is the old one, so it reads the chain.
        ledger.seal(Map.of(caseId, COMMENTS));

        assertThat(lastSeq(caseId)).isEqualTo(seq + 1);
        CaseLedger.Verification verified = ledger.verify(caseId);
        assertThat(verified.itemStates()).containsValue("OK").doesNotContainValue("UNSEALED");
        assertThat(verified.intact()).as("%s", verified.problems()).isTrue();
    }

    @Test
    void anotherNodesSealIsReadAndNotSealedAgain() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 11, 5, 9, 0));
        String caseId = caseOf(scenario.acceptedCertificate("Quàng Văn Hai Nút"));
        CaseLedger otherNode = new CaseLedger(jdbc, items);
        comment(caseId, "Ý kiến ghi ở nút này");
        ledger.seal(Map.of(caseId, COMMENTS));
        int seq = lastSeq(caseId);

        comment(caseId, "Ý kiến ghi ở nút kia");
        otherNode.seal(Map.of(caseId, COMMENTS));
        assertThat(lastSeq(caseId)).isEqualTo(seq + 1);

        // Nothing changed since the other node's seal: this node, whose memory is a block behind, adds no block.
        ledger.seal(Map.of(caseId, COMMENTS));
        assertThat(lastSeq(caseId)).as("the other node's comment is not sealed twice").isEqualTo(seq + 1);

        comment(caseId, "Ý kiến thứ ba");
        ledger.seal(Map.of(caseId, COMMENTS));
        assertThat(lastSeq(caseId)).isEqualTo(seq + 2);
        assertThat(jdbc.queryForObject("select count(*) from audit_seal where case_id = ? and seq > ?", Integer.class,
                caseId, seq)).isEqualTo(2);
        CaseLedger.Verification verified = ledger.verify(caseId);
        assertThat(verified.intact()).as("%s %s", verified.problems(), verified.itemStates()).isTrue();
    }

    @Test
    void aCasesKindIsRememberedWhileItRunsAndReadAgainOnceItEnds() {
        CouncilScenario.clockAt(LocalDateTime.of(2024, 11, 6, 9, 0));
        String caseId = caseOf(scenario.acceptedCertificate("Cà Văn Kết Thúc"));
        comment(caseId, "Ý kiến khi hồ sơ còn chạy");
        ledger.seal(Map.of(caseId, COMMENTS));
        assertThat(items.remembersKeyOf(caseId)).isTrue();
        int seq = lastSeq(caseId);

        // Only an ended case's history can be removed through the engine: from its end on, its key is asked.
        transactions.executeWithoutResult(status -> {
            runtime.deleteProcessInstance(caseId, "Kiểm thử: hồ sơ kết thúc", true);
            assertThat(items.remembersKeyOf(caseId)).isFalse();
        });
        assertThat(lastSeq(caseId)).as("the end is sealed").isGreaterThan(seq);
        assertThat(items.remembersKeyOf(caseId)).isFalse();
        assertThat(items.definitionKeys(java.util.List.of(caseId))).containsEntry(caseId, "award-dossier");
        assertThat(items.remembersKeyOf(caseId)).as("an ended case is not remembered").isFalse();
        CaseLedger.Verification verified = ledger.verify(caseId);
        assertThat(verified.intact()).as("%s", verified.problems()).isTrue();
    }

    @Test
    void aHeadIsRememberedOnlyAsItWasAndMemoryIsBounded() {
        CaseLedger.Tips tips = new CaseLedger.Tips(2);
        Map<String, CaseLedger.Entry> one = Map.of();
        tips.remember("a", 3, "h3", one);
        assertThat(tips.at("a", 3, "h3")).isSameAs(one);
        assertThat(tips.at("a", 3, "khác")).isNull();
        assertThat(tips.at("a", 4, "h3")).isNull();
        tips.remember("b", 1, "h1", one);
        tips.remember("c", 1, "h1", one);
        assertThat(tips.size()).isEqualTo(2);
        assertThat(tips.at("a", 3, "h3")).as("the least recently sealed is forgotten").isNull();
        assertThat(tips.at("c", 1, "h1")).isSameAs(one);
    }

    private void comment(String caseId, String body) {
        jdbc.update("insert into case_comment (case_id, author, body, created_at) values (?, 'kiemtoan', ?,"
                + " current_timestamp)", caseId, body);
    }

    private int lastSeq(String caseId) {
        return jdbc.queryForObject("select last_seq from audit_ledger_head where case_id = ?", Integer.class, caseId);
    }

    private String caseOf(Long dossierId) {
        return jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class, dossierId);
    }
}
