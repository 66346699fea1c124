package vn.dienbien.tdkt.council;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Quy tắc biểu quyết, as the law's common provincial rule has it: a dossier passes with yes votes
 * of at least {@code tdkt.council.pass-percent}% (default 70) of ALL members of the council.
 * Members who declare a conflict of interest do not vote on that dossier and count as not agreeing.
 * Only where a province's regulation says so are declared conflicts removed from the base
 * ({@code tdkt.council.exclude-conflicts-from-base}, default false).
 * The session's vote counts when at least {@code tdkt.council.quorum-percent}% (default 50) of all
 * members took part (in person or by a written vote); below that the session is adjourned.
 * Integer arithmetic throughout, so that exactly 70% passes and no rounding lets 69.9% through.
 */
@Component
public class VoteRule {

    private final int passPercent;
    private final int quorumPercent;
    private final boolean excludeConflictsFromBase;

    VoteRule(@Value("${tdkt.council.pass-percent:70}") int passPercent,
            @Value("${tdkt.council.quorum-percent:50}") int quorumPercent,
            @Value("${tdkt.council.exclude-conflicts-from-base:false}") boolean excludeConflictsFromBase) {
        if (passPercent < 1 || passPercent > 100 || quorumPercent < 1 || quorumPercent > 100) {
            throw new IllegalArgumentException("tdkt.council.pass-percent và quorum-percent phải trong khoảng 1–100.");
        }
        this.passPercent = passPercent;
        this.quorumPercent = quorumPercent;
        this.excludeConflictsFromBase = excludeConflictsFromBase;
    }

    /** The base the share is taken of: all members, or (by option) all members not in conflict. */
    public int base(int allMembers, int conflicts) {
        return excludeConflictsFromBase ? allMembers - conflicts : allMembers;
    }

    /** Whether {@code yesVotes} reach the share of the base of a council of {@code allMembers}. */
    public boolean passes(int yesVotes, int allMembers, int conflicts) {
        int base = base(allMembers, conflicts);
        return base > 0 && yesVotes * 100L >= (long) passPercent * base;
    }

    public boolean quorumMet(int membersWhoVoted, int allMembers) {
        return allMembers > 0 && membersWhoVoted * 100L >= (long) quorumPercent * allMembers;
    }

    public int passPercent() {
        return passPercent;
    }

    public int quorumPercent() {
        return quorumPercent;
    }

    public boolean excludesConflictsFromBase() {
        return excludeConflictsFromBase;
    }

    /** The rule as people read it, in the tally and the forms. */
    public String describe() {
        return "cần số đồng ý ≥ " + passPercent + "% "
                + (excludeConflictsFromBase ? "tổng số thành viên Hội đồng không xung đột lợi ích"
                        : "tổng số thành viên Hội đồng (thành viên xung đột lợi ích không biểu quyết, tính là không đồng ý)");
    }
}
