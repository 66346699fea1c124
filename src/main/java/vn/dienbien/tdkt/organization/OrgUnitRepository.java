package vn.dienbien.tdkt.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    // JPQL, not a derived query: Hibernate caches a JPQL string's translation, a derived (criteria) query is
    // translated again at every call; these run at every step of a case (issue 12).
    @Query("select u from OrgUnit u where u.code = :code")
    Optional<OrgUnit> findByCode(@Param("code") String code);

    List<OrgUnit> findByActiveTrueOrderByCode();

    boolean existsByCodeIgnoreCase(String code);
}
