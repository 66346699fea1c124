package vn.dienbien.tdkt.evaluation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;

interface ScoringTableRepository extends JpaRepository<ScoringTable, Long> {

    Optional<ScoringTable> findByGroupIdAndYear(Long groupId, int year);

    List<ScoringTable> findByYear(int year);
}

interface ScoringCriterionRepository extends JpaRepository<ScoringCriterion, Long> {

    // JPQL, not a derived query: Hibernate caches a JPQL string's translation, a derived (criteria) query is
    // translated again at every call; these run at every step of a case (issue 12).
    @Query("select c from ScoringCriterion c where c.tableId = :tableId order by c.code")
    List<ScoringCriterion> findByTableIdOrderByCode(@Param("tableId") Long tableId);
}

interface EvaluationRoundRepository extends JpaRepository<EvaluationRound, Long> {

    Optional<EvaluationRound> findByCampaignIdAndYear(Long campaignId, int year);

    /** The round a yearly-evaluation case belongs to. */
    @Query("select r from EvaluationRound r where r.processInstanceId = :processInstanceId")
    Optional<EvaluationRound> findByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    List<EvaluationRound> findByCampaignIdAndYearLessThanEqualOrderByYear(Long campaignId, int year);

    long countByCampaignIdAndYearLessThanEqual(Long campaignId, int year);
}

interface UnitScoreRepository extends JpaRepository<UnitScore, Long> {

    List<UnitScore> findByRoundIdAndUnitId(Long roundId, Long unitId);

    List<UnitScore> findByRoundIdAndUnitIdIn(Long roundId, List<Long> unitIds);

    boolean existsByRoundIdAndUnitId(Long roundId, Long unitId);

    long countByRoundId(Long roundId);
}

interface BlockVoteRepository extends JpaRepository<BlockVote, Long> {

    List<BlockVote> findByRoundIdAndGroupId(Long roundId, Long groupId);

    boolean existsByRoundIdAndVoterUnitId(Long roundId, Long voterUnitId);

    long countByRoundId(Long roundId);
}

interface BlockReviewRepository extends JpaRepository<BlockReview, Long> {

    boolean existsByRoundIdAndGroupId(Long roundId, Long groupId);
}

interface BlockResultRepository extends JpaRepository<BlockResult, Long> {

    List<BlockResult> findByRoundId(Long roundId);

    Optional<BlockResult> findByRoundIdAndGroupId(Long roundId, Long groupId);

    boolean existsByRoundIdAndGroupId(Long roundId, Long groupId);

    @Query("select r from BlockResult r, EvaluationRound e where r.roundId = e.id and r.groupId = ?1 and e.year = ?2")
    List<BlockResult> findByGroupIdAndYear(Long groupId, int year);
}

/** The registry as the evaluation needs it: blocks and their member units, asked of the database. */
interface BlockRegistry extends Repository<OrgUnit, Long> {

    @Query("select g from EmulationGroup g where g.code = ?1")
    Optional<EmulationGroup> groupByCode(String code);

    @Query("select g from EmulationGroup g where g.id = ?1")
    Optional<EmulationGroup> groupById(Long id);

    @Query("select u from OrgUnit u where u.emulationGroup.id = ?1 and u.active = true order by u.code")
    List<OrgUnit> membersOf(Long groupId);

    @Query("select u from OrgUnit u where u.code = ?1")
    Optional<OrgUnit> unitByCode(String code);

    @Query("select u from OrgUnit u where u.id = ?1")
    Optional<OrgUnit> unitById(Long id);

    @Query("select count(c) from Campaign c where c.periodStartYear <= ?1 and c.periodEndYear >= ?1")
    long campaignsCovering(int year);
}
