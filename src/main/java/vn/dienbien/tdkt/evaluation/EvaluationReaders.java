package vn.dienbien.tdkt.evaluation;

import java.util.List;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Who may read what of a block's evaluation — the one place for this rule in the module.
 *
 * <ul>
 * <li>The Board (and its head), the council and its standing body, the Chairman, the auditors and the
 * Fatherland Front read everything of every block: scores, evidence, votes.</li>
 * <li>The block's leader unit reads every member's scores and evidence (it reviews them); the
 * votes once the block's result is recorded.</li>
 * <li>A member unit reads the scoring table and its own scores and evidence at any time; the
 * block's standings (totals after review, without votes) once the leader has reviewed them and
 * the block votes; the whole block — others' scores, evidence and votes — once the result is
 * recorded.</li>
 * <li>Anyone else reads nothing of the block.</li>
 * </ul>
 */
final class EvaluationReaders {

    /** The roles that oversee or decide and so read every block. */
    static final List<String> READ_ALL = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD, CamundaGroups.COUNCIL,
            CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
            CamundaGroups.FATHERLAND_FRONT);

    /** What the rule needs to know of a block in a round. */
    record Block(String leaderGroup, List<String> memberGroups, boolean reviewed, boolean published) {
    }

    /** What one person may see of one block. */
    record Reading(boolean table, boolean ownUnitOnly, boolean allScores, boolean standings, boolean votes) {

        static final Reading NOTHING = new Reading(false, false, false, false, false);

        boolean any() {
            return table;
        }
    }

    private EvaluationReaders() {
    }

    static Reading of(CurrentUser user, Block block) {
        if (user.inAnyGroup(READ_ALL)) {
            return new Reading(true, false, true, true, true);
        }
        if (user.inGroup(block.leaderGroup())) {
            return new Reading(true, false, true, true, block.published());
        }
        if (user.inAnyGroup(block.memberGroups())) {
            return block.published() ? new Reading(true, false, true, true, true)
                    : new Reading(true, true, false, block.reviewed(), false);
        }
        return Reading.NOTHING;
    }

    /** Exports of a round's results: the overseeing roles see every block, a unit its own block once published. */
    static boolean readsResults(CurrentUser user, Block block) {
        Reading reading = of(user, block);
        return reading.standings() && reading.votes();
    }
}
