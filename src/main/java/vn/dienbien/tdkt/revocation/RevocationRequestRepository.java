package vn.dienbien.tdkt.revocation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RevocationRequestRepository extends JpaRepository<RevocationRequest, Long> {

    Optional<RevocationRequest> findByProcessInstanceId(String processInstanceId);

    boolean existsByOpenDossierId(Long dossierId);
}
