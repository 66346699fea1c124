package vn.dienbien.tdkt.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    Optional<OrgUnit> findByCode(String code);

    List<OrgUnit> findByActiveTrueOrderByCode();

    boolean existsByCodeIgnoreCase(String code);
}
