package vn.dienbien.tdkt.council;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Quy tắc biểu quyết: a dossier passes with yes votes of at least {@code passPercent}% (default
 * 70) of all council members not removed by a conflict of interest, provided that at least
 * {@code quorumPercent}% (default 50) of the members took part in the session's vote.
 */
@Component
public class VoteRule {

    private final int passPercent;
    private final int quorumPercent;

    VoteRule(@Value("${tdkt.council.pass-percent:70}") int passPercent,
            @Value("${tdkt.council.quorum-percent:50}") int quorumPercent) {
        this.passPercent = passPercent;
        this.quorumPercent = quorumPercent;
    }

    /** Integer arithmetic, so that exactly 70% passes and no rounding lets 69.9% through. */
    public boolean passes(int yesVotes, int eligibleMembers) {
        return eligibleMembers > 0 && yesVotes * 100L >= (long) passPercent * eligibleMembers;
    }

    public boolean quorumMet(int membersWhoVoted, int allMembers) {
        return allMembers > 0 && membersWhoVoted * 100L >= (long) quorumPercent * allMembers;
    }

    public int passPercent() {
        return passPercent;
    }
}
