package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.CurrentUser;

/** The read rule of a block's evaluation, role by role and stage by stage. */
class EvaluationReadersTest {

    private static final List<String> MEMBERS = List.of("donvi.mcha", "donvi.mnhe", "donvi.nampo");
    private static final EvaluationReaders.Block SCORING = new EvaluationReaders.Block("donvi.mnhe", MEMBERS, false, false);
    private static final EvaluationReaders.Block VOTING = new EvaluationReaders.Block("donvi.mnhe", MEMBERS, true, false);
    private static final EvaluationReaders.Block PUBLISHED = new EvaluationReaders.Block("donvi.mnhe", MEMBERS, true, true);

    @Test
    void boardCouncilChairmanAuditorsAndFatherlandFrontReadEverythingAtEveryStage() {
        for (String group : List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD, CamundaGroups.COUNCIL,
                CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
                CamundaGroups.FATHERLAND_FRONT)) {
            for (var block : List.of(SCORING, VOTING, PUBLISHED)) {
                var reading = EvaluationReaders.of(user(group, "donvi.syt"), block);
                assertThat(reading.allScores() && reading.standings() && reading.votes()).as(group).isTrue();
                assertThat(EvaluationReaders.readsResults(user(group), block)).as(group).isTrue();
            }
        }
    }

    @Test
    void theLeaderReadsItsBlocksScoresAndTheVotesOnlyOncePublished() {
        var leader = user("donvi.mnhe", "thutruong.mnhe");
        assertThat(EvaluationReaders.of(leader, SCORING)).isEqualTo(new EvaluationReaders.Reading(true, false, true, true, false));
        assertThat(EvaluationReaders.of(leader, VOTING).votes()).isFalse();
        assertThat(EvaluationReaders.of(leader, PUBLISHED).votes()).isTrue();
        assertThat(EvaluationReaders.readsResults(leader, VOTING)).isFalse();
        assertThat(EvaluationReaders.readsResults(leader, PUBLISHED)).isTrue();
    }

    @Test
    void aMemberReadsItsOwnScoresThenTheStandingsToVoteThenTheWholeBlockOncePublished() {
        var member = user("donvi.mcha");
        assertThat(EvaluationReaders.of(member, SCORING)).isEqualTo(new EvaluationReaders.Reading(true, true, false, false, false));
        assertThat(EvaluationReaders.of(member, VOTING)).isEqualTo(new EvaluationReaders.Reading(true, true, false, true, false));
        assertThat(EvaluationReaders.of(member, PUBLISHED)).isEqualTo(new EvaluationReaders.Reading(true, false, true, true, true));
        assertThat(EvaluationReaders.readsResults(member, VOTING)).isFalse();
        assertThat(EvaluationReaders.readsResults(member, PUBLISHED)).isTrue();
    }

    @Test
    void aUnitOfAnotherBlockAndTheAdministratorReadNothingOfTheBlock() {
        for (var reader : List.of(user("donvi.syt"), user(CamundaGroups.ADMINISTRATORS), user())) {
            for (var block : List.of(SCORING, VOTING, PUBLISHED)) {
                assertThat(EvaluationReaders.of(reader, block)).isEqualTo(EvaluationReaders.Reading.NOTHING);
                assertThat(EvaluationReaders.readsResults(reader, block)).isFalse();
            }
        }
    }

    private static CurrentUser user(String... groups) {
        return new CurrentUser("nguoi-doc", List.of(groups));
    }
}
