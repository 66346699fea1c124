package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoteRuleTest {

    private final VoteRule rule = new VoteRule(70, 50, false);
    private final VoteRule conflictsOutOfBase = new VoteRule(70, 50, true);

    @Test
    void sevenOfTenPassesAndSixOfTenFails() {
        assertThat(rule.passes(7, 10, 0)).isTrue();
        assertThat(rule.passes(6, 10, 0)).isFalse();
        assertThat(rule.passes(14, 20, 0)).isTrue();
        assertThat(rule.passes(13, 20, 0)).isFalse();
    }

    @Test
    void byDefaultMembersInConflictStayInTheBaseAndCountAsNotAgreeing() {
        assertThat(rule.base(10, 2)).isEqualTo(10);
        assertThat(rule.passes(6, 10, 2)).as("6 of 10, two in conflict: 60% of all members").isFalse();
        assertThat(rule.passes(7, 10, 2)).isTrue();
    }

    @Test
    void removingConflictsFromTheBaseIsAnOptionAtTheExactBoundary() {
        assertThat(conflictsOutOfBase.base(10, 2)).isEqualTo(8);
        // 6 × 100 = 600 ≥ 70 × 8 = 560: passes; 5 × 100 = 500 < 560: fails.
        assertThat(conflictsOutOfBase.passes(6, 10, 2)).isTrue();
        assertThat(conflictsOutOfBase.passes(5, 10, 2)).isFalse();
        // 7 of 10 in conflict 0: the same as the default; 70% of 10 exactly.
        assertThat(conflictsOutOfBase.passes(7, 10, 0)).isTrue();
        assertThat(conflictsOutOfBase.passes(0, 2, 2)).as("nobody left to vote").isFalse();
    }

    @Test
    void theShareIsOfAllMembersNotOfThoseWhoVoted() {
        assertThat(rule.passes(5, 7, 0)).as("71%").isTrue();
        assertThat(rule.passes(4, 7, 0)).as("57%").isFalse();
        assertThat(rule.passes(0, 0, 0)).isFalse();
    }

    @Test
    void quorumIsConfigurableAtItsBoundary() {
        assertThat(rule.quorumMet(5, 10)).as("50% exactly").isTrue();
        assertThat(rule.quorumMet(4, 10)).isFalse();
        assertThat(rule.quorumMet(4, 7)).isTrue();
        assertThat(rule.quorumMet(3, 7)).isFalse();
        assertThat(new VoteRule(70, 75, false).quorumMet(5, 7)).isFalse();
    }
}
