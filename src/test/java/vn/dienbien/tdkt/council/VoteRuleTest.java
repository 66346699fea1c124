package vn.dienbien.tdkt.council;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoteRuleTest {

    private final VoteRule rule = new VoteRule(70, 50);

    @Test
    void exactlySeventyPercentPassesAndOneVoteBelowFails() {
        assertThat(rule.passes(7, 10)).isTrue();
        assertThat(rule.passes(6, 10)).isFalse();
        assertThat(rule.passes(14, 20)).isTrue();
        assertThat(rule.passes(13, 20)).isFalse();
    }

    @Test
    void theShareIsOfAllMembersNotOfThoseWhoVoted() {
        assertThat(rule.passes(5, 7)).as("71%").isTrue();
        assertThat(rule.passes(4, 7)).as("57%").isFalse();
        assertThat(rule.passes(0, 0)).isFalse();
    }

    @Test
    void quorumIsConfigurable() {
        assertThat(rule.quorumMet(4, 7)).isTrue();
        assertThat(rule.quorumMet(3, 7)).isFalse();
        assertThat(new VoteRule(70, 75).quorumMet(5, 7)).isFalse();
    }
}
