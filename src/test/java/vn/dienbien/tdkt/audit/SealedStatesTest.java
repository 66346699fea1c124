package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sealing's memory of each case's last seal is used only for the very head it was kept for. */
class SealedStatesTest {

    private static Map<String, CaseLedger.Entry> latest(String hash) {
        return Map.of("DOSSIER:1", new CaseLedger.Entry(3, "DOSSIER:1", hash, false, "Hồ sơ", Instant.EPOCH));
    }

    @Test
    void aKeptStateIsGivenOnlyForTheSameSequenceAndHash() {
        SealedStates states = new SealedStates(10);
        states.keep("case-a", 3, "h3", latest("x"));

        assertThat(states.at("case-a", 3, "h3")).containsOnlyKeys("DOSSIER:1");
        assertThat(states.at("case-a", 4, "h3")).as("the head moved on (another node, or a later seal)").isNull();
        assertThat(states.at("case-a", 3, "other")).as("same number, another chain").isNull();
        assertThat(states.at("case-b", 3, "h3")).as("a case never kept").isNull();
    }

    @Test
    void aStateKeptByATransactionThatRolledBackIsNeverUsed() {
        SealedStates states = new SealedStates(10);
        states.keep("case-a", 3, "h3", latest("x"));
        // The next seal keeps seq 4 before its commit; the transaction rolls back, the head stays at 3.
        states.keep("case-a", 4, "h4", latest("y"));

        assertThat(states.at("case-a", 3, "h3")).as("the committed head: read from the database").isNull();
    }

    @Test
    void theLeastRecentlySealedCasesGoFirstAndAKeptMapCannotBeChangedFromOutside() {
        SealedStates states = new SealedStates(2);
        Map<String, CaseLedger.Entry> mutable = new HashMap<>(latest("x"));
        states.keep("case-a", 1, "a", mutable);
        states.keep("case-b", 1, "b", latest("x"));
        assertThat(states.at("case-a", 1, "a")).isNotNull(); // case-a used: case-b is now the eldest
        states.keep("case-c", 1, "c", latest("x"));

        assertThat(states.size()).isEqualTo(2);
        assertThat(states.at("case-b", 1, "b")).isNull();
        mutable.clear();
        assertThat(states.at("case-a", 1, "a")).containsOnlyKeys("DOSSIER:1");
    }
}
