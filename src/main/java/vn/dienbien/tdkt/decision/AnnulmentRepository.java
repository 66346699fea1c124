package vn.dienbien.tdkt.decision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnnulmentRepository extends JpaRepository<Annulment, Long> {

    Optional<Annulment> findByDossierId(Long dossierId);

    List<Annulment> findByDossierIdIn(Collection<Long> dossierIds);

    boolean existsByDossierId(Long dossierId);
}
