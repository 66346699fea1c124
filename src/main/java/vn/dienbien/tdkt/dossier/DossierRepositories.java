package vn.dienbien.tdkt.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

interface DossierRepository extends JpaRepository<Dossier, Long> {

    // Hot finders are written as JPQL: Hibernate caches a JPQL string's translation, while Spring Data's derived
    // queries are criteria queries that Hibernate 6.6 translates to SQL again on every call (issue 12's profile:
    // about a quarter of a worker's CPU).
    /**
     * The nominee's other dossiers for the same award and year in these statuses, counted by the database: the
     * eligibility rules read every dossier of the nominee as records to count them in memory until issue 12's
     * twenty-third pass (the nominee index serves it).
     */
    @Query("select count(d) from Dossier d where d.nomineeKey = :nomineeKey and d.awardCode = :awardCode"
            + " and d.year = :year and d.id <> :id and d.status in :statuses")
    long countOtherDossiersOfNominee(@Param("nomineeKey") String nomineeKey, @Param("awardCode") String awardCode,
            @Param("year") int year, @Param("id") Long id, @Param("statuses") Collection<DossierStatus> statuses);

    @Query("select d from Dossier d where d.processInstanceId = :processInstanceId")
    Optional<Dossier> findByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    @Query("select d.id from Dossier d where d.processInstanceId = :processInstanceId")
    Optional<Long> idOfCase(@Param("processInstanceId") String processInstanceId);

    List<Dossier> findByAwardCodeAndYearAndLedGroupIdAndStatusIn(String awardCode, int year, Long ledGroupId,
            Collection<DossierStatus> statuses);

    List<Dossier> findByNomineeUnitIdOrProposingUnitIdOrderByYear(Long nomineeUnitId, Long proposingUnitId);

    // The lists below read only the dossiers they show: a province keeps every year's dossiers (100,000 and
    // more), and reading them all to filter in memory took seconds and the heap (issue 12).
    @Query("select d from Dossier d where d.status = :status order by d.id")
    List<Dossier> findByStatusOrderById(@Param("status") DossierStatus status);

    @Query("select d from Dossier d where d.campaignId = :campaignId and d.year <= :upToYear and d.status = :status"
            + " order by d.id")
    List<Dossier> findByCampaignUpToYearInStatus(@Param("campaignId") Long campaignId,
            @Param("upToYear") int upToYear, @Param("status") DossierStatus status);

    /** Individuals whose nominee key starts with {@code prefix} (LIKE pattern, {@code \} escapes). */
    @Query("select d from Dossier d where d.nomineeKind = vn.dienbien.tdkt.dossier.NomineeKind.INDIVIDUAL"
            + " and d.nomineeKey like :prefix escape '\\' order by d.year, d.id")
    List<Dossier> findIndividualsByNomineeKeyPrefix(@Param("prefix") String prefix);
}

interface AwardRepository extends JpaRepository<Award, String> {
}

interface DossierStatusChangeRepository extends JpaRepository<DossierStatusChange, Long> {

    @Query("select c from DossierStatusChange c where c.dossierId = :dossierId order by c.at, c.id")
    List<DossierStatusChange> findByDossierIdOrderByAtAscIdAsc(@Param("dossierId") Long dossierId);
}

interface DossierRuleResultRepository extends JpaRepository<DossierRuleResult, Long> {

    @Query("select r from DossierRuleResult r where r.dossierId = :dossierId order by r.round, r.id")
    List<DossierRuleResult> findByDossierIdOrderByRoundAscIdAsc(@Param("dossierId") Long dossierId);
}
