package vn.dienbien.tdkt.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findByYearOrderByNumber(int year);

    boolean existsByYearAndNumber(int year, int number);

    /** Whether a number of the year's book is taken, by an award decision or an annulment decision. */
    @Query(value = "select (select count(*) from decision where number_year = :year and number_value = :number)"
            + " + (select count(*) from award_annulment where number_year = :year and number_value = :number)",
            nativeQuery = true)
    long usesOfNumber(@Param("year") int year, @Param("number") int number);

    java.util.Optional<Decision> findByYearAndCode(int year, String code);

    /** Takes the year's counter row lock for the rest of the transaction without changing it. */
    @Modifying
    @Query(value = "update decision_number_counter set last_number = last_number where counter_year = :year",
            nativeQuery = true)
    int lockCounter(@Param("year") int year);

    /** The counter never goes back below a number used (the next proposal follows the highest). */
    @Modifying
    @Query(value = "update decision_number_counter set last_number = :number where counter_year = :year"
            + " and last_number < :number", nativeQuery = true)
    int raiseCounter(@Param("year") int year, @Param("number") int number);

    /** The decisions naming a dossier's nominee, latest first. */
    @Query("select d from Decision d join d.awardees a where a.dossierId = :dossierId order by d.issuedAt desc, d.id desc")
    List<Decision> findNamingDossier(@Param("dossierId") Long dossierId);

    @Query(value = "select last_number from decision_number_counter where counter_year = :year", nativeQuery = true)
    Integer currentNumber(@Param("year") int year);
}
