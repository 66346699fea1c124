package vn.dienbien.tdkt.organization;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmulationGroupRepository extends JpaRepository<EmulationGroup, Long> {

    Optional<EmulationGroup> findByCode(String code);
}
