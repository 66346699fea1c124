package vn.dienbien.tdkt.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findByYearOrderByNumber(int year);

    /** The decisions naming a dossier's nominee, latest first. */
    @Query("select d from Decision d join d.awardees a where a.dossierId = :dossierId order by d.issuedAt desc, d.id desc")
    List<Decision> findNamingDossier(@Param("dossierId") Long dossierId);

    /** Takes the year's counter row lock for the rest of the transaction and advances it. */
    @Modifying
    @Query(value = "update decision_number_counter set last_number = last_number + 1 where counter_year = :year",
            nativeQuery = true)
    int advanceCounter(@Param("year") int year);

    @Query(value = "select last_number from decision_number_counter where counter_year = :year", nativeQuery = true)
    Integer currentNumber(@Param("year") int year);
}
