package vn.dienbien.tdkt.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    // JPQL, not a derived query: Hibernate caches a JPQL string's translation, a derived (criteria) query is
    // translated again at every call; these run at every step of a case (issue 12). The unit's group (eager) comes
    // in the same statement: the query read it in a second one (twenty-third pass).
    @Query("select u from OrgUnit u left join fetch u.emulationGroup where u.code = :code")
    Optional<OrgUnit> findByCode(@Param("code") String code);

    List<OrgUnit> findByActiveTrueOrderByCode();

    boolean existsByCodeIgnoreCase(String code);
}
