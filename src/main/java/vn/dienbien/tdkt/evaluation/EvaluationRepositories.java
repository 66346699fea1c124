package vn.dienbien.tdkt.evaluation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoringTableRepository extends JpaRepository<ScoringTable, Long> {

    Optional<ScoringTable> findByGroupIdAndYear(Long groupId, int year);

    List<ScoringTable> findByYear(int year);
}

interface ScoringCriterionRepository extends JpaRepository<ScoringCriterion, Long> {

    List<ScoringCriterion> findByTableIdOrderByCode(Long tableId);
}

interface EvaluationRoundRepository extends JpaRepository<EvaluationRound, Long> {

    Optional<EvaluationRound> findByCampaignIdAndYear(Long campaignId, int year);

    List<EvaluationRound> findByYear(int year);
}

interface UnitScoreRepository extends JpaRepository<UnitScore, Long> {

    List<UnitScore> findByRoundIdAndUnitId(Long roundId, Long unitId);

    List<UnitScore> findByRoundId(Long roundId);
}

interface BlockVoteRepository extends JpaRepository<BlockVote, Long> {

    List<BlockVote> findByRoundIdAndGroupId(Long roundId, Long groupId);

    boolean existsByRoundIdAndVoterUnitId(Long roundId, Long voterUnitId);
}

interface BlockResultRepository extends JpaRepository<BlockResult, Long> {

    List<BlockResult> findByGroupId(Long groupId);

    List<BlockResult> findByRoundId(Long roundId);
}
